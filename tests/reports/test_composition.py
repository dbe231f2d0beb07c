"""The one composed document and its two renderers, on a campaign that is not Plan 4064."""

import datetime
from decimal import Decimal

import pytest

from agencies.enums import AgencyKind
from campaigns.models import CampaignDocument
from initiatives.enums import InitiativeKind, InitiativeState
from reports.composition import date_line, section_drafts, summary_report_compose
from reports.docx_render import docx_render
from reports.models import OutlineSection
from reports.pdf import FOOTNOTE_RULE_URL, SHIPPED, FontOnlyFetcher, pdf_render
from tests.factories import AgencyFactory, CampaignFactory, CommuneFactory, DistrictFactory, LegalDocumentFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.reports import IndicatorFactory, IndicatorValueFactory, SummaryReportFactory

from .helpers import DocxReport, W, normalise, pdf_fonts, pdf_text


def test_date_line_has_leading_zeros_for_days_and_first_two_months():
    assert date_line("Quảng Nam", datetime.date(2024, 12, 26)) == "Quảng Nam, ngày 26 tháng 12 năm 2024"
    assert date_line("Đà Nẵng", datetime.date(2025, 2, 5)) == "Đà Nẵng, ngày 05 tháng 02 năm 2025"
    assert date_line("Đà Nẵng", datetime.date(2025, 3, 9)) == "Đà Nẵng, ngày 09 tháng 3 năm 2025"


LETTER = "Công văn số 2101/SNV-TĐKT ngày 03/03/2025 của Sở Nội vụ về hướng dẫn đăng ký mô hình."


@pytest.fixture
def other_campaign(db):
    """A Da Nang campaign: its own organiser, agencies, documents and figures."""
    city = AgencyFactory(name="Ủy ban nhân dân thành phố Đà Nẵng", kind=AgencyKind.PROVINCE_COMMITTEE)
    organiser = AgencyFactory(name="Sở Nội vụ thành phố Đà Nẵng", parent=city)
    plan = LegalDocumentFactory(
        doc_type="KH",
        number_symbol="77/KH-UBND",
        issued_on=datetime.date(2025, 1, 8),
        issuer="Ủy ban nhân dân thành phố",
        subject="về phong trào thi đua chuyển đổi số",
    )
    campaign = CampaignFactory(
        code="dn-cds",
        name="Chuyển đổi số vì người dân",
        plan_document=plan,
        organiser=organiser,
        issuing_authority="Ủy ban nhân dân thành phố",
        place_name="Đà Nẵng",
        period_start=datetime.date(2025, 2, 1),
        period_end=datetime.date(2025, 9, 30),
        nomination_deadline=datetime.date(2025, 10, 20),
    )
    letter = LegalDocumentFactory(
        number_symbol="2101/SNV-TĐKT",
        issued_on=datetime.date(2025, 3, 3),
        issuer="Sở Nội vụ",
        subject="về hướng dẫn đăng ký mô hình",
    )
    CampaignDocument.objects.create(campaign=campaign, document=letter, position=1)
    district = DistrictFactory(name="UBND huyện Hòa Vang")
    commune = CommuneFactory(name="UBND xã Hòa Bắc", parent=district)
    InitiativeFactory(
        campaign=campaign,
        agency=district,
        kind=InitiativeKind.SOLUTION,
        title="Trợ lý số cho bộ phận một cửa",
        state=InitiativeState.REGISTERED,
        implementing_units=[commune],
    )
    campaign.expected_agencies.set([district, organiser])
    report = SummaryReportFactory(campaign=campaign, sections=section_drafts(campaign))
    results = OutlineSection.objects.get(campaign=campaign, key="ket-qua")
    indicator = IndicatorFactory(campaign=campaign, name="Hồ sơ trực tuyến", unit="hồ sơ", section=results)
    IndicatorValueFactory(indicator=indicator, value=Decimal("12345"))
    IndicatorFactory(campaign=campaign, name="Không có số liệu", section=results)
    report.sections["ket-qua"] = (
        "Đã quán triệt theo Công văn[^2101/SNV-TĐKT] và chú thích riêng[^Số liệu đến 30/9/2025.]"
    )
    report.save()
    return report


def test_second_campaign_composes_from_its_own_data(other_campaign):
    doc = summary_report_compose(report=other_campaign)
    text = normalise(" ".join(block.text for block in doc.blocks))
    assert doc.place_date == "Đà Nẵng, ngày 05 tháng 12 năm 2025"
    assert doc.subject.endswith("trên địa bàn thành phố Đà Nẵng")
    assert "từ ngày 01/02/2025 đến ngày 30/09/2025" in text
    assert "Kế hoạch số 77/KH-UBND ngày 08/01/2025 của Ủy ban nhân dân thành phố" in text
    assert "UBND huyện Hòa Vang: (1) Giải pháp “Trợ lý số cho bộ phận một cửa” tại xã Hòa Bắc." in text
    assert "Hồ sơ trực tuyến: 12.345 hồ sơ." in text
    assert "Không có số liệu" not in text
    assert "chưa có cơ quan, đơn vị, địa phương nào trong số 02 cơ quan" in text
    assert "Tính đến ngày 05/12/2025, chưa có hồ sơ đề nghị khen thưởng nào được gửi." in text
    # The documents block cites the letter with its own issuer, so does the staff's text; then the note.
    assert [f.text for f in doc.footnotes] == [LETTER, LETTER, "Số liệu đến 30/9/2025."]
    for typed in ("4064", "Quảng Nam", "Sở Nội vụ báo cáo", "cải cách hành chính", "CCHC"):
        assert typed not in text


