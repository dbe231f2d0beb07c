"""Two reviewers act on the same nomination at the same moment, each on its own PostgreSQL
connection: exactly one wins, the other gets a clear refusal."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from accounts.enums import Role
from awards import services
from awards.enums import NominationState
from awards.models import NominationTransition
from campaign_portal.celery import app
from campaign_portal.workflow import WorkflowError
from tests.awards.conftest import make_dossier
from tests.factories import AgencyFactory, CampaignFactory, UserFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


def _race(actions):
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        # Celery's current app is per thread: without this, the e-mail task queued on commit in
        # this thread would go to Celery's default app (no broker configured) instead of ours.
        app.set_current()
        try:
            barrier.wait(timeout=10)
            action()
            outcomes[index] = "won"
        except WorkflowError as error:
            outcomes[index] = str(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.fixture
def submitted(transactional_db):
    campaign = CampaignFactory(code="4064")
    award_form = AwardFormFactory(campaign=campaign)
    load_plan_criteria(campaign)
    officer = UserFactory(role=Role.AGENCY_OFFICER, agency=AgencyFactory())
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=award_form)
    services.nomination_submit(user=officer, nomination=nomination)
    return nomination


@pytest.mark.parametrize("attempt", range(3))
def test_two_reviewers_approve_same_nomination_exactly_one_wins(submitted, attempt):
    first, second = UserFactory(role=Role.REVIEWER), UserFactory(role=Role.REVIEWER)
    outcomes = _race(
        [
            lambda user=user: services.nomination_transition(
                name="approve",
                user=user,
                nomination=type(submitted).objects.get(pk=submitted.pk),
                expected_state="submitted",
            )
            for user in (first, second)
        ]
    )
    assert sorted(o == "won" for o in outcomes) == [False, True], outcomes
    loser = next(o for o in outcomes if o != "won")
    assert "vừa được người khác xử lý" in loser
    submitted.refresh_from_db()
    assert submitted.state == NominationState.APPROVED
    assert NominationTransition.objects.filter(nomination=submitted, to_state=NominationState.APPROVED).count() == 1


def test_approve_and_reject_at_once_leave_one_decision(submitted):
    approver, rejecter = UserFactory(role=Role.REVIEWER), UserFactory(role=Role.REVIEWER)
    outcomes = _race(
        [
            lambda: services.nomination_transition(
                name="approve", user=approver, nomination=type(submitted).objects.get(pk=submitted.pk)
            ),
            lambda: services.nomination_transition(
                user=rejecter,
                nomination=type(submitted).objects.get(pk=submitted.pk),
                name="return",
                reason="Thiếu biên bản.",
            ),
        ]
    )
    assert outcomes.count("won") == 1, outcomes
    submitted.refresh_from_db()
    decisions = NominationTransition.objects.filter(nomination=submitted).exclude(to_state=NominationState.SUBMITTED)
    assert decisions.count() == 1
    assert submitted.state == decisions.get().to_state


def test_transition_beside_a_writer_that_holds_the_campaign_does_not_deadlock(submitted):
    """A transaction that wrote elsewhere in the campaign (taking its version row) and then wants
    the nomination, beside a reviewer's transition: both finish, one after the other."""
    from awards.models import AwardForm, Nomination

    reviewer = UserFactory(role=Role.REVIEWER)
    campaign_taken = threading.Event()
    errors = []

    def writer():
        app.set_current()
        try:
            with transaction.atomic():
                AwardForm.objects.filter(pk=submitted.award_form_id).update(name="Bằng khen (sửa)")
                campaign_taken.set()
                time.sleep(0.5)  # the reviewer's transition starts meanwhile
                Nomination.objects.select_for_update().get(pk=submitted.pk)
        except Exception as error:  # noqa: BLE001 - the test reports whatever the database raised
            errors.append(error)
        finally:
            connections.close_all()

    def reviewer_acts():
        app.set_current()
        campaign_taken.wait(timeout=10)
        try:
            services.nomination_transition(
                name="return",
                user=reviewer,
                nomination=type(submitted).objects.get(pk=submitted.pk),
                reason="Thiếu biên bản.",
                expected_state="submitted",
            )
        except Exception as error:  # noqa: BLE001 - the test reports whatever the database raised
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer), threading.Thread(target=reviewer_acts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    submitted.refresh_from_db()
    assert submitted.state == NominationState.RETURNED


@pytest.fixture
def two_submitted(submitted):
    """A second dossier of the same campaign, from another agency."""
    officer = UserFactory(role=Role.AGENCY_OFFICER, agency=AgencyFactory())
    other = make_dossier(officer=officer, campaign=submitted.campaign, award_form=submitted.award_form)
    services.nomination_submit(user=officer, nomination=other)
    return submitted, other


def test_a_check_evaluates_while_another_check_of_the_campaign_stores_its_run(two_submitted, monkeypatch):
    """Two workers checking chunks of one campaign: while one holds the campaign and its rows to
    store its run, the other reads its facts and evaluates its criteria, and waits only to store."""
    from awards.models import Nomination
    from awards.services import checks
    from campaign_portal.freshness import versions_lock

    first, second = two_submitted
    Nomination.objects.update(check_input_hash="")
    evaluated = threading.Event()
    evaluate = checks._evaluate_in_each_language

    def evaluate_and_tell(pairs):
        outcome = evaluate(pairs)
        evaluated.set()
        return outcome

    monkeypatch.setattr(checks, "_evaluate_in_each_language", evaluate_and_tell)
    holding, release, errors = threading.Event(), threading.Event(), []

    def storing_check():
        # What a check holds while it stores its run: the campaign, then its rows, until commit.
        try:
            with transaction.atomic():
                versions_lock(Nomination, [first.pk])
                Nomination.objects.select_for_update().get(pk=first.pk)
                holding.set()
                release.wait(timeout=30)
        finally:
            connections.close_all()

    def other_check():
        try:
            services.criteria_check_nominations([second.pk])
        except Exception as error:  # noqa: BLE001 - the test reports whatever the database raised
            errors.append(error)
        finally:
            connections.close_all()

    holder = threading.Thread(target=storing_check)
    holder.start()
    assert holding.wait(timeout=10)
    checker = threading.Thread(target=other_check)
    checker.start()
    try:
        assert evaluated.wait(timeout=10), "the second check evaluated while the first held the campaign"
        assert Nomination.objects.get(pk=second.pk).check_input_hash == "", "and stores only once it is free"
    finally:
        release.set()
        holder.join(timeout=30)
        checker.join(timeout=30)
    assert errors == []
    stored = Nomination.objects.get(pk=second.pk)
    assert stored.check_input_hash and stored.checked_at is not None


def test_a_check_whose_facts_change_before_it_stores_evaluates_them_again(submitted, monkeypatch):
    """A write that changes a nomination's facts between a check's evaluation and its store asks for
    a check in its own transaction; the check sees that under its lock and stores the new facts'
    run, never the run of the facts it read before."""
    from awards.enums import Outcome
    from awards.models import CriterionResult, Nomination
    from awards.services import checks

    Nomination.objects.update(check_input_hash="")
    lock = checks.versions_lock
    edited = threading.Event()

    def edit_then_lock(model, pks):
        if edited.is_set():  # the check the edit asks for runs in process, after the edit's commit
            return lock(model, pks)
        edited.set()

        def edit():
            try:
                with transaction.atomic():
                    metrics = {**submitted.declared_metrics, "late_dossier_rate_pct": 7}
                    Nomination.objects.filter(pk=submitted.pk).update(declared_metrics=metrics)
                    services.criteria_check_queue(nomination_ids=[submitted.pk])
            finally:
                connections.close_all()

        app.set_current()
        thread = threading.Thread(target=edit)
        thread.start()
        thread.join(timeout=30)
        return lock(model, pks)

    monkeypatch.setattr(checks, "versions_lock", edit_then_lock)
    services.criteria_check_nominations([submitted.pk])
    late = CriterionResult.objects.get(nomination=submitted, criterion__code="ho_so_tre_hen")
    assert late.outcome == Outcome.NOT_MET and "7%" in late.explanation
    assert late.input_snapshot["metrics"]["late_dossier_rate_pct"] == 7
