"""Office files whose XML declares entities: an external entity (reads a local file or a URL) and
nested entities ("billion laughs", gigabytes from a few hundred bytes). Both imports read them
with defusedxml behind openpyxl and answer a Vietnamese message naming the file, never a 500.

The hostile workbooks are real workbooks with one XML part edited inside the zip."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.enums import Role
from campaign_portal.spreadsheets import XLSX_CONTENT_TYPE, Column, workbook_write
from initiatives.excel import DATA_SHEET, _columns
from initiatives.models import Initiative
from reports.models import Indicator
from tests.factories import CampaignFactory, DistrictFactory

EXTERNAL_ENTITY = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
BILLION_LAUGHS = (
    "<!DOCTYPE r ["
    '<!ENTITY a "hahahahahahahahahaha">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)
HOSTILE = {"external entity": (EXTERNAL_ENTITY, "&xxe;"), "billion laughs": (BILLION_LAUGHS, "&j;")}
MESSAGE = "Tệp Excel chứa khai báo XML không được phép"


def _hostile(content: bytes, declaration: str, reference: str) -> SimpleUploadedFile:
    """The first worksheet gets the DOCTYPE after its XML declaration and a cell whose text uses
    the entity; every other part is copied as it is."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                declared = text.startswith("<?xml")
                head, body = text.partition("?>")[::2] if declared else ("", text)
                body = body.replace(
                    "</sheetData>",
                    f'<row r="900"><c r="A900" t="inlineStr"><is><t>{reference}</t></is></c></row></sheetData>',
                )
                data = (f"{head}?>" if declared else "").encode() + f"{declaration}{body}".encode()
            target.writestr(info, data)
    return SimpleUploadedFile("nhap.xlsx", buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)


def test_hostile_sheet_is_a_valid_zip_with_the_declaration():
    """The test's own tool: the edit lands in the worksheet the import reads."""
    upload = _hostile(workbook_write(title="t", columns=[Column("a")], rows=[("x",)]), EXTERNAL_ENTITY, "&xxe;")
    sheet = zipfile.ZipFile(upload).read("xl/worksheets/sheet1.xml").decode()
    assert "<!ENTITY xxe SYSTEM" in sheet and "&xxe;" in sheet


@pytest.mark.parametrize("kind", HOSTILE)
def test_initiatives_import_refuses_entities_with_a_message(client, make_user, kind):
    district = DistrictFactory()
    campaign = CampaignFactory()
    client.force_login(make_user(Role.AGENCY_OFFICER, agency=district))
    headers = [c.header for c in _columns()]
    content = workbook_write(
        title="Sáng kiến",
        columns=[Column(h) for h in headers],
        rows=[[district.name, "Mô hình", "Cải cách thể chế", "Một sáng kiến"] + [""] * (len(headers) - 4)],
        sheet_name=DATA_SHEET,
    )
    response = client.post(
        reverse("initiatives:import"), {"campaign": campaign.pk, "file": _hostile(content, *HOSTILE[kind])}
    )
    assert response.status_code in (200, 400)
    assert MESSAGE in response.content.decode()
    assert not Initiative.objects.exists()


@pytest.mark.parametrize("kind", HOSTILE)
def test_indicators_import_refuses_entities_with_a_message(client, reviewer, kind):
    campaign = CampaignFactory(code="thu")
    client.force_login(reviewer)
    columns = [Column(h) for h in ("Mã", "Tên", "Đơn vị", "Mục", "Cha", "Giá trị")]
    content = workbook_write(title="Chỉ số", columns=columns, rows=[("a", "A", "", "4.4", "", 1)])
    response = client.post(
        reverse("reports:indicators", args=[campaign.code]),
        {"import": "1", "file": _hostile(content, *HOSTILE[kind])},
    )
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert not Indicator.objects.exists()
