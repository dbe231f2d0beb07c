"""The demo report (Plan 4064, seeded like `make run`) rendered to PDF and DOCX: every fact the
issue lists is found in its section, read back with pdftotext / pdffonts and python-docx."""

import datetime
import io

import pytest
from django.core.management import call_command

from awards.selectors import campaign_progress
from demo.report import load_report
from initiatives.models import Initiative
from reports.models import SummaryReport
from reports.phrasing import count_clause, count_text
from reports.services import report_file_build
from tests.conftest import ARTIFACTS

from .helpers import (
    DocxReport,
    normalise,
    pdf_fonts,
    pdf_page_size_mm,
    pdf_pages,
    pdf_to_pngs,
    pdf_word_boxes_mm,
)

# The headings, in order; each section's facts must sit between its heading and the next one.
SECTIONS = [
    ("header", "UBND TỈNH QUẢNG NAM"),
    ("I", "I. Công tác chỉ đạo, triển khai thực hiện phong trào thi đua"),
    ("II", "II. Kết quả thực hiện phong trào thi đua"),
    ("II.1", "1. Nhận thức, trách nhiệm của lãnh đạo"),
    ("II.2", "2. Chủ động triển khai hiệu quả nhiều mô hình sáng kiến"),
    ("II.3", "3. Công tác thông tin, tuyên truyền"),
    ("II.4", "4. Kết quả đạt được trên các mặt công tác CCHC"),
    ("4.1", "4.1. Đẩy mạnh cải cách TTHC phục vụ người dân"),
    ("4.2", "4.2. Công tác cải cách thể chế được nâng cao"),
    ("4.3", "4.3. Tăng cường cải cách tổ chức bộ máy"),
    ("4.4", "4.4. Tăng cường ứng dụng công nghệ thông tin"),
    ("III", "III. Đánh giá chung"),
    ("III.1", "1. Ưu điểm"),
    ("III.2", "2. Tồn tại, hạn chế, khó khăn, vướng mắc"),
    ("IV", "IV. Bài học kinh nghiệm"),
    ("V", "V. Kiến nghị, đề xuất"),
    ("signature", "Nơi nhận:"),
    ("appendix I", "Phụ lục I"),
    ("appendix II", "Phụ lục II"),
]

FOOTNOTES = [
    "Kế hoạch tổ chức thực hiện phong trào thi đua",
    "Công văn số 9004/UBND-NCKS ngày 20/11/2024 của Ủy ban nhân dân tỉnh về việc tổng kết phong trào thi đua",
    "Công văn số 1845/SNV-CCHC ngày 28/11/2024 của Sở Nội vụ về tổng kết và đề nghị khen thưởng",
    "Báo cáo số 44/BC-STP ngày 28/02/2024 của Sở Tư pháp",
    "Kế hoạch số 6581/KH-UBND ngày 27/09/2023 của Ủy ban nhân dân tỉnh về triển khai thực hiện Nghị quyết số 99/NQ-CP",
    "Kế hoạch số 416/KH-UBND ngày 18/01/2023 của Ủy ban nhân dân tỉnh về triển khai thực hiện Chỉ thị số 30-CT/TU",
]


@pytest.fixture
def demo_report(db):
    call_command("seed_demo", stdout=io.StringIO())
    report = SummaryReport.objects.select_related("campaign").get(campaign__code="4064")
    campaign = report.campaign
    progress = campaign_progress(campaign=campaign, as_of=report.issued_on)
    registered = Initiative.objects.filter(campaign=campaign).exclude(state="draft")
    facts = {
        "header": [
            "UBND TỈNH QUẢNG NAM",
            "SỞ NỘI VỤ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: /BC-SNV",
            "Quảng Nam, ngày 26 tháng 12 năm 2024",
            "BÁO CÁO",
            "Tổng kết phong trào thi đua “Xây dựng môi trường hành chính trong sạch, lành mạnh, công khai, minh bạch”",
            "Kế hoạch số 4064/KH-UBND ngày 27/06/2023 của Ủy ban nhân dân tỉnh",
            "từ ngày 01/07/2023 đến ngày 30/11/2024",
        ],
        "I": ["Công văn số 1896/SNV-CCHC", "Công văn số 9004/UBND-NCKS", "Công văn số 1845/SNV-CCHC"],
        "II.1": ["Nghị quyết số 16-NQ/TU"],
        "II.2": [
            "tiêu biểu là các cơ quan, đơn vị, địa phương như:",
            "UBND huyện Bắc Trà My: (1)",
            "xã Trà Đốc",
            "UBND thành phố Tam Kỳ: (1)",
            "UBND thành phố Hội An: đã có 4 xã, 9 phường triển khai, áp dụng các mô hình: (1)",
            "Smart Tam Kỳ",
            "Sở Giao thông vận tải: (1)",
            "Cục Thuế tỉnh Quảng Nam: (1)",
            "Bảo hiểm xã hội tỉnh Quảng Nam: (1)",
        ],
        "II.3": ["Q.office"],
        "4.1": ["100% thủ tục hành chính", "huyện Tiên Phước", "(TMS) tại Cục thuế tỉnh Quảng Nam"],
        "4.2": ["văn bản QPPL"],
        "4.3": ["19 cơ quan", "09 phòng", "số liệu tính đến ngày 15/12/2024"],
        "4.4": [
            "Chứng thư số đã cấp: 8.630 chứng thư số, trong đó: 1.055 chứng thư số cho tổ chức; "
            "7.574 chứng thư số cho cá nhân; 01 chứng thư số TBDVPM",
            "Tài khoản thư điện tử công vụ đã cấp: 30.335 tài khoản",
            "1.025 dịch vụ, trong đó: 1.011 dịch vụ công trực tuyến toàn trình",
        ],
        "III.1": [
            f"Tính đến thời điểm 24/12/2024 đã có {progress.sent_on_time}/{progress.expected} cơ quan",
            "25/43",
        ],
        "III.2": [
            "Tính đến ngày 26/12/2024, trong "
            f"{count_text(progress.nominations_total)} hồ sơ đề nghị khen thưởng đã gửi",
            count_clause(progress.nominations_missing_component, "hồ sơ", "không đảm bảo thành phần hồ sơ"),
            count_clause(progress.nominations_late, "hồ sơ", "gửi sau thời hạn (ngày 24/12/2024)"),
            count_clause(progress.sent_late, "cơ quan, đơn vị, địa phương", "gửi hồ sơ sau thời hạn"),
            count_clause(len(progress.missing_agencies), "cơ quan, đơn vị, địa phương", "chưa gửi hồ sơ"),
        ],
        "IV": ["lề lối làm việc"],
        "V": ["Sở Khoa học và Công nghệ", "Sở Nội vụ kính báo cáo Ủy ban nhân dân tỉnh./."],
        "signature": [
            "UBND tỉnh (b/c);",
            "Lưu: VT, CCHC.",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Phạm Thị Lan",
        ],
        "appendix I": ["DANH SÁCH HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG VÀ KẾT QUẢ KIỂM TRA", "Kết quả kiểm tra", "Đủ điều kiện"],
        "appendix II": ["DANH SÁCH MÔ HÌNH, SÁNG KIẾN, GIẢI PHÁP", "Đơn vị thực hiện", str(registered.count())],
    }
    assert progress.sent_on_time == 25 and progress.expected == 43
    return report, facts


