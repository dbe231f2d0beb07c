"""The DOCX renderer: the composed document written into reports/docx/template.docx (styles in
Times New Roman, A4 margins, page-number header from page 2, a footnotes part). python-docx has
no footnote API, so footnotes are added as `w:footnote` elements in the footnotes part with a
`w:footnoteReference` run in the text: real Word footnotes."""

from copy import deepcopy
from io import BytesIO

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from lxml import etree

from campaign_portal.text import plain_text

from .composition import (
    BLOCK_HEADING_1,
    BLOCK_HEADING_2,
    BLOCK_HEADING_3,
    BLOCK_ITEM,
    ReportDocument,
)
from .document_tree import BLOCK_BASIS, BLOCK_CENTRED
from .docx.build_template import TEMPLATE_PATH

INDENT = Mm(10)
# Word rejects properties out of schema order (ECMA-376 CT_PPrBase, CT_TblPr): the elements that
# must follow w:pBdr and w:tblBorders.
AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
AFTER_TBL_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")


class _Footnotes:
    """The template's footnotes part, parsed once and written back when the document is saved."""

    def __init__(self, document):
        self.part = document.part.part_related_by(RT.FOOTNOTES)
        self.root = etree.fromstring(self.part.blob)

    def add(self, paragraph, number: int, text: str) -> None:
        footnote = etree.SubElement(self.root, qn("w:footnote"))
        footnote.set(qn("w:id"), str(number))
        p = etree.SubElement(footnote, qn("w:p"))
        ppr = etree.SubElement(p, qn("w:pPr"))
        etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), "FootnoteText")
        etree.SubElement(ppr, qn("w:jc")).set(qn("w:val"), "both")
        mark = etree.SubElement(p, qn("w:r"))
        etree.SubElement(etree.SubElement(mark, qn("w:rPr")), qn("w:rStyle")).set(qn("w:val"), "FootnoteReference")
        etree.SubElement(mark, qn("w:footnoteRef"))
        run = etree.SubElement(p, qn("w:r"))
        t = etree.SubElement(run, qn("w:t"))
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = f" {text}"

        reference = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "FootnoteReference")
        rpr.append(style)
        reference.append(rpr)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(number))
        reference.append(ref)
        paragraph._p.append(reference)

    def save(self) -> None:
        # The part is a plain package part (python-docx has no footnotes part class): its bytes are
        # what gets written when the package is saved.
        self.part._blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _paragraph(container, text: str = "", *, bold=False, italic=False, size=None, align=None, space_after=None):
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    if space_after is not None:
        paragraph.paragraph_format.space_after = Pt(space_after)
    return paragraph


def _line(container, *, width: tuple[float, float], space_after: int = 0) -> None:
    """A short rule under a header line: a paragraph with a top border, indented to centre it,
    2 pt high so that it adds no blank line (the PDF draws it as a border of no height)."""
    paragraph = container.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(space_after)
    paragraph.paragraph_format.line_spacing = Pt(2)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(name), value)
    borders.append(top)
    ppr.insert_element_before(borders, *AFTER_PBDR)
    paragraph.paragraph_format.left_indent = Mm(width[0])
    paragraph.paragraph_format.right_indent = Mm(width[1])
    run = paragraph.add_run()
    run.font.size = Pt(2)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.insert_element_before(borders, *AFTER_TBL_BORDERS)


def _twips(length) -> int:
    return round(length / Twips(1))


def _fixed_table(document, widths: list[int], *, rows: int = 0, style: str | None = None):
    """A table whose grid (w:tblGrid) and every cell (w:tcW) give the same widths, in twips, with
    a fixed layout and the table's own width as their sum. python-docx writes a grid of equal
    columns across the page; Word follows w:tcW while LibreOffice follows the grid, so any
    disagreement lays the document out differently in each (issue 15)."""
    table = document.add_table(rows=rows, cols=len(widths))
    if style:
        table.style = style
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Twips(width)
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)
    return table


def _cell_margins(table, *, vertical: int = 0, horizontal: int = 0) -> None:
    """Cell padding in points, as the PDF's: none in the header and closing (the national title in
    13 pt needs all of its column), 2 pt by 4 pt in the appendix tables."""
    margins = OxmlElement("w:tblCellMar")
    for side, points in (("top", vertical), ("left", horizontal), ("bottom", vertical), ("right", horizontal)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(points * 20))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, *AFTER_TBL_BORDERS[3:])


