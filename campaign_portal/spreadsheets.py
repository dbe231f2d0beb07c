"""The one spreadsheet helper: exports are written as their rows come (campaign_portal/xlsx.py)
with cells that cannot become formulas; imports are read by openpyxl with limits on size, rows and
decompressed size, and never evaluate formulas."""

import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import load_workbook

from . import xlsx
from .numbers import file_size_text
from .text import plain_text

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_UNCOMPRESSED = 50 * 1024 * 1024
MAX_IMPORT_ROWS = 5000


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
    """A workbook of printable sheets (see workbook_write), written as the rows come
    (campaign_portal/xlsx.py), so a sheet of 50,000 rows does not stay in memory."""
    book = xlsx.StreamingWorkbook(title=title)
    for spec in sheets:
        _sheet_write(book, spec)
    return book.close()


def _sheet_write(book: xlsx.StreamingWorkbook, spec: Sheet) -> None:
    columns, heading_lines = spec.columns, spec.heading_lines
    header_row = len(heading_lines) + (2 if heading_lines else 1)
    width = len(columns)
    with book.sheet(spec.name, widths=[column.width for column in columns], print_title_row=header_row) as sheet:
        for line in heading_lines:
            sheet.row([safe_cell_value(line)], [xlsx.TITLE])
        if heading_lines:
            sheet.row([])
        sheet.row([column.header for column in columns], [xlsx.HEADER] * width)
        # Below the header, a style only where a reader needs one: wrapping, for a text longer than
        # a line of its column; the rows' lines on paper are the printed grid lines.
        # A line holds `width` digits; letters are wider (capitals, "ư", "W").
        lines = [column.width * 3 // 4 if column.wrap else None for column in columns]
        plain = [xlsx.PLAIN] * width
        for row in spec.rows:
            # An empty text is no cell at all.
            values = [None if value == "" else safe_cell_value(value) for value in row]
            if len(values) != width:
                raise ValueError(f"A row of {len(values)} cells in a sheet of {width} columns.")
            # Except the last: a streamed sheet has no dimension, so a reader learns a row's width
            # from its last cell.
            if values[-1] is None:
                values[-1] = ""
            styles = plain
            for index, line in enumerate(lines):
                value = values[index]
                if line is not None and isinstance(value, str) and (len(value) > line or "\n" in value):
                    if styles is plain:
                        styles = list(plain)
                    styles[index] = xlsx.WRAP
            sheet.row(values, styles)


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
