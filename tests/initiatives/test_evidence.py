import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from campaign_portal.audit import audit_events_for
from initiatives.enums import InitiativeState
from initiatives.models import InitiativeEvidence


def _image_bytes(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


def _upload(client, initiative, name, content, content_type="application/pdf"):
    return client.post(
        reverse("initiatives:evidence_upload", args=[initiative.pk]),
        {"file": SimpleUploadedFile(name, content, content_type=content_type), "description": "Minh chứng"},
    )


@pytest.mark.parametrize(("name", "fmt", "kind"), [("bao-cao.pdf", "PDF", "pdf"), ("anh chụp.png", "PNG", "png")])
def test_real_pdf_and_png_accepted(client, commune_draft, commune_officer, name, fmt, kind):
    client.force_login(commune_officer)
    response = _upload(client, commune_draft, name, _image_bytes(fmt))
    assert response.status_code == 302
    evidence = InitiativeEvidence.objects.get()
    assert evidence.kind == kind and evidence.original_name == name
    assert evidence.file.name.startswith(f"initiatives/{commune_draft.pk}/")
    assert not evidence.file.url.startswith("/sang-kien/")


def test_html_named_pdf_refused_with_clear_message(client, commune_draft, commune_officer):
    client.force_login(commune_officer)
    html = b"<html><body><script>alert(1)</script></body></html>"
    response = _upload(client, commune_draft, "quyet-dinh.pdf", html)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Tệp “quyet-dinh.pdf” không phải là tệp" in content
    assert "nội dung tệp đã được kiểm tra" in content
    assert not InitiativeEvidence.objects.exists()


def test_too_large_file_refused(client, commune_draft, commune_officer, settings):
    settings.PORTAL_UPLOAD_MAX_BYTES = 1024
    client.force_login(commune_officer)
    response = _upload(client, commune_draft, "lon.png", _image_bytes("PNG") + b"\x00" * 2048)
    assert response.status_code == 400
    assert "vượt giới hạn" in response.content.decode()
    assert not InitiativeEvidence.objects.exists()


def test_other_agency_cannot_upload(client, commune_draft, other_commune_officer, district_officer):
    # Another agency does not see the draft at all; the district reads it but may not add to it.
    for user, status in ((other_commune_officer, 404), (district_officer, 403)):
        client.force_login(user)
        response = _upload(client, commune_draft, "a.pdf", _image_bytes("PDF"))
        assert response.status_code == status
    assert not InitiativeEvidence.objects.exists()


def test_no_upload_after_evaluation(client, commune_draft, commune_officer):
    commune_draft.state = InitiativeState.EVALUATED
    commune_draft.save()
    client.force_login(commune_officer)
    assert _upload(client, commune_draft, "a.pdf", _image_bytes("PDF")).status_code == 403


def test_file_served_only_to_permitted_users(
    client, commune_draft, commune_officer, district_officer, other_commune_officer, reviewer
):
    client.force_login(commune_officer)
    _upload(client, commune_draft, "bao-cao.pdf", _image_bytes("PDF"))
    evidence = InitiativeEvidence.objects.get()
    url = reverse("initiatives:evidence_download", args=[commune_draft.pk, evidence.pk])
    for user, status in (
        (commune_officer, 200),
        (district_officer, 200),
        (reviewer, 200),
        (other_commune_officer, 404),
    ):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status, user
        if status == 200:
            assert response["Content-Type"] == "application/pdf"
            assert response["X-Content-Type-Options"] == "nosniff"
            assert response["Cache-Control"] == "private, no-store"
            assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.logout()
    assert client.get(url).status_code == 302
    downloads = audit_events_for(commune_draft).filter(action="file.download")
    assert downloads.count() == 3


def test_evidence_delete_only_while_draft(client, commune_draft, commune_officer):
    client.force_login(commune_officer)
    _upload(client, commune_draft, "a.pdf", _image_bytes("PDF"))
    evidence = InitiativeEvidence.objects.get()
    commune_draft.state = InitiativeState.REGISTERED
    commune_draft.save()
    client.post(reverse("initiatives:evidence_delete", args=[commune_draft.pk, evidence.pk]))
    assert InitiativeEvidence.objects.exists()
    commune_draft.state = InitiativeState.DRAFT
    commune_draft.save()
    client.post(reverse("initiatives:evidence_delete", args=[commune_draft.pk, evidence.pk]))
    assert not InitiativeEvidence.objects.exists()
