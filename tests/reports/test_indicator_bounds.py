"""An indicator value or code the database cannot hold is refused with a message, typed or
imported, and one stored value the portal could not read before no longer takes the report down."""

import json
import os
import subprocess
import sys
from decimal import Decimal, InvalidOperation

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper
from django.db.models.expressions import Col
from django.urls import reverse

from campaign_portal.bounds import decimal_for_field
from campaign_portal.spreadsheets import XLSX_CONTENT_TYPE, Column, workbook_write
from reports.models import Indicator, IndicatorValue
from reports.services import indicator_value_set
from tests.conftest import ROOT
from tests.factories import CampaignFactory
from tests.factories.reports import IndicatorFactory, SummaryReportFactory

# Passes a "< 10^14" test, and rounds to 10^14: 17 digits in a 16-digit column.
ROUNDS_OVER = "99999999999999,999"
LARGEST = "99.999.999.999.999,99"


@pytest.fixture
def campaign(db):
    return CampaignFactory(code="thu")


def _xlsx(rows) -> SimpleUploadedFile:
    columns = [Column(h) for h in ("Mã", "Tên", "Đơn vị", "Mục", "Cha", "Giá trị")]
    content = workbook_write(title="Chỉ số", columns=columns, rows=rows)
    return SimpleUploadedFile("chi-so.xlsx", content, content_type=XLSX_CONTENT_TYPE)


def test_typed_value_that_rounds_over_the_column_is_refused_with_the_largest(client, reviewer, campaign):
    indicator = IndicatorFactory(campaign=campaign)
    client.force_login(reviewer)
    url = reverse("reports:indicators", args=[campaign.code])
    response = client.post(url, {f"value-{indicator.pk}": ROUNDS_OVER})
    assert response.status_code == 400
    assert f"Giá trị: số quá lớn, tối đa {LARGEST}" in response.content.decode()
    assert not IndicatorValue.objects.exists()
    # The largest both databases give back as stored (15 significant digits on SQLite).
    assert client.post(url, {f"value-{indicator.pk}": "99999999999999,904"}).status_code == 302
    assert indicator.values.get().value == Decimal("99999999999999.90")


def test_import_refuses_a_value_rounding_over_and_a_code_over_64_characters(client, reviewer, campaign):
    client.force_login(reviewer)
    url = reverse("reports:indicators", args=[campaign.code])
    rows = [
        ("tai-khoan", "Tài khoản", "", "", "", ROUNDS_OVER),
        ("c" * 65, "Mã dài", "", "", "", 1),
        ("dung", "Đúng", "u" * 65, "", "", 2),
    ]
    response = client.post(url, {"import": "1", "file": _xlsx(rows)})
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Dòng 2: Giá trị: số quá lớn, tối đa {LARGEST}" in page
    assert "Dòng 3: Mã:" in page and "64" in page
    assert "Dòng 4: Đơn vị tính:" in page
    assert not Indicator.objects.filter(campaign=campaign).exists()


@pytest.mark.parametrize("value", ["99999999999999.995", "100000000000000", "-1e20", "Infinity"])
def test_service_refuses_what_the_column_cannot_hold(campaign, reviewer, value):
    indicator = IndicatorFactory(campaign=campaign)
    with pytest.raises(ValidationError):
        indicator_value_set(indicator=indicator, value=Decimal(value), user=reviewer)
    assert not IndicatorValue.objects.exists()


def test_sqlite_refuses_a_16th_significant_digit_it_would_not_give_back():
    field = IndicatorValue._meta.get_field("value")
    assert decimal_for_field(Decimal("9999999999999.994"), field, vendor="sqlite") == Decimal("9999999999999.99")
    assert decimal_for_field(Decimal("99999999999999.9"), field, vendor="sqlite") == Decimal("99999999999999.90")
    with pytest.raises(ValidationError, match="tối đa 15 chữ số"):
        decimal_for_field(Decimal("99999999999999.99"), field, vendor="sqlite")
    assert decimal_for_field(Decimal("99999999999999.99"), field, vendor="postgresql") == Decimal("99999999999999.99")


def test_largest_value_is_stored_and_read_back(campaign, reviewer):
    indicator = IndicatorFactory(campaign=campaign)
    indicator_value_set(indicator=indicator, value=Decimal("-99999999999999.904"), user=reviewer)
    assert IndicatorValue.objects.get().value == Decimal("-99999999999999.90")


