from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign_portal.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu và tệp đính kèm từ một bản sao lưu có chữ ký (ghi đè dữ liệu hiện có); "
        "kiểm tra toàn bộ bản sao lưu trước khi thay đổi bất cứ gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, type=Path, help="Thư mục bản sao lưu")

    def handle(self, *args, input: Path, **options):
        try:
            manifest = backup_restore(folder=input)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Đã khôi phục bản sao lưu lúc {manifest['created_at']}."))
