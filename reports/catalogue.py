"""The catalogue of computed blocks that staff place in a report's outline (BlockKind): each
turns the campaign's data into paragraphs and items of the document tree, with every count
stating the date it is taken at. The figures come from the same queries as the appendices beside
them, so a sentence never disagrees with its table.

The report's shape follows the campaign's size: up to PORTAL_REPORT_FULL_LISTS_UP_TO initiatives it
names every one under its agency and lists them all again, with the nominations, in its appendices
(the reference report's shape, the demo's); above it, each agency's line names the initiatives a
reviewer marked as standing out (or its first few) and counts the rest, and the appendices say
that the complete lists go with the report as annexes (reports/annexes.py)."""

import datetime
import functools
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from agencies.enums import UnitType
from agencies.models import Agency
from agencies.selectors import issuer_as_of
from awards.enums import NominationState, Verdict
from awards.selectors import campaign_progress, nominations_for_report
from campaign_portal.numbers import with_unit
from campaign_portal.text import quoted
from campaigns.models import Campaign
from initiatives.enums import InitiativeKind
from initiatives.selectors import (
    ReportNamed,
    initiatives_for_report,
    initiatives_for_report_count,
    initiatives_for_report_named,
    initiatives_for_report_totals,
)

from .document_tree import (
    BLOCK_ITEM,
    BLOCK_PARAGRAPH,
    Appendix,
    Block,
    FootnoteCounter,
    Run,
    Table,
    choice_label,
    date_short,
    document_short,
    plain,
)
from .enums import BlockKind
from .models import Indicator, SummaryReport
from .phrasing import count_clause, count_text, number_text

AGENCIES = "cơ quan, đơn vị, địa phương"


@dataclass
class Context:
    """What the blocks of one composition share: the data is read once, whichever blocks use it."""

    campaign: Campaign
    report: SummaryReport
    counter: FootnoteCounter
    appendices: list[str] = field(default_factory=list)

    @property
    def as_of(self) -> datetime.date:
        """Totals are taken at the report's date, so that the same report renders the same figures later."""
        return self.report.issued_on

    @functools.cached_property
    def reporter(self) -> Agency:
        """The organiser as it stands on the report's date: who reports, whatever it was called at launch."""
        return issuer_as_of(self.campaign.organiser, self.as_of) or self.campaign.organiser

    @functools.cached_property
    def progress(self):
        return campaign_progress(campaign=self.campaign, as_of=self.as_of)

    @functools.cached_property
    def totals(self) -> dict[int, int]:
        return initiatives_for_report_totals(campaign=self.campaign)

    @functools.cached_property
    def at_scale(self) -> bool:
        """`report_at_scale`, from the counts per agency the body reads anyway."""
        return sum(self.totals.values()) > settings.PORTAL_REPORT_FULL_LISTS_UP_TO

    @functools.cached_property
    def named(self) -> ReportNamed:
        """Per agency given a line, in report order: the initiatives the report names and how many it
        has in all; and the agencies and initiatives it sums up (none below the threshold)."""
        if self.at_scale:
            return initiatives_for_report_named(
                campaign=self.campaign,
                per_agency=settings.PORTAL_REPORT_INITIATIVES_PER_AGENCY,
                unmarked_agencies=settings.PORTAL_REPORT_UNMARKED_AGENCIES_NAMED,
                standout_agencies=settings.PORTAL_REPORT_STANDOUT_AGENCIES_NAMED,
                standouts_per_agency=settings.PORTAL_REPORT_STANDOUTS_PER_AGENCY,
                totals=self.totals,
                units_named=settings.PORTAL_REPORT_UNITS_NAMED,
            )
        groups = [(agency, items, len(items)) for agency, items in initiatives_for_report(campaign=self.campaign)]
        return ReportNamed(groups, 0, 0)

    @property
    def units_named(self) -> int | None:
        """How many units a sentence names before it counts the rest: all of them below the threshold."""
        return settings.PORTAL_REPORT_UNITS_NAMED if self.at_scale else None

    @property
    def groups(self) -> list[tuple[Agency, list, int]]:
        return self.named.groups

    @property
    def initiatives_total(self) -> int:
        return sum(total for _agency, _items, total in self.groups) + self.named.other_initiatives

    @functools.cached_property
    def indicators(self) -> dict[int, list[str]]:
        return indicator_lines(self.campaign)

    @functools.cached_property
    def nominations(self) -> list:
        """The dossiers received by the report's date: the rows of Appendix I and the counts beside
        them, the same set `campaign_progress` counts (one definition of "received by" and "late")."""
        # The appendix shows no criterion results: not prefetching them spares thousands of rows.
        queryset = nominations_for_report(campaign=self.campaign, as_of=self.as_of)
        return list(queryset.prefetch_related(None).defer("declared_metrics"))

    @functools.cached_property
    def nomination_counts(self) -> dict[str, int]:
        """How many of those dossiers there are, miss a component, came late: at province scale,
        where the body lists none of them, the counts `campaign_progress` takes of the same set
        in the database (the late and incomplete sentence reads it anyway)."""
        if not self.at_scale:
            rows = self.nominations
            return {
                "total": len(rows),
                "missing": sum(1 for n in rows if n.missing_component),
                "late": sum(1 for n in rows if n.is_late),
            }
        progress = self.progress
        return {
            "total": progress.nominations_total,
            "missing": progress.nominations_missing_component,
            "late": progress.nominations_late,
        }


