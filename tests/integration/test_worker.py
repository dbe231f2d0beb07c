import uuid

import pytest
from django.core.management import call_command

from campaign_portal.models import AuditEvent
from campaign_portal.tasks import worker_heartbeat

pytestmark = pytest.mark.integration


def test_task_runs_in_worker_process_against_test_database(real_worker):
    token = uuid.uuid4().hex
    result = worker_heartbeat.delay(token)
    event_id = result.get(timeout=30)
    event = AuditEvent.objects.get(pk=event_id)
    assert event.note == token
    # The row was written by the worker process, not by this one.
    assert real_worker.pid != 0 and event.after["host"]


def test_heartbeat_redelivered_is_written_once(real_worker):
    token = uuid.uuid4().hex
    worker_heartbeat.delay(token).get(timeout=30)
    worker_heartbeat.delay(token).get(timeout=30)
    assert AuditEvent.objects.filter(action="worker.heartbeat", note=token).count() == 1


def test_check_worker_command_sees_the_worker(real_worker, capsys):
    call_command("check_worker", timeout=30)
    assert "qua Celery worker" in capsys.readouterr().out
