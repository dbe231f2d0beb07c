import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign_portal.numbers import number_text
from campaigns.models import Campaign
from reports.documents import official_documents
from reports.enums import RenderFormat
from reports.services import report_any_file_build, summary_report_get_or_create

REPORT = "report"


class Command(BaseCommand):
    help = (
        "Tạo tệp báo cáo tổng kết (PDF, DOCX) hoặc phụ lục (xlsx, annexpdf) của một phong trào, như trên cổng; "
        "với --document, tạo văn bản khác của phong trào (biên bản họp Hội đồng, tờ trình, dự thảo quyết định)."
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
            content, data_hash = report_any_file_build(report=report, fmt=format)
        else:
            if format not in (RenderFormat.PDF, RenderFormat.DOCX):
                raise CommandError(f"Văn bản “{document}” chỉ có dạng pdf hoặc docx.")
            try:
                content, doc = official_documents.build(document, campaign=found, fmt=format)
            except ValueError as error:
                raise CommandError(str(error)) from error
            data_hash = doc.data_hash()
        Path(output).write_bytes(content)
        seconds = number_text(time.perf_counter() - started, decimals=2)
        self.stdout.write(
            self.style.SUCCESS(
                f"{output}: {number_text(len(content))} byte, {seconds} giây, dấu kiểm dữ liệu {data_hash}"
            )
        )
