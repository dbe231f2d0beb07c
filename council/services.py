"""Writes of the council app: the campaign's pass rule, setting up a meeting with the nominations
put to it, recording the votes (and the approvals or rejections that follow, through the
nominations' workflow), the documents' renders, and the signed decision that awards the list.
Each is one transaction, audited; a refused input saves nothing."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from awards.enums import NominationState
from awards.models import Nomination
from awards.services import nomination_transition
from campaign_portal.audit import audit_record
from campaign_portal.outbox import outbox_enqueue
from campaign_portal.uploads import PDF, name_for_kind, safe_filename, validate_upload
from campaign_portal.workflow import WorkflowError
from campaigns.models import Campaign
from reports.docx_render import docx_render
from reports.enums import RenderFormat
from reports.pdf import pdf_render
from reports.render_jobs import render_perform

from .enums import CouncilDocument
from .models import (
    CouncilDocumentOutline,
    CouncilDocumentRender,
    CouncilItem,
    CouncilMeeting,
    CouncilMember,
    CouncilRule,
)
from .outlines import DEFAULT_OUTLINES

RENDERERS = {RenderFormat.PDF: pdf_render, RenderFormat.DOCX: docx_render}
FILE_STEMS = {
    CouncilDocument.MINUTES: "bien-ban-hop-hoi-dong",
    CouncilDocument.PROPOSAL: "to-trinh-de-nghi-khen-thuong",
    CouncilDocument.DECISION: "du-thao-quyet-dinh-khen-thuong",
}
# The nominations a council considers: sent by their agency and not yet decided either way.
CONSIDERED_STATES = (NominationState.SUBMITTED, NominationState.UNDER_REVIEW, NominationState.APPROVED)


class CouncilError(ValidationError):
    """A council write refused as a whole; the message says what to fix, in Vietnamese."""


@dataclass(frozen=True)
class Votes:
    votes_for: int
    votes_against: int
    votes_abstain: int


def council_rule_for(*, campaign: Campaign) -> CouncilRule:
    rule, _created = CouncilRule.objects.get_or_create(campaign=campaign)
    return rule


@transaction.atomic
def council_rule_set(
    *, campaign: Campaign, user: User, comparison: str, numerator: int, denominator: int
) -> CouncilRule:
    if denominator <= 0 or numerator <= 0 or numerator > denominator:
        raise CouncilError(_("Tỷ lệ thông qua phải là một phân số từ 1/n đến n/n, ví dụ 1/2 hoặc 2/3."))
    rule = council_rule_for(campaign=campaign)
    before = {"comparison": rule.comparison, "share": f"{rule.numerator}/{rule.denominator}"}
    rule.comparison, rule.numerator, rule.denominator = comparison, numerator, denominator
    rule.save()
    after = {"comparison": rule.comparison, "share": f"{rule.numerator}/{rule.denominator}"}
    audit_record(actor=user, action="council.rule.update", target=campaign, before=before, after=after)
    return rule


def council_outline_ensure(*, campaign: Campaign, document: str) -> CouncilDocumentOutline:
    """The campaign's outline of `document`, created from the defaults on first use."""
    default = DEFAULT_OUTLINES[CouncilDocument(document)]
    outline, _created = CouncilDocumentOutline.objects.get_or_create(
        campaign=campaign,
        document=document,
        defaults={"subject": default["subject"], "text": default["text"], "recipients": list(default["recipients"])},
    )
    return outline


@transaction.atomic
def council_outline_update(
    *, outline: CouncilDocumentOutline, user: User, subject: str, text: str, recipients: list[str]
) -> CouncilDocumentOutline:
    before = {"subject": outline.subject, "text": outline.text, "recipients": outline.recipients}
    outline.subject, outline.text, outline.recipients = subject.strip(), text.strip(), recipients
    outline.save()
    audit_record(
        actor=user,
        action="council.outline.update",
        target=outline,
        before=before,
        after={"subject": outline.subject, "text": outline.text, "recipients": outline.recipients},
    )
    return outline


def nominations_for_council(*, campaign: Campaign):
    """The nominations a new meeting takes: sent, not yet decided, and put to no earlier meeting
    (a meeting's conclusion stands; a nomination is not voted on twice)."""
    return (
        Nomination.objects.filter(campaign=campaign, state__in=CONSIDERED_STATES, council_items__isnull=True)
        .select_related("award_form", "agency", "nominee_agency")
        .order_by("nominee_type", "award_form__position", "agency__name", "pk")
    )


