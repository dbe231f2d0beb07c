import datetime

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from .enums import AgencyKind
from .filters import AgencyFilter
from .models import Agency
from .selectors import agency_picker_matches


class AgencyDirectoryView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """Reviewers' directory: the tree by level (province → district → commune), with search
    and filters; with a filter the matches are listed flat with their parents."""

    template_name = "agencies/directory.html"
    permission_required = "agencies.view_directory"
    page_size = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        base = Agency.objects.select_related("parent", "successor").order_by("level", "kind", "name")
        agency_filter = AgencyFilter(self.request.GET or None, queryset=base)
        filtered = bool(self.request.GET) and agency_filter.is_valid() and any(agency_filter.form.cleaned_data.values())
        context["filter"] = agency_filter
        context["filtered"] = filtered
        if filtered:
            page = Paginator(agency_filter.qs, self.page_size).get_page(self.request.GET.get("page"))
            context["page_obj"] = page
            context["query_string"] = _query_without_page(self.request.GET)
        else:
            context["tree"] = _tree(base.active_on(today))
        context["today"] = today
        return context


class AgencySearchView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """The agency picker's source (static/js/agency-picker.js): `q` the typed text, `on` an
    optional ISO date (the hierarchy as it stood that day); answers a few agencies as JSON."""

    permission_required = "agencies.search_agencies"

    def get(self, request):
        day = None
        if request.GET.get("on"):
            try:
                day = datetime.date.fromisoformat(request.GET["on"])
            except ValueError:
                message = gettext("Ngày “%(field)s” không hợp lệ: hãy dùng dạng YYYY-MM-DD.") % {"field": "on"}
                return JsonResponse({"error": message}, status=400)
        return JsonResponse(agency_picker_matches(user=request.user, text=request.GET.get("q", "")[:200], day=day))


def _query_without_page(params) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()


TREE_GROUPS = [
    (_("UBND tỉnh, sở, ban, ngành"), (AgencyKind.PROVINCE_COMMITTEE, AgencyKind.DEPARTMENT)),
    (_("Cơ quan Trung ương đóng trên địa bàn"), (AgencyKind.CENTRAL_AGENCY,)),
    (_("UBND huyện, thị xã, thành phố và cấp xã"), (AgencyKind.DISTRICT_COMMITTEE,)),
]


def _tree(agencies) -> list[dict]:
    """Groups of top agencies, each with the units under it (communes, sub-units), from one
    query. The province committee's children are the groups themselves, so it lists none."""
    rows = sorted(agencies, key=lambda agency: agency.search_text)
    children: dict[int, list[Agency]] = {}
    for agency in rows:
        if agency.parent_id and agency.parent.kind != AgencyKind.PROVINCE_COMMITTEE:
            children.setdefault(agency.parent_id, []).append(agency)
    return [
        {
            "title": title,
            "agencies": [
                {"agency": agency, "children": children.get(agency.pk, [])}
                for agency in sorted(rows, key=lambda a: kinds.index(a.kind) if a.kind in kinds else 0)
                if agency.kind in kinds
            ],
        }
        for title, kinds in TREE_GROUPS
    ]
