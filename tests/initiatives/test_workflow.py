import pytest
from django.urls import reverse

from campaign_portal.audit import audit_events_for
from campaign_portal.workflow import WorkflowError
from initiatives.enums import InitiativeState
from initiatives.services import initiative_transition


def _advance(initiative, state):
    initiative.state = state
    initiative.save()
    return initiative


def test_register_by_owning_officer_records_history_and_audit(commune_draft, commune_officer):
    initiative_transition(initiative=commune_draft, name="register", user=commune_officer)
    commune_draft.refresh_from_db()
    assert commune_draft.state == InitiativeState.REGISTERED
    entry = commune_draft.history.get()
    assert (entry.actor, entry.from_state, entry.to_state) == (commune_officer, "draft", "registered")
    assert entry.at is not None
    assert audit_events_for(commune_draft).filter(action="initiatives.initiative.register").exists()


@pytest.mark.parametrize("who", ["other_commune_officer", "district_officer", "reviewer", "official"])
def test_register_refused_to_anyone_but_owner(request, commune_draft, who):
    user = request.getfixturevalue(who)
    with pytest.raises(WorkflowError):
        initiative_transition(initiative=commune_draft, name="register", user=user)
    commune_draft.refresh_from_db()
    assert commune_draft.state == InitiativeState.DRAFT
    assert not commune_draft.history.exists()


def test_reviewer_moves_to_practice_and_evaluates_with_assessment(commune_draft, reviewer):
    _advance(commune_draft, InitiativeState.REGISTERED)
    initiative_transition(initiative=commune_draft, name="start_practice", user=reviewer)
    initiative_transition(
        initiative=commune_draft,
        name="evaluate",
        user=reviewer,
        assessment_effective=True,
        assessment_comment="Giảm thời gian chờ của người dân.",
    )
    commune_draft.refresh_from_db()
    assert commune_draft.state == InitiativeState.EVALUATED
    assert commune_draft.assessment_effective is True
    assert commune_draft.assessment_comment == "Giảm thời gian chờ của người dân."
    assert [(h.from_state, h.to_state) for h in commune_draft.history.all()] == [
        ("registered", "in_practice"),
        ("in_practice", "evaluated"),
    ]


def test_evaluate_requires_assessment(commune_draft, reviewer):
    _advance(commune_draft, InitiativeState.IN_PRACTICE)
    with pytest.raises(WorkflowError, match="đánh giá hiệu quả"):
        initiative_transition(initiative=commune_draft, name="evaluate", user=reviewer)
    commune_draft.refresh_from_db()
    assert commune_draft.state == InitiativeState.IN_PRACTICE


@pytest.mark.parametrize("who", ["commune_officer", "official"])
def test_practice_and_evaluation_refused_to_non_reviewers(request, commune_draft, who):
    user = request.getfixturevalue(who)
    _advance(commune_draft, InitiativeState.REGISTERED)
    with pytest.raises(WorkflowError):
        initiative_transition(initiative=commune_draft, name="start_practice", user=user)
    _advance(commune_draft, InitiativeState.IN_PRACTICE)
    with pytest.raises(WorkflowError):
        initiative_transition(initiative=commune_draft, name="evaluate", user=user, assessment_effective=True)
    commune_draft.refresh_from_db()
    assert commune_draft.state == InitiativeState.IN_PRACTICE


@pytest.mark.parametrize(
    ("state", "name"),
    [
        (InitiativeState.DRAFT, "start_practice"),
        (InitiativeState.DRAFT, "evaluate"),
        (InitiativeState.REGISTERED, "evaluate"),
        (InitiativeState.EVALUATED, "start_practice"),
        (InitiativeState.IN_PRACTICE, "register"),
        (InitiativeState.DRAFT, "no_such_transition"),
    ],
)
def test_invalid_transition_refused(commune_draft, reviewer, state, name):
    _advance(commune_draft, state)
    with pytest.raises(WorkflowError):
        initiative_transition(initiative=commune_draft, name=name, user=reviewer, assessment_effective=True)
    commune_draft.refresh_from_db()
    assert commune_draft.state == state


def test_return_to_draft_needs_reason(commune_draft, reviewer):
    _advance(commune_draft, InitiativeState.REGISTERED)
    with pytest.raises(WorkflowError, match="lý do"):
        initiative_transition(initiative=commune_draft, name="return", user=reviewer)
    initiative_transition(initiative=commune_draft, name="return", user=reviewer, reason="Bổ sung minh chứng.")
    commune_draft.refresh_from_db()
    assert commune_draft.state == InitiativeState.DRAFT
    assert commune_draft.history.get().note == "Bổ sung minh chứng."


def test_stale_state_refused(commune_draft, reviewer):
    _advance(commune_draft, InitiativeState.IN_PRACTICE)
    with pytest.raises(WorkflowError, match="tải lại"):
        initiative_transition(
            initiative=commune_draft, name="start_practice", user=reviewer, expected_state=InitiativeState.REGISTERED
        )


def test_transition_view_shows_reviewer_buttons_and_applies(client, commune_draft, reviewer):
    _advance(commune_draft, InitiativeState.IN_PRACTICE)
    client.force_login(reviewer)
    page = client.get(reverse("initiatives:detail", args=[commune_draft.pk]))
    assert [entry["transition"].name for entry in page.context["transitions"]] == ["evaluate"]
    response = client.post(
        reverse("initiatives:transition", args=[commune_draft.pk]),
        {
            "transition": "evaluate",
            "expected_state": "in_practice",
            "assessment_effective": "no",
            "assessment_comment": "Ít",
        },
        follow=True,
    )
    assert "Đã đánh giá" in response.content.decode()
    commune_draft.refresh_from_db()
    assert commune_draft.state == InitiativeState.EVALUATED and commune_draft.assessment_effective is False


def test_transition_view_reports_missing_assessment(client, commune_draft, reviewer):
    _advance(commune_draft, InitiativeState.IN_PRACTICE)
    client.force_login(reviewer)
    response = client.post(
        reverse("initiatives:transition", args=[commune_draft.pk]),
        {"transition": "evaluate", "expected_state": "in_practice"},
        follow=True,
    )
    assert "Hãy chọn “Hiệu quả” hoặc “Chưa hiệu quả”" in response.content.decode()
    commune_draft.refresh_from_db()
    assert commune_draft.state == InitiativeState.IN_PRACTICE


def test_transition_view_without_expected_state_is_refused(client, commune_draft, reviewer):
    _advance(commune_draft, InitiativeState.IN_PRACTICE)
    client.force_login(reviewer)
    response = client.post(
        reverse("initiatives:transition", args=[commune_draft.pk]),
        {"transition": "evaluate", "assessment_effective": "yes"},
        follow=True,
    )
    assert "Thiếu trạng thái của hồ sơ lúc mở trang" in response.content.decode()
    commune_draft.refresh_from_db()
    assert commune_draft.state == InitiativeState.IN_PRACTICE
