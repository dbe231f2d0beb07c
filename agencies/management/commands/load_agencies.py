"""Load a province's administrative map with its history: `load_agencies --province 49`.

The work is `agencies.loading.province_load` (one transaction); this command resolves the province,
reports what it wrote and the counts on the days the map changed, and exits non-zero on bad input."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from agencies.data.quang_nam_2024 import PROVINCE_CODE
from agencies.loading import LoadWouldRewind, province_load
from agencies.packages import ProvinceNotFound, province_resolve
from agencies.selectors import DateBeforeHistory, hierarchy_date_check

from .show_hierarchy import CHANGE_DAYS, write_counts


class Command(BaseCommand):
    help = (
        "Nạp đơn vị hành chính và cơ quan của một tỉnh: năm 2024, các lần sắp xếp năm 2025 và tỉnh, thành phố "
        "mới từ 01/07/2025, mỗi thay đổi có ngày và căn cứ pháp lý. Mặc định: tỉnh Quảng Nam (dữ liệu minh họa)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            default=PROVINCE_CODE,
            help="Mã (ví dụ 49) hoặc tên (ví dụ “Quảng Nam”, “Đà Nẵng”) của tỉnh, thành phố năm 2024.",
        )
        parser.add_argument(
            "--until",
            help="Chỉ nạp các thay đổi có hiệu lực đến ngày này (YYYY-MM-DD), ví dụ 2025-06-30 để giữ bản đồ 3 cấp.",
        )

    def handle(self, *args, **options):
        try:
            province = province_resolve(options["province"])
        except ProvinceNotFound as error:
            raise CommandError(str(error)) from error
        until = None
        if options["until"]:
            try:
                until = datetime.date.fromisoformat(options["until"])
                hierarchy_date_check(until)
            except DateBeforeHistory as error:
                raise CommandError(str(error)) from error
            except ValueError as error:
                raise CommandError(
                    f"Ngày “{options['until']}” không đúng dạng YYYY-MM-DD (ví dụ 2025-06-30)."
                ) from error
        try:
            report = province_load(province=province, until=until)
        except LoadWouldRewind as error:
            raise CommandError(str(error)) from error
        if until is None or until >= CHANGE_DAYS[-1]:
            name = province.full_name[:1].upper() + province.full_name[1:]
            self.stdout.write(f"{name} → {province.new_name} từ 01/07/2025")
        for day in [day for day in CHANGE_DAYS if until is None or day <= until]:
            write_counts(self.stdout, day=day, province=province.code)
        for name in report.unresolved:
            self.stderr.write(self.style.WARNING(f"Chưa xác định được đơn vị kế thừa của {name}."))
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp {province.full_name}: {report.created} mới, {report.updated} cập nhật, "
                f"{report.links} liên kết kế thừa mới."
            )
        )
