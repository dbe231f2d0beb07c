"""Thin Celery wrappers: they take ids and hand the work to a service."""

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(name="awards.criteria_check_nominations")
def criteria_check_nominations_task(nomination_ids: list[int]) -> dict[int, str]:
    return {n.pk: n.verdict for n in services.criteria_check_nominations(nomination_ids)}


# Kept for messages queued by an earlier release (one nomination per task).
@shared_task(name="awards.criteria_check_nomination")
def criteria_check_nomination_task(nomination_id: int) -> str:
    return services.criteria_check_nomination(nomination_id).verdict


@shared_task(name="awards.nomination_notify")
def nomination_notify_task(nomination_id: int, event: str, transition_id: int | None = None) -> int:
    return services.nomination_notify(nomination_id=nomination_id, event=event, transition_id=transition_id)


@shared_task(name="awards.nomination_reminders")
def nomination_reminders_task(days_before: list[int] | None = None) -> int:
    return services.nomination_reminders_send(today=timezone.localdate(), days_before=days_before or [7, 3, 1])


@shared_task(name="awards.document_signature_verify")
def document_signature_verify_task(document_id: int) -> str | None:
    document = services.document_signature_verify(document_id=document_id)
    return document.signature_verdict if document else None


@shared_task(name="awards.criteria_check_requeue_pending")
def criteria_check_requeue_pending_task() -> int:
    return services.criteria_check_requeue_pending()


@shared_task(name="awards.document_signatures_requeue_pending")
def document_signatures_requeue_pending_task() -> int:
    return services.document_signatures_requeue_pending()
