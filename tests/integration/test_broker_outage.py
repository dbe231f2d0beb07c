"""Redis really stopped: every kind of write that asks for background work, through the real views.

The test runs its own `redis-server` (not the shared one), a Celery worker and the outbox relay
(`manage.py relay_outbox`) against it, kills Redis with SIGKILL, and posts an upload, an edit, a
submission, a return, an approval, a render request, a campaign-wide recheck, an initiative's
registration and an initiatives import. None may fail or wait on Redis, each must leave its request
in the outbox, and once Redis is restarted on the same port everything asked for must be done within
10 seconds: criteria and signature checks run, e-mails sent, files rendered, similar initiatives found."""

import datetime
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.urls import reverse

from accounts.enums import Role
from awards import services
from awards.enums import NominationState, NomineeType, SignatureVerdict
from awards.models import DossierDocument, Nomination
from campaign_portal.celery import app
from campaign_portal.models import AuditEvent, OutboxMessage
from initiatives.enums import InitiativeState
from initiatives.models import Initiative, SimilarInitiative
from reports.enums import RenderStatus
from reports.models import ReportRender
from tests.awards.conftest import make_dossier
from tests.conftest import ARTIFACTS, ROOT, _database_url, _reset_broker_pools, wait_for
from tests.factories import AgencyFactory, CampaignFactory, UserFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria, pdf_upload
from tests.factories.initiatives import InitiativeFactory
from tests.factories.reports import SummaryReportFactory
from tests.initiatives.test_excel import _import, _workbook
from tests.initiatives.test_similarity import ONE_STOP, ONE_STOP_AGAIN, ONE_STOP_AGAIN_DESCRIPTION, ONE_STOP_DESCRIPTION

pytestmark = pytest.mark.integration

# A request that waited on Redis took ~19 s before the outbox; a few seconds covers a loaded machine.
REQUEST_BUDGET_SECONDS = 3.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnRedis:
    """A throw-away redis-server on a free port that the test can kill and start again."""

    def __init__(self, port: int, folder: Path):
        self.port, self.folder, self.process = port, folder, None
        self.url = f"redis://127.0.0.1:{port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        wait_for(lambda: self._answers(client), timeout=10, interval=0.05)

    @staticmethod
    def _answers(client) -> bool:
        try:
            return client.ping()
        except redis.RedisError:
            return False

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def outage_stack(django_db_reset_sequences, worker_media_root, settings, tmp_path):
    """Own Redis, a worker and the relay on it; the test process queues to it, not in process."""
    own = OwnRedis(_free_port(), tmp_path)
    own.start()
    env = {
        **os.environ,
        "MEDIA_ROOT": str(worker_media_root),
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": own.url,
        "CELERY_RESULT_BACKEND": own.url,
        "DJANGO_SETTINGS_MODULE": "campaign_portal.settings",
    }
    ARTIFACTS.mkdir(exist_ok=True)
    worker_log = open(ARTIFACTS / "outage-worker.log", "w")  # noqa: SIM115 - open for the worker's lifetime
    relay_log = open(ARTIFACTS / "outage-relay.log", "w")  # noqa: SIM115 - open for the relay's lifetime
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "campaign_portal", "worker", "--concurrency=2", "--loglevel=INFO"]
        + ["--without-mingle", "--without-gossip", "-n", f"outage-{os.getpid()}@%h"],
        env=env,
        cwd=ROOT,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    relay = subprocess.Popen(
        [sys.executable, "manage.py", "relay_outbox", "--interval", "0.5"],
        env=env,
        cwd=ROOT,
        stdout=relay_log,
        stderr=subprocess.STDOUT,
    )
    previous = {key: app.conf[key] for key in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(broker_url=own.url, result_backend=own.url, task_always_eager=False)
    _reset_broker_pools(app)
    settings.MEDIA_ROOT = worker_media_root
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=1.0):
            if worker.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start: see {ARTIFACTS / 'outage-worker.log'}")
        yield own
    finally:
        app.conf.update(**previous)
        _reset_broker_pools(app)
        _stop(relay)
        _stop(worker)
        own.process.kill()
        own.process.wait(timeout=10)
        worker_log.close()
        relay_log.close()


def _timed(call):
    started = time.monotonic()
    response = call()
    elapsed = time.monotonic() - started
    assert response.status_code == 302, response.status_code
    assert elapsed < REQUEST_BUDGET_SECONDS, f"the request waited {elapsed:.1f} s"
    return response


