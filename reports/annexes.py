"""The summary report's annexes: the complete lists of the campaign's initiatives and nominations,
delivered with the report as one workbook (a sheet per list, Vietnamese headers) and, when asked,
as a PDF rendered apart from the body.

At province scale the body names a few initiatives per agency and its appendices point here
(reports/catalogue.py); a small campaign's report lists everything itself, and its annexes hold
the same rows. Each annex keeps the number, title and note of the appendix the outline places
(“Phụ lục II”); a list the outline does not place is annexed all the same, numbered after those.
The rows are the ones the report counts — registered initiatives that are new to the campaign,
nominations received by the report's date — read in batches and written as they come (openpyxl
write-only mode), so memory does not grow with the province."""

import functools
import hashlib
from collections.abc import Iterable, Iterator, Sequence

from django.utils.translation import gettext as _

from awards.enums import NominationState, Verdict
from awards.selectors import nomination_rows_for_report, nominations_for_report
from campaign_portal.spreadsheets import Column, Sheet, workbook_write_sheets
from initiatives.enums import InitiativeKind, InitiativeState
from initiatives.models import result_figures_text
from initiatives.selectors import initiative_rows_for_annex, initiatives_for_annex

from . import catalogue
from .composition import attached_line, summary_report_compose_with_context
from .document_tree import Appendix, ReportDocument, choice_label, date_short, in_official_language
from .enums import BlockKind, RenderFormat
from .models import SummaryReport
from .pdf import pdf_render

ANNEXED = (BlockKind.APPENDIX_NOMINATIONS, BlockKind.APPENDIX_INITIATIVES)
# Rows read from the database at a time: the memory an annex holds, whatever its length.
BATCH = 2000


class _Digest:
    """The hash of every row written, so that a render's data hash covers the rows it holds."""

    def __init__(self, doc: ReportDocument):
        self.hash = hashlib.sha256(doc.as_json().encode("utf-8"))

    def rows(self, rows: Iterable[Sequence]) -> Iterator[Sequence]:
        for row in rows:
            self.hash.update(("\x1f".join("" if cell is None else str(cell) for cell in row) + "\n").encode("utf-8"))
            yield row

    def hexdigest(self) -> str:
        return self.hash.hexdigest()


def _annex_headings(report: SummaryReport) -> tuple[ReportDocument, catalogue.Context, list[tuple[str, Appendix]]]:
    """Each annex's kind with the heading of its appendix: those the outline places, in its order,
    then the others."""
    doc, ctx = summary_report_compose_with_context(report=report)
    placed = list(dict.fromkeys(ctx.appendices))
    ctx.appendices = placed + [kind for kind in ANNEXED if kind not in placed]
    # Only the headings are used: at province scale the tables are empty, below it they are small.
    headings = catalogue.appendices(ctx, attached_line(report=report, ctx=ctx))
    return (
        doc,
        ctx,
        [(kind, heading) for kind, heading in zip(ctx.appendices, headings, strict=True) if kind in ANNEXED],
    )


def _nominations(ctx: catalogue.Context) -> Iterator:
    queryset = nominations_for_report(campaign=ctx.campaign, as_of=ctx.as_of)
    # One query read through a cursor: the annex shows no criterion results and no declared figures.
    return queryset.prefetch_related(None).defer("declared_metrics").iterator(chunk_size=BATCH)


def _initiatives(ctx: catalogue.Context) -> Iterator:
    return initiatives_for_annex(campaign=ctx.campaign, batch_size=BATCH)


# --- the workbook ------------------------------------------------------------------------


def _initiative_columns() -> list[Column]:
    return [
        Column(_("STT"), 7),
        Column(_("Cơ quan, đơn vị"), 30, wrap=True),
        Column(_("Loại"), 12),
        Column(_("Tên mô hình, sáng kiến, giải pháp"), 50, wrap=True),
        Column(_("Lĩnh vực, nhóm"), 22, wrap=True),
        Column(_("Ngày bắt đầu"), 13),
        Column(_("Đơn vị thực hiện"), 30, wrap=True),
        Column(_("Nhân rộng đến"), 30, wrap=True),
        Column(_("Số liệu kết quả"), 30, wrap=True),
        Column(_("Trạng thái"), 16),
        Column(_("Tiêu biểu"), 10),
    ]


def _unit_name(name: str) -> str:
    """`catalogue.unit_name` for a name read as a value: "xã Trà Bui" for "UBND xã Trà Bui"."""
    return name.removeprefix("UBND ")


def _labels(choices) -> dict[str, str]:
    return {value: choice_label(choices, value) for value in choices.values}


# A province's rows share a few hundred dates: each is formatted once.
_date = functools.lru_cache(maxsize=1024)(date_short)


