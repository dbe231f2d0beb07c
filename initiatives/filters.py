import django_filters
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from agencies.enums import AgencyLevel
from agencies.filters import (
    AgencyPickerFilterMixin,
    agency_name_filter,
    agency_picked_filter,
    district_name_filter,
    district_picked_filter,
)
from agencies.selectors import agencies_readable_by
from campaign_portal.filters import AgencyRowsFilterMixin, FilterForm
from campaigns.filters import CAMPAIGN_PARAMETER, CampaignFilter
from campaigns.models import InitiativeCategory

from .enums import InitiativeKind, InitiativeState
from .models import Initiative
from .selectors import has_replication


def _with_descending(labels: dict) -> dict:
    """Each sort label and its descending twin, both lazy: django-filter builds the "(descending)"
    labels once, at import, in the language of the moment and with its own English word."""
    return {
        **labels,
        **{
            f"-{key}": format_lazy("{label} ({order})", label=label, order=_("giảm dần"))
            for key, label in labels.items()
        },
    }


REPLICATED_CHOICES = (("yes", _("Đã nhân rộng")), ("no", _("Chưa nhân rộng")))


class InitiativeFilter(AgencyPickerFilterMixin, AgencyRowsFilterMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm kiếm"), method="filter_text")
    campaign = CampaignFilter()
    agency = agency_picked_filter()
    agency_name = agency_name_filter(label=_("Cơ quan, đơn vị"))
    level = django_filters.ChoiceFilter(
        label=_("Cấp"), field_name="agency__level", choices=AgencyLevel.choices, empty_label=_("Mọi cấp")
    )
    district = district_picked_filter()
    district_name = district_name_filter(label=_("Huyện, thị xã, thành phố"))
    category = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực, nhóm"),
        queryset=InitiativeCategory.objects.only("name").order_by("campaign_id", "position", "pk"),
        empty_label=_("Mọi lĩnh vực"),
    )
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=InitiativeKind.choices, empty_label=_("Mọi loại"))
    state = django_filters.ChoiceFilter(
        label=_("Trạng thái"), choices=InitiativeState.choices, empty_label=_("Mọi trạng thái")
    )
    replicated = django_filters.ChoiceFilter(
        label=_("Nhân rộng"), choices=REPLICATED_CHOICES, method="filter_replicated", empty_label=_("Tất cả")
    )
    sort = django_filters.OrderingFilter(
        label=_("Sắp xếp"),
        fields=(
            ("agency__name", "agency"),
            ("title", "title"),
            ("started_on", "started_on"),
            ("state_rank", "state"),
            ("replication_count", "replication"),
            ("updated_at", "updated"),
        ),
        field_labels=_with_descending(
            {
                "agency": _("Cơ quan, đơn vị"),
                "title": _("Tên"),
                "started_on": _("Ngày bắt đầu"),
                "state": _("Trạng thái"),
                "replication": _("Số nơi nhân rộng"),
                "updated": _("Cập nhật"),
            }
        ),
        empty_label=_("Mặc định"),
    )

    class Meta:
        model = Initiative
        fields = [
            "q",
            "agency",
            "agency_name",
            "level",
            "district",
            "district_name",
            "category",
            "kind",
            "state",
            "replicated",
        ]
        form = FilterForm

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The campaign goes by the portal's one name for it in URLs (campaigns/filters.py).
        self.filters = {
            (CAMPAIGN_PARAMETER if name == "campaign" else name): value for name, value in self.filters.items()
        }
        # The picker names only agencies whose initiatives the user may read.
        self.filters["agency"].queryset = agencies_readable_by(user=user)

    def filter_replicated(self, queryset, name, value):
        return queryset.filter(has_replication()) if value == "yes" else queryset.exclude(has_replication())
