"""Dates typed in the right shape but absent from the calendar are named as such."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from campaign_portal.datefields import DayMonthYearField


def test_valid_dates_in_both_shapes():
    field = DayMonthYearField()
    assert field.clean("29/02/2024") == datetime.date(2024, 2, 29)
    assert field.clean("2024-02-29") == datetime.date(2024, 2, 29)


@pytest.mark.parametrize("text", ["31/02/2025", "29/02/2025", "31/04/2024", "00/01/2024", "12/13/2024"])
def test_impossible_day_says_it_does_not_exist(text):
    with pytest.raises(ValidationError) as error:
        DayMonthYearField().clean(text)
    assert error.value.messages == [f"Ngày {text} không có thật: hãy kiểm tra lại ngày và tháng."]


def test_wrong_shape_keeps_the_shape_message():
    field = DayMonthYearField(error_messages={"invalid": "Ngày phải có dạng dd/mm/yyyy."})
    with pytest.raises(ValidationError) as error:
        field.clean("hôm qua")
    assert error.value.messages == ["Ngày phải có dạng dd/mm/yyyy."]
