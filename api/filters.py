"""Date filters of the API. Dates are ISO 8601 (2024-11-30, or a date and time with its offset);
anything else, a year beyond 9999 or a range that ends before it starts answers 400 with the
parameter's name, never 500."""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards.enums import AwardSource
from awards.register import register_entries

BAD_DATE = _("Ngày không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2024-11-30.")
BAD_DATETIME = _("Thời điểm không hợp lệ: dùng dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM:SS+07:00.")


class IsoDateField(forms.DateField):
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"invalid": BAD_DATE}


class IsoDateTimeField(forms.DateTimeField):
    """A date alone means its first moment, in Vietnam time."""

    default_error_messages = {"invalid": BAD_DATETIME}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            parsed = datetime.datetime.fromisoformat(value.strip())
        except (TypeError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        try:
            if timezone.is_naive(parsed):
                parsed = timezone.make_aware(parsed)
            # The database stores UTC: 0001-01-01 in Vietnam time would fall before year 1 there.
            return parsed.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class IsoDateFilter(django_filters.DateFilter):
    field_class = IsoDateField


class IsoDateTimeFilter(django_filters.DateTimeFilter):
    field_class = IsoDateTimeField


class UpdatedSinceFilterSet(django_filters.FilterSet):
    updated_since = IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label=_("Sửa đổi từ thời điểm (ISO 8601)")
    )


class AwardFilterSet(UpdatedSinceFilterSet):
    """The register's filters, checked here and applied by `register_entries`, as the register's page
    applies them."""

    decision_from = IsoDateFilter(field_name="decision_date", lookup_expr="gte", label=_("Ngày quyết định từ"))
    decision_to = IsoDateFilter(field_name="decision_date", lookup_expr="lte", label=_("Ngày quyết định đến"))
    campaign = django_filters.CharFilter(
        field_name="campaign__code",
        label=_("Mã phong trào (khen thưởng ghi nhận trước khi có cổng không thuộc phong trào nào)"),
    )
    source = django_filters.ChoiceFilter(
        choices=AwardSource.choices, label=_("Nguồn: portal (cổng thi đua) hoặc record (ghi nhận trước khi có cổng)")
    )

    def is_valid(self):
        valid = super().is_valid()
        start, end = self.form.cleaned_data.get("decision_from"), self.form.cleaned_data.get("decision_to")
        if valid and start and end and end < start:
            self.form.add_error("decision_to", _("decision_to: phải từ decision_from trở về sau."))
            return False
        return valid

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return register_entries(
            decision_from=data.get("decision_from"),
            decision_to=data.get("decision_to"),
            campaign=data.get("campaign") or "",
            updated_since=data.get("updated_since"),
            source=data.get("source") or "",
        )


class InitiativeFilterSet(UpdatedSinceFilterSet):
    campaign = django_filters.CharFilter(field_name="campaign__code", label=_("Mã phong trào"))