@transaction.atomic
def council_meeting_create(
    *,
    campaign: Campaign,
    user: User,
    held_on,
    place: str,
    chair_name: str,
    chair_position: str,
    secretary_name: str = "",
    members_total: int,
    members: list[tuple[str, str]],
) -> CouncilMeeting:
    """Set up a meeting with the members present and every nomination of the campaign that was
    sent and is not yet decided (submitted, under review or approved by the Department) and was
    put to no earlier meeting."""
    if not members:
        raise CouncilError(_("Hãy ghi ít nhất một thành viên Hội đồng có mặt."))
    if len(members) > members_total:
        raise CouncilError(
            _("Có %(present)d thành viên có mặt, nhiều hơn tổng số %(total)d thành viên Hội đồng.")
            % {"present": len(members), "total": members_total}
        )
    nominations = list(nominations_for_council(campaign=campaign))
    if not nominations:
        raise CouncilError(_("Phong trào chưa có hồ sơ nào đã gửi hoặc đã duyệt để đưa ra Hội đồng."))
    rule = council_rule_for(campaign=campaign)
    meeting = CouncilMeeting.objects.create(
        campaign=campaign,
        held_on=held_on,
        place=place,
        chair_name=chair_name,
        chair_position=chair_position,
        secretary_name=secretary_name,
        members_total=members_total,
        comparison=rule.comparison,
        numerator=rule.numerator,
        denominator=rule.denominator,
        created_by=user,
    )
    CouncilMember.objects.bulk_create(
        CouncilMember(meeting=meeting, name=name, position=position, order=order)
        for order, (name, position) in enumerate(members, start=1)
    )
    CouncilItem.objects.bulk_create(
        CouncilItem(meeting=meeting, nomination=nomination, order=order)
        for order, nomination in enumerate(nominations, start=1)
    )
    audit_record(
        actor=user,
        action="council.meeting.create",
        target=meeting,
        after={
            "held_on": str(held_on),
            "members_present": len(members),
            "members_total": members_total,
            "rule": meeting.pass_rule_label,
            "nominations": [nomination.pk for nomination in nominations],
        },
    )
    return meeting


def council_votes_record(*, meeting: CouncilMeeting, user: User, votes: dict[int, Votes]) -> CouncilMeeting:
    """Record the votes on every nomination of the meeting and draw the conclusion: a nomination
    the rule passes is approved (if the Department had not yet), one it does not pass is
    rejected with the count as the reason, each through the nominations' workflow. All or nothing:
    a count beyond the members present, a missing count or a refused transition saves no vote."""
    with transaction.atomic():
        meeting = CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.votes_recorded_at is not None:
            raise CouncilError(_("Kết quả biểu quyết của cuộc họp này đã được ghi; không ghi lại lần thứ hai."))
        present = meeting.members.count()
        items = list(meeting.items.select_related("nomination__nominee_agency").order_by("order", "pk"))
        errors = []
        for item in items:
            count = votes.get(item.pk)
            if count is None:
                errors.append(_("%(nominee)s: chưa ghi số phiếu.") % {"nominee": item.nomination.nominee_label})
                continue
            total = count.votes_for + count.votes_against + count.votes_abstain
            if min(count.votes_for, count.votes_against, count.votes_abstain) < 0 or total > present:
                errors.append(
                    _(
                        "%(nominee)s: %(total)d phiếu (tán thành, không tán thành, không biểu quyết) nhiều hơn "
                        "%(present)d thành viên có mặt."
                    )
                    % {"nominee": item.nomination.nominee_label, "total": total, "present": present}
                )
        if errors:
            raise CouncilError(errors)
        for item in items:
            count = votes[item.pk]
            item.votes_for, item.votes_against, item.votes_abstain = (
                count.votes_for,
                count.votes_against,
                count.votes_abstain,
            )
            item.passed = meeting.passes(votes_for=count.votes_for, present=present)
            item.save(update_fields=["votes_for", "votes_against", "votes_abstain", "passed"])
            _conclusion_apply(meeting=meeting, item=item, user=user, present=present)
        meeting.votes_recorded_at = timezone.now()
        meeting.votes_recorded_by = user
        meeting.save(update_fields=["votes_recorded_at", "votes_recorded_by"])
        audit_record(
            actor=user,
            action="council.meeting.votes",
            target=meeting,
            after={
                str(item.nomination_id): [item.votes_for, item.votes_against, item.votes_abstain, item.passed]
                for item in items
            },
        )
    return meeting


def _conclusion_apply(*, meeting: CouncilMeeting, item: CouncilItem, user: User, present: int) -> None:
    nomination = Nomination.objects.get(pk=item.nomination_id)
    with translation.override("vi"):
        reason = _(
            "Hội đồng Thi đua – Khen thưởng họp ngày %(day)s: %(yes)d/%(present)d thành viên có mặt tán thành "
            "(%(rule)s)."
        ) % {
            "day": f"{meeting.held_on:%d/%m/%Y}",
            "yes": item.votes_for,
            "present": present,
            "rule": meeting.pass_rule_label,
        }
    try:
        if item.passed and nomination.state != NominationState.APPROVED:
            nomination_transition(user=user, nomination=nomination, name="approve", reason=reason)
        elif not item.passed:
            nomination_transition(user=user, nomination=nomination, name="reject", reason=reason)
    except WorkflowError as error:
        raise CouncilError(f"{nomination.nominee_label}: {error}") from error


