"""Council documents render through Redis and a real Celery worker process, like the report."""

import pytest

from council.enums import CouncilDocument
from council.models import CouncilDocumentRender
from council.services import council_render_request, council_votes_record
from reports.enums import RenderStatus
from tests.conftest import wait_for
from tests.council.conftest import council_setup, meeting_create, votes_all  # noqa: F401 - council_setup: a fixture
from tests.reports.helpers import DocxReport, normalise, pdf_text

pytestmark = pytest.mark.integration


def test_council_documents_render_on_real_worker(real_worker, council_setup, reviewer):  # noqa: F811 - fixture
    campaign, put, _others = council_setup
    meeting = meeting_create(campaign, reviewer)
    council_votes_record(meeting=meeting, user=reviewer, votes=votes_all(meeting, failing=put["failing"]))
    renders = council_render_request(
        meeting=meeting, user=reviewer, documents=CouncilDocument.values, formats=["pdf", "docx"]
    )
    assert len(renders) == 6 and {r.status for r in renders} == {RenderStatus.QUEUED}

    def finished():
        rows = list(CouncilDocumentRender.objects.filter(pk__in=[r.pk for r in renders]))
        return rows if all(r.status in (RenderStatus.DONE, RenderStatus.FAILED) for r in rows) else None

    rows = wait_for(finished, timeout=180)
    assert {r.status for r in rows} == {RenderStatus.DONE}, [r.error for r in rows]
    by_document = {}
    for row in rows:
        assert row.progress == 100 and row.finished_at and len(row.data_hash) == 64
        by_document.setdefault(row.document, {})[row.format] = row
    for document, formats in by_document.items():
        assert formats["pdf"].data_hash == formats["docx"].data_hash
        with formats["pdf"].file.open("rb") as handle:
            assert "Võ Thị Hạnh" in normalise(pdf_text(handle.read())), document
        with formats["docx"].file.open("rb") as handle:
            assert "Võ Thị Hạnh" in DocxReport(handle.read()).body_text
