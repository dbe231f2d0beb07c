"""A day/month/year date field whose message names the real cause: a date typed in the right
shape that does not exist on the calendar ("31/02/2025") is told that, not told to use the shape
it already has."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SHAPE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class DayMonthYearField(forms.DateField):
    input_formats = ["%d/%m/%Y", "%Y-%m-%d"]

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            text = value.strip() if isinstance(value, str) else ""
            if _SHAPE.fullmatch(text):
                raise ValidationError(
                    _("Ngày %(value)s không có thật: hãy kiểm tra lại ngày và tháng."),
                    code="no_such_day",
                    params={"value": text},
                ) from None
            raise
