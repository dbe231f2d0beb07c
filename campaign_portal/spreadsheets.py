"""The one spreadsheet helper (openpyxl): exports stream in write-only mode with cells that
cannot become formulas; imports are read with limits on size, rows and decompressed size, and
never evaluate formulas."""

import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO

from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .numbers import file_size_text
from .text import plain_text

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_UNCOMPRESSED = 50 * 1024 * 1024
MAX_IMPORT_ROWS = 5000

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
_WRAP = Alignment(wrap_text=True)


def safe_cell_value(value):
    """Text that a spreadsheet would read as a formula gets a leading apostrophe-like quote; text
    stored with bidirectional controls (before input lost them) leaves without them."""
    if not isinstance(value, str):
        return value
    value = plain_text(value)
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@dataclass(frozen=True)
class Column:
    header: str
    width: int = 18
    wrap: bool = False


@dataclass
class Sheet:
    """One sheet of a workbook: its rows may be a generator, written as they come."""

    name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence]
    heading_lines: Sequence[str] = ()


def workbook_write(
    *,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence],
    heading_lines: Sequence[str] = (),
    sheet_name: str = "Danh sách",
) -> bytes:
    """A printable sheet: optional heading lines, a bold bordered header, rows printed with grid
    lines, A4 landscape fitted to the page width, header repeated on each printed page."""
    return workbook_write_sheets(
        title=title, sheets=[Sheet(name=sheet_name, columns=columns, rows=rows, heading_lines=heading_lines)]
    )


def workbook_write_sheets(*, title: str, sheets: Sequence[Sheet]) -> bytes:
    """A workbook of printable sheets (see workbook_write), in write-only mode: openpyxl writes
    each row out as it is appended, so a sheet of 50,000 rows does not stay in memory."""
    workbook = Workbook(write_only=True)
    for spec in sheets:
        _sheet_write(workbook, spec)
    workbook.properties.title = title
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_write(workbook: Workbook, spec: Sheet) -> None:
    columns, heading_lines = spec.columns, spec.heading_lines
    sheet = workbook.create_sheet(spec.name[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    header_row = len(heading_lines) + (2 if heading_lines else 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    for line in heading_lines:
        cell = WriteOnlyCell(sheet, value=safe_cell_value(line))
        cell.font = Font(bold=True, size=13)
        sheet.append([cell])
    if heading_lines:
        sheet.append([])
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.append(cell)
    sheet.append(header)
    # Below the header, a style only where a reader needs one: wrapping, for a text longer than a
    # line of its column. A styled cell costs openpyxl as much again as the value it holds (a
    # province's annex writes 750,000), so the rows' lines on paper are the printed grid lines, and
    # each wrapping column has one cell, its style registered once, that takes such a text in turn:
    # a write-only sheet writes a row out as it is appended.
    sheet.print_options.gridLines = True
    wrapping = []
    for index, column in enumerate(columns):
        if column.wrap:
            cell = WriteOnlyCell(sheet)
            cell.alignment = _WRAP
            # A line holds `width` digits; letters are wider (capitals, "ư", "W").
            wrapping.append((index, cell, column.width * 3 // 4))
    width = len(columns)
    for row in spec.rows:
        # An empty text is no cell at all: openpyxl writes nothing for None.
        values = [None if value == "" else safe_cell_value(value) for value in row]
        if len(values) != width:
            raise ValueError(f"A row of {len(values)} cells in a sheet of {width} columns.")
        # Except the last: a streamed sheet has no dimension, so a reader learns a row's width from
        # its last cell.
        if values[-1] is None:
            values[-1] = ""
        for index, cell, line in wrapping:
            value = values[index]
            if isinstance(value, str) and (len(value) > line or "\n" in value):
                cell.value = value
                values[index] = cell
        sheet.append(values)


class SpreadsheetError(Exception):
    """The file cannot be read as an import; the message says what to fix."""


# openpyxl parses through defusedxml (installed for that reason), which refuses entity declarations:
# an external entity would read a server file, nested ones ("billion laughs") exhaust memory.
_HOSTILE_XML = _lazy(
    "Tệp Excel chứa khai báo XML không được phép (thực thể XML, có thể là tệp độc hại). "
    "Hãy chép dữ liệu vào tệp mẫu tải về từ cổng."
)
_UNREADABLE = _lazy(
    "Không đọc được tệp Excel: tệp hỏng hoặc không đúng định dạng .xlsx. Hãy dùng tệp mẫu tải về từ cổng."
)


def _refused_xml(error: BaseException | None) -> bool:
    """openpyxl wraps the parser's error in its own ValueError ("Unable to read workbook")."""
    while error is not None:
        if isinstance(error, DefusedXmlException):
            return True
        error = error.__cause__ or error.__context__
    return False


def workbook_read_rows(upload, *, sheet_name: str | None = None, max_rows: int = MAX_IMPORT_ROWS):
    """Rows of values (formulas are not evaluated: a formula cell is returned as its text, so the
    caller refuses it), after checking size, decompressed size and row count. Text cells come back
    composed (NFC), as every text the portal takes in (campaign_portal/input_text.py)."""
    if upload.size > MAX_IMPORT_BYTES:
        raise SpreadsheetError(
            _("Tệp nặng %(size)s, vượt giới hạn %(limit)s.")
            % {"size": file_size_text(upload.size), "limit": file_size_text(MAX_IMPORT_BYTES)}
        )
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_IMPORT_UNCOMPRESSED:
                raise SpreadsheetError(_("Tệp giải nén quá lớn (nghi là tệp độc hại). Hãy dùng đúng tệp mẫu."))
    except zipfile.BadZipFile as error:
        raise SpreadsheetError(_("Tệp không phải là tệp Excel (.xlsx). Hãy dùng tệp mẫu tải về từ cổng.")) from error
    upload.seek(0)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=False)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many types for broken files
        raise SpreadsheetError(_HOSTILE_XML if _refused_xml(error) else _UNREADABLE) from error
    try:
        named = sheet_name and sheet_name in workbook.sheetnames
        sheet = workbook[sheet_name] if named else workbook.worksheets[0]
        if sheet.max_row and sheet.max_row > max_rows + 1:
            raise SpreadsheetError(
                _("Tệp có %(n)d dòng, vượt giới hạn %(limit)d dòng mỗi lần nhập. Hãy tách tệp.")
                % {"n": sheet.max_row - 1, "limit": max_rows}
            )
        rows = []
        # Read-only mode parses the sheet's XML only now: defusedxml refuses entities here too.
        try:
            for index, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                if index > max_rows + 1:
                    raise SpreadsheetError(_("Tệp vượt giới hạn %(limit)d dòng mỗi lần nhập.") % {"limit": max_rows})
                rows.append(tuple(plain_text(value) if isinstance(value, str) else value for value in row))
        except SpreadsheetError:
            raise
        except Exception as error:  # noqa: BLE001 - openpyxl raises many types for broken files
            raise SpreadsheetError(_HOSTILE_XML if _refused_xml(error) else _UNREADABLE) from error
        return rows
    finally:
        workbook.close()


def is_formula(value) -> bool:
    return isinstance(value, str) and value.startswith("=")
