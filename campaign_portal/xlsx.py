"""A streaming SpreadsheetML (XLSX) writer: the portal's exports and the report's annexes.

Why not openpyxl, which the portal keeps for reading workbooks: writing a province's annexes
(70,000 rows of 10–11 cells at 10×) took openpyxl's write-only mode 27 s of CPU, two thirds of it
in building and serialising a cell object per value; XlsxWriter's constant_memory mode costs the
same per cell and pyexcelerate half as much while holding the whole sheet in memory. Measured on
20,000 rows × 11 cells: openpyxl 5.7 s, pyexcelerate 3.1 s, this writer 0.3 s (CPU). A sheet is a
few elements of the ECMA-376 SpreadsheetML schema, written here as text straight into the zip entry
as the rows come, so memory does not grow with the rows either.

What it writes: one workbook part, a fixed style sheet (the styles below), each sheet with its
column widths, rows of values (text as inline strings, numbers, booleans, dates as serial numbers
with a date format), print setup (A4 landscape fitted to the page width, grid lines printed, a
row repeated at the top of every printed page), and the document's title. Text is stripped of the
characters XML 1.0 cannot carry. Files are checked in tests by reading them back with openpyxl and
by converting them with LibreOffice."""

import datetime
import decimal
import math
import re
import zipfile
from collections.abc import Sequence
from io import BytesIO
from xml.sax.saxutils import escape

# Style indexes in STYLES' cellXfs.
PLAIN, TITLE, HEADER, WRAP, DATE, DATETIME = range(6)

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
EXTENDED_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# The most characters a cell may hold in Excel.
CELL_MAX = 32767
SHEET_NAME_MAX = 31
# Characters XML 1.0 cannot carry (a NUL, most C0 controls, two non-characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
_EPOCH = datetime.date(1899, 12, 30)
# What str.strip() strips, so a text that begins or ends with one keeps it (xml:space="preserve").
_SPACES = frozenset(chr(code) for code in range(0x3001) if chr(code).isspace())

_THIN = '<{side} style="thin"><color rgb="FF000000"/></{side}>'
_CALIBRI = '<sz val="{size}"/><name val="Calibri"/><family val="2"/>'
_XF = '<xf numFmtId="{fmt}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0"{apply}>{alignment}</xf>'
STYLES = "".join(
    (
        XML_HEAD,
        f'<styleSheet xmlns="{MAIN_NS}">',
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>',
        '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>',
        '<fonts count="3">',
        f"<font>{_CALIBRI.format(size=11)}</font>",
        f"<font><b/>{_CALIBRI.format(size=11)}</font>",
        f"<font><b/>{_CALIBRI.format(size=13)}</font>",
        "</fonts>",
        '<fills count="3"><fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
        '<fill><patternFill patternType="solid"><fgColor rgb="FFF2DCDB"/><bgColor indexed="64"/></patternFill></fill>',
        "</fills>",
        '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>',
        *(_THIN.format(side=side) for side in ("left", "right", "top", "bottom")),
        "<diagonal/></border></borders>",
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
        '<cellXfs count="6">',
        # PLAIN, TITLE, HEADER, WRAP, DATE, DATETIME
        _XF.format(fmt=0, font=0, fill=0, border=0, apply="", alignment=""),
        _XF.format(fmt=0, font=2, fill=0, border=0, apply=' applyFont="1"', alignment=""),
        _XF.format(
            fmt=0,
            font=1,
            fill=2,
            border=1,
            apply=' applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"',
            alignment='<alignment horizontal="center" vertical="center" wrapText="1"/>',
        ),
        _XF.format(
            fmt=0,
            font=0,
            fill=0,
            border=0,
            apply=' applyAlignment="1"',
            alignment='<alignment vertical="top" wrapText="1"/>',
        ),
        _XF.format(fmt=164, font=0, fill=0, border=0, apply=' applyNumberFormat="1"', alignment=""),
        _XF.format(fmt=165, font=0, fill=0, border=0, apply=' applyNumberFormat="1"', alignment=""),
        "</cellXfs>",
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
        "</styleSheet>",
    )
)


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xml_text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def sheet_names(names: Sequence[str]) -> list[str]:
    """Names Excel accepts: no []:*?/\\, at most 31 characters, not empty, each different."""
    taken, result = set(), []
    for index, name in enumerate(names, start=1):
        base = (
            _NOT_XML.sub("", _NOT_IN_SHEET_NAME.sub(" ", name)).strip().strip("'")[:SHEET_NAME_MAX] or f"Sheet{index}"
        )
        candidate, number = base, 2
        while candidate.casefold() in taken:
            suffix = f" ({number})"
            candidate, number = base[: SHEET_NAME_MAX - len(suffix)] + suffix, number + 1
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