# --- the blocks --------------------------------------------------------------------------


def opening(ctx: Context, section_id: int) -> list[Block]:
    campaign = ctx.campaign
    return [
        plain(
            BLOCK_PARAGRAPH,
            _(
                "Thực hiện %(plan)s, qua thời gian triển khai thực hiện từ ngày %(start)s đến ngày %(end)s; "
                "%(organiser)s báo cáo kết quả tổ chức triển khai thực hiện như sau:"
            )
            % {
                "plan": campaign.plan_document.citation,
                "start": date_short(campaign.period_start),
                "end": date_short(campaign.period_end),
                "organiser": ctx.reporter.name,
            },
        )
    ]


def documents(ctx: Context, section_id: int) -> list[Block]:
    """Each document of the campaign with its own issuer, footnoted with its full citation."""
    links = ctx.campaign.document_links.select_related("document").order_by("document__issued_on", "position")
    blocks = []
    for link in links:
        document = link.document
        text = _("%(document)s của %(issuer)s") % {"document": document_short(document), "issuer": document.issuer}
        blocks.append(Block(BLOCK_ITEM, [Run(text=text, footnote=ctx.counter.make(document.number_symbol)), Run(";")]))
    if blocks:
        blocks[-1].runs[-1] = Run(".")
        blocks.insert(0, plain(BLOCK_PARAGRAPH, _("Các văn bản chỉ đạo, hướng dẫn thực hiện phong trào thi đua:")))
    return blocks


def initiatives_count(ctx: Context, section_id: int) -> list[Block]:
    count = ctx.initiatives_total
    if not count:
        text = _("Tính đến ngày %(day)s, chưa có mô hình, sáng kiến, giải pháp nào được đăng ký.")
    else:
        text = _(
            "Tính đến ngày %(day)s, %(agencies)s đã đăng ký, triển khai %(count)s mô hình, sáng kiến, giải pháp, "
            "cụ thể:"
        )
    return [
        plain(
            BLOCK_PARAGRAPH,
            text
            % {
                "day": date_short(ctx.as_of),
                "agencies": f"{count_text(len(ctx.groups) + ctx.named.other_agencies)} {AGENCIES}",
                "count": count_text(count),
            },
        )
    ]


