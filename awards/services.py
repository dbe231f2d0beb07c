"""Writes of the awards app: nominations, their documents, the review workflow, the criteria
check runs, notifications and reminders. Keyword-only, atomic, audited; side effects on commit."""

import datetime
import hashlib
import json
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from kombu.exceptions import OperationalError as KombuOperationalError

from accounts.models import User
from accounts.rules import is_agency_officer, is_reviewer
from agencies.models import Agency
from campaign_portal.audit import audit_record
from campaign_portal.models import AuditEvent
from campaign_portal.text import fold_text
from campaign_portal.uploads import safe_filename, sniff_kind, validate_upload
from campaign_portal.workflow import Transition, WorkflowError, transition_apply
from campaigns.models import Campaign
from campaigns.services import campaign_data_changed

from . import criteria as engine
from .enums import NominationState, NomineeType, Verdict
from .models import (
    AwardForm,
    CheckBatch,
    Criterion,
    CriterionResult,
    DossierDocument,
    DossierRequirement,
    Nomination,
    NominationTransition,
)
from .rules import can_edit_nomination, can_submit_nomination

logger = logging.getLogger("campaign_portal")

S = NominationState


# The predicates themselves, not user.has_perm: Django lets a superuser pass every has_perm,
# and the portal's administrator must not review or submit dossiers.
def _is_reviewer(user, nomination) -> bool:
    return is_reviewer.test(user)


def _may_submit(user, nomination) -> bool:
    return can_submit_nomination.test(user, nomination)


NOMINATION_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition("submit", (S.DRAFT, S.RETURNED), S.SUBMITTED, _may_submit, gettext_lazy("Gửi hồ sơ")),
        Transition("start_review", (S.SUBMITTED,), S.UNDER_REVIEW, _is_reviewer, gettext_lazy("Nhận thẩm định")),
        Transition(
            "return",
            (S.SUBMITTED, S.UNDER_REVIEW),
            S.RETURNED,
            _is_reviewer,
            gettext_lazy("Trả lại bổ sung"),
            reason_required=True,
        ),
        Transition("approve", (S.SUBMITTED, S.UNDER_REVIEW), S.APPROVED, _is_reviewer, gettext_lazy("Duyệt đề nghị")),
        Transition(
            "reject",
            (S.SUBMITTED, S.UNDER_REVIEW, S.APPROVED),
            S.REJECTED,
            _is_reviewer,
            gettext_lazy("Không đề nghị"),
            reason_required=True,
        ),
        Transition(
            "award",
            (S.APPROVED,),
            S.AWARDED,
            _is_reviewer,
            gettext_lazy("Ghi quyết định khen thưởng"),
            required_fields=("decision_number", "decision_date"),
        ),
    )
}

# Transitions that e-mail the nominating agency once committed.
NOTIFIED_TRANSITIONS = ("return", "approve", "reject", "award")


# --- Nominations -----------------------------------------------------------------------------


def nominee_key_for(*, nominee_type: str, nominee_agency_id: int | None, nominee_name: str, nominee_unit: str) -> str:
    """What makes two nominations name the same nominee (for the no_duplicate criterion)."""
    if nominee_type == NomineeType.COLLECTIVE:
        return f"a:{nominee_agency_id}" if nominee_agency_id else ""
    name = fold_text(nominee_name)
    return f"i:{name}|{fold_text(nominee_unit)}" if name else ""


def _nominee_agencies_for(agency: Agency):
    """A nominating agency proposes itself or one of its units (sub-units, communes)."""
    return Agency.objects.filter(Q(pk=agency.pk) | Q(parent=agency))


def _clean_nominee(*, campaign: Campaign, agency: Agency, award_form: AwardForm, data: dict) -> dict:
    errors = {}
    if award_form.campaign_id != campaign.pk:
        errors["award_form"] = _("Hình thức khen thưởng không thuộc phong trào này.")
    nominee_type = award_form.nominee_type
    data = {**data, "nominee_type": nominee_type}
    if nominee_type == NomineeType.COLLECTIVE:
        nominee = data.get("nominee_agency")
        if nominee is None:
            errors["nominee_agency"] = _("Hãy chọn tập thể được đề nghị.")
        elif not _nominee_agencies_for(agency).filter(pk=nominee.pk).exists():
            errors["nominee_agency"] = _("Chỉ đề nghị cơ quan mình hoặc đơn vị trực thuộc.")
        data.update(nominee_name="", nominee_position="", nominee_unit="")
    else:
        if not (data.get("nominee_name") or "").strip():
            errors["nominee_name"] = _("Hãy ghi họ và tên người được đề nghị.")
        data["nominee_agency"] = None
    if errors:
        raise ValidationError(errors)
    return data


