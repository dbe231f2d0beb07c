"""Excel in and out for initiatives: the import template, the all-or-nothing import and the
export of a filtered list. Reading and writing go through campaign_portal.spreadsheets."""

import datetime
from dataclasses import dataclass, field
from io import BytesIO

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from agencies.models import Agency
from campaign_portal.spreadsheets import Column, SpreadsheetError, is_formula, safe_cell_value, workbook_read_rows
from campaign_portal.text import fold_text
from campaigns.models import Campaign, InitiativeCategory

from .enums import InitiativeKind
from .services import initiative_create, similar_initiatives_queue

DATA_SHEET = "Dữ liệu"
LIST_SHEET = "Danh mục"


def _columns() -> list[Column]:
    return [
        Column(_("Cơ quan, đơn vị (*)"), 34),
        Column(_("Loại (*)"), 14),
        Column(_("Lĩnh vực, nhóm"), 30),
        Column(_("Tên mô hình, sáng kiến, giải pháp (*)"), 50, wrap=True),
        Column(_("Mô tả"), 40, wrap=True),
        Column(_("Ngày bắt đầu (dd/mm/yyyy)"), 16),
        Column(_("Đơn vị thực hiện (cách nhau bởi dấu ;)"), 36, wrap=True),
        Column(_("Nhân rộng đến (cách nhau bởi dấu ;)"), 36, wrap=True),
        Column(_("Kết quả đạt được"), 40, wrap=True),
        Column(_("Số liệu (Tên chỉ tiêu: giá trị; …)"), 36, wrap=True),
    ]


def importable_agencies(user, *, day=None):
    """The agencies a user may import for: an officer only its own, a reviewer any that stood on the day."""
    if getattr(user, "is_agency_officer", False):
        return Agency.objects.filter(pk=user.agency_id)
    return Agency.objects.active_on(day or timezone.localdate()).order_by("level", "name")


def _template_agencies(user):
    """The drop-down list: communes are left out for reviewers (241 of them); they can still be typed."""
    return importable_agencies(user).exclude(kind="commune_committee")


def _template_categories() -> list[str]:
    """The names of the categories in use, of every campaign: the template is not tied to one."""
    names = InitiativeCategory.objects.filter(retired=False).order_by("name").values_list("name", flat=True)
    return list(dict.fromkeys(names))