def initiatives_by_agency_block(ctx: Context, section_id: int) -> list[Block]:
    """One line per agency; at province scale, a sentence for the agencies it gives no line
    (see `initiatives_for_report_named`)."""
    blocks = [
        plain(BLOCK_ITEM, agency_initiatives_text(agency, items, total, units_named=ctx.units_named))
        for agency, items, total in ctx.groups
    ]
    if ctx.named.other_agencies:
        text = _(
            "Ngoài ra, %(agencies)s khác đã đăng ký, triển khai %(count)s mô hình, sáng kiến, giải pháp (danh sách "
            "đầy đủ được gửi kèm theo Báo cáo này)."
        ) % {
            "agencies": f"{count_text(ctx.named.other_agencies)} {AGENCIES}",
            "count": count_text(ctx.named.other_initiatives),
        }
        blocks.append(plain(BLOCK_ITEM, text))
    return blocks


def indicators(ctx: Context, section_id: int) -> list[Block]:
    return [plain(BLOCK_ITEM, line) for line in ctx.indicators.get(section_id, [])]


def progress(ctx: Context, section_id: int) -> list[Block]:
    """Agencies that sent by the deadline out of those expected ("25/43"), as of the deadline."""
    progress = ctx.progress
    values = {
        "deadline": date_short(ctx.campaign.nomination_deadline),
        "sent": number_text(progress.sent_on_time),
        "expected": number_text(progress.expected),
        "expected_text": count_text(progress.expected),
        "organiser": ctx.campaign.organiser.name,
    }
    if not progress.expected:
        return []
    if progress.sent_on_time:
        text = _(
            "Tính đến thời điểm %(deadline)s đã có %(sent)s/%(expected)s cơ quan, đơn vị, địa phương gửi hồ sơ đề "
            "nghị khen thưởng theo quy định về %(organiser)s."
        )
    else:
        text = _(
            "Tính đến thời điểm %(deadline)s chưa có cơ quan, đơn vị, địa phương nào trong số %(expected_text)s cơ "
            "quan, đơn vị, địa phương phải báo cáo gửi hồ sơ đề nghị khen thưởng về %(organiser)s."
        )
    text %= values
    merged = [merged_text(row) for row in progress.merged[: ctx.units_named]]
    if merged:
        rest = len(progress.merged) - len(merged)
        if rest:
            merged.append(
                _("%(agencies)s khác đã sáp nhập trong thời gian triển khai phong trào")
                % {"agencies": f"{count_text(rest)} {AGENCIES}"}
            )
        text += " " + _("Trong số %(expected)s cơ quan, đơn vị, địa phương phải báo cáo, %(merged)s.") % {
            "expected": values["expected_text"],
            "merged": "; ".join(merged),
        }
    return [plain(BLOCK_PARAGRAPH, text)]


def merged_text(row) -> str:
    """ "UBND huyện Nam Trà My đã sáp nhập vào UBND huyện Bắc Trà My từ ngày 01/07/2025 (hồ sơ do
    UBND huyện Bắc Trà My gửi)": an expected agency merged during the campaign is accounted for,
    never listed as not sent."""
    text = f"{row.agency.name} {row.merged_note}"
    if row.filed_by is not None:
        text += " " + _("(hồ sơ do %(filer)s gửi)") % {"filer": row.filed_by.name}
    return text