def _sections(text: str) -> dict[str, str]:
    positions = []
    start = 0
    for key, heading in SECTIONS:
        found = text.find(heading, start)
        assert found >= 0, f"heading of {key} not found after position {start}: {heading!r}"
        positions.append((key, found))
        start = found + len(heading)
    return {
        key: text[begin : positions[index + 1][1] if index + 1 < len(positions) else len(text)]
        for index, (key, begin) in enumerate(positions)
    }


def _check_sections(text: str, facts: dict[str, list[str]]) -> None:
    sections = _sections(text)
    missing = [(key, fact) for key, items in facts.items() for fact in items if fact not in sections[key]]
    assert not missing, missing


def test_demo_report_pdf_holds_every_fact_section_by_section(demo_report):
    report, facts = demo_report
    content, doc = report_file_build(report=report, fmt="pdf")
    pages = pdf_pages(content)
    text = normalise(" ".join(pages))
    _check_sections(text, facts)
    for footnote in FOOTNOTES:
        assert footnote in text
    # Each footnote sits at the foot of the page that calls it: "20/11/2024" + superscript 2.
    call_page = next(i for i, page in enumerate(pages) if "20/11/20242" in normalise(page))
    assert FOOTNOTES[1] in normalise(pages[call_page])
    # The page number is centred at the top from page 2, none on page 1.
    assert pages[0].strip().splitlines()[0].split()[0] == "UBND"
    assert pages[1].strip().splitlines()[0].strip() == "2"
    first_line = pages[1].splitlines()[0]
    assert 30 < len(first_line) - len(first_line.lstrip()) < 60
    # A4, text inside the margins of Decree 30/2020 (left 30–35 mm, right 15–20 mm).
    width, height = pdf_page_size_mm(content)
    assert round(width) == 210 and round(height) == 297
    boxes = pdf_word_boxes_mm(content, page=2)
    assert 29.5 <= min(box[0] for box in boxes) <= 35.5
    assert 190 <= max(box[2] for box in boxes) <= 196
    assert len(doc.footnotes) == 6
    pdf_to_pngs(content, ARTIFACTS / "report-pages", "demo")


def test_demo_report_pdf_embeds_only_the_shipped_font(demo_report):
    report, _facts = demo_report
    content, _doc = report_file_build(report=report, fmt="pdf")
    fonts = pdf_fonts(content)
    assert {font["name"].split("+", 1)[1] for font in fonts} == {
        "Report-Serif",
        "Report-Serif-Bold",
        "Report-Serif-Italic",
        "Report-Serif-Bold-Italic",
    }
    assert all(font["embedded"] == "yes" for font in fonts)


def test_demo_report_docx_holds_every_fact_and_real_footnotes(demo_report):
    report, facts = demo_report
    content, _doc = report_file_build(report=report, fmt="docx")
    word = DocxReport(content)
    _check_sections(word.body_text, facts)
    assert word.footnote_references == [1, 2, 3, 4, 5, 6]
    for number, footnote in enumerate(FOOTNOTES, start=1):
        assert word.footnotes[number].startswith(footnote)
    for footnote in FOOTNOTES[1:]:
        assert footnote not in word.body_text
    section = word.document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert (round(section.top_margin.mm), round(section.bottom_margin.mm)) == (20, 20)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    styles = word.document.styles.element.xml
    assert 'w:ascii="Times New Roman"' in styles


def test_demo_report_load_is_idempotent(demo_report):
    report, _facts = demo_report
    before = (report.updated_at, list(report.campaign.indicators.values_list("code", "values__value")))
    load_report()
    report.refresh_from_db()
    after = (report.updated_at, list(report.campaign.indicators.values_list("code", "values__value")))
    assert before == after
    assert report.issued_on == datetime.date(2024, 12, 26)
