"""Excel in and out for initiatives: the import template, the all-or-nothing import and the
export of a filtered list. Reading and writing go through campaign_portal.spreadsheets."""

import datetime
from dataclasses import dataclass, field
from io import BytesIO

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from agencies.models import Agency
from campaign_portal.spreadsheets import Column, SpreadsheetError, is_formula, safe_cell_value, workbook_read_rows
from campaign_portal.text import fold_text
from campaigns.models import Campaign, InitiativeCategory

from .enums import InitiativeKind
from .forms import InitiativeForm
from .services import initiative_create, similar_initiatives_queue

DATA_SHEET = "Dữ liệu"
LIST_SHEET = "Danh mục"


# The import's columns, each named by the field of the page's form (InitiativeForm) that it fills:
# a row is checked by that form, so the page and the import accept the same values with the same
# messages, and a column is found by its name, not its position.
COLUMNS = (
    ("agency", _lazy("Cơ quan, đơn vị (*)"), 34, False),
    ("kind", _lazy("Loại (*)"), 14, False),
    ("category", _lazy("Lĩnh vực, nhóm"), 30, False),
    ("title", _lazy("Tên mô hình, sáng kiến, giải pháp (*)"), 50, True),
    ("description", _lazy("Mô tả"), 40, True),
    ("started_on", _lazy("Ngày bắt đầu (dd/mm/yyyy)"), 16, False),
    ("implementing_units", _lazy("Đơn vị thực hiện (cách nhau bởi dấu ;)"), 36, True),
    ("replicated_to", _lazy("Nhân rộng đến (cách nhau bởi dấu ;)"), 36, True),
    ("results", _lazy("Kết quả đạt được"), 40, True),
    ("figures_text", _lazy("Số liệu (Tên chỉ tiêu: giá trị; …)"), 36, True),
)


def _columns() -> list[Column]:
    return [Column(str(header), width, wrap=wrap) for _name, header, width, wrap in COLUMNS]


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


def _date_text(value) -> str:
    """A date cell as the form's field reads it: Excel's own dates become dd/mm/yyyy."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return _text(value)


class _RowReader:
    """Turns one row's names into the values the page's form takes (agencies, kind, category by
    name or code, without diacritics), noting each name it cannot resolve against its column."""

    def __init__(self, *, user, campaign: Campaign):
        self.day = campaign.period_end
        self.campaign = campaign
        self.owners = _AgencyIndex(importable_agencies(user, day=self.day))
        self.everyone = _AgencyIndex(Agency.objects.active_on(self.day))
        self.is_officer = getattr(user, "is_agency_officer", False)
        self.own = getattr(user, "agency", None)
        self.kinds = {fold_text(str(label)): value for value, label in InitiativeKind.choices}
        self.categories = {}
        for category in InitiativeCategory.objects.filter(campaign=campaign, retired=False):
            self.categories[fold_text(category.code)] = category
            self.categories[fold_text(category.name)] = category
        self.children: dict[int, _AgencyIndex] = {}

    def read(self, cells: dict) -> tuple[Agency | None, dict, list[tuple[str, str]]]:
        problems: list[tuple[str, str]] = []
        agency = None
        agency_name = _text(cells["agency"])
        if not agency_name:
            problems.append(("agency", _("không được để trống")))
        else:
            agency, message = self.owners.find(agency_name)
            if agency is None:
                if self.is_officer and self.everyone.find(agency_name)[0] is not None:
                    message = _("chỉ được nhập cho cơ quan của mình (%(own)s)") % {"own": self.own}
                problems.append(("agency", message))
        kind_name = _text(cells["kind"])
        kind = self.kinds.get(fold_text(kind_name), "")
        if not kind_name:
            problems.append(("kind", _("không được để trống")))
        elif not kind:
            problems.append(("kind", _("“%(value)s” không có trong danh mục") % {"value": kind_name}))
        category_name = _text(cells["category"])
        category = self.categories.get(fold_text(category_name)) if category_name else None
        if category_name and category is None:
            message = _("“%(value)s” không có trong lĩnh vực, nhóm của phong trào này") % {"value": category_name}
            problems.append(("category", message))
        units = []
        if agency is not None:
            if agency.pk not in self.children:
                self.children[agency.pk] = _AgencyIndex(Agency.objects.active_on(self.day).filter(parent=agency))
            for name in _split(cells["implementing_units"]):
                unit, message = self.children[agency.pk].find(name)
                if unit is None:
                    message += _(" trong các đơn vị trực thuộc %(agency)s") % {"agency": agency}
                    problems.append(("implementing_units", message))
                else:
                    units.append(unit.pk)
        replicated = []
        for name in _split(cells["replicated_to"]):
            unit, message = self.everyone.find(name)
            if unit is None:
                problems.append(("replicated_to", message))
            else:
                replicated.append(unit.pk)
        data = {
            "campaign": self.campaign.pk,
            "kind": kind,
            "category": category.pk if category else "",
            "title": _text(cells["title"]),
            "description": _text(cells["description"]),
            "started_on": _date_text(cells["started_on"]),
            "implementing_units": units,
            "replicated_to": replicated,
            "results": _text(cells["results"]),
            "figures_text": _text(cells["figures_text"]),
        }
        return agency, data, problems


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
    reader = _RowReader(user=user, campaign=campaign)
    names = [name for name, *_rest in COLUMNS]
    parsed = []
    for number, raw in enumerate(rows[1:], start=2):
        row = list(raw[: len(headers)]) + [None] * (len(headers) - len(raw[: len(headers)]))
        if all(_text(v) == "" for v in row):
            continue
        problems: list[tuple[str, str]] = []
        for name, value in zip(names, row, strict=True):
            if is_formula(value):
                problems.append((name, _("không được chứa công thức")))
        cells = {name: (None if is_formula(value) else value) for name, value in zip(names, row, strict=True)}
        agency, data, unresolved = reader.read(cells)
        problems += unresolved
        form = InitiativeForm(data=data, agency=agency, day=reader.day)
        form.is_valid()
        for name, messages in form.errors.items():
            if any(name == known for known, _message in problems):
                continue  # the name was not found: the form's "not a valid choice" would repeat it
            for message in messages:
                problems.append((name if name in names else "title", message.rstrip(".")))
        for name, message in problems:
            result.errors.append(
                _("Dòng %(row)d, cột “%(column)s”: %(message)s.")
                % {"row": number, "column": headers[names.index(name)], "message": message}
            )
        if not problems:
            values = form.content_values()
            del values["campaign"]
            parsed.append(
                {
                    **values,
                    "agency": agency,
                    "implementing_units": list(form.cleaned_data.get("implementing_units") or []),
                    "replicated_to": list(form.cleaned_data["replicated_to"]),
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