def test_every_write_works_with_redis_killed_and_its_work_is_done_within_10_s_of_its_return(outage_stack, client):
    campaign = CampaignFactory(code="4064", nomination_deadline=datetime.date(2099, 12, 31))
    award_form = AwardFormFactory(campaign=campaign, nominee_type=NomineeType.COLLECTIVE)
    load_plan_criteria(campaign)
    report = SummaryReportFactory(campaign=campaign, sections={"iv": "Bài học khi Redis vắng mặt."})
    reviewer = UserFactory(role=Role.REVIEWER)
    officers = [
        UserFactory(role=Role.AGENCY_OFFICER, agency=AgencyFactory(email=f"coquan{n}@example.vn"), email="")
        for n in range(3)
    ]
    draft, to_return, to_approve = (
        make_dossier(officer=officer, campaign=campaign, award_form=award_form, left_out=("to_trinh",))
        for officer in officers
    )
    for nomination, officer in ((to_return, officers[1]), (to_approve, officers[2])):
        services.nomination_submit(user=officer, nomination=nomination)
    # An initiative registered in an earlier campaign, and the same model at the officer's agency, a draft.
    earlier = InitiativeFactory(
        campaign=CampaignFactory(), title=ONE_STOP, description=ONE_STOP_DESCRIPTION, state=InitiativeState.REGISTERED
    )
    to_register = InitiativeFactory(
        campaign=campaign,
        agency=officers[0].agency,
        title=ONE_STOP_AGAIN,
        description=ONE_STOP_AGAIN_DESCRIPTION,
        started_on=datetime.date(2025, 3, 1),
    )
    # Before the outage everything asked for so far has left and run.
    wait_for(lambda: not OutboxMessage.objects.filter(sent_at__isnull=True).exists(), timeout=30)
    wait_for(lambda: not any(n.check_pending for n in Nomination.objects.all()), timeout=60)
    signatures_pending = DossierDocument.objects.filter(signature_verdict=SignatureVerdict.PENDING)
    wait_for(lambda: not signatures_pending.exists(), timeout=60)
    last_before = OutboxMessage.objects.order_by("pk").last().pk
    # A web process that serves requests has its code loaded: time the writes, not the first import.
    client.force_login(reviewer)
    assert client.get(reverse("reports:detail", args=[campaign.code])).status_code == 200

    outage_stack.kill()

    client.force_login(officers[0])
    requirement = award_form.requirements.get(code="to_trinh")
    _timed(
        lambda: client.post(
            reverse("awards:document_upload", args=[draft.pk]),
            {"requirement": requirement.pk, "file": pdf_upload("to-trinh.pdf")},
        )
    )
    _timed(
        lambda: client.post(
            reverse("awards:nomination_edit", args=[draft.pk]),
            {
                "award_form": award_form.pk,
                "nominee_agency": officers[0].agency.pk,
                "achievement_summary": "Sửa trong lúc Redis dừng.",
                "metric_task_completion_pct": "100",
                "metric_rated_leading": "yes",
                "metric_par_index_rank": "2",
                "metric_late_dossier_rate_pct": "1,5",
            },
        )
    )
    transition = "awards:nomination_transition"
    _timed(
        lambda: client.post(reverse(transition, args=[draft.pk]), {"transition": "submit", "expected_state": "draft"})
    )
    _timed(
        lambda: client.post(
            reverse("initiatives:transition", args=[to_register.pk]),
            {"transition": "register", "expected_state": "draft", "confirm_no_evidence": "on"},
        )
    )
    imported_title = f"{ONE_STOP_AGAIN} (nhập từ Excel)"
    row = [officers[0].agency.name, "Mô hình", "", imported_title, ONE_STOP_AGAIN_DESCRIPTION, "15/03/2025"]
    _timed(lambda: _import(client, campaign, _workbook([row + ["", "", "", ""]])))
    client.force_login(reviewer)
    _timed(
        lambda: client.post(
            reverse(transition, args=[to_return.pk]),
            {"transition": "return", "expected_state": "submitted", "reason": "Thiếu tờ trình."},
        )
    )
    _timed(
        lambda: client.post(
            reverse(transition, args=[to_approve.pk]), {"transition": "approve", "expected_state": "submitted"}
        )
    )
    _timed(lambda: client.post(reverse("reports:render_request", args=[campaign.code]), {"formats": ["pdf", "docx"]}))
    _timed(lambda: client.post(reverse("awards:check_batch_start"), {"phong-trao": campaign.code}))

    # Every write is committed, and every request it made waits in the outbox.
    assert Nomination.objects.get(pk=draft.pk).state == NominationState.SUBMITTED
    assert Nomination.objects.get(pk=to_return.pk).state == NominationState.RETURNED
    assert Nomination.objects.get(pk=to_approve.pk).state == NominationState.APPROVED
    assert Initiative.objects.get(pk=to_register.pk).state == InitiativeState.REGISTERED
    imported = Initiative.objects.get(title=imported_title)
    uploaded = DossierDocument.objects.get(nomination=draft, requirement=requirement)
    assert uploaded.signature_verdict == SignatureVerdict.PENDING
    waiting = list(OutboxMessage.objects.filter(pk__gt=last_before))
    assert all(m.sent_at is None for m in waiting)
    assert {m.task_name for m in waiting} == {
        "awards.criteria_check_nominations",
        "awards.document_signature_verify",
        "awards.nomination_notify",
        "reports.summary_report_render",
        "initiatives.similar_initiatives_find",
    }
    assert any(m.attempts and m.last_error for m in waiting)
    renders = list(ReportRender.objects.filter(report=report))
    assert {r.status for r in renders} == {RenderStatus.QUEUED}
    page = client.get(reverse("reports:detail", args=[campaign.code])).content.decode()
    assert "Đang chờ xử lý" in page
    client.force_login(officers[0])
    page = client.get(reverse("awards:nomination_detail", args=[draft.pk])).content.decode()
    assert "Đang chờ xử lý" in page

    found_similar = SimilarInitiative.objects.filter(initiative__in=[to_register, imported], similar_to=earlier)
    outage_stack.start()
    back = time.monotonic()

    def all_done() -> bool:
        return (
            not OutboxMessage.objects.filter(sent_at__isnull=True).exists()
            and not any(n.check_pending for n in Nomination.objects.all())
            and AuditEvent.objects.filter(action="awards.nomination.notify").count() == 2
            and all(r.status == RenderStatus.DONE for r in ReportRender.objects.filter(report=report))
            and not signatures_pending.exists()
            and found_similar.count() == 2
        )

    wait_for(all_done, timeout=10, interval=0.1)
    print(f"pending work done {time.monotonic() - back:.1f} s after Redis came back")
    assert Nomination.objects.get(pk=draft.pk).documents.filter(requirement=requirement).exists()
    uploaded.refresh_from_db()
    assert uploaded.signature_verdict == SignatureVerdict.UNSIGNED, uploaded.signature_verdict
    assert [r.error for r in ReportRender.objects.filter(report=report)] == ["", ""]
