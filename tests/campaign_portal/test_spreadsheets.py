import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from campaign_portal.spreadsheets import (
    Column,
    SpreadsheetError,
    is_formula,
    workbook_read_rows,
    workbook_write,
)


def _xlsx(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("nhap.xlsx", buffer.getvalue())


def test_workbook_write_makes_formula_like_text_safe():
    data = workbook_write(
        title="Danh sách",
        columns=[Column("Tên"), Column("Ghi chú", wrap=True)],
        rows=[('=HYPERLINK("http://x")', "+1"), ("-2", "@SUM(A1)"), ("Trà Đốc", 5)],
        heading_lines=["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"],
    )
    sheet = load_workbook(io.BytesIO(data)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    assert values[1:] == [
        ['\'=HYPERLINK("http://x")', "'+1"],
        ["'-2", "'@SUM(A1)"],
        ["Trà Đốc", 5],
    ]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet["A1"].value == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    assert sheet.print_title_rows == "$3:$3"


def test_workbook_read_rows_returns_formulas_as_text_not_values():
    rows = workbook_read_rows(_xlsx([("Tên", "Số"), ("Trà Đốc", "=1+1")]))
    assert rows[1] == ("Trà Đốc", "=1+1")
    assert is_formula(rows[1][1]) and not is_formula(rows[1][0])


def test_workbook_read_rows_refuses_too_many_rows():
    with pytest.raises(SpreadsheetError, match="giới hạn 3 dòng"):
        workbook_read_rows(_xlsx([("Tên",)] + [(f"dòng {n}",) for n in range(5)]), max_rows=3)


def test_workbook_read_rows_refuses_a_zip_bomb_quickly():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    upload = SimpleUploadedFile("bom.xlsx", buffer.getvalue())
    assert upload.size < 1024 * 1024
    started = time.monotonic()
    with pytest.raises(SpreadsheetError, match="giải nén quá lớn"):
        workbook_read_rows(upload)
    # Refused from the zip directory alone: nothing was decompressed.
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("content", [b"<html></html>", b"PK\x03\x04garbage", b""])
def test_workbook_read_rows_refuses_what_is_not_xlsx(content):
    with pytest.raises(SpreadsheetError):
        workbook_read_rows(SimpleUploadedFile("x.xlsx", content))


def test_workbook_write_styles_only_the_header_and_the_texts_that_wrap():
    long = "Ứng dụng bản đồ số quản lý hạ tầng viễn thông thụ động dùng chung"
    data = workbook_write(
        title="Danh sách",
        columns=[Column("STT", 6), Column("Tên", 20, wrap=True), Column("Ghi chú", 10)],
        rows=[(1, long, ""), (2, "Chợ 4.0", None), (3, "", "x")],
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.print_options.gridLines
    assert sheet["A1"].font.bold and sheet["A1"].border.left.style == "thin"
    assert sheet["B2"].alignment.wrap_text and not sheet["B3"].has_style and not sheet["A2"].has_style
    # Streamed, the sheet states no dimension: each row ends with a cell, so a reader sees it whole.
    streamed = load_workbook(io.BytesIO(data), read_only=True).active
    assert [row for row in streamed.iter_rows(values_only=True)] == [
        ("STT", "Tên", "Ghi chú"),
        (1, long, None),
        (2, "Chợ 4.0", None),
        (3, None, "x"),
    ]