def late_incomplete(ctx: Context, section_id: int) -> list[Block]:
    """Dossiers missing a component or sent late, and agencies late or absent, as of the report's
    date: the same dossiers as Appendix I."""
    counts = ctx.nomination_counts
    campaign = ctx.campaign
    day = date_short(ctx.as_of)
    if not counts["total"]:
        return [
            plain(
                BLOCK_PARAGRAPH,
                _("Tính đến ngày %(day)s, chưa có hồ sơ đề nghị khen thưởng nào được gửi.") % {"day": day},
            )
        ]
    missing, late = counts["missing"], counts["late"]
    text = _("Tính đến ngày %(day)s, trong %(total)s hồ sơ đề nghị khen thưởng đã gửi, %(missing)s; %(late)s.") % {
        "day": day,
        "total": count_text(counts["total"]),
        "missing": count_clause(missing, _("hồ sơ"), _("không đảm bảo thành phần hồ sơ")),
        "late": count_clause(
            late,
            _("hồ sơ"),
            _("gửi sau thời hạn (ngày %(deadline)s)") % {"deadline": date_short(campaign.nomination_deadline)},
        ),
    }
    progress = ctx.progress
    if progress.expected:
        text += " " + _("Trong số %(expected)s cơ quan, đơn vị, địa phương phải báo cáo, %(late)s; %(absent)s.") % {
            "expected": count_text(progress.expected),
            "late": count_clause(progress.sent_late, AGENCIES, _("gửi hồ sơ sau thời hạn")),
            "absent": count_clause(len(progress.missing_agencies), AGENCIES, _("chưa gửi hồ sơ")),
        }
    return [plain(BLOCK_PARAGRAPH, text)]


def appendix_nominations(ctx: Context, section_id: int) -> list[Block]:
    ctx.appendices.append(BlockKind.APPENDIX_NOMINATIONS)
    return []


def appendix_initiatives(ctx: Context, section_id: int) -> list[Block]:
    ctx.appendices.append(BlockKind.APPENDIX_INITIATIVES)
    return []


CATALOGUE = {
    BlockKind.OPENING: opening,
    BlockKind.DOCUMENTS: documents,
    BlockKind.INITIATIVES_COUNT: initiatives_count,
    BlockKind.INITIATIVES_BY_AGENCY: initiatives_by_agency_block,
    BlockKind.INDICATORS: indicators,
    BlockKind.PROGRESS: progress,
    BlockKind.LATE_INCOMPLETE: late_incomplete,
    BlockKind.APPENDIX_NOMINATIONS: appendix_nominations,
    BlockKind.APPENDIX_INITIATIVES: appendix_initiatives,
}


# --- initiatives -------------------------------------------------------------------------


def unit_name(agency) -> str:
    """ "xã Trà Bui" for "UBND xã Trà Bui": how the report names the communes of a district."""
    return agency.name[len("UBND ") :] if agency.name.startswith("UBND ") else agency.name


def initiative_label(initiative) -> str:
    """ "Mô hình “Ti vi tuyên truyền…”", without repeating the kind when the title starts with it."""
    kind = choice_label(InitiativeKind, initiative.kind)
    if initiative.title.lower().startswith(kind.lower()):
        return quoted(initiative.title)
    return f"{kind} {quoted(initiative.title)}"


def units_text(units, limit: int | None = None, total: int | None = None) -> str:
    """ "xã Duy Sơn, xã Duy Trung": every unit, or the first `limit` and a count of the others (of
    `total`, when `units` holds only the first few)."""
    names = [unit_name(unit) for unit in units[:limit]]
    rest = (len(units) if total is None else total) - len(names)
    if rest:
        return _("%(units)s và %(count)s đơn vị khác") % {"units": ", ".join(names), "count": count_text(rest)}
    return ", ".join(names)


def initiative_sentence(initiative, *, with_units: bool = True, units_named: int | None = None) -> str:
    text = initiative_label(initiative)
    implementing = getattr(initiative, "implementing_unit_count", None)
    if with_units and initiative.implementing_unit_list:
        text += _(" tại %(units)s") % {
            "units": units_text(initiative.implementing_unit_list, units_named, implementing)
        }
    figures = initiative.figures_text
    if figures:
        text += f" ({figures})"
    if initiative.replicated_to_list:
        replicated = getattr(initiative, "replicated_to_count", None)
        text += _("; nhân rộng đến %(units)s") % {
            "units": units_text(initiative.replicated_to_list, units_named, replicated)
        }
    return text


