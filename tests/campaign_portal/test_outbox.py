"""The outbox: a task request commits or rolls back with its write, runs in process in the
embedded default, and stays pending with its error, never raising, when the broker is away."""

import io
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from campaign_portal import outbox
from campaign_portal.celery import app
from campaign_portal.models import AuditEvent, OutboxMessage
from campaign_portal.outbox import outbox_enqueue, outbox_enqueue_many, outbox_prune, outbox_relay
from tests.conftest import _broker_url, _reset_broker_pools

HEARTBEAT = "campaign_portal.worker_heartbeat"


@pytest.fixture
def broker_away():
    """A broker URL where nothing listens, with tasks sent rather than run in process."""
    previous = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url="redis://127.0.0.1:2/0", task_always_eager=False)
    _reset_broker_pools(app)
    yield
    app.conf.update(**previous)
    _reset_broker_pools(app)


def test_request_rolls_back_with_its_write(db, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        outbox_enqueue(task_name=HEARTBEAT, args=["rolled-back"])
        raise RuntimeError
    assert not OutboxMessage.objects.exists() and not callbacks


def test_embedded_default_runs_the_task_in_process_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox_enqueue(task_name=HEARTBEAT, args=["embedded"])
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 1 and message.last_error == ""
    assert AuditEvent.objects.filter(action="worker.heartbeat", note="embedded").count() == 1


def test_embedded_task_failure_is_kept_with_its_error_not_raised(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox_enqueue(task_name="awards.criteria_check_nomination", args=[987654])
    message.refresh_from_db()
    assert message.attempts == 1 and "DoesNotExist" in message.last_error


def test_requests_recorded_together_are_one_insert_and_run_after_commit(
    db, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        transaction.atomic(),
        django_assert_num_queries(1),
    ):
        messages = outbox_enqueue_many(task_name=HEARTBEAT, args_list=[["first"], ["second"], ["third"]])
    assert len(callbacks) == 1, "one hand-over for all of them"
    callbacks[0]()
    assert [(m.sent_at is not None, m.attempts) for m in OutboxMessage.objects.order_by("pk")] == [(True, 1)] * 3
    notes = AuditEvent.objects.filter(action="worker.heartbeat").values_list("note", flat=True)
    assert sorted(notes) == ["first", "second", "third"]
    assert [m.args for m in messages] == [["first"], ["second"], ["third"]]


def test_broker_away_leaves_requests_recorded_together_pending(
    db, broker_away, django_capture_on_commit_callbacks, monkeypatch
):
    # The back-off this fault starts stays with this test, not with the next one on the same URL.
    monkeypatch.setattr(outbox, "_broker_away_until", {})
    with django_capture_on_commit_callbacks(execute=True):
        outbox_enqueue_many(task_name=HEARTBEAT, args_list=[["one"], ["two"]])
    first, second = OutboxMessage.objects.order_by("pk")
    assert first.sent_at is None and first.attempts == 1 and "127.0.0.1:2" in first.last_error
    assert second.sent_at is None and second.attempts == 0, "the hand-over stops at the first fault"


def test_broker_away_leaves_the_request_pending_with_the_error(db, broker_away, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox_enqueue(task_name=HEARTBEAT, args=["away"])
    message.refresh_from_db()
    assert message.sent_at is None and message.attempts == 1
    assert "OperationalError" in message.last_error and "127.0.0.1:2" in message.last_error
    assert outbox_relay() == 0
    message.refresh_from_db()
    assert message.sent_at is None and message.attempts == 2


def test_result_store_away_does_not_hold_the_request(db, django_capture_on_commit_callbacks):
    """Before the outbox, a request whose result store was down waited ~19 s and failed with
    "Retry limit exceeded"; a request is now published without a result, so the result store is
    never asked. The task name is one no worker knows: a worker of the session drops it."""
    previous = {key: app.conf[key] for key in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(broker_url=_broker_url(), result_backend="redis://127.0.0.1:2/1", task_always_eager=False)
    _reset_broker_pools(app)
    try:
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            message = outbox_enqueue(task_name="campaign_portal.outbox_probe", args=[])
        elapsed = time.monotonic() - started
    finally:
        app.conf.update(**previous)
        _reset_broker_pools(app)
    message.refresh_from_db()
    assert message.sent_at is not None and message.last_error == "" and elapsed < 1


def test_relay_command_once_sends_what_is_pending(db):
    message = OutboxMessage.objects.create(task_name=HEARTBEAT, args=["relayed"])
    out = io.StringIO()
    call_command("relay_outbox", "--once", stdout=out)
    message.refresh_from_db()
    assert message.sent_at is not None and "Đã gửi 1 yêu cầu." in out.getvalue()
    assert AuditEvent.objects.filter(action="worker.heartbeat", note="relayed").exists()


def test_prune_keeps_pending_requests_and_a_month_of_sent_ones(db):
    now = timezone.now()
    pending = OutboxMessage.objects.create(task_name=HEARTBEAT, args=["pending"])
    recent = OutboxMessage.objects.create(task_name=HEARTBEAT, args=["recent"], sent_at=now - timedelta(days=29))
    OutboxMessage.objects.create(task_name=HEARTBEAT, args=["old"], sent_at=now - timedelta(days=31))
    assert outbox_prune() == 1
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {pending.pk, recent.pk}
