import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from campaign_portal.filters import ListedChoiceField, ListedChoiceFilter, ListedChoiceIterator

from .enums import AgencyKind, AgencyLevel
from .models import Agency


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


class AgencyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm kiếm"), method="filter_text")
    level = django_filters.ChoiceFilter(label=_("Cấp"), choices=AgencyLevel.choices, empty_label=_("Mọi cấp"))
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=AgencyKind.choices, empty_label=_("Mọi loại"))
    district = django_filters.ModelChoiceFilter(
        label=_("Huyện, thị xã, thành phố"),
        queryset=Agency.objects.filter(kind=AgencyKind.DISTRICT_COMMITTEE).order_by("short_name"),
        method="filter_district",
        empty_label=_("Mọi địa phương"),
    )
    on = django_filters.DateFilter(
        label=_("Theo hiện trạng ngày"),
        method="filter_on",
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )

    class Meta:
        model = Agency
        fields = ["q", "level", "kind", "district", "on"]

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def filter_district(self, queryset, name, value):
        return queryset.filter(parent=value) | queryset.filter(pk=value.pk)

    def filter_on(self, queryset, name, value):
        return queryset.active_on(value)
