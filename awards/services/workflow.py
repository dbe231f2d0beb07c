"""The review workflow of a nomination as one transition table applied by
`campaign_portal.workflow.transition_apply` (row lock, expected-state guard, history, audit), and
the bulk approval built on it."""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.rules import is_reviewer
from campaign_portal.outbox import outbox_enqueue
from campaign_portal.workflow import Transition, WorkflowError, transition_apply

from ..enums import NominationState, ReceiptChannel, Verdict
from ..models import AwardForm, Nomination, NominationTransition
from ..quotas import quota_exceeded_by_approval
from ..rules import can_submit_nomination
from .checks import criteria_check_queue_for_nominee

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
    submission time; it is for the demo data and for tests.

    The first submission is the dossier's receipt, dated in Vietnam time: a dossier returned for
    supplement and sent again keeps it, as a văn thư keeps the ngày đến of a document whose
    supplement arrives later, and so does one whose receipt a reviewer recorded from paper."""
    now = at or timezone.now()
    values = dict(values or {})
    if name == "submit":
        values["submitted_at"] = nomination.submitted_at or now
        if nomination.received_on is None:
            values.update(received_on=timezone.localdate(now), receipt_channel=ReceiptChannel.ONLINE)
    if name in ("return", "reject"):
        values["last_reason"] = (reason or "").strip()

    def record_history(obj, from_state, to_state):
        history = NominationTransition.objects.create(
            nomination=obj, from_state=from_state, to_state=to_state, actor=user, reason=(reason or "").strip(), at=now
        )
        # Recorded with the transition, so neither the check nor the e-mail is lost to a broker outage.
        if name == "submit":
            criteria_check_queue_for_nominee(obj)
        if name in NOTIFIED_TRANSITIONS:
            outbox_enqueue(task_name="awards.nomination_notify", args=[obj.pk, name, history.pk])

    with transaction.atomic():
        if name == "approve":
            _quota_requirement_check(nomination=nomination, reason=reason)
        return transition_apply(
            obj=nomination,
            name=name,
            transitions=NOMINATION_TRANSITIONS,
            user=user,
            reason=reason,
            values=values,
            record_history=record_history,
            expected_state=expected_state,
        )


def _quota_requirement_check(*, nomination: Nomination, reason: str) -> None:
    """Approving past the award form's quota needs a reason. The form's row is locked so that two
    reviewers approving at once count each other's approval."""
    AwardForm.objects.select_for_update().filter(pk=nomination.award_form_id).first()
    current = Nomination.objects.select_related("award_form", "agency").get(pk=nomination.pk)
    exceeded = quota_exceeded_by_approval(current)
    if exceeded and not (reason or "").strip():
        approved, limit = exceeded
        raise WorkflowError(
            _(
                "Đã duyệt %(approved)d hồ sơ, đủ chỉ tiêu %(limit)d của hình thức “%(form)s”: hãy ghi lý do "
                "duyệt vượt chỉ tiêu."
            )
            % {"approved": approved, "limit": limit, "form": current.award_form.name}
        )


def nomination_submit(*, user: User, nomination: Nomination, at: datetime.datetime | None = None) -> Nomination:
    return nomination_transition(user=user, nomination=nomination, name="submit", at=at)


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
            approved.append(nomination_transition(user=user, nomination=nomination, name="approve"))
        except WorkflowError as error:
            refused.append(f"{nomination.nominee_label}: {error}")
    return approved, refused
