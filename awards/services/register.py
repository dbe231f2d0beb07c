"""Writes of the award register: the awards made before the portal, imported from the Department's
spreadsheet all or nothing (every wrong cell named by row and column, nothing saved until none is
wrong). Each record names its agency as it stood on the decision's date; adding a record asks for a
new check of the dossiers still under review that the interval rule reads it for."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from agencies.models import Agency
from agencies.selectors import agencies_as_of
from campaign_portal.audit import audit_record
from campaign_portal.spreadsheets import Column, SpreadsheetError, is_formula, workbook_read_rows, workbook_write
from campaign_portal.text import fold_text

from ..enums import CriterionKind, NominationState, NomineeType
from ..models import AwardRecord, Criterion, Nomination
from .checks import criteria_check_queue
from .nominations import nominee_key_for

# The states in which a dossier's check still matters to a decision.
_OPEN_STATES = (NominationState.SUBMITTED, NominationState.UNDER_REVIEW, NominationState.APPROVED)


def import_columns() -> list[Column]:
    return [
        Column(_("Đối tượng (*)"), 12),
        Column(_("Hình thức khen thưởng (*)"), 34, wrap=True),
        Column(_("Tập thể, cơ quan (*)"), 36, wrap=True),
        Column(_("Họ và tên"), 24),
        Column(_("Chức vụ"), 24, wrap=True),
        Column(_("Đơn vị công tác"), 30, wrap=True),
        Column(_("Số quyết định (*)"), 18),
        Column(_("Ngày quyết định (*)"), 16),
        Column(_("Cơ quan ban hành"), 26, wrap=True),
        Column(_("Thành tích"), 40, wrap=True),
        Column(_("Ghi chú"), 30, wrap=True),
    ]


def award_records_template() -> bytes:
    """The import sheet: the header row alone, in the order the import reads."""
    return workbook_write(title=_("Mẫu nhập sổ khen thưởng"), columns=import_columns(), rows=[], sheet_name="Dữ liệu")


@dataclass
class RegisterImportResult:
    created: list[AwardRecord] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(_text(value), fmt).date()
        except ValueError:
            continue
    return None


class _AgenciesOn:
    """The agencies standing on each decision's date, found by full or short name without diacritics:
    one query per distinct date of the file."""

    def __init__(self):
        self.by_day: dict[datetime.date, dict[str, list[Agency]]] = {}

    def find(self, name: str, day: datetime.date) -> tuple[Agency | None, str]:
        if day not in self.by_day:
            index: dict[str, list[Agency]] = {}
            for agency in agencies_as_of(day):
                for key in {fold_text(agency.name), fold_text(agency.short_name)} - {""}:
                    index.setdefault(key, []).append(agency)
            self.by_day[day] = index
        found = self.by_day[day].get(fold_text(name), [])
        if len(found) == 1:
            return found[0], ""
        if not found:
            return None, _("không có cơ quan “%(name)s” vào ngày %(day)s") % {"name": name, "day": f"{day:%d/%m/%Y}"}
        return None, _("“%(name)s” trùng tên nhiều đơn vị, hãy ghi tên đầy đủ") % {"name": name}


def _record_values(values: dict) -> dict:
    """The stored keys of a record: the nominee's key (as a nomination's) and its folded search text."""
    agency = values.get("agency")
    key = nominee_key_for(
        nominee_type=values["nominee_type"],
        nominee_agency_id=agency.pk if agency is not None else None,
        nominee_name=values.get("nominee_name", ""),
        nominee_unit=values.get("nominee_unit", ""),
    )
    text = " ".join(
        [
            agency.name if agency is not None else "",
            values.get("nominee_name", ""),
            values.get("nominee_unit", ""),
            values["form_name"],
        ]
    )
    return {**values, "nominee_key": key, "search_text": fold_text(text)[:800]}


def _interval_recheck() -> None:
    """Queue a check of the open dossiers of the campaigns whose criteria read the register."""
    campaigns = Criterion.objects.filter(kind=CriterionKind.AWARD_INTERVAL, active=True).values("campaign_id")
    ids = Nomination.objects.filter(campaign_id__in=campaigns, state__in=_OPEN_STATES).values_list("pk", flat=True)
    criteria_check_queue(nomination_ids=list(ids))


def award_records_import(*, user: User, upload) -> RegisterImportResult:
    """Check every row; save them all in one transaction (an audit row each) only when none is wrong."""
    result = RegisterImportResult()
    try:
        rows = workbook_read_rows(upload, sheet_name="Dữ liệu")
    except SpreadsheetError as error:
        result.errors.append(str(error))
        return result
    headers = [str(c.header) for c in import_columns()]
    if not rows or [_text(v) for v in rows[0][: len(headers)]] != headers:
        result.errors.append(_("Dòng tiêu đề không đúng mẫu. Hãy tải tệp mẫu và chép dữ liệu vào đó."))
        return result
    types = {fold_text(str(label)): value for value, label in NomineeType.choices}
    agencies = _AgenciesOn()
    parsed, seen = [], set()
    for number, raw in enumerate(rows[1:], start=2):
        row = list(raw[: len(headers)]) + [None] * (len(headers) - len(raw[: len(headers)]))
        if all(_text(v) == "" for v in row):
            continue
        problems: list[tuple[int, str]] = []
        for index, value in enumerate(row):
            if is_formula(value):
                problems.append((index, _("không được chứa công thức")))
                row[index] = None
        texts = [_text(v) for v in row]
        nominee_type = types.get(fold_text(texts[0]))
        if nominee_type is None:
            problems.append((0, _("ghi “Tập thể” hoặc “Cá nhân”")))
        for index in (1, 6):
            if not texts[index]:
                problems.append((index, _("không được để trống")))
        for index, limit in ((1, 255), (2, 255), (3, 255), (4, 255), (5, 255), (6, 64), (8, 255), (10, 500)):
            if len(texts[index]) > limit:
                problems.append((index, _("dài quá %(n)d ký tự") % {"n": limit}))
        if len(texts[9]) > 10000:
            problems.append((9, _("dài quá %(n)d ký tự") % {"n": 10000}))
        day = _date(row[7])
        if day is None:
            problems.append((7, _("cần ngày dạng dd/mm/yyyy")))
        elif day > timezone.localdate():
            problems.append((7, _("ngày quyết định ở tương lai")))
        agency = None
        if texts[2] and day is not None:
            agency, message = agencies.find(texts[2], day)
            if agency is None:
                problems.append((2, message))
        elif nominee_type == NomineeType.COLLECTIVE:
            problems.append((2, _("không được để trống với tập thể")))
        if nominee_type == NomineeType.INDIVIDUAL and not texts[3]:
            problems.append((3, _("không được để trống với cá nhân")))
        if not problems:
            values = _record_values(
                {
                    "nominee_type": nominee_type,
                    "form_name": texts[1],
                    "agency": agency,
                    "nominee_name": texts[3] if nominee_type == NomineeType.INDIVIDUAL else "",
                    "nominee_position": texts[4] if nominee_type == NomineeType.INDIVIDUAL else "",
                    "nominee_unit": (texts[5] or (agency.name if agency else ""))
                    if nominee_type == NomineeType.INDIVIDUAL
                    else "",
                    "decision_number": texts[6],
                    "decision_date": day,
                    "decision_issuer": texts[8],
                    "achievement": texts[9],
                    "note": texts[10],
                }
            )
            identity = (values["decision_number"], day, values["nominee_key"], values["form_name"])
            if (
                identity in seen
                or AwardRecord.objects.filter(
                    decision_number=identity[0], decision_date=day, nominee_key=identity[2], form_name=identity[3]
                ).exists()
            ):
                problems.append((6, _("khen thưởng này đã có trong sổ (cùng quyết định, đối tượng và hình thức)")))
            else:
                seen.add(identity)
                parsed.append(values)
        for index, message in problems:
            result.errors.append(
                _("Dòng %(row)d, cột “%(column)s”: %(message)s.")
                % {"row": number, "column": headers[index], "message": message}
            )
    if not parsed and not result.errors:
        result.errors.append(_("Tệp không có dòng dữ liệu nào (dữ liệu bắt đầu từ dòng 2)."))
    if result.errors:
        return result
    with transaction.atomic():
        for values in parsed:
            result.created.append(award_record_create(user=user, **values))
        _interval_recheck()
    return result


def award_record_add(
    *,
    user: User,
    nominee_type: str,
    form_name: str,
    agency_name: str,
    decision_number: str,
    decision_date: datetime.date,
    nominee_name: str = "",
    nominee_position: str = "",
    nominee_unit: str = "",
    decision_issuer: str = "",
    note: str = "",
) -> AwardRecord:
    """One earlier award typed by a reviewer, checked as an imported row is: the agency found by name
    as it stood on the decision's date, a person's name required, an award already there refused."""
    errors: dict[str, str] = {}
    agency = None
    if agency_name:
        agency, message = _AgenciesOn().find(agency_name, decision_date)
        if agency is None:
            errors["agency_name"] = message[:1].upper() + message[1:] + "."
    elif nominee_type == NomineeType.COLLECTIVE:
        errors["agency_name"] = _("Hãy nhập tên tập thể được khen thưởng.")
    if nominee_type == NomineeType.INDIVIDUAL and not nominee_name:
        errors["nominee_name"] = _("Hãy nhập họ và tên của cá nhân được khen thưởng.")
    if decision_date > timezone.localdate():
        errors["decision_date"] = _("Ngày quyết định ở tương lai.")
    if errors:
        raise ValidationError(errors)
    individual = nominee_type == NomineeType.INDIVIDUAL
    values = _record_values(
        {
            "nominee_type": nominee_type,
            "form_name": form_name,
            "agency": agency,
            "nominee_name": nominee_name if individual else "",
            "nominee_position": nominee_position if individual else "",
            "nominee_unit": (nominee_unit or (agency.name if agency else "")) if individual else "",
            "decision_number": decision_number,
            "decision_date": decision_date,
            "decision_issuer": decision_issuer,
            "note": note,
        }
    )
    with transaction.atomic():
        if AwardRecord.objects.filter(
            decision_number=decision_number,
            decision_date=decision_date,
            nominee_key=values["nominee_key"],
            form_name=form_name,
        ).exists():
            raise ValidationError(
                {"decision_number": _("Khen thưởng này đã có trong sổ (cùng quyết định, đối tượng và hình thức).")}
            )
        record = award_record_create(user=user, **values)
        _interval_recheck()
    return record


def award_record_create(*, user: User | None, **values) -> AwardRecord:
    """One award recorded in the register, with its keys and an audit row."""
    with transaction.atomic():
        record = AwardRecord.objects.create(created_by=user, **_record_values(values))
        audit_record(
            actor=user,
            action="awards.award_record_create",
            target=record,
            after={
                "form_name": record.form_name,
                "decision_number": record.decision_number,
                "decision_date": record.decision_date.isoformat(),
            },
        )
    return record
