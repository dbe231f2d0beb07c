import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaigns.models import Campaign
from reports.enums import RenderFormat
from reports.services import report_any_file_build, summary_report_get_or_create


class Command(BaseCommand):
    help = "Tạo tệp báo cáo tổng kết (PDF, DOCX) hoặc phụ lục (xlsx, annexpdf) của một phong trào, như trên cổng."

    def add_arguments(self, parser):
        parser.add_argument("--campaign", required=True, help="Mã phong trào, ví dụ ntm-2025")
        parser.add_argument("--format", required=True, choices=RenderFormat.values)
        parser.add_argument("--output", required=True, help="Đường dẫn tệp kết quả")

    def handle(self, *args, campaign: str, format: str, output: str, **options):
        found = Campaign.objects.filter(code=campaign).first()
        if found is None:
            raise CommandError(f"Không có phong trào mã “{campaign}”.")
        report = summary_report_get_or_create(campaign=found)
        started = time.perf_counter()
        content, data_hash = report_any_file_build(report=report, fmt=format)
        Path(output).write_bytes(content)
        self.stdout.write(
            self.style.SUCCESS(
                f"{output}: {len(content):,} byte, {time.perf_counter() - started:.2f} giây, "
                f"dấu kiểm dữ liệu {data_hash}"
            )
        )
