"""Load the whole demo, each app's part by its own command, and print the demo log-ins.

Idempotent: running it twice changes nothing the second time."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from accounts.management.commands.load_demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

DEMO_STEPS = [
    "load_agencies",
    "load_demo_accounts",
    "load_demo_campaign",
    "load_demo_nominations",
    "load_demo_initiatives",
    "load_demo_report",
]


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa: tỉnh Quảng Nam, Kế hoạch 4064, sáng kiến, hồ sơ và tài khoản."

    def handle(self, *args, **options):
        for step in DEMO_STEPS:
            call_command(step, stdout=self.stdout, stderr=self.stderr)
        self.stdout.write("")
        self.stdout.write(f"Tài khoản minh họa (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, _last, _first, role, agency, _position, active in DEMO_ACCOUNTS:
            state = "" if active else "  [đã khóa]"
            self.stdout.write(f"  {username:<16} {role.label:<40} {agency or ''}{state}")