def import_template(*, user) -> bytes:
    """Instructions, a data sheet with drop-down lists, and the lists themselves."""
    workbook = Workbook()
    guide = workbook.active
    guide.title = _("Hướng dẫn")
    guide.column_dimensions["A"].width = 110
    lines = [
        _("MẪU NHẬP MÔ HÌNH, SÁNG KIẾN, GIẢI PHÁP"),
        "",
        _("1. Điền mỗi mô hình, sáng kiến, giải pháp trên một dòng của trang “Dữ liệu”, từ dòng 2."),
        _(
            "2. Cột có dấu (*) là bắt buộc. Cột Cơ quan, Loại và Lĩnh vực, nhóm chọn từ danh sách thả xuống; "
            "lĩnh vực, nhóm là của phong trào chọn khi nhập (ghi tên hoặc mã), bỏ trống nếu phong trào không chia "
            "lĩnh vực."
        ),
        _("3. Ngày bắt đầu ghi theo dạng dd/mm/yyyy, ví dụ 15/03/2024."),
        _(
            "4. Đơn vị thực hiện: tên các xã, phường, thị trấn trực thuộc, cách nhau bởi dấu chấm phẩy, "
            "ví dụ: Trà Bui; Trà Dương."
        ),
        _(
            "5. Nhân rộng đến: tên cơ quan, đơn vị đã áp dụng, cách nhau bởi dấu chấm phẩy; tên trùng "
            "nhau thì ghi đầy đủ, ví dụ UBND xã Trà Đốc."
        ),
        _("6. Số liệu: mỗi chỉ tiêu dạng “Tên chỉ tiêu: giá trị”, cách nhau bởi dấu chấm phẩy."),
        _("7. Không nhập công thức (ô bắt đầu bằng dấu =)."),
        _(
            "8. Tệp được nhập trọn vẹn hoặc không nhập gì: nếu có dòng sai, cổng liệt kê từng dòng, từng "
            "cột cần sửa và không lưu dòng nào."
        ),
        _("9. Các mô hình, sáng kiến được nhập ở trạng thái Bản nháp; kiểm tra lại rồi gửi đăng ký trên cổng."),
    ]
    for index, line in enumerate(lines, start=1):
        cell = guide.cell(row=index, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if index == 1:
            cell.font = Font(bold=True, size=13)

    lists = workbook.create_sheet(LIST_SHEET)
    choices = [
        [str(label) for label in InitiativeKind.labels],
        _template_categories(),
        [agency.name for agency in _template_agencies(user)],
    ]
    for col, values in enumerate(choices, start=1):
        for row, value in enumerate(values, start=1):
            lists.cell(row=row, column=col, value=safe_cell_value(value))
    lists.sheet_state = "hidden"

    data = workbook.create_sheet(DATA_SHEET)
    columns = _columns()
    for index, column in enumerate(columns, start=1):
        cell = data.cell(row=1, column=index, value=column.header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F2DCDB")
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        data.column_dimensions[cell.column_letter].width = column.width
    data.freeze_panes = "A2"
    list_sheet = f"'{LIST_SHEET}'"
    for letter, list_col, count in (
        ("A", "C", len(choices[2])),
        ("B", "A", len(choices[0])),
        ("C", "B", len(choices[1])),
    ):
        validation = DataValidation(
            type="list",
            formula1=f"{list_sheet}!${list_col}$1:${list_col}${max(count, 1)}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=_("Giá trị không hợp lệ"),
            error=_("Hãy chọn từ danh sách."),
        )
        validation.add(f"{letter}2:{letter}1000")
        data.add_data_validation(validation)
    workbook.move_sheet(DATA_SHEET, offset=-1)
    workbook.active = 0
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _text(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _split(value) -> list[str]:
    return [part.strip() for part in _text(value).replace("\n", ";").split(";") if part.strip()]


class _AgencyIndex:
    """Finds agencies by full or short name, without diacritics; a short name two agencies share is ambiguous."""

    def __init__(self, agencies):
        self.by_key: dict[str, list[Agency]] = {}
        for agency in agencies:
            for key in {fold_text(agency.name), fold_text(agency.short_name)} - {""}:
                self.by_key.setdefault(key, []).append(agency)

    def find(self, name: str) -> tuple[Agency | None, str]:
        found = self.by_key.get(fold_text(name), [])
        if len(found) == 1:
            return found[0], ""
        if not found:
            return None, _("không tìm thấy “%(name)s”") % {"name": name}
        return None, _("“%(name)s” trùng tên nhiều đơn vị, hãy ghi tên đầy đủ") % {"name": name}


def _required(row: list, index: int, problems: list[tuple[int, str]]) -> str:
    value = _text(row[index])
    if not value and all(i != index for i, _message in problems):
        problems.append((index, _("không được để trống")))
    return value


def _parse_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def initiatives_import(*, user, campaign: Campaign, upload) -> ImportResult:
    """Check every row; save all of them in one transaction only when none is wrong."""
    result = ImportResult()
    try:
        rows = workbook_read_rows(upload, sheet_name=DATA_SHEET)
    except SpreadsheetError as error:
        result.errors.append(str(error))
        return result
    columns = _columns()
    headers = [c.header for c in columns]
    if not rows or [_text(v) for v in rows[0][: len(headers)]] != headers:
        result.errors.append(_("Dòng tiêu đề không đúng mẫu. Hãy tải tệp mẫu mới và chép dữ liệu vào trang “Dữ liệu”."))
        return result
    day = campaign.period_end
    owners = _AgencyIndex(importable_agencies(user, day=day))
    everyone = _AgencyIndex(Agency.objects.active_on(day))
    kinds = {fold_text(str(label)): value for value, label in InitiativeKind.choices}
    categories = {}
    for category in InitiativeCategory.objects.filter(campaign=campaign, retired=False):
        categories[fold_text(category.code)] = category
        categories[fold_text(category.name)] = category
    parsed = []
    for number, raw in enumerate(rows[1:], start=2):
        row = list(raw[: len(headers)]) + [None] * (len(headers) - len(raw[: len(headers)]))
        if all(_text(v) == "" for v in row):
            continue
        problems: list[tuple[int, str]] = []
        for index, value in enumerate(row):
            if is_formula(value):
                problems.append((index, _("không được chứa công thức")))
                row[index] = None

        agency_name, kind_name = (_required(row, i, problems) for i in range(2))
        area_name = _text(row[2])
        title = _required(row, 3, problems)
        agency = None
        if agency_name:
            agency, message = owners.find(agency_name)
            if agency is None:
                if getattr(user, "is_agency_officer", False) and everyone.find(agency_name)[0] is not None:
                    message = _("chỉ được nhập cho cơ quan của mình (%(own)s)") % {"own": user.agency}
                problems.append((0, message))
        kind = kinds.get(fold_text(kind_name)) if kind_name else None
        if kind_name and kind is None:
            problems.append((1, _("“%(value)s” không có trong danh mục") % {"value": kind_name}))
        area = categories.get(fold_text(area_name)) if area_name else None
        if area_name and area is None:
            problems.append(
                (2, _("“%(value)s” không có trong lĩnh vực, nhóm của phong trào này") % {"value": area_name})
            )
        elif not area_name and categories:
            problems.append((2, _("không được để trống (phong trào có chia lĩnh vực, nhóm)")))
        if len(title) > 500:
            problems.append((3, _("dài quá 500 ký tự")))
        try:
            started_on = _parse_date(row[5])
        except ValueError:
            started_on = None
            problems.append((5, _("“%(value)s” không phải ngày dạng dd/mm/yyyy") % {"value": _text(row[5])}))
        units = []
        if agency is not None:
            children = _AgencyIndex(Agency.objects.active_on(day).filter(parent=agency))
            for name in _split(row[6]):
                unit, message = children.find(name)
                if unit is None:
                    problems.append((6, message + _(" trong các đơn vị trực thuộc %(agency)s") % {"agency": agency}))
                else:
                    units.append(unit)
        replicated = []
        for name in _split(row[7]):
            unit, message = everyone.find(name)
            if unit is None:
                problems.append((7, message))
            else:
                replicated.append(unit)
        figures = []
        for part in _split(row[9]):
            label, sep, value = part.partition(":")
            if not sep or not label.strip() or not value.strip():
                problems.append((9, _("“%(value)s” cần dạng “Tên chỉ tiêu: giá trị”") % {"value": part}))
            else:
                figures.append({"label": label.strip(), "value": value.strip()})
        for index, message in problems:
            result.errors.append(
                _("Dòng %(row)d, cột “%(column)s”: %(message)s.")
                % {"row": number, "column": headers[index], "message": message}
            )
        if not problems:
            parsed.append(
                {
                    "agency": agency,
                    "kind": kind,
                    "category": area,
                    "title": title,
                    "description": _text(row[4]),
                    "started_on": started_on,
                    "implementing_units": units,
                    "replicated_to": replicated,
                    "results": _text(row[8]),
                    "result_figures": figures,
                }
            )
    if not parsed and not result.errors:
        result.errors.append(_("Tệp không có dòng dữ liệu nào (dữ liệu bắt đầu từ dòng 2 của trang “Dữ liệu”)."))
    if result.errors:
        return result
    with transaction.atomic():
        for values in parsed:
            result.created.append(initiative_create(user=user, campaign=campaign, **values))
        similar_initiatives_queue(initiative_ids=[item.pk for item in result.created])
    return result


def export_columns() -> list[Column]:
    return [
        Column(_("STT"), 6),
        Column(_("Cơ quan, đơn vị"), 30, wrap=True),
        Column(_("Loại"), 12),
        Column(_("Lĩnh vực, nhóm"), 26, wrap=True),
        Column(_("Tên mô hình, sáng kiến, giải pháp"), 50, wrap=True),
        Column(_("Ngày bắt đầu"), 13),
        Column(_("Đơn vị thực hiện"), 36, wrap=True),
        Column(_("Nhân rộng đến"), 36, wrap=True),
        Column(_("Kết quả"), 40, wrap=True),
        Column(_("Số liệu"), 30, wrap=True),
        Column(_("Trạng thái"), 16),
        Column(_("Đánh giá"), 16),
    ]


def export_rows(initiatives):
    assessments = {True: _("Hiệu quả"), False: _("Chưa hiệu quả"), None: ""}
    for number, item in enumerate(initiatives, start=1):
        yield [
            number,
            item.agency.name,
            item.get_kind_display(),
            item.category.name if item.category_id else "",
            item.title,
            item.started_on.strftime("%d/%m/%Y") if item.started_on else "",
            "; ".join(unit.short_name or unit.name for unit in item.implementing_units.all()),
            "; ".join(unit.name for unit in item.replicated_to.all()),
            item.results,
            item.figures_text,
            item.get_state_display(),
            assessments[item.assessment_effective],
        ]
