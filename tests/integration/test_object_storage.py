"""Media on S3-compatible object storage (MEDIA_STORAGE=s3), against a local S3 server that the
test starts (moto's server mode, a separate process on a free port): a dossier document uploaded
and downloaded through the permission check, a report render stored and downloaded, and backup
and restore of the media round-trip. Nothing lands on the local disk."""

import datetime
import io
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from accounts.enums import Role
from agencies.models import Agency
from awards import services
from awards.models import DossierDocument
from reports.enums import RenderStatus
from reports.models import ReportRender
from tests.awards.conftest import make_dossier
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria
from tests.factories.reports import SummaryReportFactory
from tests.reports.helpers import normalise, pdf_text

pytestmark = pytest.mark.integration

KEYS = {"access_key": "kiem-thu", "secret_key": "kiem-thu-bi-mat", "region_name": "us-east-1"}


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3-compatible server in its own process, on a port the system picks free."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    endpoint = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1)  # noqa: S310 - our own local server
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"moto's S3 server did not start on {endpoint} (`{sys.executable} -m moto.server`).")
                time.sleep(0.2)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def s3_media(settings, s3_server):
    """The portal's media in a fresh bucket of the S3 server, as MEDIA_STORAGE=s3 configures it."""
    bucket = f"portal-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
        region_name=KEYS["region_name"],
    )
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_server,
                "file_overwrite": False,
                "default_acl": None,
                **KEYS,
            },
        },
    }

    def stored() -> dict[str, bytes]:
        listing = client.list_objects_v2(Bucket=bucket).get("Contents", [])
        return {item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read() for item in listing}

    return stored


def _local_files() -> list[Path]:
    media = Path(django_settings.MEDIA_ROOT)
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def test_dossier_document_goes_to_object_storage_and_comes_back_through_the_permission_check(
    client, s3_media, make_user
):
    campaign = CampaignFactory(nomination_deadline=datetime.date(2024, 12, 24))
    award_form = AwardFormFactory(campaign=campaign)
    load_plan_criteria(campaign)
    officer = make_user(Role.AGENCY_OFFICER, agency=AgencyFactory(name="Sở Giao thông vận tải thử"))
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=award_form)
    document = DossierDocument.objects.filter(nomination=nomination).first()

    stored = s3_media()
    assert document.file.name in stored and stored[document.file.name].startswith(b"%PDF-")
    assert _local_files() == []

    client.force_login(officer)
    response = client.get(reverse("awards:document_open", args=[document.pk]), {"download": "1"})
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored[document.file.name]
    client.force_login(make_user(Role.AGENCY_OFFICER, agency=AgencyFactory(name="Sở Khác")))
    assert client.get(reverse("awards:document_open", args=[document.pk])).status_code == 404

    services.nomination_submit(user=officer, nomination=nomination)
    checked = services.criteria_check_nomination(nomination.pk)
    assert checked.verdict, "the criteria engine read the documents from object storage"


def test_report_render_is_stored_in_object_storage_and_downloaded(
    client, s3_media, make_user, django_capture_on_commit_callbacks
):
    campaign = CampaignFactory(code="s3")
    report = SummaryReportFactory(campaign=campaign, sections={"bai-hoc": "Bài học lưu trên kho đối tượng."})
    reviewer = make_user(Role.REVIEWER)
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:render_request", args=[campaign.code]), {"formats": ["pdf"]})
    render = ReportRender.objects.get(report=report)
    assert render.status == RenderStatus.DONE, render.error
    assert render.file.name in s3_media()
    assert _local_files() == []

    client.force_login(make_user(Role.OFFICIAL))
    response = client.get(reverse("reports:download", args=[render.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "Bài học lưu trên kho đối tượng." in normalise(pdf_text(b"".join(response.streaming_content)))
    client.force_login(make_user(Role.AGENCY_OFFICER, agency=AgencyFactory()))
    assert client.get(reverse("reports:download", args=[render.pk])).status_code == 403


def test_backup_and_restore_of_media_in_object_storage_round_trip(transactional_db, settings, s3_media, tmp_path):
    settings.PORTAL_BACKUP_KEY = "khoa-ky-ban-sao-luu-chi-dung-trong-kiem-thu-0123456789"
    AgencyFactory(name="Sở Nội vụ")
    default_storage.save("dossiers/2024/to-trinh.pdf", ContentFile(b"%PDF-1.4\n% to trinh\n%%EOF\n"))
    default_storage.save("bao-cao/bao-cao.docx", ContentFile(b"PK\x03\x04 docx bytes"))
    before = s3_media()
    assert set(before) == {"dossiers/2024/to-trinh.pdf", "bao-cao/bao-cao.docx"}

    call_command("backup_portal", output=tmp_path / "backup", stdout=io.StringIO())
    Agency.objects.all().update(name="đã bị sửa")
    default_storage.delete("dossiers/2024/to-trinh.pdf")
    default_storage.save("bao-cao/bao-cao.docx", ContentFile(b"changed"))  # saved beside it, under a new name
    default_storage.save("extra.txt", ContentFile("không có trong bản sao lưu".encode()))
    assert s3_media() != before

    call_command("restore_portal", input=tmp_path / "backup", stdout=io.StringIO())
    assert s3_media() == before
    assert list(Agency.objects.values_list("name", flat=True)) == ["Sở Nội vụ"]
    assert _local_files() == []