@transaction.atomic
def council_render_request(
    *, meeting: CouncilMeeting, user: User, documents: list[str], formats: list[str]
) -> list[CouncilDocumentRender]:
    """One render row per document and format, each with its task request in the outbox."""
    if not CouncilMeeting.objects.filter(pk=meeting.pk, votes_recorded_at__isnull=False).exists():
        raise CouncilError(_("Hãy ghi kết quả biểu quyết trước khi tạo văn bản."))
    renders = [
        CouncilDocumentRender.objects.create(meeting=meeting, document=document, format=fmt, requested_by=user)
        for document in documents
        for fmt in formats
    ]
    for render in renders:
        audit_record(
            actor=user,
            action="council.render.request",
            target=render,
            after={"document": render.document, "format": render.format},
        )
        outbox_enqueue(task_name="council.document_render", args=[render.pk])
    return renders


def council_document_build(*, meeting: CouncilMeeting, document: str, fmt: str):
    from .documents import council_document_compose

    doc = council_document_compose(meeting=meeting, document=document)
    with translation.override("vi"):
        return RENDERERS[fmt](doc), doc


def council_document_build_latest(document: str):
    """A builder for `manage.py render_report --document`: the campaign's latest meeting."""

    def build(*, campaign: Campaign, fmt: str):
        meeting = CouncilMeeting.objects.filter(campaign=campaign, votes_recorded_at__isnull=False).first()
        if meeting is None:
            raise ValueError(f"Phong trào “{campaign.code}” chưa có cuộc họp Hội đồng đã ghi kết quả biểu quyết.")
        return council_document_build(meeting=meeting, document=document, fmt=fmt)

    return build


def council_render_perform(*, render_id: int) -> CouncilDocumentRender:
    """The worker's job: compose, render, store. Idempotent: a finished render is left as it is."""
    from .documents import council_document_compose

    def build(render: CouncilDocumentRender, progress) -> tuple[bytes, str]:
        doc = council_document_compose(meeting=render.meeting, document=render.document)
        data_hash = doc.data_hash()
        progress(40, data_hash=data_hash)
        with translation.override("vi"):
            return RENDERERS[render.format](doc), data_hash

    return render_perform(
        model=CouncilDocumentRender,
        render_id=render_id,
        related="meeting__campaign",
        build=build,
        filename=council_render_filename,
        action="council.render.done",
    )


def council_render_filename(render: CouncilDocumentRender) -> str:
    stamp = timezone.localtime(render.finished_at or timezone.now()).strftime("%Y%m%d-%H%M")
    return f"{FILE_STEMS[render.document]}-{render.meeting.campaign.code}-{stamp}.{render.format}"


def council_decision_record(*, meeting: CouncilMeeting, user: User, number: str, day, upload) -> CouncilMeeting:
    """Record the signed decision once for the whole list: the PDF (checked by its content) is
    kept, and every nomination the council passed moves to AWARDED with the decision's number and
    date, through the workflow. A number already used that year, anywhere, saves nothing."""
    number = (number or "").strip()
    if not number or day is None:
        raise CouncilError(_("Hãy nhập số và ngày của quyết định."))
    kind = validate_upload(upload, allowed=(PDF,))
    with transaction.atomic():
        meeting = CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.votes_recorded_at is None:
            raise CouncilError(_("Hãy ghi kết quả biểu quyết trước khi ghi quyết định."))
        if meeting.decision_number:
            raise CouncilError(_("Cuộc họp này đã có quyết định số %(number)s.") % {"number": meeting.decision_number})
        used = (
            Nomination.objects.filter(decision_number__iexact=number, decision_date__year=day.year).exists()
            or CouncilMeeting.objects.filter(decision_number__iexact=number, decision_date__year=day.year).exists()
        )
        if used:
            raise CouncilError(
                _("Số quyết định %(number)s đã được dùng trong năm %(year)d; hãy kiểm tra lại số quyết định.")
                % {"number": number, "year": day.year}
            )
        items = list(meeting.items.filter(passed=True).select_related("nomination").order_by("order", "pk"))
        if not items:
            raise CouncilError(_("Hội đồng không thông qua hồ sơ nào; không có danh sách để ghi quyết định."))
        for item in items:
            try:
                nomination_transition(
                    user=user,
                    nomination=item.nomination,
                    name="award",
                    values={"decision_number": number, "decision_date": day},
                )
            except WorkflowError as error:
                raise CouncilError(f"{item.nomination.nominee_label}: {error}") from error
        original_name = name_for_kind(getattr(upload, "original_name", None) or upload.name, kind)
        upload.name = safe_filename(upload.name, kind)
        meeting.decision_file.save(upload.name, upload, save=False)
        meeting.decision_original_name = original_name[:255]
        meeting.decision_number = number
        meeting.decision_date = day
        meeting.decision_recorded_at = timezone.now()
        meeting.decision_recorded_by = user
        meeting.save()
        audit_record(
            actor=user,
            action="council.meeting.decision",
            target=meeting,
            after={
                "number": number,
                "date": str(day),
                "file": meeting.decision_original_name,
                "nominations": [item.nomination_id for item in items],
            },
        )
    return meeting
