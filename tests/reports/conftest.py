"""The seeded demo report rendered once per session, shared by the tests that read the outputs:
our PDF, our DOCX and, when a test asks for it, the DOCX converted to PDF by LibreOffice Writer
(`soffice --headless --convert-to pdf`: seconds to start, so converted once and only on demand)."""

import functools
import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from reports.composition import ReportDocument
from reports.models import SummaryReport
from reports.services import report_file_build


@dataclass
class Renders:
    doc: ReportDocument
    pdf: bytes
    docx: bytes

    @functools.cached_property
    def libreoffice_pdf(self) -> bytes:
        return _libreoffice_to_pdf(self.docx)


def _soffice() -> str:
    found = shutil.which("soffice")
    assert found, "LibreOffice Writer is missing: apt-get install --no-install-recommends libreoffice-writer-nogui"
    return found


def _libreoffice_to_pdf(content: bytes) -> bytes:
    with tempfile.TemporaryDirectory(prefix="report-lo-") as folder:
        source = Path(folder) / "report.docx"
        source.write_bytes(content)
        # A profile of its own: no clash with a LibreOffice the user has open, nothing left behind.
        subprocess.run(
            [
                _soffice(),
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return (Path(folder) / "report.pdf").read_bytes()


@pytest.fixture(scope="session")
def demo_renders(django_db_setup, django_db_blocker, tmp_path_factory) -> Renders:
    """The seeded demo report in both formats; the seed is rolled back, so the other tests find the
    database as it was."""
    media = tmp_path_factory.mktemp("lo-media")
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=hashers):
        with transaction.atomic():
            call_command("seed_demo", stdout=io.StringIO())
            report = SummaryReport.objects.select_related("campaign").get(campaign__code="4064")
            pdf, doc = report_file_build(report=report, fmt="pdf")
            word, _doc = report_file_build(report=report, fmt="docx")
            transaction.set_rollback(True)
        cache.clear()
    return Renders(doc=doc, pdf=pdf, docx=word)
