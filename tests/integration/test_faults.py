"""Faults: the broker down during a submission, a worker killed in the middle of a check."""

import datetime
import os
import signal

import psycopg
import pytest
from django.conf import settings
from django.urls import reverse

from awards import services
from awards.enums import SignatureVerdict, Verdict
from awards.models import CriterionResult, DossierDocument, Nomination
from awards.tasks import criteria_check_nominations_task
from campaign_portal.celery import app
from campaign_portal.models import OutboxMessage
from campaign_portal.outbox import outbox_relay
from tests.awards.conftest import make_dossier, sent_at
from tests.conftest import _database_url, _reset_broker_pools, wait_for
from tests.factories import AgencyFactory, CampaignFactory, UserFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria

pytestmark = pytest.mark.integration
DEAD_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def dossier(real_worker):
    campaign = CampaignFactory(code="4064", nomination_deadline=datetime.date(2024, 12, 24))
    award_form = AwardFormFactory(campaign=campaign)
    criteria = load_plan_criteria(campaign)
    officer = UserFactory(role="agency_officer", agency=AgencyFactory())
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=award_form)
    # The worker idle again: each upload's criteria check and signature check have run.
    wait_for(
        lambda: (
            not Nomination.objects.get(pk=nomination.pk).check_pending
            and not DossierDocument.objects.filter(
                nomination=nomination, signature_verdict=SignatureVerdict.PENDING
            ).exists()
        ),
        timeout=60,
    )
    return nomination, officer, criteria


@pytest.fixture
def broker_down():
    live = app.conf.broker_url
    app.conf.broker_url = DEAD_BROKER
    _reset_broker_pools(app)

    def back():
        app.conf.broker_url = live
        _reset_broker_pools(app)

    yield back
    back()


def _fresh(pk) -> Nomination:
    return Nomination.objects.get(pk=pk)


def test_submission_works_with_redis_down_and_check_runs_when_it_is_back(dossier, broker_down, client):
    nomination, officer, _criteria = dossier
    services.nomination_submit(user=officer, nomination=nomination, at=sent_at(datetime.date(2024, 12, 2)))
    stored = _fresh(nomination.pk)
    assert stored.state == "submitted" and stored.check_pending
    request = OutboxMessage.objects.get(task_name="awards.criteria_check_nominations", sent_at__isnull=True)
    assert request.args == [[nomination.pk]] and request.attempts == 1 and "OperationalError" in request.last_error

    client.force_login(officer)
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk]))
    assert page.status_code == 200 and "Đang chờ xử lý" in page.content.decode()

    broker_down()  # the broker is back: the relay's next round hands the request over
    assert outbox_relay() == 1
    wait_for(lambda: not _fresh(nomination.pk).check_pending, timeout=60)
    assert _fresh(nomination.pk).verdict == Verdict.ELIGIBLE


def test_requeue_pending_queues_a_check_a_worker_lost(dossier):
    nomination, officer, _criteria = dossier
    services.nomination_submit(user=officer, nomination=nomination, at=sent_at(datetime.date(2024, 12, 2)))
    wait_for(lambda: not _fresh(nomination.pk).check_pending, timeout=60)
    # As if the message had been lost with Redis's queue: asked for, sent, never run.
    Nomination.objects.filter(pk=nomination.pk).update(checked_at=None)
    assert services.criteria_check_requeue_pending(older_than=datetime.timedelta(0)) == 1
    wait_for(lambda: not _fresh(nomination.pk).check_pending, timeout=60)


def test_worker_killed_mid_check_the_result_still_arrives_once(dossier):
    nomination, officer, criteria = dossier
    services.nomination_submit(user=officer, nomination=nomination, at=sent_at(datetime.date(2024, 12, 2)))
    wait_for(lambda: _fresh(nomination.pk).verdict == Verdict.ELIGIBLE and not _fresh(nomination.pk).check_pending)
    first_run = _fresh(nomination.pk).check_run
    applicable = CriterionResult.objects.filter(nomination=nomination).count()
    assert 0 < applicable <= len(criteria)
    # New facts for the next check (a late-dossier rate above the 5 % threshold).
    metrics = {**_fresh(nomination.pk).declared_metrics, "late_dossier_rate_pct": 9}
    Nomination.objects.filter(pk=nomination.pk).update(declared_metrics=metrics)
    before = _fresh(nomination.pk).checked_at
    url = _database_url().replace("postgres://", "postgresql://")
    with psycopg.connect(url, autocommit=False) as lock:
        # Hold the nomination's row lock: the worker's check blocks on it, in the middle of its run.
        lock.execute("SELECT id FROM awards_nomination WHERE id = %s FOR UPDATE", [nomination.pk])
        criteria_check_nominations_task.delay([nomination.pk])

        def running_check():
            active = app.control.inspect(timeout=1.0).active() or {}
            return next(
                (
                    task
                    for tasks in active.values()
                    for task in tasks
                    if task["name"] == "awards.criteria_check_nominations"
                ),
                None,
            )

        task = wait_for(running_check, timeout=30)
        os.kill(task["worker_pid"], signal.SIGKILL)
        # Late acknowledgement: the message goes back to the queue and another child takes it.
        wait_for(lambda: (t := running_check()) and t["worker_pid"] != task["worker_pid"], timeout=60)
        assert _fresh(nomination.pk).checked_at == before
        lock.rollback()
    wait_for(lambda: _fresh(nomination.pk).checked_at != before and not _fresh(nomination.pk).check_pending, timeout=60)
    stored = _fresh(nomination.pk)
    results = CriterionResult.objects.filter(nomination=nomination)
    assert results.count() == applicable
    assert list(results.order_by().values_list("run_id", flat=True).distinct()) == [stored.check_run] != [first_run]
    assert stored.verdict == Verdict.NOT_ELIGIBLE
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
