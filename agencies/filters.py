"""Filters of agency lists: the pickers other apps use, and the directory's filters as of a date."""

import datetime

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from campaign_portal.filters import ListedChoiceField, ListedChoiceFilter, ListedChoiceIterator

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


class AgencyNameIterator(ListedChoiceIterator):
    """Options as (id, name) rows: a select of a province's agencies (thousands after a merger of
    provinces) builds no Agency per option."""

    def rows(self):
        return self.queryset.values_list("pk", "name")


class AgencyChoiceField(ListedChoiceField):
    iterator = AgencyNameIterator


class AgencyChoiceFilter(ListedChoiceFilter):
    """A filter on one agency whose select shows agency names (`Agency.__str__`)."""

    field_class = AgencyChoiceField


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
