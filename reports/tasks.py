from celery import shared_task

from .services import report_render_perform


@shared_task(name="reports.summary_report_render")
def summary_report_render(render_id: int) -> int:
    """Render one requested file (PDF or DOCX) of a summary report."""
    return report_render_perform(render_id=render_id).pk
