"""Property-based tests (hypothesis) of the initiatives Excel import (initiatives/excel.py):
workbooks generated with openpyxl from random cells — formulas, control characters, very long
text, dates as text, numbers, empty cells, wrong headers. The import saves every row or none,
every row error names a row and a column, and nothing raises."""

import datetime
import os
import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from accounts.enums import Role
from initiatives import excel
from initiatives.enums import InitiativeKind
from initiatives.models import Initiative
from tests.factories import (
    AgencyFactory,
    CampaignFactory,
    CommuneFactory,
    DistrictFactory,
    InitiativeCategoryFactory,
    UserFactory,
)

HEADERS = [column.header for column in excel._columns()]
ROW_ERROR = re.compile(r"^Dòng (\d+), cột “([^”]+)”: .+\.$", re.DOTALL)
FILE_ERRORS = (
    "Dòng tiêu đề không đúng mẫu",
    "Tệp không có dòng dữ liệu nào",
)
SETTINGS = settings(
    max_examples=int(os.environ.get("SECURITY_EXAMPLES", 25)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# Text openpyxl can store (it refuses C0 control characters other than tab and line breaks, which
# Excel cannot hold either); C1 controls, DEL, Vietnamese and right-to-left marks stay in.
STORABLE_TEXT = st.text(max_size=40).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s))
GARBAGE_CELL = st.one_of(
    st.none(),
    STORABLE_TEXT,
    st.sampled_from(
        [
            "=1+1",
            '=HYPERLINK("http://evil.example","x")',
            "=cmd|' /C calc'!A0",
            "+1",
            "-1",
            "@SUM(A1)",
            "\t",
            "Trà Đốc\x7f\x85",
            "\u202e",
            "31/02/2024",
            "2024-13-01",
            "15/03/2024",
            "nan",
            "a:",
            ":1",
            ";;;",
            "Tên chỉ tiêu: 10 ngày",
            "",
            " ",
        ]
    ),
    st.text(alphabet="aăâđêôơưÀỹ ", min_size=400, max_size=1200),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(2100, 1, 1)),
)


CATEGORY_NAMES = ("Giao thông nông thôn", "Môi trường xanh", "Chuyển đổi số")


@pytest.fixture
def world(db):
    district = DistrictFactory()
    communes = [CommuneFactory(parent=district) for _ in range(2)]
    other = AgencyFactory()
    officer = UserFactory(role=Role.AGENCY_OFFICER, agency=district)
    campaign = CampaignFactory()
    return {
        "officer": officer,
        "district": district,
        "communes": communes,
        "other": other,
        "campaign": campaign,
        "categories": [InitiativeCategoryFactory(campaign=campaign, name=name).name for name in CATEGORY_NAMES],
    }


def _valid_row(world):
    return st.tuples(
        st.just(world["district"].name),
        st.sampled_from([str(label) for label in InitiativeKind.labels]),
        st.sampled_from(world["categories"]),
        st.text(alphabet="Mô hình một cửa điện tử ", min_size=1, max_size=60).filter(str.strip),
        st.one_of(st.none(), STORABLE_TEXT),
        st.one_of(st.none(), st.just("15/03/2024"), st.dates(min_value=datetime.date(2000, 1, 1))),
        st.one_of(st.none(), st.just("; ".join(c.name for c in world["communes"]))),
        st.one_of(st.none(), st.just(world["other"].name)),
        st.one_of(st.none(), STORABLE_TEXT),
        st.one_of(st.none(), st.just("Thời gian giải quyết: 10 ngày; Rút ngắn: 1 ngày")),
    ).map(list)


def _any_row(world):
    valid = _valid_row(world)
    garbage = st.lists(GARBAGE_CELL, min_size=0, max_size=12)
    # A valid row with some of its cells replaced by garbage.
    mixed = st.tuples(valid, st.lists(st.tuples(st.integers(0, 9), GARBAGE_CELL), max_size=3)).map(
        lambda pair: [dict(pair[1]).get(i, v) for i, v in enumerate(pair[0])]
    )
    return st.one_of(valid, garbage, mixed)


