"""The council's three documents as the report's document tree (reports/document_tree.py), so
that the report's renderers draw them in Decree 30/2020 format: the minutes of the meeting, the
Department's proposal (Tờ trình) and the draft decision with its lists of collectives and
individuals. Their text is the campaign's outline (CouncilDocumentOutline, data); the lists,
votes and counts are computed from the meeting.

Fields an outline may use: {campaign} {plan} {held_on} {place} {chair_name} {chair_position}
{secretary_name} {present} {total} {rule} {considered} {passed} {failed} {collectives}
{individuals} {award_forms} {issuer} {committee} {committee_upper} {decree} {comments}. Blocks:
[[members]], [[votes]], [[comments]] (the sentence on the public's comments; nothing when the
campaign published no list; in an outline without it, it follows the votes)."""

import datetime
import re

from django.utils import timezone

from agencies.selectors import issuer_as_of
from awards.enums import NomineeType
from campaign_portal.text import fold_text
from reports.document_tree import (
    BLOCK_BASIS,
    BLOCK_CENTRED,
    BLOCK_HEADING_1,
    BLOCK_ITEM,
    BLOCK_PARAGRAPH,
    Appendix,
    Block,
    FootnoteCounter,
    ReportDocument,
    Run,
    Table,
    date_short,
    document_short,
    in_official_language,
    plain,
    staff_blocks,
)
from reports.models import SummaryReport
from reports.services import report_heading

from .enums import CouncilDocument
from .models import CouncilDocumentOutline, CouncilItem, CouncilMeeting
from .selectors import PublicFile, meeting_public_file

FIELD = re.compile(r"\{([a-z_]{1,40})\}")
# Decree 152/2025/NĐ-CP replaces Decree 98/2023/NĐ-CP from this day (reference/legal-notes.md).
DECREE_152_FROM = datetime.date(2025, 7, 1)
# Room left for the number and day typed when the document is signed (non-breaking: HTML would
# collapse plain spaces).
BLANK_NUMBER = "\u00a0" * 8
BLANK_DAY = "\u00a0" * 6