def _cell(table, row: int, column: int):
    cell = table.cell(row, column)
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return cell


def _row_cannot_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _header(document, doc: ReportDocument, usable: int) -> None:
    # LibreOffice pushes a table that opens the document about 9 mm down when the page also holds a
    # footnote; a paragraph 1 pt high before it keeps the header at the top margin, as in the PDF.
    opening = document.add_paragraph()
    opening.paragraph_format.space_after = Pt(0)
    opening.paragraph_format.line_spacing = Pt(1)
    opening.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    # The columns of the PDF's header (40 % / 60 % of the text width).
    widths = [round(usable * 0.4), usable - round(usable * 0.4)]
    table = _fixed_table(document, widths, rows=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _cell_margins(table)
    center = WD_ALIGN_PARAGRAPH.CENTER
    left = _cell(table, 0, 0)
    _paragraph(left, doc.issuer_parent.upper(), size=13, align=center, space_after=0)
    _paragraph(left, doc.issuer_name.upper(), bold=True, size=13, align=center, space_after=0)
    _line(left, width=_rule_indents(widths[0], 0.30))
    right = _cell(table, 0, 1)
    _paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13, align=center, space_after=0)
    _paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14, align=center, space_after=0)
    _line(right, width=_rule_indents(widths[1], 0.58))
    number = _paragraph(_cell(table, 1, 0), doc.number_line, size=13, align=center)
    date = _paragraph(_cell(table, 1, 1), doc.place_date, italic=True, size=14, align=center)
    for paragraph in (number, date):
        paragraph.paragraph_format.space_before = Pt(6)
    for row in table.rows:
        _row_cannot_split(row)


def _rule_indents(width: int, share: float) -> tuple[float, float]:
    """Left and right indents (mm) that centre a rule of `share` of a column `width` twips wide."""
    side = Twips(width) * (1 - share) / 2 / Mm(1)
    return (side, side)


def _block(document, block, footnotes: _Footnotes) -> None:
    """Headings, items and paragraphs; a kind this renderer does not know yet is drawn as a
    paragraph, so a new kind of block in the composition never loses its text."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = INDENT
    heading = block.kind in (BLOCK_HEADING_1, BLOCK_HEADING_2, BLOCK_HEADING_3, BLOCK_CENTRED)
    if heading:
        paragraph.paragraph_format.keep_with_next = True
    if block.kind == BLOCK_CENTRED:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = 0
    italic = block.kind in (BLOCK_HEADING_3, BLOCK_BASIS)
    if block.kind == BLOCK_ITEM:
        paragraph.add_run("- ")
    for run in block.runs:
        if run.text:
            text_run = paragraph.add_run(run.text)
            text_run.bold = heading
            text_run.italic = italic
        if run.footnote is not None:
            footnotes.add(paragraph, run.footnote.number, run.footnote.text)


def _closing(document, doc: ReportDocument, usable: int) -> None:
    """ "Nơi nhận" and the signer side by side in one row that cannot split, every paragraph kept
    with the next: the signer's title and name, and the recipients, stay on one page."""
    half = round(usable / 2)
    table = _fixed_table(document, [half, usable - half], rows=1)
    _no_borders(table)
    _cell_margins(table)
    _row_cannot_split(table.rows[0])
    recipients = _cell(table, 0, 0)
    _paragraph(recipients, "Nơi nhận:", bold=True, italic=True, size=12, space_after=0)
    for line in doc.recipients:
        _paragraph(recipients, f"- {line}", size=11, space_after=0)
    signer = _cell(table, 0, 1)
    center = WD_ALIGN_PARAGRAPH.CENTER
    if doc.signer_authority:
        _paragraph(signer, doc.signer_authority, bold=True, align=center, space_after=0)
    _paragraph(signer, doc.signer_position, bold=True, align=center, space_after=0)
    for _blank in range(4):
        _paragraph(signer, "", align=center, space_after=0)
    _paragraph(signer, doc.signer_name, bold=True, align=center, space_after=0)
    for cell in (recipients, signer):
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_together = True
            paragraph.paragraph_format.keep_with_next = True


