import time
import uuid

from django.core.management.base import BaseCommand, CommandError

from campaign_portal.celery import app
from campaign_portal.models import AuditEvent
from campaign_portal.tasks import worker_heartbeat


class Command(BaseCommand):
    help = "Gửi một tác vụ kiểm tra tới Celery worker và chờ worker ghi vào cơ sở dữ liệu."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=30)

    def handle(self, *args, timeout: float, **options):
        token = uuid.uuid4().hex
        worker_heartbeat.delay(token)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if AuditEvent.objects.filter(action="worker.heartbeat", note=token).exists():
                mode = "trong tiến trình" if app.conf.task_always_eager else "qua Celery worker"
                self.stdout.write(self.style.SUCCESS(f"Tác vụ nền chạy tốt ({mode})."))
                return
            time.sleep(0.2)
        raise CommandError(f"Không có worker nào trả lời sau {timeout:.0f} giây. Hãy kiểm tra Redis và Celery worker.")
