"""One number format per language (campaign_portal/numbers.py and the `portal` filters):
Vietnamese "8.630", "2,5", "21,0 MB", "100%"; English "8,630", "2.5", "21.0 MB", "100%"."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from campaign_portal.numbers import file_size_text, number_text, percent_text, with_unit
from campaign_portal.text import quoted

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("vi", ["8.630", "2,5", "1.234.567,89", "3,0", "100%", "21,0 MB", "35,8 KB", "1,5 GB", "10 ngày"]),
        ("en", ["8,630", "2.5", "1,234,567.89", "3.0", "100%", "21.0 MB", "35.8 KB", "1.5 GB", "10 ngày"]),
    ],
)
def test_numbers_follow_the_active_language(language, expected):
    with translation.override(language):
        written = [
            number_text(8630),
            number_text(2.50),
            number_text(Decimal("1234567.891")),
            number_text(3, decimals=1),
            percent_text(100),
            file_size_text(21 * 1024 * 1024),
            file_size_text(36659),
            file_size_text(3 * 512 * 1024 * 1024),
            with_unit(number_text(10), "ngày"),
        ]
    assert written == expected


def test_small_file_sizes_count_bytes():
    with translation.override("vi"):
        assert file_size_text(0) == "0 byte"
        assert file_size_text(1023) == "1.023 byte"


def test_quoted_turns_inner_quotations_single():
    assert quoted("Mô hình “Một chạm”") == "“Mô hình ‘Một chạm’”"
    assert quoted('Giải pháp "Một cửa" tại xã') == "“Giải pháp ‘Một cửa’ tại xã”"
    assert quoted("Không viết, không hẹn") == "“Không viết, không hẹn”"


def test_template_filters_write_the_same_formats():
    template = Template(
        "{% load portal %}{{ size|file_size }} · {{ rate|percent }} · {{ total|number }} · {{ title|quoted }}"
        " · “{{ title|inner_quotes }}”"
    )
    context = Context({"size": 22020096, "rate": Decimal("99.50"), "total": 5410, "title": "Mô hình “3K”"})
    with translation.override("vi"):
        assert template.render(context) == "21,0 MB · 99,5% · 5.410 · “Mô hình ‘3K’” · “Mô hình ‘3K’”"
    with translation.override("en"):
        assert template.render(context).startswith("21.0 MB · 99.5% · 5,410")


def test_no_template_formats_numbers_another_way():
    """filesizeformat and floatformat would bring a second format back beside the portal's."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts
        and "node_modules" not in path.parts
        and any(name in path.read_text() for name in ("|filesizeformat", "|floatformat", "|intcomma"))
    ]
    assert offenders == []
