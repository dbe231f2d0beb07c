"""Writes of the reports app: the report's fields and narrative, render requests and the render
itself, indicator values and their Excel import. Every change is audited."""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.selectors import issuer_as_of
from campaign_portal.audit import audit_record
from campaign_portal.bounds import decimal_for_field
from campaign_portal.freshness import versions_lock
from campaign_portal.outbox import outbox_enqueue
from campaign_portal.spreadsheets import SpreadsheetError, is_formula, workbook_read_rows
from campaigns.models import Campaign

from .annexes import ANNEX_BUILDERS
from .catalogue import report_at_scale
from .composition import ReportDocument, in_official_language, section_drafts, summary_report_compose
from .docx_render import docx_render
from .enums import ANNEX_FORMATS, RenderFormat
from .forms import IndicatorRowForm
from .models import Indicator, IndicatorValue, OutlineSection, ReportRender, SummaryReport
from .outline import check_document_tokens, outline_ensure
from .pdf import pdf_render
from .render_jobs import render_perform

RENDERERS = {RenderFormat.PDF: pdf_render, RenderFormat.DOCX: docx_render}
CONTENT_TYPES = {
    RenderFormat.PDF: "application/pdf",
    RenderFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    RenderFormat.ANNEXES_XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    RenderFormat.ANNEXES_PDF: "application/pdf",
}
EXTENSIONS = {RenderFormat.ANNEXES_PDF: "pdf"}


def render_filename(render: ReportRender, stamp: str) -> str:
    """ "bao-cao-tong-ket-4064-20241224-0930.pdf", "phu-luc-bao-cao-tong-ket-4064-….xlsx"."""
    prefix = "phu-luc-bao-cao-tong-ket" if render.format in ANNEX_FORMATS else "bao-cao-tong-ket"
    return f"{prefix}-{render.report.campaign.code}-{stamp}.{EXTENSIONS.get(render.format, render.format)}"


IMPORT_COLUMNS = ("code", "name", "unit", "section", "parent", "value")


COMMITTEE_PREFIXES = ("Ủy ban nhân dân ", "UBND ")
HEADING_FIELDS = ("issuer_parent", "issuer_name", "place_name")


def _heading_name(name: str) -> str:
    for prefix in COMMITTEE_PREFIXES:
        if name.startswith(prefix):
            name = "UBND " + name[len(prefix) :]
    return name.upper()


