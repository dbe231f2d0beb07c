"""The outbox relay: a process of its own that hands pending task requests to the broker.

It polls the outbox every second, so a request recorded while Redis was away leaves within about
a second of Redis's return; once an hour it deletes the requests sent more than a month ago. It
needs only the database: it keeps running, and retrying, during an outage of the broker or of the
database, where Celery beat (which needs the broker) could not."""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, connection

from campaign_portal.outbox import outbox_prune, outbox_relay

logger = logging.getLogger("campaign_portal")

PRUNE_EVERY_SECONDS = 3600


class Command(BaseCommand):
    help = "Gửi các yêu cầu xử lý nền đang chờ (hộp thư đi) tới Celery; chạy liên tục, mỗi giây một lượt."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="số giây giữa hai lượt khi không còn gì gửi")
        parser.add_argument("--once", action="store_true", help="gửi một lượt rồi dừng")

    def handle(self, *args, interval: float, once: bool, **options):
        stopping = []
        signals = (signal.SIGTERM, signal.SIGINT)
        previous = {sig: signal.signal(sig, lambda *_: stopping.append(True)) for sig in signals}
        self.stdout.write(f"Relay của hộp thư đi: mỗi {interval:g} giây.")
        next_prune = time.monotonic()
        try:
            while not stopping:
                if time.monotonic() >= next_prune:
                    next_prune = time.monotonic() + PRUNE_EVERY_SECONDS
                    self._prune()
                sent = self._round()
                if once:
                    return
                if not sent:
                    time.sleep(interval)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _prune(self) -> None:
        try:
            outbox_prune()
        except DatabaseError as error:
            logger.warning("Outbox relay cannot prune the outbox: %s", error)
            connection.close()

    def _round(self) -> int:
        try:
            sent = outbox_relay()
        except DatabaseError as error:
            # The database is away too: try again at the next round with a fresh connection.
            logger.warning("Outbox relay cannot read the database: %s", error)
            connection.close()
            sent = 0
        if sent:
            self.stdout.write(f"Đã gửi {sent} yêu cầu.")
        return sent