def _appendices(document, doc: ReportDocument) -> None:
    if not doc.appendices:
        return
    body_section = document.sections[0]
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.different_first_page_header_footer = False
    section.page_width, section.page_height = body_section.page_height, body_section.page_width
    section.left_margin, section.right_margin = Mm(20), Mm(15)
    usable = _twips(section.page_width - section.left_margin - section.right_margin)
    center = WD_ALIGN_PARAGRAPH.CENTER
    for position, appendix in enumerate(doc.appendices):
        if position:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for text in (appendix.title, appendix.subtitle):
            _paragraph(document, text, bold=True, align=center, space_after=0).paragraph_format.keep_with_next = True
        note = _paragraph(document, appendix.note, italic=True, size=13, align=center)
        note.paragraph_format.keep_with_next = True
        if not appendix.table.rows:
            _paragraph(document, appendix.empty_text)
            continue
        widths = _column_widths(usable, appendix.table.widths)
        table = _fixed_table(document, widths, rows=1, style="Table Grid")
        _cell_margins(table, vertical=2, horizontal=4)
        for index, header in enumerate(appendix.table.columns):
            cell = table.rows[0].cells[index]
            cell.paragraphs[0].alignment = center
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
            run = cell.paragraphs[0].add_run(header)
            run.bold = True
            run.font.size = Pt(12)
        _row_cannot_split(table.rows[0])
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        # Rows are copies of one row built by python-docx, with other texts: the same XML in a
        # fraction of the time, which counts in an appendix of thousands of rows. No row splits
        # across pages (w:cantSplit), as in the PDF.
        model_row = _add_row(table, ["x"] * len(widths), widths)
        model_row.getparent().remove(model_row)
        for values in appendix.table.rows:
            if all(_plain_cell_text(value) for value in values):
                table._tbl.append(_row_like(model_row, values))
            else:
                _add_row(table, values, widths)


def _column_widths(usable: int, percents: list[int]) -> list[int]:
    """Twips per column from the composition's percentages; the last column takes the rounding
    so the columns add up to the table's width exactly."""
    total = sum(percents)
    widths = [usable * percent // total for percent in percents[:-1]]
    return [*widths, usable - sum(widths)]


def _add_row(table, values, widths):
    row = table.add_row()
    for index, value in enumerate(values):
        cell = row.cells[index]
        cell.width = Twips(widths[index])
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(value).font.size = Pt(12)
    _row_cannot_split(row)
    return row._tr


def _plain_cell_text(value: str) -> bool:
    """Text that python-docx would write as one w:t (no tab or line break, which become elements)."""
    return not any(c in value for c in "\t\n\r")


def _row_like(model_row, values):
    row = deepcopy(model_row)
    for text_element, value in zip(row.iter(qn("w:t")), values, strict=True):
        text_element.text = value
        text_element.set(qn("xml:space"), "preserve")
    return row


def docx_render(doc: ReportDocument) -> bytes:
    document = docx.Document(str(TEMPLATE_PATH))
    # The template's body holds only its section properties; keep them as the last element.
    footnotes = _Footnotes(document)
    section = document.sections[0]
    usable = _twips(section.page_width - section.left_margin - section.right_margin)
    _header(document, doc, usable)
    center = WD_ALIGN_PARAGRAPH.CENTER
    title = _paragraph(document, doc.title, bold=True, align=center, space_after=0)
    title.paragraph_format.space_before = Pt(12)
    subject = _paragraph(document, doc.subject, bold=True, align=center, space_after=0)
    # The PDF's subject: 10 mm in from each side, a rule a quarter of its width under it.
    subject.paragraph_format.left_indent = subject.paragraph_format.right_indent = Mm(10)
    subject_width = _twips(section.page_width - section.left_margin - section.right_margin - Mm(20))
    _line(document, width=tuple(10 + side for side in _rule_indents(subject_width, 0.25)), space_after=12)
    for block in doc.blocks:
        _block(document, block, footnotes)
    _closing(document, doc, usable)
    _appendices(document, doc)
    # Composed text (NFC) without bidirectional controls, whatever was stored before input was cleaned
    # (campaign_portal.text.plain_text): the same letters in Word's search, in the PDF made from it and
    # in a screen reader, and no title printing the next one backwards.
    for root in (document.element.body, footnotes.root):
        for text in root.iter(qn("w:t")):
            text.text = plain_text(text.text or "")
    footnotes.save()
    document.core_properties.title = plain_text(f"{doc.title} {doc.subject}")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
