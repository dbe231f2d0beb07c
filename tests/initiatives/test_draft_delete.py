"""Deleting drafts: only by the owning agency, after a confirmation page, with the files, audited."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaign_portal.models import AuditEvent
from demo.pdf import minimal_pdf
from initiatives.enums import InitiativeState
from initiatives.models import Initiative
from initiatives.services import initiative_draft_delete, initiative_evidence_add


def _with_evidence(initiative, officer):
    upload = SimpleUploadedFile("minh-chung.pdf", minimal_pdf(["Minh chung"]), content_type="application/pdf")
    return initiative_evidence_add(initiative=initiative, user=officer, upload=upload)


def test_owner_confirms_then_draft_and_its_files_are_deleted_and_audited(
    client, commune_draft, commune_officer, django_capture_on_commit_callbacks
):
    evidence = _with_evidence(commune_draft, commune_officer)
    storage, stored = evidence.file.storage, evidence.file.name
    client.force_login(commune_officer)
    detail = client.get(reverse("initiatives:detail", args=[commune_draft.pk])).content.decode()
    assert reverse("initiatives:delete", args=[commune_draft.pk]) in detail
    confirm = client.get(reverse("initiatives:delete", args=[commune_draft.pk])).content.decode()
    assert "minh-chung.pdf" in confirm and "Xóa hẳn bản nháp" in confirm
    assert Initiative.objects.filter(pk=commune_draft.pk).exists(), "the page alone deletes nothing"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("initiatives:delete", args=[commune_draft.pk]))
    assert response.status_code == 302
    assert not Initiative.objects.filter(pk=commune_draft.pk).exists()
    assert not storage.exists(stored)
    event = AuditEvent.objects.get(action="initiatives.initiative.delete")
    assert event.actor == commune_officer and event.before["evidence"] == ["minh-chung.pdf"]


def test_registered_initiative_and_other_agencies_drafts_cannot_be_deleted(
    client, commune_draft, commune_officer, other_commune_officer, reviewer
):
    client.force_login(other_commune_officer)
    assert client.post(reverse("initiatives:delete", args=[commune_draft.pk])).status_code == 404
    client.force_login(reviewer)
    assert client.post(reverse("initiatives:delete", args=[commune_draft.pk])).status_code == 403
    commune_draft.state = InitiativeState.REGISTERED
    commune_draft.save()
    with pytest.raises(PermissionDenied):
        initiative_draft_delete(initiative=commune_draft, user=commune_officer)
    assert Initiative.objects.filter(pk=commune_draft.pk).exists()
