"""Agency filters: the directory's, as of a date, and the agency picker shared by the lists of many
agencies' rows (a text box and a hidden id instead of a select of every agency)."""

import datetime

import django_filters
from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from campaign_portal.text import fold_text

from .enums import AgencyKind, AgencyLevel
from .models import Agency
from .selectors import (
    COMMITTEE_KINDS,
    DateBeforeHistory,
    agencies_as_of,
    hierarchy_date_check,
    level_above_commune_as_of,
    levels_as_of,
)


def agency_picked_filter():
    """The agency the picker chose, by id (a hidden field); the view sets the agencies it may name."""
    return django_filters.ModelChoiceFilter(
        queryset=Agency.objects.none(), method="filter_agency", widget=forms.HiddenInput
    )


def agency_name_filter(*, label):
    """The text box the picker (static/js/agency-picker.js) turns into a search-as-you-type list."""
    return django_filters.CharFilter(
        label=label,
        method="filter_agency_name",
        widget=forms.TextInput(
            attrs={
                "data-agency-picker": reverse_lazy("agencies:search"),
                "data-agency-picker-target": "id_agency",
                "autocomplete": "off",
                "placeholder": _("Gõ tên cơ quan để tìm"),
            }
        ),
    )


class AgencyPickerFilterMixin:
    """The agency filter of a list of many agencies' rows, as `agency = agency_picked_filter()` and
    `agency_name = agency_name_filter(...)`, instead of a select of the province's agencies (541,
    thousands after a merger of provinces) that every page load would render.

    With JavaScript the picker fills both: the name shown and the id chosen. Without it, the typed
    words filter the rows by their agency's name, short name or parent on submit, without
    diacritics. When the text no longer is the chosen agency's name, the text decides."""

    def _agency_chosen(self):
        chosen = self.form.cleaned_data.get("agency")
        typed = self.form.cleaned_data.get("agency_name")
        if chosen is not None and typed and fold_text(typed) != fold_text(chosen.name):
            return None
        return chosen

    def filter_agency(self, queryset, name, value):
        chosen = self._agency_chosen()
        return queryset.filter(agency=chosen) if chosen is not None else queryset

    def filter_agency_name(self, queryset, name, value):
        if self._agency_chosen() is not None:
            return queryset
        for word in fold_text(value).split():
            queryset = queryset.filter(agency__search_text__contains=word)
        return queryset

    def filter_queryset(self, queryset):
        chosen = self.form.cleaned_data.get("agency")
        if chosen is not None and not self.form.cleaned_data.get("agency_name"):
            # A link that names the agency by id alone (?agency=12) shows its name in the box.
            self.form.data = self.form.data.copy()
            self.form.data["agency_name"] = chosen.name
        return super().filter_queryset(queryset)


class AsOfDateField(forms.DateField):
    """The directory's date picker: a browser date field (ISO) that also takes dd/mm/yyyy typed or in a link."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%d", "%d/%m/%Y"], **kwargs)

    def validate(self, value):
        super().validate(value)
        if value is not None:
            try:
                hierarchy_date_check(value)
            except DateBeforeHistory as error:
                raise forms.ValidationError(str(error), code="before_history") from error


class AsOfForm(forms.Form):
    on = AsOfDateField(label=_("Theo hiện trạng ngày"), required=False)


class AgencyFilter(django_filters.FilterSet):
    """The directory's filters on the agencies standing on one day (`day`): the levels and the
    units above the communes are those of that day, named as they stood."""

    q = django_filters.CharFilter(label=_("Tìm kiếm"), method="filter_text")
    level = django_filters.ChoiceFilter(label=_("Cấp"), choices=AgencyLevel.choices, empty_label=_("Mọi cấp"))
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=AgencyKind.choices, empty_label=_("Mọi loại"))
    area = django_filters.ModelChoiceFilter(
        label=_("Đơn vị cấp trên cấp xã"),
        queryset=Agency.objects.none(),
        method="filter_area",
        empty_label=_("Mọi địa phương"),
    )

    class Meta:
        model = Agency
        fields = ["q", "level", "kind", "area"]

    def __init__(self, data=None, queryset=None, *, day: datetime.date, **kwargs):
        super().__init__(data, queryset, **kwargs)
        above = level_above_commune_as_of(day)
        self.filters["level"].extra["choices"] = [(level, AgencyLevel(level).label) for level in levels_as_of(day)]
        area = self.filters["area"]
        area.label = AREA_LABELS[above]
        area.queryset = agencies_as_of(day).filter(level=above, kind__in=COMMITTEE_KINDS).order_by("short_name", "name")

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def filter_area(self, queryset, name, value):
        return queryset.filter(parent=value) | queryset.filter(pk=value.pk)


# "By district" until 30/06/2025, by province after: the filter is named as the level stood.
AREA_LABELS = {
    AgencyLevel.DISTRICT: _("Huyện, thị xã, thành phố"),
    AgencyLevel.PROVINCE: _("Tỉnh, thành phố"),
    AgencyLevel.COMMUNE: _("Xã, phường"),
}
