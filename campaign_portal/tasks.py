from celery import shared_task

from .services import worker_heartbeat_record


@shared_task(name="campaign_portal.worker_heartbeat")
def worker_heartbeat(token: str) -> int:
    """Proves a worker is alive and reaches the database: writes one audit row per token."""
    return worker_heartbeat_record(token=token).pk
