import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaigns.models import Campaign
from reports.documents import official_documents
from reports.enums import RenderFormat
from reports.services import report_file_build, summary_report_get_or_create

REPORT = "report"


class Command(BaseCommand):
    help = (
        "Tạo tệp báo cáo tổng kết (PDF hoặc DOCX) của một phong trào, như trên cổng; với --document, "
        "tạo văn bản khác của phong trào (biên bản họp Hội đồng, tờ trình, dự thảo quyết định)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--campaign", required=True, help="Mã phong trào, ví dụ ntm-2025")
        parser.add_argument("--format", required=True, choices=RenderFormat.values)
        parser.add_argument("--output", required=True, help="Đường dẫn tệp kết quả")
        parser.add_argument("--document", default=REPORT, choices=[REPORT, *official_documents.names()])

    def handle(self, *args, campaign: str, format: str, output: str, document: str = REPORT, **options):
        found = Campaign.objects.filter(code=campaign).first()
        if found is None:
            raise CommandError(f"Không có phong trào mã “{campaign}”.")
        started = time.perf_counter()
        if document == REPORT:
            report = summary_report_get_or_create(campaign=found)
            content, doc = report_file_build(report=report, fmt=format)
        else:
            try:
                content, doc = official_documents.build(document, campaign=found, fmt=format)
            except ValueError as error:
                raise CommandError(str(error)) from error
        Path(output).write_bytes(content)
        self.stdout.write(
            self.style.SUCCESS(
                f"{output}: {len(content):,} byte, {len(doc.footnotes)} chú thích, "
                f"{time.perf_counter() - started:.1f} giây, dấu kiểm dữ liệu {doc.data_hash()}"
            )
        )
