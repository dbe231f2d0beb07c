"""Background work asked for by a write, recorded with that write (a transactional outbox).

A page that queues a check, an e-mail or a render must not fail, nor wait, because Redis is away:
the data is committed either way, and a user who sees an error retries a write that already
happened. So the request is an `OutboxMessage` row written in the write's own transaction — it
exists exactly when the data does — and handing it to the broker is a separate step allowed to
fail: the web process tries once right after the commit, with timeouts of a second at most and no
wait for any result; `manage.py relay_outbox`, a process of its own, sends whatever is still
pending every second, so the work asked for during an outage leaves within seconds of the
broker's return. A Celery beat task could not do that job: beat needs the broker it would be
waiting for. Delivery is at least once (a row sent just before its `sent_at` is saved goes again),
so every task is idempotent.

In the embedded default there is no broker: the relay runs the task in process, the same code path
a worker runs."""

import datetime
import logging
import time
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .celery import app
from .models import OutboxMessage

logger = logging.getLogger("campaign_portal")

# After a failed hand-over the web process leaves the pending rows to the relay for this long,
# so a request during an outage does not even spend a connection attempt. Kept per broker URL.
BROKER_BACKOFF_SECONDS = 5.0
_broker_away_until: dict[str, float] = {}


def outbox_enqueue(*, task_name: str, args: Iterable = ()) -> OutboxMessage:
    """Record a request for the task `task_name(*args)` in the current transaction, and try to
    hand it to the broker once that transaction commits. Arguments are JSON (ids, names)."""
    return outbox_enqueue_many(task_name=task_name, args_list=[args])[0]


def outbox_enqueue_many(*, task_name: str, args_list: Iterable[Iterable]) -> list[OutboxMessage]:
    """Record several requests for one task, as `outbox_enqueue` does, with one INSERT, and hand
    them to the broker together after the commit, in one transaction (a campaign's recheck asks
    for one check per chunk of its nominations)."""
    messages = OutboxMessage.objects.bulk_create(
        [OutboxMessage(task_name=task_name, args=list(args)) for args in args_list]
    )
    if messages:
        transaction.on_commit(lambda pks=[m.pk for m in messages]: _send_after_commit(pks))
    return messages


def _send_after_commit(pks: list[int]) -> None:
    if not app.conf.task_always_eager and time.monotonic() < _broker_away_until.get(app.conf.broker_url, 0.0):
        return
    outbox_relay(message_ids=pks, limit=len(pks))


def outbox_relay(*, message_ids: Iterable[int] | None = None, limit: int = 100) -> int:
    """Hand pending requests (all, or those of `message_ids`) to the broker, oldest first, or run
    them in process in the embedded default. Never raises for a broker or result-store fault: the
    row keeps its request with the error and the attempt count. Returns how many were handed
    over (or run)."""
    pending = OutboxMessage.objects.filter(sent_at__isnull=True).order_by("pk")
    if message_ids is not None:
        pending = pending.filter(pk__in=list(message_ids))
    if app.conf.task_always_eager:
        return _run_in_process(list(pending.values_list("pk", flat=True)[:limit]))
    sent = []
    with transaction.atomic():
        # skip_locked: the relay process and a web process that has just committed never hold
        # the same row, so neither waits for the other and a row is rarely sent twice.
        for message in pending.select_for_update(skip_locked=True)[:limit]:
            message.attempts += 1
            try:
                _publish(message)
            except Exception as error:  # noqa: BLE001 - any fault of broker or result store leaves the request pending
                _note_broker_away(message, error)
                message.save(update_fields=["attempts", "last_error"])
                break
            sent.append(message.pk)
        if sent:
            OutboxMessage.objects.filter(pk__in=sent).update(
                attempts=F("attempts") + 1, sent_at=timezone.now(), last_error=""
            )
    return len(sent)


def outbox_prune(*, older_than: datetime.timedelta = datetime.timedelta(days=30)) -> int:
    """Delete the requests handed over before `older_than`: the table keeps what is pending and
    a month of what was sent (to see what was asked for during an incident), not every request
    since the start."""
    deleted, _by_model = OutboxMessage.objects.filter(sent_at__lt=timezone.now() - older_than).delete()
    return deleted


def _publish(message: OutboxMessage) -> None:
    # No retry (the relay is the retry) and no result: publishing with a result would also
    # subscribe to the result store, a second service that may be away.
    app.send_task(
        message.task_name,
        args=message.args,
        task_id=f"outbox-{message.pk}-{message.attempts}",
        retry=False,
        ignore_result=True,
    )


def _note_broker_away(message: OutboxMessage, error: Exception) -> None:
    _broker_away_until[app.conf.broker_url] = time.monotonic() + BROKER_BACKOFF_SECONDS
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    logger.warning("Broker unreachable, task request %s stays pending: %s", message.pk, message.last_error)


def _run_in_process(ids: list[int]) -> int:
    """The embedded default: each request runs now, outside any transaction of the caller's,
    as a worker would run it. A task that fails is logged and kept with its error."""
    done = 0
    for pk in ids:
        claimed = OutboxMessage.objects.filter(pk=pk, sent_at__isnull=True).update(sent_at=timezone.now())
        if not claimed:
            continue
        message = OutboxMessage.objects.get(pk=pk)
        result = _registered_task(message.task_name).apply(args=message.args, throw=False)
        error = f"{type(result.result).__name__}: {result.result}"[:2000] if result.failed() else ""
        if error:
            logger.error(
                "Task %s%s failed in process: %s\n%s", message.task_name, message.args, error, result.traceback
            )
        OutboxMessage.objects.filter(pk=pk).update(attempts=message.attempts + 1, last_error=error)
        done += 1
    return done


def _registered_task(name: str):
    # A web process imports the apps' tasks modules only when something asks for them: the
    # autodiscovery a worker runs at start-up.
    if name not in app.tasks:
        app.loader.import_default_modules()
    return app.tasks[name]
