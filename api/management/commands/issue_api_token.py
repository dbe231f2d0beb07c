"""Issue (or revoke) the API token of a system from the command line, as the admin does: the
token is printed once and only its hash is kept."""

from django.core.management.base import BaseCommand, CommandError

from api.models import ApiClient
from api.services import ApiClientError, api_client_issue, api_client_revoke


class Command(BaseCommand):
    help = "Cấp mã truy cập API cho một hệ thống (in ra một lần), hoặc thu hồi mã bằng --revoke."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Tên hệ thống, ví dụ “Nền tảng LGSP tỉnh Quảng Nam”.")
        parser.add_argument("--revoke", action="store_true", help="Thu hồi mã của hệ thống này.")

    def handle(self, *args, name, revoke, **options):
        if revoke:
            client = ApiClient.objects.filter(name=name).first()
            if client is None:
                raise CommandError(f"Không có hệ thống tên “{name}”.")
            api_client_revoke(client=client, actor=None)
            self.stdout.write(f"Đã thu hồi mã của hệ thống “{client.name}”.")
            return
        try:
            client, token = api_client_issue(name=name, actor=None)
        except ApiClientError as error:
            raise CommandError(str(error)) from None
        self.stderr.write(f"Mã truy cập của “{client.name}” (chỉ hiện một lần):")
        self.stdout.write(token)