_STYLE_ATTRIBUTES = {style: f' s="{style}"' if style else "" for style in range(6)}


def _cell(ref: str, value, style: int) -> str:
    """One <c> element (text first: most cells hold text); None writes nothing."""
    s = _STYLE_ATTRIBUTES[style]
    if type(value) is str:
        return _text_cell(ref, value, s)
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{s}><v>{int(value)}</v></c>'
    if isinstance(value, int | decimal.Decimal) or (isinstance(value, float) and math.isfinite(value)):
        if isinstance(value, decimal.Decimal) and not value.is_finite():
            return _text_cell(ref, str(value), s)
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        delta = value - datetime.datetime.combine(_EPOCH, datetime.time())
        serial = delta.days + delta.seconds / 86400
        return f'<c r="{ref}" s="{style or DATETIME}"><v>{serial!r}</v></c>'
    if isinstance(value, datetime.date):
        return f'<c r="{ref}" s="{style or DATE}"><v>{(value - _EPOCH).days}</v></c>'
    return _text_cell(ref, str(value), s)


def _text_cell(ref: str, text: str, s: str) -> str:
    if not text:
        # A cell without a value: a reader learns the row's width from it, and reads None.
        return f'<c r="{ref}"{s}/>'
    text = text[:CELL_MAX]
    space = ' xml:space="preserve"' if text[0] in _SPACES or text[-1] in _SPACES or "\n" in text else ""
    return f'<c r="{ref}" t="inlineStr"{s}><is><t{space}>{xml_text(text)}</t></is></c>'


class SheetWriter:
    """Rows written as they come; see StreamingWorkbook.sheet."""

    def __init__(self, handle, columns: int):
        self._handle = handle
        self._letters = [column_letter(index) for index in range(1, columns + 1)]
        self._pending: list[str] = []
        self.rows = 0

    def row(self, values: Sequence, styles: Sequence[int] | None = None) -> None:
        """One row: `values[i]` in column i+1 with style `styles[i]` (PLAIN when not given)."""
        self.rows += 1
        number = self.rows
        letters = self._letters
        if len(values) > len(letters):
            letters = [column_letter(index) for index in range(1, len(values) + 1)]
        styles = styles or (PLAIN,) * len(values)
        cells = "".join(
            _cell(f"{letter}{number}", value, style)
            for letter, value, style in zip(letters, values, styles, strict=False)
            if value is not None
        )
        self._pending.append(f'<row r="{number}">{cells}</row>')
        if len(self._pending) >= 500:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self._handle.write("".join(self._pending).encode("utf-8"))
            self._pending = []


