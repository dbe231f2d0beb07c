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
