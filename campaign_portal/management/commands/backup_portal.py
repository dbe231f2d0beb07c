from pathlib import Path

from django.core.management.base import BaseCommand

from campaign_portal.backup import backup_create


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp đính kèm vào một thư mục."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path, help="Thư mục chứa bản sao lưu")

    def handle(self, *args, output: Path, **options):
        manifest = backup_create(folder=output)
        self.stdout.write(self.style.SUCCESS(f"Đã sao lưu vào {output} ({manifest['database_vendor']})."))
