"""What both renderers do with any document tree, whatever composed it: text comes out composed
(NFC) even when it was stored decomposed, and a kind of block they do not know is drawn as a
paragraph rather than lost."""

import unicodedata

from reports.composition import Appendix, Block, Footnote, ReportDocument, Run, Table
from reports.docx_render import docx_render
from reports.pdf import pdf_render

from .helpers import DocxReport, normalise, pdf_text

TEXT = "Mô hình “Một cửa thân thiện” tại xã Trà Đốc"


def _document(text: str, kind: str = "paragraph") -> ReportDocument:
    return ReportDocument(
        issuer_parent="UBND tỉnh Quảng Nam",
        issuer_name="Sở Nội vụ",
        number_line="Số:      /BC-SNV",
        place_date="Quảng Nam, ngày 26 tháng 12 năm 2024",
        title="BÁO CÁO",
        subject="Tổng kết phong trào thi đua",
        blocks=[Block(kind, [Run(text, Footnote(1, f"Chú thích: {text}"))])],
        recipients=["UBND tỉnh (b/c);"],
        signer_position="GIÁM ĐỐC",
        signer_name="Nguyễn Văn Ân",
        appendices=[
            Appendix(
                title="Phụ lục",
                subtitle="DANH SÁCH",
                note="(Kèm theo Báo cáo)",
                table=Table(columns=["STT", "Tên"], widths=[10, 90], rows=[["1", text]]),
                empty_text="",
            )
        ],
    )


def test_decomposed_text_comes_out_composed_in_pdf_and_docx():
    decomposed = unicodedata.normalize("NFD", TEXT)
    assert decomposed != TEXT
    doc = _document(decomposed)
    pdf = normalise(pdf_text(pdf_render(doc)))
    assert pdf.count(TEXT) == 3  # the paragraph, its footnote, the appendix row
    word = DocxReport(docx_render(doc))
    assert word.body_text.count(TEXT) == 2
    assert word.footnotes == {1: f"Chú thích: {TEXT}"}


def test_a_block_kind_the_renderers_do_not_know_is_drawn_as_a_paragraph():
    doc = _document(TEXT, kind="quotation-from-the-future")
    assert TEXT in normalise(pdf_text(pdf_render(doc)))
    assert TEXT in DocxReport(docx_render(doc)).body_text