def _initiative_rows(ctx: catalogue.Context) -> Iterator[tuple]:
    kinds, states, standout = _labels(InitiativeKind), _labels(InitiativeState), _("Tiêu biểu")
    rows = initiative_rows_for_annex(campaign=ctx.campaign, batch_size=BATCH)
    for index, item in enumerate(rows, start=1):
        yield (
            index,
            item.agency_name,
            kinds.get(item.kind, item.kind),
            item.title,
            item.category_name,
            _date(item.started_on) if item.started_on else None,
            ", ".join(map(_unit_name, item.implementing_units)),
            ", ".join(map(_unit_name, item.replicated_to)),
            result_figures_text(item.result_figures),
            states.get(item.state, item.state),
            standout if item.is_standout else None,
        )


def _nomination_columns() -> list[Column]:
    return [
        Column(_("STT"), 7),
        Column(_("Đối tượng"), 36, wrap=True),
        Column(_("Cơ quan đề nghị"), 30, wrap=True),
        Column(_("Hình thức"), 30, wrap=True),
        Column(_("Ngày nhận"), 13),
        Column(_("Gửi sau thời hạn"), 12),
        Column(_("Thiếu thành phần hồ sơ"), 14),
        Column(_("Kết quả kiểm tra"), 18),
        Column(_("Trạng thái"), 18),
        Column(_("Quyết định khen thưởng"), 26, wrap=True),
    ]


def _nomination_rows(ctx: catalogue.Context) -> Iterator[tuple]:
    verdicts, states, yes = _labels(Verdict), _labels(NominationState), _("Có")
    rows = nomination_rows_for_report(campaign=ctx.campaign, as_of=ctx.as_of, batch_size=BATCH)
    for index, item in enumerate(rows, start=1):
        decision = item.decision_number
        if decision and item.decision_date:
            decision = _("%(number)s ngày %(date)s") % {"number": decision, "date": date_short(item.decision_date)}
        yield (
            index,
            item.nominee,
            item.agency_name,
            item.award_form,
            _date(item.received_on) if item.received_on else None,
            yes if item.is_late else None,
            yes if item.missing_component else None,
            verdicts.get(item.verdict, item.verdict),
            states.get(item.state, item.state),
            decision,
        )


def _numbered(items: Iterable, cells) -> Iterator[list]:
    return (cells(index, item) for index, item in enumerate(items, start=1))


@in_official_language
def annexes_xlsx(*, report: SummaryReport) -> tuple[bytes, str]:
    """The workbook of the annexes and the hash of the data it holds."""
    doc, ctx, headings = _annex_headings(report)
    digest = _Digest(doc)
    sheets = []
    for kind, heading in headings:
        if kind == BlockKind.APPENDIX_INITIATIVES:
            columns, rows = _initiative_columns(), _initiative_rows(ctx)
        else:
            columns, rows = _nomination_columns(), _nomination_rows(ctx)
        sheets.append(
            Sheet(
                name=heading.title,
                columns=columns,
                rows=digest.rows(rows),
                heading_lines=[f"{heading.title}. {heading.subtitle}", heading.note],
            )
        )
    title = _("Phụ lục kèm theo Báo cáo tổng kết phong trào thi đua %(name)s") % {"name": ctx.campaign.name}
    return workbook_write_sheets(title=title, sheets=sheets), digest.hexdigest()


@in_official_language
def annexes_pdf(*, report: SummaryReport) -> tuple[bytes, str]:
    """The annexes as a PDF apart from the body: each appendix with its complete table."""
    doc, ctx, headings = _annex_headings(report)
    digest = _Digest(doc)
    appendices = []
    for kind, heading in headings:
        if kind == BlockKind.APPENDIX_INITIATIVES:
            rows = _numbered(_initiatives(ctx), catalogue.initiative_row)
        else:
            rows = _numbered(_nominations(ctx), catalogue.nomination_row)
        heading.table.rows = list(digest.rows(rows))
        if kind == BlockKind.APPENDIX_INITIATIVES:
            heading.empty_text = _("Chưa có mô hình, sáng kiến, giải pháp.")
        else:
            heading.empty_text = _("Chưa có hồ sơ đề nghị khen thưởng.")
        appendices.append(heading)
    annex_doc = ReportDocument(
        issuer_parent=doc.issuer_parent,
        issuer_name=doc.issuer_name,
        number_line=doc.number_line,
        place_date=doc.place_date,
        title=_("PHỤ LỤC"),
        subject=doc.subject,
        appendices=appendices,
    )
    return pdf_render(annex_doc, template="reports/pdf/annexes.html"), digest.hexdigest()


ANNEX_BUILDERS = {RenderFormat.ANNEXES_XLSX: annexes_xlsx, RenderFormat.ANNEXES_PDF: annexes_pdf}