def _place_of(committee: Agency) -> str:
    """ "Đà Nẵng" from "Ủy ban nhân dân thành phố Đà Nẵng": the place a report is dated at."""
    name = committee.name
    for prefix in (*COMMITTEE_PREFIXES, "tỉnh ", "thành phố "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return name


def report_heading(*, campaign: Campaign, day) -> dict[str, str]:
    """The header a report dated `day` carries: the organiser as it stands on that day (Sở Nội vụ
    tỉnh Quảng Nam signs as Sở Nội vụ under “UBND THÀNH PHỐ ĐÀ NẴNG”, dated at Đà Nẵng, after
    01/07/2025), its parent then, and the place named after the province's committee then. The
    campaign's own place name when the organiser stands under no committee."""
    organiser = issuer_as_of(campaign.organiser, day) or campaign.organiser
    parent = (issuer_as_of(organiser.parent, day) or organiser.parent) if organiser.parent_id else None
    top = parent
    while top is not None and top.parent_id is not None:
        top = issuer_as_of(top.parent, day) or top.parent
    return {
        "issuer_parent": _heading_name(parent.name) if parent is not None else "",
        "issuer_name": organiser.name.upper(),
        "place_name": _place_of(top) if top is not None else campaign.place_name,
    }


def issuer_symbol(agency: Agency) -> str:
    """The issuer's part of a number symbol: its acronym when its short name is one ("SNV"; "SNNPTNT"
    from "SNN&PTNT"), else the initials of its name without "và" ("SKHĐT" for Sở Kế hoạch và Đầu tư)."""
    short = agency.short_name.strip()
    if short and " " not in short and short == short.upper():
        letters = "".join(char for char in short if char.isalnum())
        if letters:
            return letters
    words = [word for word in re.split(r"[\s,–-]+", agency.name) if word and word.lower() != "và"]
    return "".join(word[0] for word in words).upper()


@transaction.atomic
def summary_report_get_or_create(*, campaign: Campaign, user=None) -> SummaryReport:
    """The campaign's report; created on first use with every field and section pre-filled from
    the data (organiser, place, drafts), for staff to correct."""
    existing = SummaryReport.objects.filter(campaign=campaign).first()
    if existing is not None:
        return existing
    keys = {section.key for section in outline_ensure(campaign=campaign, user=user)}
    organiser = campaign.organiser
    today = timezone.localdate()
    report = SummaryReport.objects.create(
        campaign=campaign,
        number_symbol=f"/BC-{issuer_symbol(organiser)}",
        issued_on=today,
        **report_heading(campaign=campaign, day=today),
        signer_position=_("GIÁM ĐỐC"),
        recipients=[f"{campaign.issuing_authority} (b/c);", _("Lưu: VT.")],
        sections={key: text for key, text in section_drafts(campaign).items() if key in keys},
        updated_by=user if getattr(user, "is_authenticated", False) else None,
    )
    audit_record(actor=user, action="reports.summaryreport.create", target=report)
    return report


@transaction.atomic
def summary_report_update(*, report: SummaryReport, user, fields: dict, sections: dict[str, str]) -> SummaryReport:
    """Save the header fields and the text of the outline's sections; the text of a section
    removed from the outline is kept, should it come back. When the report's date changes, the
    issuer, its parent and the place follow it (the agency as it stands on the new date), unless
    staff had typed their own."""
    keys = OutlineSection.objects.filter(campaign_id=report.campaign_id).values_list("key", flat=True)
    for key in keys:
        check_document_tokens(campaign=report.campaign, text=sections.get(key) or "", field=f"section_{key}")
    # The stored row, not `report`: a bound ModelForm has already put the submitted values on it.
    versions_lock(SummaryReport, [report.pk])
    stored = SummaryReport.objects.select_for_update().get(pk=report.pk)
    fields = dict(fields)
    if "issued_on" in fields and fields["issued_on"] != stored.issued_on:
        old = report_heading(campaign=report.campaign, day=stored.issued_on)
        new = report_heading(campaign=report.campaign, day=fields["issued_on"])
        for name in HEADING_FIELDS:
            if fields.get(name, getattr(stored, name)) == old[name]:
                fields[name] = new[name]
    before = {"sections": stored.sections, **{name: str(getattr(stored, name)) for name in fields}}
    for name, value in fields.items():
        setattr(report, name, value)
    report.sections = {**(report.sections or {}), **{key: (sections.get(key) or "").strip() for key in keys}}
    report.updated_by = user
    report.save()
    audit_record(
        actor=user,
        action="reports.summaryreport.update",
        target=report,
        before=before,
        after={"sections": report.sections, **{name: str(getattr(report, name)) for name in fields}},
    )
    return report


@transaction.atomic
def report_render_request(*, report: SummaryReport, user, formats: list[str]) -> list[ReportRender]:
    """One render row per format, each with its task request in the outbox (same transaction):
    a render asked for while the broker is away leaves "queued" when it is back. At province scale
    the body refers to the annexes, so asking for the body asks for the workbook with it."""
    formats = list(formats)
    body_asked = RenderFormat.PDF in formats or RenderFormat.DOCX in formats
    if body_asked and RenderFormat.ANNEXES_XLSX not in formats and report_at_scale(report.campaign):
        formats.append(RenderFormat.ANNEXES_XLSX)
    renders = [ReportRender.objects.create(report=report, format=fmt, requested_by=user) for fmt in formats]
    for render in renders:
        audit_record(actor=user, action="reports.render.request", target=render, after={"format": render.format})
        outbox_enqueue(task_name="reports.summary_report_render", args=[render.pk])
    return renders


def report_file_build(*, report: SummaryReport, fmt: str) -> tuple[bytes, ReportDocument]:
    doc = summary_report_compose(report=report)
    return in_official_language(RENDERERS[fmt])(doc), doc


def report_any_file_build(*, report: SummaryReport, fmt: str) -> tuple[bytes, str]:
    """One file of the report (the body as PDF or DOCX, or the annexes) and the hash of its data."""
    if fmt in ANNEX_FORMATS:
        return ANNEX_BUILDERS[fmt](report=report)
    content, doc = report_file_build(report=report, fmt=fmt)
    return content, doc.data_hash()


def _render_build(render: ReportRender, progress) -> tuple[bytes, str]:
    if render.format in ANNEX_FORMATS:
        return ANNEX_BUILDERS[render.format](report=render.report)
    doc = summary_report_compose(report=render.report)
    data_hash = doc.data_hash()
    progress(40, data_hash=data_hash)
    return RENDERERS[render.format](doc), data_hash


def report_render_perform(*, render_id: int) -> ReportRender:
    """The worker's job: compose, render, store. Idempotent: a finished render is left as it is."""
    return render_perform(
        model=ReportRender,
        render_id=render_id,
        related="report",
        build=_render_build,
        filename=lambda render: render_filename(render, timezone.localtime().strftime("%Y%m%d-%H%M%S")),
        action="reports.render.done",
    )


@transaction.atomic
def indicator_value_set(*, indicator: Indicator, value: Decimal | None, user, agency=None) -> None:
    """Set (or with None, clear) an indicator's province-wide or per-agency value. A value the
    column cannot hold once rounded is refused (ValidationError naming the field)."""
    if value is not None:
        value = decimal_for_field(value, IndicatorValue._meta.get_field("value"))
    current = IndicatorValue.objects.filter(indicator=indicator, agency=agency).first()
    before = {"value": str(current.value) if current else None}
    if value is None:
        if current is not None:
            current.delete()
    elif current is None:
        IndicatorValue.objects.create(indicator=indicator, agency=agency, value=value)
    elif current.value != value:
        current.value = value
        current.save(update_fields=["value", "updated_at"])
    after = {"value": str(value) if value is not None else None}
    if before != after:
        audit_record(actor=user, action="reports.indicator.value", target=indicator, before=before, after=after)


@transaction.atomic
def indicator_section_set(*, indicator: Indicator, section: OutlineSection | None, user) -> None:
    """Place an indicator in a section of its campaign's outline (None: not printed)."""
    if section is not None and section.campaign_id != indicator.campaign_id:
        raise ValueError("The section belongs to another campaign.")
    if indicator.section_id == (section.pk if section else None):
        return
    before = {"section": indicator.section.key if indicator.section_id else None}
    indicator.section = section
    indicator.save(update_fields=["section"])
    after = {"section": section.key if section else None}
    audit_record(actor=user, action="reports.indicator.section", target=indicator, before=before, after=after)


def decimal_from_cell(value) -> Decimal | None:
    """A number from a cell: numeric cells as they are; text in the Vietnamese way ("30.335", "12,5").
    Raises InvalidOperation for what is not a number, ValidationError (naming the field) for a
    number the column cannot hold once rounded; returns it rounded as the column stores it."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = value.strip().replace(" ", "").replace(".", "").replace(",", ".") if isinstance(value, str) else str(value)
    number = Decimal(text)
    if number.is_nan():
        raise InvalidOperation(text)
    return decimal_for_field(number, IndicatorValue._meta.get_field("value"))


def indicators_import(*, campaign: Campaign, upload, user) -> int:
    """Rows "code, name, unit, section, parent code, value" (header row first) create or update
    the campaign's indicators and their province-wide values. All or nothing: any bad row
    refuses the file with the row numbers to fix."""
    rows = workbook_read_rows(upload)
    outline_ensure(campaign=campaign, user=user)
    errors, parsed = [], []
    # A section is named by its key, or by its number where no other section shares it ("4.4").
    outline = list(OutlineSection.objects.filter(campaign=campaign))
    numbers = [item.number for item in outline]
    sections = {item.number: item for item in outline if item.number and numbers.count(item.number) == 1}
    sections |= {item.key: item for item in outline}
    for number, row in enumerate(rows[1:], start=2):
        cells = list(row or ()) + [None] * len(IMPORT_COLUMNS)
        if all(cell in (None, "") for cell in cells[: len(IMPORT_COLUMNS)]):
            continue
        if any(is_formula(cell) for cell in cells):
            errors.append(_("Dòng %(n)d: có công thức; hãy nhập giá trị.") % {"n": number})
            continue
        code, name, unit, section, parent, value = (cells[i] for i in range(len(IMPORT_COLUMNS)))
        code, name, unit = (str(cell or "").strip() for cell in (code, name, unit))
        section_label = str(section or "").strip()
        row = IndicatorRowForm(data={"code": code, "name": name, "unit": unit}, instance=Indicator(campaign=campaign))
        if not row.is_valid():
            errors.extend(
                _("Dòng %(n)d: %(field)s: %(message)s") % {"n": number, "field": row[field].label, "message": message}
                for field, messages in row.errors.items()
                for message in messages
            )
            continue
        section = sections.get(section_label) if section_label else None
        if section_label and section is None:
            errors.append(
                _("Dòng %(n)d: mục “%(s)s” không có trong đề cương báo cáo (ghi số mục hoặc mã mục, ví dụ %(all)s).")
                % {"n": number, "s": section_label, "all": ", ".join(list(sections)[:6])}
            )
            continue
        try:
            amount = decimal_from_cell(value)
        except InvalidOperation:
            errors.append(_("Dòng %(n)d: giá trị “%(v)s” không phải là số.") % {"n": number, "v": value})
            continue
        except ValidationError as error:
            errors.append(_("Dòng %(n)d: %(message)s") % {"n": number, "message": error.messages[0]})
            continue
        parsed.append((code, name, unit, section, str(parent or "").strip(), amount))
    codes = {row[0] for row in parsed} | set(Indicator.objects.filter(campaign=campaign).values_list("code", flat=True))
    for code, *_rest, parent, _amount in parsed:
        if parent and parent not in codes:
            errors.append(_("Chỉ số %(code)s: không có chỉ số cha mã “%(parent)s”.") % {"code": code, "parent": parent})
    if errors:
        raise SpreadsheetError(" ".join(errors))
    with transaction.atomic():
        by_code = {}
        for position, (code, name, unit, section, _parent, _amount) in enumerate(parsed, start=1):
            indicator, _created = Indicator.objects.update_or_create(
                campaign=campaign,
                code=code,
                defaults={"name": name, "unit": unit, "section": section, "position": position},
            )
            by_code[code] = indicator
        for code, *_rest, parent, amount in parsed:
            indicator = by_code[code]
            parent_indicator = by_code.get(parent) or Indicator.objects.filter(campaign=campaign, code=parent).first()
            if indicator.parent_id != (parent_indicator.pk if parent_indicator else None):
                indicator.parent = parent_indicator
                indicator.save(update_fields=["parent"])
            indicator_value_set(indicator=indicator, value=amount, user=user)
        audit_record(actor=user, action="reports.indicator.import", target=campaign, after={"rows": len(parsed)})
    return len(parsed)


def _indicator_snapshot(indicator: Indicator) -> dict:
    return {
        "code": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "section": indicator.section.key if indicator.section_id else None,
        "parent": indicator.parent.code if indicator.parent_id else None,
        "position": indicator.position,
    }


@transaction.atomic
def indicator_save(*, indicator: Indicator, user) -> Indicator:
    """Create or change an indicator's definition (its values are set apart, by indicator_value_set)."""
    created = indicator.pk is None
    before = None if created else _indicator_snapshot(Indicator.objects.select_related("parent").get(pk=indicator.pk))
    indicator.save()
    audit_record(
        actor=user,
        action="reports.indicator.create" if created else "reports.indicator.update",
        target=indicator,
        before=before,
        after=_indicator_snapshot(indicator),
    )
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator, user) -> None:
    """Delete an indicator with its values and its "of which" breakdowns."""
    children = list(indicator.children.values_list("code", flat=True))
    audit_record(
        actor=user,
        action="reports.indicator.delete",
        target=indicator,
        before={**_indicator_snapshot(indicator), "children": children},
    )
    indicator.delete()


def indicators_copy(*, source: Campaign, target: Campaign, user) -> str:
    """Copy an earlier campaign's indicator definitions (not their values) into a new campaign;
    registered in `campaigns.copiers` by ReportsConfig.ready and run inside `campaign_copy`."""
    copies: dict[int, Indicator] = {}
    old_indicators = list(
        Indicator.objects.filter(campaign=source).select_related("section").order_by("position", "pk")
    )
    # The section where the report prints an indicator belongs to the outline of its own campaign:
    # the new campaign's section of the same key, if its outline has one yet.
    sections = {section.key: section for section in OutlineSection.objects.filter(campaign=target)}
    for old in old_indicators:
        copies[old.pk] = Indicator.objects.create(
            campaign=target,
            code=old.code,
            name=old.name,
            unit=old.unit,
            section=sections.get(old.section.key) if old.section_id else None,
            position=old.position,
        )
    for old in old_indicators:
        if old.parent_id in copies:
            copies[old.pk].parent = copies[old.parent_id]
            copies[old.pk].save(update_fields=["parent"])
    return _("%(n)d chỉ số") % {"n": len(copies)} if copies else ""
