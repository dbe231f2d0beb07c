"""Load the whole demo, step by step, and print the demo log-ins.

Idempotent: running it twice changes nothing the second time."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from accounts.models import User
from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, FOCAL_OFFICER_PREFIX, load_accounts
from demo.campaign import load_campaign
from demo.initiatives import load_initiatives
from demo.nominations import load_nominations
from demo.ntm_campaign import load_ntm
from demo.register import load_register
from demo.report import load_report

# In this order: each step finds what the steps before it loaded (the agencies first, by the
# agencies app's own command, since they are the province's real data and not only the demo's).
# The demo is the 2023–2024 campaign seen by its own people: the map stops before the departments'
# merger of 01/03/2025, or most demo accounts would belong to closed agencies and be refused at log-in.
# load_ntm adds a second, invented campaign of another nature (demo/ntm_data.py), held in 2024.
# `load_agencies --province 49` (no --until) adds the rest of 2025 to the same database.
DEMO_MAP_UNTIL = "2025-02-28"
DEMO_STEPS = [load_accounts, load_campaign, load_register, load_nominations, load_initiatives, load_report, load_ntm]


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu minh họa: tỉnh Quảng Nam, hai phong trào thi đua minh họa (một theo báo cáo tổng kết thật, "
        "một với dữ liệu tự đặt), sáng kiến, hồ sơ và tài khoản."
    )

    def handle(self, *args, **options):
        call_command("load_agencies", "--until", DEMO_MAP_UNTIL, stdout=self.stdout, stderr=self.stderr)
        for step in DEMO_STEPS:
            self.stdout.write(self.style.SUCCESS(step()))
        self.stdout.write("")
        self.stdout.write(f"Tài khoản minh họa (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, _last, _first, role, agency, _position, active in DEMO_ACCOUNTS:
            state = "" if active else "  [đã khóa]"
            self.stdout.write(f"  {username:<16} {role.label:<40} {agency or ''}{state}")
        focal = User.objects.filter(username__startswith=FOCAL_OFFICER_PREFIX).select_related("agency")
        if focal:
            self.stdout.write("Cán bộ đầu mối của các cơ quan khác có hồ sơ minh họa (cùng mật khẩu):")
            for officer in focal.order_by("username"):
                self.stdout.write(f"  {officer.username:<40} {officer.agency.name if officer.agency else ''}")