def units_summary(units) -> str:
    """ "4 xã, 9 phường": the units counted by type, as the reference report says them."""
    order = {value: index for index, value in enumerate(UnitType.values)}
    counts: dict[str, int] = {}
    for unit in sorted(units, key=lambda unit: order.get(unit.unit_type, len(order))):
        label = choice_label(UnitType, unit.unit_type) if unit.unit_type else _("đơn vị")
        counts[label] = counts.get(label, 0) + 1
    return ", ".join(f"{count} {label}" for label, count in counts.items())


def agency_initiatives_text(agency, initiatives, total: int | None = None, *, units_named: int | None = None) -> str:
    """One agency's line. When all its initiatives run in the same units, the units are counted
    once ("đã có 4 xã, 9 phường triển khai, áp dụng các mô hình: …") instead of listed under each.
    At province scale the line names a few (those marked as standing out first) of `total` and
    counts the rest ("…; và 12 mô hình, sáng kiến, giải pháp khác.")."""
    rest = (total or len(initiatives)) - len(initiatives)
    unit_sets = {frozenset(unit.pk for unit in item.implementing_unit_list) for item in initiatives}
    # Only complete lists can be compared and counted by type (at province scale a list holds the first few).
    complete = all(
        len(item.implementing_unit_list) == getattr(item, "implementing_unit_count", len(item.implementing_unit_list))
        for item in initiatives
    )
    shared = not rest and complete and len(initiatives) > 1 and len(unit_sets) == 1 and next(iter(unit_sets))
    items = " ".join(
        f"({index}) {initiative_sentence(item, with_units=not shared, units_named=units_named)}."
        for index, item in enumerate(initiatives, 1)
    )
    if rest:
        items = items[:-1] + "; " + _("và %(count)s mô hình, sáng kiến, giải pháp khác.") % {"count": count_text(rest)}
        if all(item.is_standout for item in initiatives):
            return _("%(agency)s, tiêu biểu là: %(items)s") % {"agency": agency.name, "items": items}
    if shared:
        summary = units_summary(initiatives[0].implementing_unit_list)
        return _("%(agency)s: đã có %(units)s triển khai, áp dụng các mô hình: %(items)s") % {
            "agency": agency.name,
            "units": summary,
            "items": items,
        }
    return f"{agency.name}: {items}"


# --- indicators --------------------------------------------------------------------------


def indicator_lines(campaign: Campaign) -> dict[int, list[str]]:
    """One line per top-level indicator, with its "of which" breakdown, by outline section id."""
    rows = list(Indicator.objects.filter(campaign=campaign).prefetch_related("values").order_by("position", "pk"))
    children: dict[int, list[Indicator]] = {}
    for indicator in rows:
        if indicator.parent_id:
            children.setdefault(indicator.parent_id, []).append(indicator)
    lines: dict[int, list[str]] = {}
    for indicator in rows:
        if indicator.parent_id or indicator.section_id is None:
            continue
        value = _indicator_value(indicator)
        if value is None:
            continue
        line = f"{indicator.name}: {with_unit(count_text(value), indicator.unit)}"
        parts = []
        for child in children.get(indicator.pk, []):
            child_value = _indicator_value(child)
            if child_value is not None:
                parts.append(f"{with_unit(count_text(child_value), child.unit)} {child.name}".strip())
        if parts:
            line += _(", trong đó: %(parts)s") % {"parts": "; ".join(parts)}
        lines.setdefault(indicator.section_id, []).append(f"{line}.")
    return lines


def _indicator_value(indicator: Indicator) -> Decimal | None:
    values = list(indicator.values.all())
    province_wide = [v.value for v in values if v.agency_id is None]
    if province_wide:
        return province_wide[0]
    if values:
        return sum((v.value for v in values), Decimal(0))
    return None


# --- appendices --------------------------------------------------------------------------


def report_at_scale(campaign: Campaign) -> bool:
    """Whether the report names a few initiatives per agency and sends the complete lists as
    annexes: above PORTAL_REPORT_FULL_LISTS_UP_TO initiatives."""
    return initiatives_for_report_count(campaign=campaign) > settings.PORTAL_REPORT_FULL_LISTS_UP_TO


