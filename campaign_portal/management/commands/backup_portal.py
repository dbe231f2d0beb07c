from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign_portal.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp đính kèm vào một thư mục, ký bằng khóa PORTAL_BACKUP_KEY."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path, help="Thư mục chứa bản sao lưu")

    def handle(self, *args, output: Path, **options):
        try:
            manifest = backup_create(folder=output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Đã sao lưu và ký vào {output} ({manifest['database_vendor']})."))
