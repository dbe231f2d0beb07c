import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from accounts.enums import Role
from initiatives.excel import DATA_SHEET, _columns
from initiatives.models import Initiative
from tests.factories import AgencyFactory, InitiativeCategoryFactory
from tests.factories.initiatives import InitiativeFactory

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def categories(db, campaign):
    """The campaign's own categories: the import matches a row's category by name or code, folded."""
    return {
        code: InitiativeCategoryFactory(campaign=campaign, code=code, name=name)
        for code, name in (
            ("thu-tuc", "Cải cách thủ tục hành chính"),
            ("chuyen-doi-so", "Chính phủ điện tử, chuyển đổi số"),
            ("the-che", "Cải cách thể chế"),
        )
    }


def _workbook(rows, headers=None) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DATA_SHEET
    sheet.append(headers or [c.header for c in _columns()])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("nhap.xlsx", buffer.getvalue(), content_type=XLSX)


def _import(client, campaign, upload):
    return client.post(reverse("initiatives:import"), {"campaign": campaign.pk, "file": upload})


def test_template_has_instructions_data_sheet_and_dropdowns(client, district_officer, district):
    client.force_login(district_officer)
    response = client.get(reverse("initiatives:import_template"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Hướng dẫn", DATA_SHEET, "Danh mục"]
    data = workbook[DATA_SHEET]
    assert [cell.value for cell in data[1]] == [c.header for c in _columns()]
    validations = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
    assert set(validations) == {"A2:A1000", "B2:B1000", "C2:C1000"}
    assert all(v.startswith("'Danh mục'!") for v in validations.values())
    lists = workbook["Danh mục"]
    assert [row[0].value for row in lists.iter_rows(max_col=1, max_row=3)] == ["Mô hình", "Sáng kiến", "Giải pháp"]
    assert lists.sheet_state == "hidden"
    assert lists["C1"].value == district.name
    assert "trọn vẹn" in " ".join(str(c.value) for c in workbook["Hướng dẫn"]["A"])


def test_import_valid_rows_creates_drafts(client, campaign, district, commune, other_commune, district_officer):
    client.force_login(district_officer)
    upload = _workbook(
        [
            [
                district.name,
                "Mô hình",
                "Cải cách thủ tục hành chính",
                "Một cửa không hẹn",
                "Mô tả",
                "15/03/2024",
                "tra doc; Trà Giác",
                "",
                "Giảm thời gian",
                "Thời gian giải quyết: 9 ngày",
            ],
            [district.short_name, "giai phap", "chinh phu dien tu, chuyen doi so", "Tổ công nghệ", None, None],
            [district.short_name, "Mô hình", "THE-CHE", "Rà soát văn bản", None, None],
        ]
    )
    response = _import(client, campaign, upload)
    assert response.status_code == 302, response.content.decode()
    assert Initiative.objects.get(title="Tổ công nghệ").category.code == "chuyen-doi-so"
    assert Initiative.objects.get(title="Rà soát văn bản").category.code == "the-che"
    first = Initiative.objects.get(title="Một cửa không hẹn")
    assert first.agency == district and first.state == "draft"
    assert set(first.implementing_units.all()) == {commune, other_commune}
    assert first.result_figures == [{"label": "Thời gian giải quyết", "value": "9 ngày"}]
    assert first.started_on.isoformat() == "2024-03-15"
    assert Initiative.objects.get(title="Tổ công nghệ").kind == "solution"


def test_import_with_bad_rows_changes_nothing_and_names_each_error(client, campaign, district, district_officer):
    InitiativeFactory(campaign=campaign, agency=district, title="Có sẵn")
    before = list(Initiative.objects.values_list("pk", "title"))
    client.force_login(district_officer)
    upload = _workbook(
        [
            [district.name, "Mô hình", "Cải cách thủ tục hành chính", "Dòng đúng"],
            [district.name, "Mô hình lạ", "Cải cách thủ tục hành chính", "", None, "31/02/2024"],
            [district.name, "Sáng kiến", "Không có lĩnh vực này", '=HYPERLINK("x")', None, None, "Xã Ma"],
            [None, None, None, None],
            [
                "Sở Tư pháp giả",
                "Giải pháp",
                "Cải cách thể chế",
                "Tên",
                None,
                None,
                None,
                None,
                None,
                "không dấu hai chấm",
            ],
        ]
    )
    response = _import(client, campaign, upload)
    assert response.status_code == 400
    errors = response.context["errors"]
    headers = [c.header for c in _columns()]
    expected = [
        (3, headers[1], "“Mô hình lạ” không có trong danh mục"),
        (3, headers[3], "Trường này là bắt buộc"),
        (3, headers[5], "Ngày 31/02/2024 không có thật"),
        (4, headers[3], "không được chứa công thức"),
        (4, headers[2], "“Không có lĩnh vực này” không có trong lĩnh vực, nhóm của phong trào này"),
        (4, headers[6], "không tìm thấy “Xã Ma”"),
        (6, headers[0], "không tìm thấy “Sở Tư pháp giả”"),
        (6, headers[9], "cần dạng “Tên chỉ tiêu: giá trị”"),
    ]
    for row, column, text in expected:
        assert any(e.startswith(f"Dòng {row}, cột “{column}”:") and text in e for e in errors), (row, column, errors)
    assert len(errors) == len(expected)
    assert list(Initiative.objects.values_list("pk", "title")) == before
    assert "Chưa nhập dòng nào" in response.content.decode()


def test_officer_cannot_import_for_another_agency(client, campaign, district_officer):
    other = AgencyFactory(name="Sở Tài chính")
    client.force_login(district_officer)
    response = _import(client, campaign, _workbook([[other.name, "Mô hình", "Cải cách thể chế", "Không được"]]))
    assert response.status_code == 400
    assert "chỉ được nhập cho cơ quan của mình" in response.context["errors"][0]
    assert not Initiative.objects.exists()


def test_import_refuses_wrong_header_and_non_excel(client, campaign, district_officer):
    client.force_login(district_officer)
    response = _import(client, campaign, _workbook([["a"]], headers=["Sai", "tiêu đề"]))
    assert "Dòng tiêu đề không đúng mẫu" in response.context["errors"][0]
    html = SimpleUploadedFile("nhap.xlsx", b"<html></html>", content_type=XLSX)
    response = _import(client, campaign, html)
    assert "không phải là tệp Excel" in response.context["errors"][0]
    assert not Initiative.objects.exists()


def test_reviewer_imports_for_any_agency(client, campaign, reviewer, district):
    client.force_login(reviewer)
    response = _import(client, campaign, _workbook([[district.name, "Mô hình", "Cải cách thể chế", "Của huyện"]]))
    assert response.status_code == 302
    assert Initiative.objects.get().agency == district


def test_export_opens_with_exactly_the_filtered_rows(client, campaign, reviewer, district, commune):
    InitiativeFactory(campaign=campaign, agency=commune, title="=CMD() xã", kind="solution")
    InitiativeFactory(campaign=campaign, agency=district, title="Của huyện", kind="model")
    InitiativeFactory(campaign=campaign, agency=commune, title="Giải pháp hai", kind="solution")
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:export"), {"kind": "solution", "sort": "title"})
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [row for row in sheet.iter_rows(values_only=True) if row and isinstance(row[0], int)]
    assert [(row[1], row[4]) for row in rows] == [(commune.name, "'=CMD() xã"), (commune.name, "Giải pháp hai")]


def test_export_respects_tenant(client, campaign, commune, other_commune, make_user):
    InitiativeFactory(campaign=campaign, agency=commune, title="Của xã mình")
    InitiativeFactory(campaign=campaign, agency=other_commune, title="Của xã khác")
    client.force_login(make_user(Role.AGENCY_OFFICER, agency=commune))
    sheet = load_workbook(io.BytesIO(client.get(reverse("initiatives:export")).content)).active
    titles = [row[4] for row in sheet.iter_rows(values_only=True) if row and isinstance(row[0], int)]
    assert titles == ["Của xã mình"]


def test_reviewer_imports_for_a_commune_typed_without_diacritics(client, campaign, reviewer, commune):
    client.force_login(reviewer)
    response = _import(client, campaign, _workbook([["ubnd xa tra doc", "Mô hình", "Cải cách thể chế", "Của xã"]]))
    assert response.status_code == 302
    assert Initiative.objects.get().agency == commune
