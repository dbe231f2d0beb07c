"""Pages of at most 200 rows. A page size or number that is not a whole
number in range answers 400 naming the parameter: a caller asking for a million rows learns the
limit instead of silently receiving fewer than it asked for."""

import re

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

from campaign_portal.pagination import IdsFirstPaginator

# ASCII digits only, and few of them: str.isdigit() takes "²", and int() refuses 5,000 digits.
WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


class ApiPagination(PageNumberPagination):
    django_paginator_class = IdsFirstPaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    page_query_description = gettext_lazy("Số trang, từ 1.")
    page_size_query_description = gettext_lazy("Số dòng mỗi trang, từ 1 đến 200 (mặc định 50).")

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not WHOLE_NUMBER.fullmatch(raw) or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("page_size: phải là số nguyên từ 1 đến %(max)d.") % {"max": self.max_page_size}
                    ]
                }
            )
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and (not WHOLE_NUMBER.fullmatch(raw) or int(raw) < 1):
            raise ValidationError({self.page_query_param: [_("page: phải là số nguyên dương.")]})
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            raise NotFound(_("page: không có trang %(page)s.") % {"page": raw}) from None


class RegisterPagination(ApiPagination):
    """The register joins two tables (UNION): it has no single id to cut the page on first, and its
    rows are plain columns with no joins to defer, so the page is cut in one query."""

    django_paginator_class = Paginator