def test_second_campaign_renders_to_pdf_and_docx(other_campaign):
    doc = summary_report_compose(report=other_campaign)
    pdf = normalise(pdf_text(pdf_render(doc)))
    assert "UBND THÀNH PHỐ ĐÀ NẴNG" in pdf
    assert "Đà Nẵng, ngày 05 tháng 12 năm 2025" in pdf
    assert "Số: 15/BC-SNV" in pdf
    assert "Công văn số 2101/SNV-TĐKT ngày 03/03/2025 của Sở Nội vụ" in pdf
    assert "Lưu: VT, TĐKT." in pdf and "Lê Văn Tâm" in pdf
    assert "Quảng Nam" not in pdf
    word = DocxReport(docx_render(doc))
    assert "Trợ lý số cho bộ phận một cửa" in word.body_text
    assert word.footnotes == {1: LETTER, 2: LETTER, 3: "Số liệu đến 30/9/2025."}
    assert word.footnote_references == [1, 2, 3]
    assert "Quảng Nam" not in word.body_text


HOSTILE = (
    '<img src="file:///etc/passwd"> <link rel="stylesheet" href="http://127.0.0.1:9/x.css"> '
    "<style>@import url(http://127.0.0.1:9/a.css); body { background: url(http://127.0.0.1:9/b.png) }</style> "
    "<b>in đậm</b> [^<img src=file:///etc/hostname>]"
)


def test_staff_markup_reaches_neither_files_nor_network_and_shows_as_text(other_campaign):
    other_campaign.sections["uu-diem"] = HOSTILE
    other_campaign.save()
    doc = summary_report_compose(report=other_campaign)
    fetcher = FontOnlyFetcher()
    content = pdf_render(doc, fetcher=fetcher)
    assert set(fetcher.requested) <= set(SHIPPED)
    assert FOOTNOTE_RULE_URL in fetcher.requested, "the rule above the footnotes"
    text = normalise(pdf_text(content))
    assert '<img src="file:///etc/passwd">' in text
    assert "url(http://127.0.0.1:9/b.png)" in text
    assert "<b>in đậm</b>" in text
    assert "<img src=file:///etc/hostname>" in text
    assert "root:x:0:0" not in text
    assert {font["name"].split("+", 1)[1].split("-")[0] for font in pdf_fonts(content)} == {"Report"}
    word = DocxReport(docx_render(doc))
    assert '<img src="file:///etc/passwd">' in word.body_text


def test_font_fetcher_refuses_everything_but_the_shipped_fonts():
    fetcher = FontOnlyFetcher()
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/", "data:text/plain,x", "report-font:../../settings.py"):
        with pytest.raises(ValueError):
            fetcher(url)
    response = fetcher("report-font:LiberationSerif-Regular.ttf")
    assert response.read()[:4] == b"\x00\x01\x00\x00"


def test_drafts_name_the_plan_by_its_type_and_issuer(other_campaign):
    drafts = section_drafts(other_campaign.campaign)
    assert "Kế hoạch số 77/KH-UBND ngày 08/01/2025 của Ủy ban nhân dân thành phố" in drafts["chi-dao"]
    assert "20/10/2025" in drafts["chi-dao"]
    assert "Sở Nội vụ thành phố Đà Nẵng kính báo cáo Ủy ban nhân dân thành phố./." in drafts["ket-thuc"]
    assert "trên địa bàn thành phố Đà Nẵng" in drafts["ket-thuc"]


def test_docx_properties_follow_schema_order_that_word_requires(other_campaign):
    """Word refuses a file whose paragraph or table properties are out of schema order."""
    word = DocxReport(docx_render(summary_report_compose(report=other_campaign)))
    body = word.document.element.body
    paragraph_order = ["pStyle", "pBdr", "spacing", "ind", "jc"]
    table_order = ["tblStyle", "tblW", "jc", "tblBorders", "tblLayout", "tblLook"]
    for properties, order in ((body.iter(f"{W}pPr"), paragraph_order), (body.iter(f"{W}tblPr"), table_order)):
        for element in properties:
            names = [child.tag.split("}")[1] for child in element if child.tag.split("}")[1] in order]
            assert names == sorted(names, key=order.index), names


def test_committed_docx_template_is_what_the_build_script_writes(tmp_path):
    from reports.docx.build_template import TEMPLATE_PATH, build_template

    assert build_template(tmp_path / "template.docx").read_bytes() == TEMPLATE_PATH.read_bytes()


def test_docx_appendix_rows_hold_exactly_the_composed_values(other_campaign):
    """Appendix rows are copies of one row built by python-docx (fast at thousands of rows); a value
    with a line break or tab is built by python-docx itself. Read back, every cell is what was composed."""
    doc = summary_report_compose(report=other_campaign)
    appendix = doc.appendices[0]
    width = len(appendix.table.columns)
    rows = [[f"{n}", *[f" Ô {n}.{c} “trích dẫn” & <thẻ> " for c in range(1, width)]] for n in range(1, 4)]
    rows.append(["4", "dòng một\ndòng hai", "", *["cột\tthẻ"] * (width - 3)])
    appendix.table.rows = rows
    word = DocxReport(docx_render(doc))
    table = next(t for t in word.document.tables if [c.text for c in t.rows[0].cells] == appendix.table.columns)
    assert [[cell.text for cell in row.cells] for row in table.rows[1:]] == rows
    copied, built = table.rows[1]._tr, table.rows[4]._tr
    assert [len(tc.xpath(".//w:sz")) for tc in copied.tc_lst] == [len(tc.xpath(".//w:sz")) for tc in built.tc_lst]
    assert [tc.tcPr.tcW.w for tc in copied.tc_lst] == [tc.tcPr.tcW.w for tc in built.tc_lst]
