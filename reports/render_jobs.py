"""A rendered file with its progress, as the summary report's renders and the council's documents
share it: the worker's job (compose, render, store, audit; a failure is kept on the row). Each kind
of render names its own model, builder, file name and audit action; the steps are here once. The
page's side (the renders table's rows, the download) is in reports/views.py."""

import logging
from collections.abc import Callable
from functools import partial

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from campaign_portal.audit import audit_record

from .enums import RenderStatus

logger = logging.getLogger("campaign_portal")

# progress(percent, **fields): moves the row's progress bar (and any other field) at once, outside
# the render's transaction, so the page sees it while the worker works.
Progress = Callable[..., None]


def render_progress(model: type[models.Model], render_id: int, progress: int, **values) -> None:
    model.objects.filter(pk=render_id).update(progress=progress, **values)


def render_perform(
    *,
    model: type[models.Model],
    render_id: int,
    related: str,
    build: Callable[[models.Model, Progress], tuple[bytes, str]],
    filename: Callable[[models.Model], str],
    action: str,
):
    """The worker's job for one render row. `build(render, progress)` composes and renders, and
    returns the file's bytes and the hash of the data it holds. Idempotent: a finished render is
    left as it is; any failure is recorded on the row and shown on the page."""
    render = model.objects.select_related(related).get(pk=render_id)
    if render.status == RenderStatus.DONE:
        return render
    progress = partial(render_progress, model, render.pk)
    progress(10, status=RenderStatus.RUNNING, error="")
    try:
        content, data_hash = build(render, progress)
        progress(90)
        name = filename(render)
        with transaction.atomic():
            render = model.objects.select_for_update().get(pk=render.pk)
            render.file.save(name, ContentFile(content), save=False)
            render.status = RenderStatus.DONE
            render.progress = 100
            render.data_hash = data_hash
            render.finished_at = timezone.now()
            render.save()
            audit_record(actor=None, action=action, target=render, after={"hash": data_hash})
    except Exception as error:  # noqa: BLE001 - any failure is recorded on the render and shown on the page
        logger.exception("%s %s failed", model.__name__, render_id)
        progress(100, status=RenderStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now())
        render.refresh_from_db()
    return render