def long_date(day: datetime.date) -> str:
    """ "ngày 05 tháng 01 năm 2025": leading zeros as in Decree 30's date line."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def decree_for(day: datetime.date) -> str:
    number = "152/2025/NĐ-CP" if day >= DECREE_152_FROM else "98/2023/NĐ-CP"
    return f"Nghị định số {number} của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"


def symbol_of(name: str) -> str:
    """ "SNV" from "Sở Nội vụ" (the initials a number's symbol uses)."""
    return "".join(word[0] for word in fold_text(name).split() if word).upper()


def committee_name(campaign, day: datetime.date) -> str:
    """The people's committee above the organiser on `day` ("Ủy ban nhân dân tỉnh Quảng Nam"),
    whose chairman the proposal addresses and in whose name the decision is drafted."""
    organiser = issuer_as_of(campaign.organiser, day) or campaign.organiser
    if organiser.parent_id is None:
        return campaign.issuing_authority
    return (issuer_as_of(organiser.parent, day) or organiser.parent).name


def committee_heading(upper: str) -> tuple[str, str]:
    """ "ỦY BAN NHÂN DÂN" over "TỈNH QUẢNG NAM", as a people's committee heads its decisions."""
    for level in (" TỈNH ", " THÀNH PHỐ "):
        parent, found, rest = upper.partition(level)
        if found and rest:
            return parent, f"{found.strip()} {rest}"
    return "", upper


def _items(meeting: CouncilMeeting) -> list[CouncilItem]:
    return list(
        meeting.items.select_related(
            "nomination__award_form", "nomination__agency", "nomination__nominee_agency"
        ).order_by("order", "pk")
    )


def passed_items(items: list[CouncilItem]) -> list[CouncilItem]:
    """The nominations the council passed, collectives first: the proposal's and decision's list."""
    passed = [item for item in items if item.passed]
    return sorted(passed, key=lambda item: item.nomination.nominee_type != NomineeType.COLLECTIVE)


def _fields(
    meeting: CouncilMeeting, items: list[CouncilItem], day: datetime.date, public: PublicFile
) -> dict[str, str]:
    campaign = meeting.campaign
    passed = passed_items(items)
    committee = committee_name(campaign, day)
    forms = list(dict.fromkeys(item.nomination.award_form.name for item in passed)) or [
        item.nomination.award_form.name for item in items[:1]
    ]
    plan = campaign.plan_document
    return {
        "campaign": campaign.name,
        "plan": f"{document_short(plan)} của {plan.issuer}",
        "held_on": long_date(meeting.held_on),
        "place": meeting.place,
        "chair_name": meeting.chair_name,
        "chair_position": meeting.chair_position,
        "secretary_name": meeting.secretary_name or "…",
        "present": str(meeting.members_present),
        "total": str(meeting.members_total),
        "rule": meeting.pass_rule_label,
        "considered": str(len(items)),
        "passed": str(len(passed)),
        "failed": str(len(items) - len(passed)),
        "collectives": str(sum(1 for item in passed if item.nomination.nominee_type == NomineeType.COLLECTIVE)),
        "individuals": str(sum(1 for item in passed if item.nomination.nominee_type == NomineeType.INDIVIDUAL)),
        "award_forms": ", ".join(forms),
        "issuer": (issuer_as_of(campaign.organiser, day) or campaign.organiser).name,
        "committee": committee,
        "committee_upper": committee.upper(),
        "decree": decree_for(day),
        "comments": str(len(public.comments)),
    }


def fill(text: str, fields: dict[str, str]) -> str:
    """{name} replaced by its value; a name the documents do not know stays as typed."""
    return FIELD.sub(lambda match: fields.get(match.group(1), match.group(0)), text)


def _votes_line(item: CouncilItem, present: int) -> str:
    nomination = item.nomination
    verdict = "thông qua" if item.passed else "không thông qua"
    return (
        f"{nomination.nominee_label} ({nomination.award_form.name}): {item.votes_for}/{present} tán thành, "
        f"{item.votes_against} không tán thành, {item.votes_abstain} không biểu quyết; {verdict}."
    )


def comments_sentence(public: PublicFile, *, appendix: str) -> str:
    """ "Trong thời gian công khai … đã nhận N ý kiến góp ý": empty when nothing was published."""
    if not public.publications:
        return ""
    periods = "; ".join(
        f"từ {date_short(timezone.localtime(publication.opens_at))} "
        f"đến {date_short(timezone.localtime(publication.closes_at))}"
        for publication in public.publications
    )
    if not public.comments:
        return f"Trong thời gian công khai danh sách đề nghị khen thưởng ({periods}), không nhận được ý kiến góp ý nào."
    return (
        f"Trong thời gian công khai danh sách đề nghị khen thưởng ({periods}), đã nhận {len(public.comments)} "
        f"ý kiến góp ý (chi tiết tại {appendix} kèm theo)."
    )


def _comments_appendix(public: PublicFile, *, title: str, note: str) -> Appendix:
    rows = [
        [
            str(index),
            date_short(timezone.localtime(comment.created_at)),
            comment.publication.title,
            comment.nomination.nominee_label if comment.nomination_id else "Cả danh sách",
            comment.author_name or "(không ghi tên)",
            comment.body,
        ]
        for index, comment in enumerate(public.comments, start=1)
    ]
    return Appendix(
        title=title,
        subtitle="Ý KIẾN GÓP Ý VỀ DANH SÁCH CÔNG KHAI",
        note=note,
        table=Table(
            columns=["STT", "Ngày", "Danh sách", "Về hồ sơ", "Người góp ý", "Nội dung"],
            widths=[6, 11, 18, 18, 13, 34],
            rows=rows,
        ),
        empty_text="",
    )


def _outline_blocks(text: str, computed) -> list[Block]:
    """The outline's own line syntax ("# ", "## ", "> ") on top of the report's staff text."""
    counter = FootnoteCounter({})
    blocks: list[Block] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if stripped.startswith("## "):
            blocks.append(plain(BLOCK_CENTRED, stripped[3:].strip()))
        elif stripped.startswith("# "):
            blocks.append(plain(BLOCK_HEADING_1, stripped[2:].strip()))
        elif stripped.startswith("> "):
            blocks.append(plain(BLOCK_BASIS, stripped[2:].strip()))
        else:
            blocks += staff_blocks(stripped, counter, computed)
    return blocks


def _nominee_rows(items: list[CouncilItem], nominee_type: str) -> list[list[str]]:
    rows = []
    for item in (item for item in items if item.nomination.nominee_type == nominee_type):
        nomination = item.nomination
        if nominee_type == NomineeType.COLLECTIVE:
            nominee = [nomination.nominee_label]
        else:
            position = ", ".join(part for part in (nomination.nominee_position, nomination.nominee_unit) if part)
            nominee = [nomination.nominee_name, position]
        rows.append([str(len(rows) + 1), *nominee, nomination.agency.name, nomination.award_form.name])
    return rows


def _lists(items: list[CouncilItem], *, verb: str, note: str) -> list[Appendix]:
    """The attached lists, collectives and individuals apart; a list with nobody is left out."""
    appendices = []
    collectives = _nominee_rows(items, NomineeType.COLLECTIVE)
    if collectives:
        appendices.append(
            Appendix(
                title="DANH SÁCH",
                subtitle=f"TẬP THỂ {verb}",
                note=note,
                table=Table(
                    columns=["STT", "Tên tập thể", "Cơ quan đề nghị", "Hình thức khen thưởng"],
                    widths=[6, 44, 25, 25],
                    rows=collectives,
                ),
                empty_text="",
            )
        )
    individuals = _nominee_rows(items, NomineeType.INDIVIDUAL)
    if individuals:
        appendices.append(
            Appendix(
                title="DANH SÁCH",
                subtitle=f"CÁ NHÂN {verb}",
                note=note,
                table=Table(
                    columns=[
                        "STT",
                        "Họ và tên",
                        "Chức vụ, đơn vị công tác",
                        "Cơ quan đề nghị",
                        "Hình thức khen thưởng",
                    ],
                    widths=[6, 20, 30, 22, 22],
                    rows=individuals,
                ),
                empty_text="",
            )
        )
    return appendices


def _signer(campaign) -> tuple[str, str, str]:
    """The Department's signer as the summary report names them, or its director's title."""
    report = SummaryReport.objects.filter(campaign=campaign).first()
    if report is None:
        return "", "GIÁM ĐỐC", ""
    return report.signer_authority, report.signer_position, report.signer_name


def outline_for(*, meeting: CouncilMeeting, document: str) -> CouncilDocumentOutline:
    from .services import council_outline_ensure

    return council_outline_ensure(campaign=meeting.campaign, document=document)


@in_official_language
def council_document_compose(*, meeting: CouncilMeeting, document: str) -> ReportDocument:
    """The document tree of one council document of `meeting`."""
    meeting = CouncilMeeting.objects.select_related("campaign__plan_document", "campaign__organiser__parent").get(
        pk=meeting.pk
    )
    items = _items(meeting)
    members = list(meeting.members.all())
    # The minutes and the proposal follow the meeting; the decision is dated when signed (until then
    # it is drafted as of the meeting): the header, the place and the decree cited follow that day.
    day = meeting.decision_date if document == CouncilDocument.DECISION and meeting.decision_date else meeting.held_on
    heading = report_heading(campaign=meeting.campaign, day=day)
    # The public's comments join the minutes only (the proposal and decision carry the council's list).
    public = meeting_public_file(meeting=meeting) if document == CouncilDocument.MINUTES else PublicFile([], [])
    fields = _fields(meeting, items, day, public)
    outline = outline_for(meeting=meeting, document=document)
    present = len(members)
    # With comments the minutes have two appendices: the votes (I) and the comments (II).
    numbered = bool(public.comments)
    sentence = comments_sentence(public, appendix="Phụ lục II")

    def comment_blocks() -> list[Block]:
        return [Block(BLOCK_PARAGRAPH, [Run(sentence)])] if sentence else []

    def computed(kind: str):
        if kind == "members":
            return [
                Block(BLOCK_ITEM, [Run(", ".join(part for part in (member.name, member.position) if part) + ";")])
                for member in members
            ]
        if kind == "votes":
            votes = [Block(BLOCK_ITEM, [Run(_votes_line(item, present))]) for item in items]
            # An outline saved before the comments joined the minutes still states them, after the votes.
            return votes if "[[comments]]" in outline.text else votes + comment_blocks()
        if kind == "comments":
            return comment_blocks()
        return None

    blocks = _outline_blocks(fill(outline.text, fields), computed)
    subject = fill(outline.subject, fields)
    recipients = [fill(line, fields) for line in outline.recipients]
    place = heading["place_name"]
    if document == CouncilDocument.MINUTES:
        minutes_note = f"(Kèm theo Biên bản họp Hội đồng Thi đua - Khen thưởng ngày {date_short(meeting.held_on)})"
        votes = Table(
            columns=[
                "STT",
                "Tập thể, cá nhân",
                "Hình thức khen thưởng",
                "Tán thành",
                "Không tán thành",
                "Không biểu quyết",
                "Kết luận",
            ],
            widths=[6, 34, 20, 10, 10, 10, 10],
            rows=[
                [
                    str(index),
                    item.nomination.nominee_label,
                    item.nomination.award_form.name,
                    f"{item.votes_for}/{present}",
                    str(item.votes_against),
                    str(item.votes_abstain),
                    "Thông qua" if item.passed else "Không thông qua",
                ]
                for index, item in enumerate(items, start=1)
            ],
        )
        return ReportDocument(
            issuer_parent=heading["issuer_parent"],
            issuer_name="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            number_line=f"Số: {BLANK_NUMBER}/BB-HĐTĐKT",
            place_date=f"{place}, {long_date(meeting.held_on)}",
            title="BIÊN BẢN",
            subject=subject,
            blocks=blocks,
            recipients=recipients,
            signer_authority="",
            signer_position="CHỦ TRÌ CUỘC HỌP",
            signer_name=meeting.chair_name,
            appendices=[
                Appendix(
                    title="PHỤ LỤC I" if numbered else "PHỤ LỤC",
                    subtitle="KẾT QUẢ BIỂU QUYẾT CỦA HỘI ĐỒNG",
                    note=minutes_note,
                    table=votes,
                    empty_text="",
                ),
                *([_comments_appendix(public, title="PHỤ LỤC II", note=minutes_note)] if numbered else []),
            ],
        )
    passed = passed_items(items)
    if document == CouncilDocument.PROPOSAL:
        symbol = symbol_of(meeting.campaign.organiser.name)
        authority, position, name = _signer(meeting.campaign)
        return ReportDocument(
            issuer_parent=heading["issuer_parent"],
            issuer_name=heading["issuer_name"],
            number_line=f"Số: {BLANK_NUMBER}/TTr-{symbol}",
            place_date=f"{place}, ngày{BLANK_DAY}tháng{BLANK_DAY}năm {day.year}",
            title="TỜ TRÌNH",
            subject=subject,
            blocks=blocks,
            recipients=recipients,
            signer_authority=authority,
            signer_position=position,
            signer_name=name,
            appendices=_lists(
                passed,
                verb="ĐỀ NGHỊ KHEN THƯỞNG",
                note=f"(Kèm theo Tờ trình số {BLANK_NUMBER}/TTr-{symbol} của {meeting.campaign.organiser.name})",
            ),
        )
    if meeting.decision_number:
        number_line = f"Số: {meeting.decision_number}"
        place_date = f"{place}, {long_date(meeting.decision_date)}"
        reference = f"số {meeting.decision_number} {long_date(meeting.decision_date)}"
    else:
        number_line = f"Số: {BLANK_NUMBER}/QĐ-UBND"
        place_date = f"{place}, ngày{BLANK_DAY}tháng{BLANK_DAY}năm {day.year}"
        reference = f"số {BLANK_NUMBER}/QĐ-UBND ngày{BLANK_DAY}tháng{BLANK_DAY}năm {day.year}"
    parent, name = committee_heading(fields["committee_upper"])
    return ReportDocument(
        issuer_parent=parent,
        issuer_name=name,
        number_line=number_line,
        place_date=place_date,
        title="QUYẾT ĐỊNH",
        subject=subject,
        blocks=blocks,
        recipients=recipients,
        signer_authority="KT. CHỦ TỊCH",
        signer_position="PHÓ CHỦ TỊCH",
        signer_name="",
        appendices=_lists(
            passed,
            verb="ĐƯỢC KHEN THƯỞNG",
            note=f"(Kèm theo Quyết định {reference} của Chủ tịch {fields['committee']})",
        ),
    )
