from celery import shared_task

from .services import council_render_perform


@shared_task(name="council.document_render")
def council_document_render(render_id: int) -> int:
    """Render one requested file (PDF or DOCX) of a council document."""
    return council_render_perform(render_id=render_id).pk
