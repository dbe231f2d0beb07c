"""The council's three documents read back as a person would (pdftotext, pdffonts, python-docx):
each holds the nominations it must and none other, in Decree 30/2020 format like the report."""

import datetime
import io

import pytest
from django.core.management import call_command

from council.enums import CouncilDocument
from council.services import (
    council_decision_record,
    council_document_build,
    council_outline_ensure,
    council_outline_update,
)
from tests.conftest import ARTIFACTS
from tests.factories import CampaignFactory
from tests.factories.awards import pdf_upload
from tests.reports.helpers import (
    DocxReport,
    normalise,
    pdf_fonts,
    pdf_page_size_mm,
    pdf_pages,
    pdf_to_pngs,
    pdf_word_boxes_mm,
)

PUT = ("Sở Tư pháp thử", "UBND huyện Đông Giang thử", "Võ Thị Hạnh")
NEVER = ("Sở Nháp thử", "Sở Trả lại thử", "Sở Phong trào khác thử")
TITLES = {
    CouncilDocument.MINUTES: ("BIÊN BẢN", "Hội đồng Thi đua - Khen thưởng họp xét"),
    CouncilDocument.PROPOSAL: ("TỜ TRÌNH", "Kính gửi: Chủ tịch"),
    CouncilDocument.DECISION: ("QUYẾT ĐỊNH", "Căn cứ Luật Thi đua, khen thưởng"),
}


@pytest.mark.parametrize("document", CouncilDocument.values)
def test_document_holds_the_council_list_and_none_other(concluded, document):
    meeting, _put, _others = concluded
    content, doc = council_document_build(meeting=meeting, document=document, fmt="pdf")
    pages = pdf_pages(content)
    text = normalise(" ".join(pages))
    for expected in (*TITLES[document], *PUT):
        assert expected in text, expected
    for absent in NEVER:
        assert absent not in text
    if document == CouncilDocument.MINUTES:
        # The minutes record every nomination considered, the failed one with its votes.
        assert "Đặng Văn Trượt" in text and "2/5 tán thành" in text and "không thông qua" in text
        assert "Thành viên Hội đồng có mặt: 5/9 thành viên" in text
    else:
        assert "Đặng Văn Trượt" not in text
        assert "DANH SÁCH" in text and "TẬP THỂ" in text and "CÁ NHÂN" in text
    word = DocxReport(council_document_build(meeting=meeting, document=document, fmt="docx")[0]).body_text
    for expected in PUT:
        assert expected in word
    for absent in NEVER:
        assert absent not in word
    assert ("Đặng Văn Trượt" in word) is (document == CouncilDocument.MINUTES)


@pytest.mark.parametrize("document", CouncilDocument.values)
def test_document_in_decree_30_format(concluded, document):
    meeting, _put, _others = concluded
    content, _doc = council_document_build(meeting=meeting, document=document, fmt="pdf")
    pages = pdf_pages(content)
    assert len(pages) >= 2
    text = normalise(pages[0])
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số:" in text and "Nơi nhận:" in normalise(" ".join(pages))
    # No page number on page 1; "2" centred at the top of page 2.
    assert pages[0].strip().splitlines()[0].split()[0] != "1"
    assert pages[1].strip().splitlines()[0].strip() == "2"
    width, height = pdf_page_size_mm(content)
    assert round(width) == 210 and round(height) == 297
    boxes = pdf_word_boxes_mm(content, page=1)
    assert 29.5 <= min(box[0] for box in boxes) <= 35.5
    assert max(box[2] for box in boxes) <= 196
    assert min(box[1] for box in boxes) >= 19
    assert {font["name"].split("+", 1)[1] for font in pdf_fonts(content)} <= {
        "Report-Serif",
        "Report-Serif-Bold",
        "Report-Serif-Italic",
        "Report-Serif-Bold-Italic",
    }
    assert all(font["embedded"] == "yes" for font in pdf_fonts(content))
    pdf_to_pngs(content, ARTIFACTS / "council-pages", document)
    word = DocxReport(council_document_build(meeting=meeting, document=document, fmt="docx")[0])
    section = word.document.sections[0]
    assert (round(section.top_margin.mm), round(section.bottom_margin.mm)) == (20, 20)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml


def test_decision_basis_lines_are_italic_and_the_date_picks_the_decree(concluded, reviewer):
    meeting, _put, _others = concluded
    _content, doc = council_document_build(meeting=meeting, document=CouncilDocument.DECISION, fmt="pdf")
    basis = [block.text for block in doc.blocks if block.kind == "basis"]
    assert basis[0].startswith("Căn cứ") and basis[-1].endswith(".") and all(b.endswith(";") for b in basis[:-1])
    # Undated, the draft follows the meeting (15/01/2025): Decree 98/2023 is in force.
    assert any("98/2023/NĐ-CP" in text for text in basis)
    council_decision_record(
        meeting=meeting, user=reviewer, number="77/QĐ-UBND", day=datetime.date(2025, 8, 4), upload=pdf_upload()
    )
    meeting.refresh_from_db()
    _content, doc = council_document_build(meeting=meeting, document=CouncilDocument.DECISION, fmt="pdf")
    basis = [block.text for block in doc.blocks if block.kind == "basis"]
    assert any("152/2025/NĐ-CP" in text for text in basis)
    assert doc.number_line == "Số: 77/QĐ-UBND" and "ngày 04 tháng 8 năm 2025" in doc.place_date
    assert "Kèm theo Quyết định số 77/QĐ-UBND ngày 04 tháng 8 năm 2025" in doc.appendices[0].note
    word = DocxReport(council_document_build(meeting=meeting, document=CouncilDocument.DECISION, fmt="docx")[0])
    italic = [p.text for p in word.document.paragraphs if p.runs and p.runs[0].italic]
    assert [text for text in italic if text in basis] == basis


def test_render_report_command_builds_each_document(concluded, tmp_path):
    meeting, _put, _others = concluded
    for document in CouncilDocument.values:
        output = tmp_path / f"{document}.pdf"
        out = io.StringIO()
        call_command(
            "render_report",
            campaign=meeting.campaign.code,
            format="pdf",
            output=str(output),
            document=document,
            stdout=out,
        )
        assert output.read_bytes().startswith(b"%PDF-") and "dấu kiểm dữ liệu" in out.getvalue()


def test_outline_is_the_campaigns_data(concluded, reviewer):
    meeting, _put, _others = concluded
    outline = council_outline_ensure(campaign=meeting.campaign, document=CouncilDocument.MINUTES)
    council_outline_update(
        outline=outline,
        user=reviewer,
        subject="Họp xét khen thưởng {campaign}",
        text=outline.text + "\n# IV. Ý KIẾN KHÁC\nKhông có ý kiến khác; {unknown} giữ nguyên.",
        recipients=["Các thành viên Hội đồng;", "Lưu: VT, TĐKT."],
    )
    _content, doc = council_document_build(meeting=meeting, document=CouncilDocument.MINUTES, fmt="pdf")
    assert doc.subject == "Họp xét khen thưởng Phong trào thi đua thử nghiệm Hội đồng"
    assert [block.text for block in doc.blocks[-2:]] == [
        "IV. Ý KIẾN KHÁC",
        "Không có ý kiến khác; {unknown} giữ nguyên.",
    ]
    assert doc.recipients == ["Các thành viên Hội đồng;", "Lưu: VT, TĐKT."]
    # Another campaign keeps the default text.
    other = CampaignFactory()
    assert "Ý KIẾN KHÁC" not in council_outline_ensure(campaign=other, document=CouncilDocument.MINUTES).text
