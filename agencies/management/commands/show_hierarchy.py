"""Print a province's hierarchy as of a date, counted per level and kind, so an administrator can
check a load: `show_hierarchy --province 49 --date 2025-07-01`."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from agencies.enums import AgencyLevel
from agencies.packages import ProvinceNotFound, province_resolve
from agencies.selectors import (
    DateBeforeHistory,
    hierarchy_counts,
    hierarchy_date_check,
    level_above_commune_as_of,
    levels_as_of,
    province_committee_as_of,
)

# The days the map changed (2023–2025 rearrangement, Decree 45 departments, two levels), and the eve.
CHANGE_DAYS = [
    datetime.date(2024, 12, 31),
    datetime.date(2025, 1, 1),
    datetime.date(2025, 3, 1),
    datetime.date(2025, 7, 1),
]


def write_counts(out, *, day: datetime.date, province: str) -> None:
    committee = province_committee_as_of(province, day)
    levels = levels_as_of(day, province=province)
    above = level_above_commune_as_of(day, province=province)
    out.write(
        f"{day:%d/%m/%Y} — {committee.name if committee else '(chưa nạp)'}: "
        f"{len(levels)} cấp ({', '.join(str(AgencyLevel(level).label).lower() for level in levels)}); "
        f"cấp trên cấp xã: {str(above.label).lower()}"
    )
    for row in hierarchy_counts(day, province=province):
        out.write(f"  {row.level.label:<10} {row.kind.label:<40} {row.count:>5}")


class Command(BaseCommand):
    help = "In hệ thống cơ quan, đơn vị của một tỉnh theo hiện trạng một ngày: số lượng theo cấp và loại."

    def add_arguments(self, parser):
        parser.add_argument("--province", required=True, help="Mã hoặc tên tỉnh, thành phố (ví dụ 49, “Quảng Nam”).")
        parser.add_argument("--date", required=True, help="Ngày xem hiện trạng, dạng YYYY-MM-DD (ví dụ 2025-07-01).")

    def handle(self, *args, **options):
        try:
            province = province_resolve(options["province"])
        except ProvinceNotFound as error:
            raise CommandError(str(error)) from error
        try:
            day = datetime.date.fromisoformat(options["date"])
        except ValueError as error:
            raise CommandError(f"Ngày “{options['date']}” không đúng dạng YYYY-MM-DD (ví dụ 2025-07-01).") from error
        try:
            hierarchy_date_check(day)
        except DateBeforeHistory as error:
            raise CommandError(str(error)) from error
        if province_committee_as_of(province.code, day) is None:
            raise CommandError(
                f"Chưa nạp {province.full_name}: hãy chạy “manage.py load_agencies --province {province.code}” trước."
            )
        write_counts(self.stdout, day=day, province=province.code)
