"""The demo report's DOCX as a reader opens it: converted to PDF by LibreOffice Writer
(`soffice --headless --convert-to pdf`, once per session in conftest.py's `demo_renders`) and read back
with pdftotext and pdfinfo beside our own PDF. Word follows each cell's width and LibreOffice the
table grid, so a DOCX whose two disagree looks right in one and wraps in the other (issue 15):
the same words, the header lines unwrapped, footnotes at the foot of their pages, the signer's
title and name on one page, no appendix row split, and a page count within one of ours."""

import io
import re
import subprocess
import tempfile
from dataclasses import dataclass

import docx
import pytest
from docx.oxml.ns import qn

from .helpers import normalise, pdf_text

# The mark makes pytest-django create the test database that the session's seed needs.
pytestmark = pytest.mark.django_db


@dataclass
class Word:
    text: str
    x_min: float
    y_min: float
    y_max: float

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


def _pages(content: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def _words(content: bytes) -> list[list[Word]]:
    """Every page's words with their boxes (points), in pdftotext's reading order."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        html = subprocess.run(
            ["pdftotext", "-bbox", handle.name, "-"], check=True, capture_output=True, text=True
        ).stdout
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", html, re.DOTALL):
        pages.append(
            [
                Word(text, float(x_min), float(y_min), float(y_max))
                for x_min, y_min, y_max, text in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page
                )
            ]
        )
    return pages


def _tokens(content: bytes) -> set[str]:
    # Letters and digits only: a line broken after "416/" in one and not in the other is the same text.
    return set(re.findall(r"[^\W_]+", pdf_text(content)))


def _unexplained(ours: set[str], theirs: set[str], calls: set[str]) -> set[str]:
    """Words of `ours` missing from `theirs`, except a word with a footnote call glued to it
    ("2024²" reads "20242")."""
    return {
        token
        for token in ours - theirs
        if not any(token.endswith(call) and token[: -len(call)] in theirs for call in calls)
    }


def test_libreoffice_reads_the_same_words_as_our_pdf(demo_renders):
    ours, theirs = _tokens(demo_renders.pdf), _tokens(demo_renders.libreoffice_pdf)
    calls = {str(note.number) for note in demo_renders.doc.footnotes}
    assert _unexplained(ours, theirs, calls) == set()
    assert _unexplained(theirs, ours, calls) == set()
    # The demo's own figures, read back from the LibreOffice side.
    for figure in ("8.630", "25/43", "30.335"):
        assert figure in normalise(pdf_text(demo_renders.libreoffice_pdf))


def test_libreoffice_page_count_within_one_of_ours(demo_renders):
    ours, theirs = _pages(demo_renders.pdf), _pages(demo_renders.libreoffice_pdf)
    assert abs(ours - theirs) <= 1, f"PDF {ours} pages, DOCX in LibreOffice {theirs}"


@pytest.mark.parametrize("renderer", ["pdf", "libreoffice_pdf"])
def test_header_lines_are_not_wrapped(demo_renders, renderer):
    doc = demo_renders.doc
    first_page = pdf_text(getattr(demo_renders, renderer)).split("\f")[0]
    lines = [normalise(line) for line in first_page.splitlines()]
    for expected in (
        doc.issuer_parent.upper(),
        doc.issuer_name.upper(),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        doc.place_date,
        doc.title,
    ):
        assert any(expected in line for line in lines), f"{expected!r} is wrapped or missing on page 1"


@pytest.mark.parametrize("renderer", ["pdf", "libreoffice_pdf"])
def test_footnotes_sit_at_the_foot_of_their_pages(demo_renders, renderer):
    """Each footnote starts in the lower part of a page, below every line of body text there (body
    text is the larger type; footnotes are 11 pt)."""
    pages = _words(getattr(demo_renders, renderer))
    for note in demo_renders.doc.footnotes:
        start = note.text.split()[:5]
        found = None
        for number, words in enumerate(pages):
            texts = [word.text for word in words]
            for index in range(len(texts) - len(start) + 1):
                if texts[index : index + len(start)] == start and words[index].height < 15:
                    found = (number, words[index])
        assert found, f"footnote {note.number} not found: {note.text[:60]}"
        number, first = found
        body_below = [
            word.text
            for word in pages[number]
            if word.y_min > first.y_min + 1 and word.height > first.height * 1.15 and not word.text.isdigit()
        ]
        assert body_below == [], f"footnote {note.number} on page {number + 1} has body text under it"
        assert first.y_min > 842 / 3, f"footnote {note.number} is not at the foot of page {number + 1}"


@pytest.mark.parametrize("renderer", ["pdf", "libreoffice_pdf"])
def test_signer_title_name_and_recipients_share_one_page(demo_renders, renderer):
    doc = demo_renders.doc
    pages = [normalise(page) for page in pdf_text(getattr(demo_renders, renderer)).split("\f")]

    def page_of(text: str) -> list[int]:
        return [number for number, page in enumerate(pages) if text in page]

    signer_pages = page_of(doc.signer_name)
    assert len(signer_pages) == 1
    for text in ("Nơi nhận:", doc.signer_position, doc.signer_authority, doc.recipients[-1]):
        assert signer_pages[0] in page_of(text), f"{text!r} is not on the signer's page {signer_pages[0] + 1}"


@pytest.mark.parametrize("renderer", ["pdf", "libreoffice_pdf"])
def test_appendix_rows_never_split_across_pages(demo_renders, renderer):
    """On every appendix page, between the repeated column headings and the first row's number
    there is nothing: a row cut at the foot of the previous page would leave its rest there."""
    heading_words = {
        word for appendix in demo_renders.doc.appendices for column in appendix.table.columns for word in column.split()
    }
    checked = 0
    for words in _words(getattr(demo_renders, renderer)):
        stt = next((word for word in words if word.text == "STT"), None)
        if stt is None:
            continue
        numbers = [w for w in words if w.text.isdigit() and w.y_min > stt.y_max and w.x_min < stt.x_min + 20]
        first_row = min(word.y_min for word in numbers)
        between = [w.text for w in words if stt.y_min - 1 <= w.y_min < first_row - 1]
        assert set(between) <= heading_words, f"a row continues at the top of a page: {between}"
        checked += 1
    assert checked >= 2 * len(demo_renders.doc.appendices)


def _tables(content: bytes):
    return docx.Document(io.BytesIO(content)).tables


def test_docx_table_grids_agree_with_every_cell_width(demo_renders):
    tables = _tables(demo_renders.docx)
    assert len(tables) == 2 + len(demo_renders.doc.appendices)
    for table in tables:
        grid = [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
        width = table._tbl.tblPr.find(qn("w:tblW"))
        assert (width.get(qn("w:type")), int(width.get(qn("w:w")))) == ("dxa", sum(grid))
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        for row in table._tbl.iterchildren(qn("w:tr")):
            cells = [int(tc.find(qn("w:tcPr")).find(qn("w:tcW")).get(qn("w:w"))) for tc in row.iterchildren(qn("w:tc"))]
            assert cells == grid


def test_docx_appendix_columns_follow_the_composed_widths(demo_renders):
    for table, appendix in zip(_tables(demo_renders.docx)[2:], demo_renders.doc.appendices, strict=True):
        grid = [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
        shares = [round(100 * width / sum(grid)) for width in grid]
        assert shares == appendix.table.widths


def test_docx_rows_cannot_split_and_appendix_headings_repeat(demo_renders):
    tables = _tables(demo_renders.docx)
    for table in tables:
        for row in table._tbl.iterchildren(qn("w:tr")):
            assert row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None
    for table in tables[2:]:
        rows = list(table._tbl.iterchildren(qn("w:tr")))
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(row.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])


def test_docx_signer_block_is_kept_together(demo_renders):
    closing = _tables(demo_renders.docx)[1]
    paragraphs = [paragraph for cell in closing.rows[0].cells for paragraph in cell.paragraphs]
    assert any(demo_renders.doc.signer_name == paragraph.text for paragraph in paragraphs)
    assert all(p.paragraph_format.keep_with_next and p.paragraph_format.keep_together for p in paragraphs)
