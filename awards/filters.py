import django_filters
from django.utils.translation import gettext_lazy as _

from agencies.enums import AgencyLevel
from agencies.filters import (
    AgencyPickerFilterMixin,
    agency_name_filter,
    agency_picked_filter,
    district_name_filter,
    district_picked_filter,
)
from agencies.models import Agency
from campaign_portal.filters import AgencyRowsFilterMixin, FilterForm

from .enums import NominationState, Verdict
from .models import AwardForm

YES_NO = [("yes", _("Có")), ("no", _("Không"))]


class NominationFilter(AgencyPickerFilterMixin, AgencyRowsFilterMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm đối tượng, cơ quan"), method="filter_text")
    state = django_filters.ChoiceFilter(
        label=_("Trạng thái"), choices=NominationState.choices, empty_label=_("Mọi trạng thái")
    )
    verdict = django_filters.ChoiceFilter(
        label=_("Kết quả kiểm tra"), choices=Verdict.choices, empty_label=_("Mọi kết quả")
    )
    agency = agency_picked_filter()
    agency_name = agency_name_filter(label=_("Cơ quan đề nghị"))
    level = django_filters.ChoiceFilter(
        label=_("Cấp"), field_name="agency__level", choices=AgencyLevel.choices, empty_label=_("Mọi cấp")
    )
    district = district_picked_filter()
    district_name = district_name_filter(label=_("Huyện, thị xã, thành phố"))
    award_form = django_filters.ModelChoiceFilter(
        label=_("Hình thức"), queryset=AwardForm.objects.none(), empty_label=_("Mọi hình thức")
    )
    late = django_filters.ChoiceFilter(label=_("Gửi trễ hạn"), choices=YES_NO, method="filter_flag", empty_label="—")
    missing = django_filters.ChoiceFilter(
        label=_("Thiếu thành phần"), choices=YES_NO, method="filter_flag", empty_label="—"
    )

    class Meta:
        form = FilterForm

    # Filters that only make sense across agencies: not shown to an agency's officer.
    STAFF_ONLY = ("agency", "agency_name", "level", "district", "district_name")

    def __init__(self, *args, campaign=None, agencies=None, staff=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not staff:
            for name in self.STAFF_ONLY:
                self.filters.pop(name)
        # The forms of one campaign in its order: the model's order would join the campaign table.
        self.filters["award_form"].queryset = AwardForm.objects.filter(campaign=campaign).order_by("position", "pk")
        if "agency" in self.filters:
            self.filters["agency"].queryset = agencies if agencies is not None else Agency.objects.none()

    def filter_flag(self, queryset, name, value):
        field = {"late": "is_late", "missing": "missing_component"}[name]
        return queryset.filter(**{field: value == "yes"})