def nomination_row(index: int, nomination) -> list[str]:
    received = date_short(nomination.received_on)
    if nomination.is_late:
        received += " " + _("(sau thời hạn)")
    return [
        str(index),
        nomination.nominee_label,
        nomination.agency.name,
        str(nomination.award_form),
        received,
        choice_label(Verdict, nomination.verdict),
        choice_label(NominationState, nomination.state),
    ]


def initiative_row(index: int, item) -> list[str]:
    return [
        str(index),
        item.agency.name,
        initiative_label(item),
        item.category.name if item.category_id else "",
        ", ".join(unit_name(unit) for unit in item.implementing_unit_list),
    ]


def nomination_columns() -> list[str]:
    return [
        _("STT"),
        _("Đối tượng"),
        _("Cơ quan đề nghị"),
        _("Hình thức"),
        _("Ngày nhận"),
        _("Kết quả kiểm tra"),
        _("Trạng thái"),
    ]


def initiative_columns() -> list[str]:
    return [
        _("STT"),
        _("Cơ quan, đơn vị"),
        _("Tên mô hình, sáng kiến, giải pháp"),
        _("Lĩnh vực, nhóm"),
        _("Đơn vị thực hiện"),
    ]


def _annexed_text(count: int, noun: str) -> str:
    """What a report at province scale prints in place of an appendix's table."""
    return _(
        "Danh sách đầy đủ gồm %(count)s %(noun)s được gửi kèm theo Báo cáo này thành tệp riêng "
        "(bảng tính Excel; tệp PDF khi có yêu cầu)."
    ) % {"count": count_text(count), "noun": noun}


def appendices(ctx: Context, attached: str) -> list[Appendix]:
    """The appendices the outline asks for, numbered in the order it places them. `attached` is
    the "Kèm theo Báo cáo số …" line, put in parentheses with what the appendix counts."""
    numerals = ["I", "II", "III", "IV"]
    built = []
    for index, kind in enumerate(dict.fromkeys(ctx.appendices)):
        title = _("Phụ lục %(n)s") % {"n": numerals[index]}
        if kind == BlockKind.APPENDIX_NOMINATIONS:
            counted = _("hồ sơ nhận đến ngày %(day)s; thời hạn gửi: ngày %(deadline)s") % {
                "day": date_short(ctx.as_of),
                "deadline": date_short(ctx.campaign.nomination_deadline),
            }
            built.append(
                Appendix(
                    title=title,
                    subtitle=_("DANH SÁCH HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG VÀ KẾT QUẢ KIỂM TRA"),
                    note=f"({attached}; {counted})",
                    table=Table(
                        columns=nomination_columns(),
                        widths=[5, 20, 18, 19, 12, 14, 12],
                        rows=[] if ctx.at_scale else [nomination_row(i, n) for i, n in enumerate(ctx.nominations, 1)],
                    ),
                    empty_text=_annexed_text(ctx.nomination_counts["total"], _("hồ sơ đề nghị khen thưởng"))
                    if ctx.at_scale and ctx.nomination_counts["total"]
                    else _("Chưa có hồ sơ đề nghị khen thưởng."),
                )
            )
        else:
            items = [] if ctx.at_scale else [item for _agency, group, _total in ctx.groups for item in group]
            built.append(
                Appendix(
                    title=title,
                    subtitle=_("DANH SÁCH MÔ HÌNH, SÁNG KIẾN, GIẢI PHÁP"),
                    note=f"({attached})",
                    table=Table(
                        columns=initiative_columns(),
                        widths=[6, 22, 36, 16, 20],
                        rows=[initiative_row(index, item) for index, item in enumerate(items, start=1)],
                    ),
                    empty_text=_annexed_text(ctx.initiatives_total, _("mô hình, sáng kiến, giải pháp"))
                    if ctx.at_scale
                    else _("Chưa có mô hình, sáng kiến, giải pháp."),
                )
            )
    return built
