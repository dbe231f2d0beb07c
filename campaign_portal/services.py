import socket

from django.db import transaction

from .audit import audit_record
from .models import AuditEvent


@transaction.atomic
def worker_heartbeat_record(*, token: str) -> AuditEvent:
    """Idempotent: a re-delivered heartbeat finds the row its first delivery wrote."""
    existing = AuditEvent.objects.filter(action="worker.heartbeat", note=token).first()
    if existing is not None:
        return existing
    return audit_record(actor=None, action="worker.heartbeat", note=token, after={"host": socket.gethostname()})
