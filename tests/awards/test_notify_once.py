"""The outbox delivers at least once: a decision's e-mail delivered twice is sent once."""

from django.core import mail

from awards import services
from awards.models import NominationTransition
from awards.tasks import nomination_notify_task
from campaign_portal.models import OutboxMessage


def test_decision_email_delivered_twice_is_sent_once(dossier, officer, reviewer, django_capture_on_commit_callbacks):
    services.nomination_submit(user=officer, nomination=dossier)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_transition(user=reviewer, nomination=dossier, name="return", reason="Thiếu biên bản.")
    request = OutboxMessage.objects.get(task_name="awards.nomination_notify")
    history = NominationTransition.objects.get(nomination=dossier, to_state="returned")
    assert request.args == [dossier.pk, "return", history.pk] and request.sent_at is not None
    assert len(mail.outbox) == 1
    assert nomination_notify_task.apply(args=request.args).get() == 0
    assert len(mail.outbox) == 1
