"""Summary report renders through Redis and a real Celery worker process, not in process."""

import pytest

from reports.enums import RenderStatus
from reports.models import ReportRender
from reports.services import report_render_request
from tests.conftest import wait_for
from tests.factories.reports import SummaryReportFactory
from tests.reports.helpers import DocxReport, normalise, pdf_fonts, pdf_text

pytestmark = pytest.mark.integration


def test_summary_report_render_runs_on_real_worker(real_worker, reviewer):
    report = SummaryReportFactory(sections={"bai-hoc": "Bài học rút ra qua xử lý nền."})
    renders = report_render_request(report=report, user=reviewer, formats=["pdf", "docx"])
    assert {r.status for r in renders} == {RenderStatus.QUEUED}

    def finished():
        rows = list(ReportRender.objects.filter(pk__in=[r.pk for r in renders]))
        return rows if all(r.status in (RenderStatus.DONE, RenderStatus.FAILED) for r in rows) else None

    rows = {r.format: r for r in wait_for(finished, timeout=120)}
    assert {r.status for r in rows.values()} == {RenderStatus.DONE}, [r.error for r in rows.values()]
    assert all(r.progress == 100 and r.requested_by == reviewer and r.finished_at for r in rows.values())
    assert rows["pdf"].data_hash == rows["docx"].data_hash and len(rows["pdf"].data_hash) == 64
    with rows["pdf"].file.open("rb") as handle:
        pdf = handle.read()
    assert "Bài học rút ra qua xử lý nền." in normalise(pdf_text(pdf))
    assert all(font["embedded"] == "yes" for font in pdf_fonts(pdf))
    with rows["docx"].file.open("rb") as handle:
        assert "Bài học rút ra qua xử lý nền." in DocxReport(handle.read()).body_text