def _headers():
    wrong = st.lists(st.one_of(st.sampled_from(HEADERS), STORABLE_TEXT), min_size=0, max_size=11)
    return st.one_of(st.just(HEADERS), st.just(HEADERS), wrong, st.just(list(reversed(HEADERS))))


def _workbook(headers, rows, sheet_name) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("nhap.xlsx", buffer.getvalue())


def _check_import(world, upload, data_rows):
    before = Initiative.objects.count()
    result = excel.initiatives_import(user=world["officer"], campaign=world["campaign"], upload=upload)
    after = Initiative.objects.count()
    event("refused" if result.errors else "saved")
    if result.errors:
        assert after == before, result.errors
        assert not result.created
        for message in result.errors:
            match = ROW_ERROR.match(message)
            if match is None:
                assert message.startswith(FILE_ERRORS) or not data_rows, message
                continue
            assert 2 <= int(match.group(1)) <= len(data_rows) + 1, message
            assert match.group(2) in HEADERS, message
    else:
        non_empty = [row for row in data_rows if any(str(v).strip() for v in row if v is not None)]
        assert len(result.created) == len(non_empty) >= 1
        assert after == before + len(non_empty)
        for initiative in result.created:
            assert initiative.agency == world["district"]
            assert initiative.state == "draft"
    return result


@SETTINGS
@given(data=st.data())
def test_import_saves_all_rows_or_none_and_names_row_and_column(world, data):
    headers = data.draw(_headers(), label="headers")
    rows = data.draw(st.lists(_any_row(world), max_size=5), label="rows")
    sheet_name = data.draw(st.sampled_from([excel.DATA_SHEET, "Sheet", "Dữ liệu "]), label="sheet")
    _check_import(world, _workbook(headers, rows, sheet_name), rows)


@SETTINGS
@given(data=st.data())
def test_import_one_bad_row_among_good_ones_saves_nothing(world, data):
    good = data.draw(st.lists(_valid_row(world), min_size=1, max_size=4), label="good")
    column = data.draw(st.sampled_from([0, 1, 2, 3, 5, 6, 7, 9]), label="column")
    bad_value = data.draw(
        st.sampled_from(
            {
                0: ["Cơ quan không có", "=A1"],
                1: ["Loại lạ", "=1"],
                2: ["Lĩnh vực lạ"],
                3: ["", "x" * 501, "=HYPERLINK(1)"],
                5: ["31/02/2024", "ngày mai", "45000"],
                6: ["Xã không trực thuộc"],
                7: ["Cơ quan không có thật"],
                9: ["không có dấu hai chấm"],
            }[column]
        ),
        label="bad",
    )
    bad = list(data.draw(_valid_row(world), label="bad row"))
    bad[column] = bad_value
    position = data.draw(st.integers(0, len(good)), label="position")
    rows = [*good[:position], bad, *good[position:]]
    result = _check_import(world, _workbook(HEADERS, rows, excel.DATA_SHEET), rows)
    assert result.errors
    assert any(f"Dòng {position + 2}, cột “{HEADERS[column]}”" in message for message in result.errors), result.errors


@SETTINGS
@given(payload=st.binary(max_size=2000), name=st.sampled_from(["nhap.xlsx", "nhap.pdf", "x"]))
def test_import_of_bytes_that_are_not_a_workbook_is_an_error_not_a_crash(world, payload, name):
    before = Initiative.objects.count()
    result = excel.initiatives_import(
        user=world["officer"], campaign=world["campaign"], upload=SimpleUploadedFile(name, payload)
    )
    assert result.errors and not result.created
    assert Initiative.objects.count() == before


def test_import_of_a_truncated_workbook_is_an_error(world):
    rows = [["x"] * 10]
    upload = _workbook(HEADERS, rows, excel.DATA_SHEET)
    content = upload.read()
    result = excel.initiatives_import(
        user=world["officer"],
        campaign=world["campaign"],
        upload=SimpleUploadedFile("a.xlsx", content[: len(content) // 2]),
    )
    assert result.errors and not result.created
