"""Registering an initiative with no evidence is asked twice: the page warns, and the post is
refused, with the message next to the box, until the officer ticks it."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from demo.pdf import minimal_pdf
from initiatives.enums import InitiativeState
from initiatives.models import Initiative
from initiatives.services import initiative_evidence_add

REGISTER = {"transition": "register", "expected_state": "draft"}


def test_register_without_evidence_needs_the_confirmation(client, commune_draft, commune_officer):
    client.force_login(commune_officer)
    url = reverse("initiatives:transition", args=[commune_draft.pk])
    page = client.get(reverse("initiatives:detail", args=[commune_draft.pk])).content.decode()
    assert 'data-testid="no-evidence-warning"' in page

    refused = client.post(url, REGISTER)
    assert refused.status_code == 200
    html = refused.content.decode()
    box = html[html.index('id="id_confirm_no_evidence"') - 200 :]
    assert (
        'aria-invalid="true"'
        in html[html.index('name="confirm_no_evidence"') - 300 : html.index('name="confirm_no_evidence"') + 300]
    )
    assert "Sáng kiến chưa có minh chứng. Hãy tải minh chứng lên" in box
    assert Initiative.objects.get(pk=commune_draft.pk).state == InitiativeState.DRAFT

    client.post(url, {**REGISTER, "confirm_no_evidence": "on"})
    assert Initiative.objects.get(pk=commune_draft.pk).state == InitiativeState.REGISTERED


def test_register_with_evidence_needs_no_confirmation(client, commune_draft, commune_officer):
    initiative_evidence_add(
        initiative=commune_draft,
        user=commune_officer,
        upload=SimpleUploadedFile("minh-chung.pdf", minimal_pdf(["Minh chung"]), content_type="application/pdf"),
    )
    client.force_login(commune_officer)
    page = client.get(reverse("initiatives:detail", args=[commune_draft.pk])).content.decode()
    assert "no-evidence-warning" not in page and 'name="confirm_no_evidence"' not in page
    client.post(reverse("initiatives:transition", args=[commune_draft.pk]), REGISTER)
    assert Initiative.objects.get(pk=commune_draft.pk).state == InitiativeState.REGISTERED
