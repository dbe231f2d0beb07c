"""Deleting a nomination draft: only by its agency, only while never sent, audited."""

from django.urls import reverse

from awards import services as award_services
from awards.models import Nomination
from campaign_portal.models import AuditEvent


def test_nomination_draft_deleted_by_its_agency_only(client, officer, dossier, reviewer, other_officer):
    client.force_login(other_officer)
    assert client.get(reverse("awards:nomination_delete", args=[dossier.pk])).status_code == 404
    client.force_login(officer)
    confirm = client.get(reverse("awards:nomination_delete", args=[dossier.pk])).content.decode()
    assert "to_trinh.pdf" in confirm
    client.post(reverse("awards:nomination_delete", args=[dossier.pk]))
    assert not Nomination.objects.filter(pk=dossier.pk).exists()
    assert AuditEvent.objects.filter(action="awards.nomination.delete", actor=officer).exists()


def test_sent_nomination_cannot_be_deleted(client, officer, dossier):
    award_services.nomination_submit(user=officer, nomination=dossier)
    client.force_login(officer)
    assert client.post(reverse("awards:nomination_delete", args=[dossier.pk])).status_code == 403
    assert Nomination.objects.filter(pk=dossier.pk).exists()
