import time

from django.core.management.base import BaseCommand, CommandError

from awards import selectors, services
from awards.enums import Verdict
from campaigns.models import Campaign


class Command(BaseCommand):
    help = "Đưa mọi hồ sơ đề nghị khen thưởng của một phong trào vào hàng đợi kiểm tra tiêu chí, rồi tổng hợp kết quả."

    def add_arguments(self, parser):
        parser.add_argument("--campaign", required=True, help="Mã phong trào (mã trong địa chỉ trang của phong trào).")
        parser.add_argument(
            "--wait", type=float, default=300, help="Số giây tối đa chờ worker kiểm tra xong (mặc định 300)."
        )

    def handle(self, *args, campaign: str, wait: float, **options):
        found = Campaign.objects.filter(code=campaign).first()
        if found is None:
            raise CommandError(f"Không có phong trào mã “{campaign}”.")
        batch = services.check_batch_start(user=None, campaign=found)
        self.stdout.write(f"Đã đưa {batch.total} hồ sơ của phong trào {found.code} vào hàng đợi kiểm tra.")
        deadline = time.monotonic() + wait
        progress = selectors.check_batch_progress(batch=batch)
        while not progress["finished"] and time.monotonic() < deadline:
            time.sleep(0.5)
            progress = selectors.check_batch_progress(batch=batch)
        if not progress["finished"]:
            self.stdout.write(
                self.style.WARNING(
                    f"Mới kiểm tra xong {progress['done']}/{progress['total']} hồ sơ; worker vẫn đang chạy. "
                    "Kết quả dưới đây là tạm thời."
                )
            )
        else:
            self.stdout.write(f"Đã kiểm tra {progress['done']}/{progress['total']} hồ sơ.")
        for verdict, label in Verdict.choices:
            self.stdout.write(f"  {label}: {progress['verdicts'].get(verdict, 0)}")
