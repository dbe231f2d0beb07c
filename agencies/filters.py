"""Agency filters: the directory's, as of a date, and the agency and district pickers shared by the
lists of many agencies' rows (a text box and a hidden id instead of a select of every agency)."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from campaign_portal.text import fold_text

from .enums import AgencyKind, AgencyLevel
from .models import Agency
from .selectors import (
    COMMITTEE_KINDS,
    DateBeforeHistory,
    agencies_as_of,
    districts_for_filters,
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
        widget=_picker_text_box(
            source=reverse_lazy("agencies:search"), target="id_agency", placeholder=_("Gõ tên cơ quan để tìm")
        ),
    )


def district_picked_filter():
    """The district the district picker chose, by id (a hidden field): a link may name it alone."""
    return django_filters.ModelChoiceFilter(
        queryset=districts_for_filters(), method="filter_district", widget=forms.HiddenInput
    )


def district_name_filter(*, label):
    """The district picker's text box: the agency picker's script fed by the districts' endpoint."""
    return django_filters.CharFilter(
        label=label,
        method="filter_district_name",
        widget=_picker_text_box(
            source=reverse_lazy("agencies:search_districts"),
            target="id_district",
            placeholder=_("Gõ tên huyện, thị xã, thành phố để tìm"),
        ),
    )


def _picker_text_box(*, source, target, placeholder):
    return forms.TextInput(
        attrs={
            "data-agency-picker": source,
            "data-agency-picker-target": target,
            "autocomplete": "off",
            "placeholder": placeholder,
        }
    )


class AgencyPickerFilterMixin:
    """The agency and district filters of a list of many agencies' rows, as `agency =
    agency_picked_filter()` with `agency_name = agency_name_filter(...)` and `district =
    district_picked_filter()` with `district_name = district_name_filter(...)`, instead of a select of
    the province's agencies (541, thousands after a merger of provinces) or of its districts that every
    page load would render.

    With JavaScript a picker fills both: the name shown and the id chosen. Without it, the typed
    words filter the rows on submit, without diacritics: by their agency's name, short name or
    parent; by the districts so named. When the text no longer is the chosen one's name, the text
    decides. A district keeps its own rows and its communes'."""

    PICKERS = ("agency", "district")

    def _chosen(self, name):
        chosen = self.form.cleaned_data.get(name)
        typed = self.form.cleaned_data.get(f"{name}_name")
        if chosen is not None and typed and fold_text(typed) != fold_text(chosen.name):
            return None
        return chosen

    def filter_agency(self, queryset, name, value):
        chosen = self._chosen("agency")
        return queryset.filter(agency=chosen) if chosen is not None else queryset

    def filter_agency_name(self, queryset, name, value):
        if self._chosen("agency") is not None:
            return queryset
        for word in fold_text(value).split():
            queryset = queryset.filter(agency__search_text__contains=word)
        return queryset

    def filter_district(self, queryset, name, value):
        chosen = self._chosen("district")
        if chosen is None:
            return queryset
        return queryset.filter(Q(agency=chosen) | Q(agency__parent=chosen))

    def filter_district_name(self, queryset, name, value):
        if self._chosen("district") is not None:
            return queryset
        districts = districts_for_filters().search(value).values("pk")
        return queryset.filter(Q(agency__in=districts) | Q(agency__parent__in=districts))

    def filter_queryset(self, queryset):
        for name in self.PICKERS:
            chosen = self.form.cleaned_data.get(name)
            if chosen is not None and not self.form.cleaned_data.get(f"{name}_name"):
                # A link that names the agency by id alone (?agency=12) shows its name in the box.
                self.form.data = self.form.data.copy()
                self.form.data[f"{name}_name"] = chosen.name
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