def test_sqlite_reads_back_a_value_stored_before_it_was_bounded():
    """What SQLite kept from the earlier release (10^14, stored as a float) is read as it is,
    instead of failing every read of the table; the field is the one the model declares."""
    sqlite = SQLiteWrapper({"NAME": ":memory:"}).ops

    def read(field, stored):
        column = Col("v", field)
        return sqlite.get_decimalfield_converter(column)(stored, column, None)

    field = IndicatorValue._meta.get_field("value")
    assert read(field, 1e14) == Decimal("100000000000000.00")
    assert read(field, 30335.5) == Decimal("30335.50")
    plain = models.DecimalField(max_digits=16, decimal_places=2)
    with pytest.raises(InvalidOperation):
        read(plain, 1e14)


def test_report_shows_the_largest_value_the_column_holds(campaign):
    from reports.composition import summary_report_compose
    from reports.outline import outline_ensure

    # Printed where the campaign's outline places the indicators (the generic outline's part II).
    section = next(s for s in outline_ensure(campaign=campaign) if s.key == "ket-qua")
    indicator = IndicatorFactory(campaign=campaign, name="Tài khoản", unit="tài khoản", section=section)
    IndicatorValue.objects.bulk_create([IndicatorValue(indicator=indicator, value=Decimal("99999999999999.9"))])
    texts = [block.text for block in summary_report_compose(report=SummaryReportFactory(campaign=campaign)).blocks]
    assert "Tài khoản: 99.999.999.999.999,9 tài khoản." in texts


# A fresh SQLite database holding what the earlier release let through: 10^14 in a column of 16 digits.
STORED_BEFORE_PROBE = """
import json
from decimal import Decimal
from django.db import connection
from django.test import Client
from django.urls import reverse
from accounts.enums import Role
from reports.models import IndicatorValue
from reports.outline import outline_ensure
from reports.services import report_file_build
from tests.factories import CampaignFactory, UserFactory
from tests.factories.reports import IndicatorFactory, SummaryReportFactory
from tests.reports.helpers import DocxReport, normalise, pdf_text

campaign = CampaignFactory(code="thu")
section = next(s for s in outline_ensure(campaign=campaign) if s.key == "ket-qua")
indicator = IndicatorFactory(campaign=campaign, name="Tài khoản", unit="tài khoản", section=section)
IndicatorValue.objects.create(indicator=indicator, value=Decimal("1"))
with connection.cursor() as cursor:
    cursor.execute(f"UPDATE {IndicatorValue._meta.db_table} SET value = 1e14")
report = SummaryReportFactory(campaign=campaign)
client = Client()
client.force_login(UserFactory(role=Role.REVIEWER))
url = reverse("reports:indicators", args=[campaign.code])
page = client.get(url)
export = client.get(url, {"xuat": "xlsx"})
pdf, _doc = report_file_build(report=report, fmt="pdf")
word, _doc = report_file_build(report=report, fmt="docx")
fixed = client.post(url, {f"value-{indicator.pk}": "12345"})
print(json.dumps({
    "page": page.status_code, "export": export.status_code,
    "pdf": "Tài khoản: 100.000.000.000.000 tài khoản." in normalise(pdf_text(pdf)),
    "docx": "Tài khoản: 100.000.000.000.000 tài khoản." in DocxReport(word).body_text,
    "fixed": [fixed.status_code, str(indicator.values.get().value)],
}))
"""


def test_sqlite_value_stored_before_the_bound_leaves_page_export_and_renders_working(tmp_path):
    """Issue 16, item 2: on SQLite the earlier release kept 10^14, and from then on the indicators page,
    its export and every render failed; only SQL repaired it. Now all work, and the page corrects it."""
    env = {**os.environ, "DATABASE_URL": "", "PORTAL_VAR_DIR": str(tmp_path), "CELERY_BROKER_URL": ""}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, cwd=ROOT, check=True, capture_output=True)
    done = subprocess.run(
        [*manage, "shell", "-c", STORED_BEFORE_PROBE], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"page": 200, "export": 200, "pdf": True, "docx": True, "fixed": [302, "12345.00"]}