def _denormalise(nomination: Nomination) -> None:
    nomination.nominee_key = nominee_key_for(
        nominee_type=nomination.nominee_type,
        nominee_agency_id=nomination.nominee_agency_id,
        nominee_name=nomination.nominee_name,
        nominee_unit=nomination.nominee_unit,
    )
    agency_name = nomination.nominee_agency.name if nomination.nominee_agency_id else ""
    text = f"{agency_name} {nomination.nominee_name} {nomination.nominee_unit} {nomination.agency.name}"
    nomination.search_text = fold_text(text)[:800]


NOMINATION_FIELDS = (
    "nominee_type",
    "nominee_agency",
    "nominee_name",
    "nominee_position",
    "nominee_unit",
    "award_form",
    "achievement_summary",
    "declared_metrics",
)


def _snapshot(nomination: Nomination) -> dict:
    return {
        name: (
            getattr(nomination, f"{name}_id") if name in ("nominee_agency", "award_form") else getattr(nomination, name)
        )
        for name in NOMINATION_FIELDS
    }


def nomination_create(*, user: User, campaign: Campaign, award_form: AwardForm, **data) -> Nomination:
    if not is_agency_officer.test(user):
        raise PermissionDenied
    agency = user.agency
    data = _clean_nominee(campaign=campaign, agency=agency, award_form=award_form, data=data)
    unknown = set(data) - set(NOMINATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        nomination = Nomination(campaign=campaign, agency=agency, award_form=award_form, created_by=user, **data)
        _denormalise(nomination)
        nomination.save()
        audit_record(actor=user, action="awards.nomination.create", target=nomination, after=_jsonable(nomination))
        criteria_check_queue(nomination_ids=[nomination.pk])
        campaign_data_changed(campaign_ids=[nomination.campaign_id])
    return nomination


def nomination_update(*, user: User, nomination: Nomination, **data) -> Nomination:
    """Edit a draft or returned nomination; a change re-queues the criteria check."""
    unknown = set(data) - set(NOMINATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        locked = Nomination.objects.select_for_update(of=("self",)).select_related("agency").get(pk=nomination.pk)
        if not can_edit_nomination.test(user, locked):
            raise PermissionDenied(_("Chỉ sửa được hồ sơ của cơ quan mình khi đang soạn hoặc bị trả lại."))
        award_form = data.pop("award_form", locked.award_form)
        current = {name: getattr(locked, name) for name in NOMINATION_FIELDS if name != "award_form"}
        data = _clean_nominee(
            campaign=locked.campaign, agency=locked.agency, award_form=award_form, data={**current, **data}
        )
        before = _jsonable(locked)
        locked.award_form = award_form
        for name, value in data.items():
            setattr(locked, name, value)
        _denormalise(locked)
        locked.save()
        after = _jsonable(locked)
        if after != before:
            audit_record(actor=user, action="awards.nomination.update", target=locked, before=before, after=after)
            criteria_check_queue(nomination_ids=[locked.pk])
            campaign_data_changed(campaign_ids=[locked.campaign_id])
    return locked


def _jsonable(nomination: Nomination) -> dict:
    return json.loads(json.dumps(_snapshot(nomination), default=str))


def dossier_document_upload(
    *, user: User, nomination: Nomination, requirement: DossierRequirement, upload
) -> DossierDocument:
    """Attach (or replace) the document for one component; the type is decided by content."""
    kind = validate_upload(upload)
    with transaction.atomic():
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if not can_edit_nomination.test(user, locked):
            raise PermissionDenied(_("Chỉ tải tài liệu lên hồ sơ của cơ quan mình khi đang soạn hoặc bị trả lại."))
        if requirement.award_form_id != locked.award_form_id:
            raise ValidationError(_("Thành phần hồ sơ không thuộc hình thức khen thưởng của hồ sơ này."))
        previous = DossierDocument.objects.filter(nomination=locked, requirement=requirement).first()
        if previous is not None:
            old_file = previous.file
            previous.delete()
            transaction.on_commit(lambda: old_file.storage.delete(old_file.name))
        upload.name = safe_filename(upload.name, kind)
        original_name = getattr(upload, "original_name", None) or upload.name
        document = DossierDocument(
            nomination=locked,
            requirement=requirement,
            original_name=original_name[:255],
            file_kind=kind.code,
            content_type=kind.content_type,
            size=upload.size,
            uploaded_by=user,
        )
        document.file.save(upload.name, upload, save=False)
        document.save()
        audit_record(
            actor=user,
            action="awards.document.upload",
            target=locked,
            after={"requirement": requirement.code, "file": document.original_name, "replaced": previous is not None},
        )
        criteria_check_queue(nomination_ids=[locked.pk])
        campaign_data_changed(campaign_ids=[locked.campaign_id])
    return document


# --- The workflow ------------------------------------------------------------------------------


def nomination_transition(
    *,
    user: User,
    nomination: Nomination,
    name: str,
    reason: str = "",
    values: dict | None = None,
    expected_state: str | None = None,
    at: datetime.datetime | None = None,
) -> Nomination:
    """Apply one workflow transition. `at` backdates the history row and, on submit, the
    submission time; it is for importing dossiers received on paper and for the demo data."""
    now = at or timezone.now()
    values = dict(values or {})
    if name == "submit":
        values["submitted_at"] = nomination.submitted_at or now
    if name in ("return", "reject"):
        values["last_reason"] = (reason or "").strip()

    def record_history(obj, from_state, to_state):
        NominationTransition.objects.create(
            nomination=obj, from_state=from_state, to_state=to_state, actor=user, reason=(reason or "").strip(), at=now
        )
        campaign_data_changed(campaign_ids=[obj.campaign_id])

    def on_commit(obj):
        if name == "submit":
            _queue_checks_for_nominee(obj)
        if name in NOTIFIED_TRANSITIONS:
            from .tasks import nomination_notify_task

            nomination_notify_task.delay(obj.pk, name)

    return transition_apply(
        obj=nomination,
        name=name,
        transitions=NOMINATION_TRANSITIONS,
        user=user,
        reason=reason,
        values=values,
        record_history=record_history,
        on_commit=on_commit,
        expected_state=expected_state,
    )


def nomination_submit(*, user: User, nomination: Nomination, at: datetime.datetime | None = None) -> Nomination:
    return nomination_transition(user=user, nomination=nomination, name="submit", at=at)


def nomination_start_review(*, user: User, nomination: Nomination) -> Nomination:
    return nomination_transition(user=user, nomination=nomination, name="start_review")


def nomination_return(*, user: User, nomination: Nomination, reason: str) -> Nomination:
    return nomination_transition(user=user, nomination=nomination, name="return", reason=reason)


def nomination_approve(*, user: User, nomination: Nomination, expected_state: str | None = None) -> Nomination:
    return nomination_transition(user=user, nomination=nomination, name="approve", expected_state=expected_state)


def nomination_reject(*, user: User, nomination: Nomination, reason: str) -> Nomination:
    return nomination_transition(user=user, nomination=nomination, name="reject", reason=reason)


def nomination_award(
    *, user: User, nomination: Nomination, decision_number: str, decision_date: datetime.date
) -> Nomination:
    return nomination_transition(
        user=user,
        nomination=nomination,
        name="award",
        values={"decision_number": (decision_number or "").strip(), "decision_date": decision_date},
    )


def nominations_bulk_approve(*, user: User, nomination_ids: Iterable[int]) -> tuple[list[Nomination], list[str]]:
    """Approve the eligible ones among the chosen; each is its own transition, so one refusal
    does not undo the others. Returns (approved, messages about those left as they were)."""
    approved, refused = [], []
    for nomination in Nomination.objects.filter(pk__in=list(nomination_ids)).select_related("nominee_agency"):
        if nomination.verdict != Verdict.ELIGIBLE:
            refused.append(
                _("%(nominee)s: kết quả kiểm tra là “%(verdict)s”, không duyệt hàng loạt.")
                % {"nominee": nomination.nominee_label, "verdict": nomination.get_verdict_display()}
            )
            continue
        try:
            approved.append(nomination_approve(user=user, nomination=nomination))
        except WorkflowError as error:
            refused.append(f"{nomination.nominee_label}: {error}")
    return approved, refused


# --- The criteria check ------------------------------------------------------------------------


def criteria_check_queue(*, nomination_ids: Iterable[int]) -> None:
    """Record the checks as pending now and queue them once the current transaction commits.

    The request is stored with the data, so a check the broker could not take (Redis down) is
    not lost: the page shows it pending and `criteria_check_requeue_pending` (Celery beat) queues
    it again when the broker is back."""
    ids = sorted(set(nomination_ids))
    if not ids:
        return
    Nomination.objects.filter(pk__in=ids).update(check_requested_at=timezone.now())
    transaction.on_commit(lambda: _enqueue_checks(ids))


# Nominations per queued task: a campaign-wide recheck shares each task's fixed cost (a transaction,
# the criteria, one query per kind of fact) among this many dossiers; a single submission is a chunk of one.
CHECK_CHUNK = 25


def _enqueue_checks(ids: list[int]) -> int:
    from .tasks import criteria_check_nominations_task

    for start in range(0, len(ids), CHECK_CHUNK):
        try:
            criteria_check_nominations_task.delay(ids[start : start + CHECK_CHUNK])
        except KombuOperationalError as error:
            logger.warning("Broker unreachable, %d check(s) stay pending until it is back: %s", len(ids) - start, error)
            return start
    return len(ids)


def criteria_check_requeue_pending(*, older_than: datetime.timedelta = datetime.timedelta(minutes=2)) -> int:
    """Queue again the checks asked for a while ago that never ran (the broker was down, or a
    worker lost them). A check that runs twice stores one run: the check is idempotent."""
    before = timezone.now() - older_than
    ids = list(
        Nomination.objects.filter(check_requested_at__lt=before)
        .filter(Q(checked_at__isnull=True) | Q(checked_at__lt=F("check_requested_at")))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return _enqueue_checks(ids)


def _queue_checks_for_nominee(nomination: Nomination) -> None:
    """A submission can make another dossier for the same nominee a duplicate: check both."""
    same = Nomination.objects.filter(
        campaign_id=nomination.campaign_id, award_form_id=nomination.award_form_id, nominee_key=nomination.nominee_key
    ).values_list("pk", flat=True)
    criteria_check_queue(nomination_ids={nomination.pk, *same} if nomination.nominee_key else {nomination.pk})


def _document_readable(document: DossierDocument) -> bool:
    try:
        with document.file.open("rb") as handle:
            return sniff_kind(handle) is not None
    except (OSError, ValueError):
        return False


def _duplicate_label(other: Nomination) -> str:
    sent = timezone.localtime(other.submitted_at).strftime("%d/%m/%Y")
    return _("hồ sơ số %(pk)d của %(agency)s gửi ngày %(sent)s") % {
        "pk": other.pk,
        "agency": other.agency.name,
        "sent": sent,
    }


def _sent_before(other: Nomination, nomination: Nomination) -> bool:
    """`other` was sent before `nomination` (ties broken by id); with no date of its own,
    `nomination` comes after every other dossier."""
    if nomination.submitted_at is None:
        return True
    if other.submitted_at is None:
        return False
    return (other.submitted_at, other.pk) < (nomination.submitted_at, nomination.pk)


def _duplicates_by_pk(nominations: list[Nomination]) -> dict[int, list[str]]:
    """For each nomination, the dossiers sent earlier for the same nominee with the same award
    form in the same campaign (drafts and rejected dossiers do not count): one query for all."""
    keyed = [n for n in nominations if n.nominee_key]
    if not keyed:
        return {}
    groups: dict[tuple, list[Nomination]] = defaultdict(list)
    candidates = (
        Nomination.objects.filter(
            campaign_id__in={n.campaign_id for n in keyed},
            award_form_id__in={n.award_form_id for n in keyed},
            nominee_key__in={n.nominee_key for n in keyed},
        )
        .exclude(state__in=(S.DRAFT, S.REJECTED))
        .select_related("agency")
        .only("pk", "campaign_id", "award_form_id", "nominee_key", "submitted_at", "agency__name")
    )
    for other in candidates:
        groups[(other.campaign_id, other.award_form_id, other.nominee_key)].append(other)
    duplicates = {}
    for nomination in keyed:
        others = [
            other
            for other in groups[(nomination.campaign_id, nomination.award_form_id, nomination.nominee_key)]
            if other.pk != nomination.pk and _sent_before(other, nomination)
        ]
        others.sort(key=lambda o: (o.submitted_at is None, o.submitted_at or timezone.now(), o.pk))
        duplicates[nomination.pk] = [_duplicate_label(other) for other in others]
    return duplicates


def _facts_by_pk(nominations: list[Nomination]) -> dict[int, engine.NominationFacts]:
    """The facts of every nomination, gathered with one query per kind of fact, not per nomination."""
    requirements: dict[int, dict] = defaultdict(dict)
    for r in DossierRequirement.objects.filter(award_form_id__in={n.award_form_id for n in nominations}):
        requirements[r.award_form_id][r.code] = (r.name, r.required)
    documents: dict[int, dict] = defaultdict(dict)
    for d in DossierDocument.objects.filter(nomination__in=nominations).select_related("requirement"):
        documents[d.nomination_id][d.requirement.code] = engine.DocumentFact(
            requirement_name=d.requirement.name, original_name=d.original_name, readable=_document_readable(d)
        )
    duplicates = _duplicates_by_pk(nominations)
    facts = {}
    for nomination in nominations:
        kind_source = nomination.nominee_agency if nomination.nominee_agency_id else nomination.agency
        submitted_on = timezone.localtime(nomination.submitted_at).date() if nomination.submitted_at else None
        facts[nomination.pk] = engine.NominationFacts(
            nominee_type=nomination.nominee_type,
            agency_kind=kind_source.kind,
            deadline=nomination.campaign.nomination_deadline,
            submitted_on=submitted_on,
            metrics=dict(nomination.declared_metrics or {}),
            requirements=requirements[nomination.award_form_id],
            documents=documents[nomination.pk],
            nominee_known=bool(nomination.nominee_key),
            duplicates=tuple(duplicates.get(nomination.pk, ())),
        )
    return facts


def _facts_snapshot(facts: engine.NominationFacts) -> dict:
    return {
        "nominee_type": facts.nominee_type,
        "agency_kind": facts.agency_kind,
        "deadline": facts.deadline.isoformat(),
        "submitted_on": facts.submitted_on.isoformat() if facts.submitted_on else None,
        "metrics": facts.metrics,
        "documents": {code: [d.original_name, d.readable] for code, d in sorted(facts.documents.items())},
        "requirements": {code: [name, required] for code, (name, required) in sorted(facts.requirements.items())},
        "duplicates": list(facts.duplicates),
    }


def criteria_check_nomination(nomination_id: int) -> Nomination:
    """Check one nomination; see `criteria_check_nominations`. Raises DoesNotExist for an unknown id."""
    checked = criteria_check_nominations([nomination_id])
    if not checked:
        raise Nomination.DoesNotExist(f"Nomination {nomination_id} does not exist")
    return checked[0]


def criteria_check_nominations(nomination_ids: Iterable[int]) -> list[Nomination]:
    """Check nominations against their campaigns' active criteria and store each one's run.

    The nomination rows are locked (in id order) for the whole run and each one's previous results
    are replaced in the same transaction, so readers see either the old run or the new one, never a
    mix. The facts, criteria and results of the whole batch are read and written with a fixed number
    of queries, whatever its size. Idempotent: when neither a nomination's facts nor the criteria
    changed since its last run, nothing of it is rewritten (only `checked_at` moves). Ids of
    nominations deleted meanwhile are skipped."""
    ids = sorted(set(nomination_ids))
    with transaction.atomic():
        nominations = list(
            Nomination.objects.select_for_update(of=("self",))
            .select_related("campaign", "agency", "nominee_agency")
            .filter(pk__in=ids)
            .order_by("pk")
        )
        if not nominations:
            return []
        facts_by_pk = _facts_by_pk(nominations)
        criteria_by_campaign: dict[int, list[Criterion]] = defaultdict(list)
        for criterion in Criterion.objects.filter(
            campaign_id__in={n.campaign_id for n in nominations}, active=True
        ).order_by("position", "pk"):
            criteria_by_campaign[criterion.campaign_id].append(criterion)
        now = timezone.now()
        changed, results = [], []
        for nomination in nominations:
            facts = facts_by_pk[nomination.pk]
            snapshot = _facts_snapshot(facts)
            criteria = [
                c
                for c in criteria_by_campaign[nomination.campaign_id]
                if engine.criterion_applies(applies_to=c.applies_to, agency_kinds=c.agency_kinds, facts=facts)
            ]
            fingerprint = hashlib.sha256(
                json.dumps(
                    {"facts": snapshot, "criteria": [[c.pk, c.kind, c.params, c.wording] for c in criteria]},
                    sort_keys=True,
                    default=str,
                ).encode()
            ).hexdigest()
            nomination.checked_at = now
            if fingerprint == nomination.check_input_hash and nomination.check_run is not None:
                continue
            run_id = uuid.uuid4()
            outcomes = []
            for criterion in criteria:
                evaluation = engine.evaluate(kind=criterion.kind, params=criterion.params, facts=facts)
                outcomes.append((criterion.kind, evaluation.outcome))
                results.append(
                    CriterionResult(
                        nomination=nomination,
                        criterion=criterion,
                        outcome=evaluation.outcome,
                        explanation=evaluation.explanation[:500],
                        checked_at=now,
                        run_id=run_id,
                        input_snapshot=snapshot,
                    )
                )
            nomination.verdict = engine.verdict_for(outcomes)
            nomination.check_run = run_id
            nomination.check_input_hash = fingerprint
            changed.append(nomination)
        if changed:
            CriterionResult.objects.filter(nomination__in=changed).delete()
            CriterionResult.objects.bulk_create(results)
            Nomination.objects.bulk_update(changed, ["verdict", "check_run", "checked_at", "check_input_hash"])
            # bulk_update sends no signal: the verdicts shown on the dashboards move here.
            campaign_data_changed(campaign_ids={n.campaign_id for n in changed})
        changed_pks = {n.pk for n in changed}
        unchanged = [n.pk for n in nominations if n.pk not in changed_pks]
        if unchanged:
            Nomination.objects.filter(pk__in=unchanged).update(checked_at=now)
    return nominations


def check_batch_start(*, user: User | None, campaign: Campaign) -> CheckBatch:
    """Queue a check of every nomination of the campaign; progress is read from `checked_at`."""
    with transaction.atomic():
        ids = list(Nomination.objects.filter(campaign=campaign).order_by("pk").values_list("pk", flat=True))
        batch = CheckBatch.objects.create(
            campaign=campaign, requested_by=user, started_at=timezone.now(), total=len(ids)
        )
        audit_record(actor=user, action="awards.check_batch", target=campaign, after={"total": len(ids)})
        criteria_check_queue(nomination_ids=ids)
    return batch


# --- E-mail --------------------------------------------------------------------------------------


def _recipients_for(agency: Agency) -> list[str]:
    addresses = set(
        User.objects.filter(agency=agency, is_active=True).exclude(email="").values_list("email", flat=True)
    )
    if agency.email:
        addresses.add(agency.email)
    return sorted(addresses)


_NOTIFICATION_SUBJECTS = {
    "return": gettext_lazy("Hồ sơ đề nghị khen thưởng được trả lại để bổ sung"),
    "approve": gettext_lazy("Hồ sơ đề nghị khen thưởng đã được duyệt"),
    "reject": gettext_lazy("Hồ sơ đề nghị khen thưởng không được đề nghị"),
    "award": gettext_lazy("Đã có quyết định khen thưởng"),
}


def nomination_notify(*, nomination_id: int, event: str) -> int:
    """E-mail the nominating agency about a review decision. Returns the number of messages."""
    nomination = Nomination.objects.select_related("agency", "award_form", "nominee_agency", "campaign").get(
        pk=nomination_id
    )
    recipients = _recipients_for(nomination.agency)
    if not recipients or event not in _NOTIFICATION_SUBJECTS:
        return 0
    lines = [
        _("Kính gửi: %(agency)s") % {"agency": nomination.agency.name},
        "",
        _("Hồ sơ đề nghị %(form)s cho %(nominee)s (phong trào %(campaign)s):")
        % {"form": nomination.award_form.name, "nominee": nomination.nominee_label, "campaign": nomination.campaign},
        str(_NOTIFICATION_SUBJECTS[event]) + ".",
    ]
    if event in ("return", "reject") and nomination.last_reason:
        lines.append(_("Lý do: %(reason)s") % {"reason": nomination.last_reason})
    if event == "award":
        lines.append(
            _("Quyết định số %(number)s ngày %(date)s.")
            % {"number": nomination.decision_number, "date": nomination.decision_date.strftime("%d/%m/%Y")}
        )
    lines += ["", _("Sở Nội vụ – Ban Thi đua – Khen thưởng")]
    subject = f"[{nomination.campaign.code}] {_NOTIFICATION_SUBJECTS[event]}"
    return send_mail(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients)


def nomination_reminders_send(*, today: datetime.date, days_before: Iterable[int]) -> int:
    """Remind expected agencies that have sent no dossier, N days before a campaign's deadline.
    One reminder per campaign and day, however often the beat fires."""
    sent = 0
    deadlines = [today + datetime.timedelta(days=n) for n in days_before]
    for campaign in Campaign.objects.filter(nomination_deadline__in=deadlines):
        note = today.isoformat()
        with transaction.atomic():
            if AuditEvent.objects.filter(action="awards.reminder", object_id=str(campaign.pk), note=note).exists():
                continue
            from .selectors import agencies_without_dossier

            missing = agencies_without_dossier(campaign=campaign)
            audit_record(
                actor=None, action="awards.reminder", target=campaign, after={"agencies": len(missing)}, note=note
            )
        days = (campaign.nomination_deadline - today).days
        for agency in missing:
            recipients = _recipients_for(agency)
            if not recipients:
                continue
            body = _(
                "Kính gửi: %(agency)s\n\nĐến nay Sở Nội vụ chưa nhận được hồ sơ đề nghị khen thưởng của quý cơ quan "
                "trong phong trào “%(campaign)s”. Hạn gửi hồ sơ là ngày %(deadline)s (còn %(days)d ngày).\n\n"
                "Sở Nội vụ – Ban Thi đua – Khen thưởng"
            ) % {
                "agency": agency.name,
                "campaign": campaign.name,
                "deadline": campaign.nomination_deadline.strftime("%d/%m/%Y"),
                "days": days,
            }
            subject = _("[%(code)s] Nhắc gửi hồ sơ đề nghị khen thưởng") % {"code": campaign.code}
            sent += send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return sent


# --- Award forms and criteria (reviewers) ----------------------------------------------------------


def criterion_save(*, user: User, criterion: Criterion) -> Criterion:
    if not is_reviewer.test(user):
        raise PermissionDenied
    errors = engine.params_errors(criterion.kind, criterion.params)
    if errors:
        raise ValidationError({"params": errors})
    with transaction.atomic():
        created = criterion.pk is None
        criterion.save()
        audit_record(
            actor=user,
            action="awards.criterion.create" if created else "awards.criterion.update",
            target=criterion,
            after={
                "code": criterion.code,
                "kind": criterion.kind,
                "params": criterion.params,
                "active": criterion.active,
            },
        )
    return criterion


def award_form_save(*, user: User, award_form: AwardForm, requirements_formset=None) -> AwardForm:
    if not is_reviewer.test(user):
        raise PermissionDenied
    with transaction.atomic():
        created = award_form.pk is None
        award_form.save()
        if requirements_formset is not None:
            requirements_formset.instance = award_form
            requirements_formset.save()
        audit_record(
            actor=user,
            action="awards.award_form.create" if created else "awards.award_form.update",
            target=award_form,
            after={
                "name": award_form.name,
                "requirements": list(award_form.requirements.values_list("code", "required")),
            },
        )
        # Which components are required decides the dashboards' "missing component" count.
        campaign_data_changed(campaign_ids=[award_form.campaign_id])
    return award_form
