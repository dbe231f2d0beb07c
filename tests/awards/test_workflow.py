"""Every transition of the nomination workflow and who may take it."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from accounts.enums import Role
from awards import services
from awards.enums import NominationState
from awards.models import NominationTransition
from campaign_portal.audit import audit_events_for
from campaign_portal.workflow import WorkflowError
from tests.awards.conftest import make_dossier
from tests.factories import CommuneFactory

S = NominationState


def _move(nomination, reviewer, *names):
    for name in names:
        services.nomination_transition(user=reviewer, nomination=nomination, name=name)
    return nomination


def test_submit_by_owning_agency_sets_time_history_and_audit(dossier, officer):
    services.nomination_submit(user=officer, nomination=dossier)
    dossier.refresh_from_db()
    assert dossier.state == S.SUBMITTED and dossier.submitted_at is not None
    step = NominationTransition.objects.get(nomination=dossier)
    assert (step.from_state, step.to_state, step.actor) == (S.DRAFT, S.SUBMITTED, officer)
    assert audit_events_for(dossier).filter(action="awards.nomination.submit", actor=officer).exists()


@pytest.mark.parametrize("who", ["other_officer", "reviewer", "official"])
def test_submit_refused_to_anyone_but_owning_agency(dossier, request, who):
    with pytest.raises(WorkflowError, match="không có quyền"):
        services.nomination_submit(user=request.getfixturevalue(who), nomination=dossier)
    dossier.refresh_from_db()
    assert dossier.state == S.DRAFT


@pytest.mark.parametrize(
    ("name", "start", "target", "reason"),
    [
        ("start_review", S.SUBMITTED, S.UNDER_REVIEW, ""),
        ("approve", S.SUBMITTED, S.APPROVED, ""),
        ("approve", S.UNDER_REVIEW, S.APPROVED, ""),
        ("return", S.SUBMITTED, S.RETURNED, "Thiếu biên bản họp Hội đồng."),
        ("return", S.UNDER_REVIEW, S.RETURNED, "Thiếu biên bản họp Hội đồng."),
        ("reject", S.UNDER_REVIEW, S.REJECTED, "Không đạt tiêu chí 100% nhiệm vụ."),
        ("reject", S.APPROVED, S.REJECTED, "Trùng đối tượng."),
    ],
)
def test_reviewer_transitions(dossier, officer, reviewer, name, start, target, reason):
    services.nomination_submit(user=officer, nomination=dossier)
    if start == S.UNDER_REVIEW:
        _move(dossier, reviewer, "start_review")
    if start == S.APPROVED:
        _move(dossier, reviewer, "approve")
    services.nomination_transition(user=reviewer, nomination=dossier, name=name, reason=reason)
    dossier.refresh_from_db()
    assert dossier.state == target
    last = NominationTransition.objects.filter(nomination=dossier).last()
    assert (last.from_state, last.to_state, last.actor, last.reason) == (start, target, reviewer, reason)


@pytest.mark.parametrize("name", ["start_review", "approve", "return", "reject"])
@pytest.mark.parametrize("who", ["officer", "official", "administrator"])
def test_review_transitions_refused_to_non_reviewers(dossier, officer, request, name, who):
    services.nomination_submit(user=officer, nomination=dossier)
    with pytest.raises(WorkflowError):
        services.nomination_transition(
            user=request.getfixturevalue(who), nomination=dossier, name=name, reason="Lý do bất kỳ"
        )
    dossier.refresh_from_db()
    assert dossier.state == S.SUBMITTED


@pytest.mark.parametrize("name", ["return", "reject"])
def test_return_and_reject_need_a_reason(dossier, officer, reviewer, name):
    services.nomination_submit(user=officer, nomination=dossier)
    with pytest.raises(WorkflowError, match="lý do"):
        services.nomination_transition(user=reviewer, nomination=dossier, name=name, reason="  ")


def test_returned_nomination_is_fixed_and_resubmitted_by_agency(dossier, officer, reviewer):
    services.nomination_submit(user=officer, nomination=dossier)
    first_sent = dossier.submitted_at
    services.nomination_transition(user=reviewer, nomination=dossier, name="return", reason="Bổ sung số liệu.")
    dossier.refresh_from_db()
    assert dossier.last_reason == "Bổ sung số liệu."
    assert officer.has_perm("awards.change_nomination", dossier)
    services.nomination_update(user=officer, nomination=dossier, achievement_summary="Đã bổ sung số liệu.")
    services.nomination_submit(user=officer, nomination=dossier)
    dossier.refresh_from_db()
    assert dossier.state == S.SUBMITTED
    assert dossier.submitted_at == first_sent, "the first submission date counts for the deadline"


def test_award_needs_decision_number_and_date(dossier, officer, reviewer):
    services.nomination_submit(user=officer, nomination=dossier)
    services.nomination_transition(name="approve", user=reviewer, nomination=dossier)
    with pytest.raises(WorkflowError, match="Hãy nhập"):
        services.nomination_transition(
            user=reviewer,
            nomination=dossier,
            name="award",
            values={"decision_number": "", "decision_date": None},
        )
    services.nomination_transition(
        user=reviewer,
        nomination=dossier,
        name="award",
        values={"decision_number": "215/QĐ-UBND", "decision_date": datetime.date(2025, 1, 20)},
    )
    dossier.refresh_from_db()
    assert (dossier.state, dossier.decision_number, dossier.decision_date) == (
        S.AWARDED,
        "215/QĐ-UBND",
        datetime.date(2025, 1, 20),
    )


@pytest.mark.parametrize(
    ("state_path", "name"),
    [
        ((), "award"),
        (("approve",), "return"),
        (("approve",), "start_review"),
    ],
)
def test_transition_from_wrong_state_refused(dossier, officer, reviewer, state_path, name):
    services.nomination_submit(user=officer, nomination=dossier)
    _move(dossier, reviewer, *state_path)
    with pytest.raises(WorkflowError, match="Không thể"):
        services.nomination_transition(
            user=reviewer,
            nomination=dossier,
            name=name,
            reason="Lý do",
            values={"decision_number": "1/QĐ", "decision_date": datetime.date(2025, 1, 1)} if name == "award" else None,
        )


def test_stale_form_refused_when_state_changed(dossier, officer, reviewer):
    services.nomination_submit(user=officer, nomination=dossier)
    services.nomination_transition(name="approve", user=reviewer, nomination=dossier, expected_state=S.SUBMITTED)
    with pytest.raises(WorkflowError, match="vừa được người khác xử lý"):
        services.nomination_transition(
            user=reviewer, nomination=dossier, name="reject", reason="Trùng", expected_state=S.SUBMITTED
        )


def test_edit_refused_after_submit_and_to_other_agency(dossier, officer, other_officer):
    with pytest.raises(PermissionDenied):
        services.nomination_update(user=other_officer, nomination=dossier, achievement_summary="x")
    services.nomination_submit(user=officer, nomination=dossier)
    with pytest.raises(PermissionDenied, match="Chỉ sửa"):
        services.nomination_update(user=officer, nomination=dossier, achievement_summary="x")


@pytest.mark.parametrize(("name", "subject"), [("return", "trả lại"), ("reject", "không được đề nghị")])
def test_decision_emails_agency_after_commit(
    dossier, officer, reviewer, django_capture_on_commit_callbacks, name, subject
):
    services.nomination_submit(user=officer, nomination=dossier)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_transition(user=reviewer, nomination=dossier, name=name, reason="Thiếu biên bản.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert subject in message.subject
    assert set(message.to) == {"canbo@example.vn", "sogtvt@example.vn"}
    assert "Thiếu biên bản." in message.body


def test_approval_and_award_email_the_agency(dossier, officer, reviewer, django_capture_on_commit_callbacks):
    services.nomination_submit(user=officer, nomination=dossier)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_transition(name="approve", user=reviewer, nomination=dossier)
        services.nomination_transition(
            user=reviewer,
            nomination=dossier,
            name="award",
            values={"decision_number": "215/QĐ-UBND", "decision_date": datetime.date(2025, 1, 20)},
        )
    assert [m.subject for m in mail.outbox] == [
        "[4064] Hồ sơ đề nghị khen thưởng đã được duyệt",
        "[4064] Đã có quyết định khen thưởng",
    ]
    assert "215/QĐ-UBND ngày 20/01/2025" in mail.outbox[1].body


def test_no_email_when_transaction_rolls_back(dossier, officer, reviewer, django_capture_on_commit_callbacks):
    services.nomination_submit(user=officer, nomination=dossier)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.nomination_transition(name="approve", user=reviewer, nomination=dossier)
    assert len(callbacks) == 1 and mail.outbox == []


def test_district_officer_reads_commune_nomination_but_cannot_submit(make_user, campaign, collective_form, criteria):
    commune = CommuneFactory()
    commune_officer = make_user(Role.AGENCY_OFFICER, agency=commune)
    district_officer = make_user(Role.AGENCY_OFFICER, agency=commune.parent)
    nomination = make_dossier(officer=commune_officer, campaign=campaign, award_form=collective_form)
    assert district_officer.has_perm("awards.view_nomination", nomination)
    assert not district_officer.has_perm("awards.change_nomination", nomination)
    with pytest.raises(WorkflowError):
        services.nomination_submit(user=district_officer, nomination=nomination)