class StreamingWorkbook:
    """An XLSX package written into memory sheet by sheet:

    book = StreamingWorkbook(title="…")
    with book.sheet("Danh sách", widths=[7, 30], print_title_row=3) as sheet:
        sheet.row(["STT", "Tên"], [HEADER, HEADER])
    content = book.close()
    """

    def __init__(self, *, title: str = ""):
        self._buffer = BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6)
        self._title = title
        self._sheets: list[tuple[str, int | None]] = []
        self._names: list[str] = []

    def sheet(self, name: str, *, widths: Sequence[float], print_title_row: int | None = None) -> "_SheetContext":
        return _SheetContext(self, name, widths, print_title_row)

    def _open(self, name: str, widths: Sequence[float], print_title_row: int | None):
        self._names.append(name)
        unique = sheet_names(self._names)[-1]
        self._sheets.append((unique, print_title_row))
        handle = self._zip.open(f"xl/worksheets/sheet{len(self._sheets)}.xml", "w", force_zip64=True)
        cols = "".join(
            f'<col min="{index}" max="{index}" width="{width}" customWidth="1"/>'
            for index, width in enumerate(widths, start=1)
        )
        handle.write(
            (
                f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
                '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
                + (f"<cols>{cols}</cols>" if cols else "")
                + "<sheetData>"
            ).encode("utf-8")
        )
        return handle, SheetWriter(handle, len(widths))

    def _close_sheet(self, handle, writer: SheetWriter) -> None:
        writer.flush()
        handle.write(
            b"</sheetData>"
            b'<printOptions gridLines="1"/>'
            b'<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            b'<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
            b"</worksheet>"
        )
        handle.close()

    def close(self) -> bytes:
        count = len(self._sheets)
        sheets = "".join(
            f'<sheet name="{xml_text(name)}" sheetId="{index}" r:id="rId{index}"/>'
            for index, (name, _row) in enumerate(self._sheets, start=1)
        )
        titles = "".join(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
            f"{xml_text(_quoted(name))}!${row}:${row}</definedName>"
            for index, (name, row) in enumerate(self._sheets)
            if row
        )
        parts = {
            "[Content_Types].xml": _content_types(count),
            "_rels/.rels": _package_rels(),
            "docProps/core.xml": _core(self._title),
            "docProps/app.xml": (
                f'{XML_HEAD}<Properties xmlns="{EXTENDED_NS}"><Application>Microsoft Excel</Application></Properties>'
            ),
            "xl/workbook.xml": (
                f'{XML_HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><bookViews><workbookView/></bookViews>'
                f"<sheets>{sheets}</sheets>"
                + (f"<definedNames>{titles}</definedNames>" if titles else "")
                + "</workbook>"
            ),
            "xl/_rels/workbook.xml.rels": _workbook_rels(count),
            "xl/styles.xml": STYLES,
        }
        for name, text in parts.items():
            self._zip.writestr(name, text.encode("utf-8"))
        self._zip.close()
        return self._buffer.getvalue()


class _SheetContext:
    def __init__(self, book: StreamingWorkbook, name: str, widths, print_title_row):
        self._book, self._args = book, (name, widths, print_title_row)

    def __enter__(self) -> SheetWriter:
        self._handle, self._writer = self._book._open(*self._args)
        return self._writer

    def __exit__(self, *exc) -> None:
        self._book._close_sheet(self._handle, self._writer)


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _content_types(count: int) -> str:
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{index}.xml" ContentType="{sheet_type}"/>'
        for index in range(1, count + 1)
    )
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        f"{overrides}</Types>"
    )


def _relationships(targets: list[tuple[str, str]]) -> str:
    """A relationships part: (type, target) pairs numbered rId1, rId2… in order."""
    items = "".join(
        f'<Relationship Id="rId{index}" Type="{kind}" Target="{target}"/>'
        for index, (kind, target) in enumerate(targets, start=1)
    )
    return f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}">{items}</Relationships>'


def _package_rels() -> str:
    return _relationships(
        [
            (f"{REL_NS}/officeDocument", "xl/workbook.xml"),
            (
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            (f"{REL_NS}/extended-properties", "docProps/app.xml"),
        ]
    )


def _workbook_rels(count: int) -> str:
    """The sheets as rId1…rIdN (as xl/workbook.xml names them), then the style sheet."""
    sheets = [(f"{REL_NS}/worksheet", f"worksheets/sheet{index}.xml") for index in range(1, count + 1)]
    return _relationships([*sheets, (f"{REL_NS}/styles", "styles.xml")])


def _core(title: str) -> str:
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{XML_HEAD}"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_text(title)}</dc:title><dc:creator>Cổng thi đua – khen thưởng</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    )
