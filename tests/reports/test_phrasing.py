"""The one helper that says a count as a Vietnamese official writes it."""

from decimal import Decimal

import pytest

from reports.phrasing import count_clause, count_text, number_text


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "không có hồ sơ nào gửi sau thời hạn"),
        (1, "có 01 hồ sơ gửi sau thời hạn"),
        (3, "có 03 hồ sơ gửi sau thời hạn"),
        (25, "có 25 hồ sơ gửi sau thời hạn"),
        (1234, "có 1.234 hồ sơ gửi sau thời hạn"),
    ],
)
def test_count_clause_reads_zero_one_and_many_as_written(count, expected):
    assert count_clause(count, "hồ sơ", "gửi sau thời hạn") == expected


def test_count_text_pads_under_ten_and_groups_thousands():
    assert [count_text(n) for n in (0, 1, 9, 10, 8630)] == ["0", "01", "09", "10", "8.630"]
    assert count_text(Decimal("2.5")) == "2,5"


def test_number_text_uses_vietnamese_separators():
    assert number_text(Decimal("30335")) == "30.335"
    assert number_text(Decimal("1011.00")) == "1.011"
    assert number_text(Decimal("1234.5")) == "1.234,5"
    assert number_text(9) == "9"
