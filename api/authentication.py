"""Who may read the API: a system holding an active token, sent as `Authorization: Bearer <token>`.

Portal sessions are not accepted: the API is for systems, and a browser tab of a signed-in officer
must not turn into a second way into the data. A missing, unknown or revoked token answers 401."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from .models import ApiClient
from .selectors import api_client_for_token
from .services import api_client_mark_used


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Mã truy cập: phải có dạng “Authorization: Bearer <mã>”."))
        try:
            token = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Mã truy cập: không hợp lệ.")) from None
        client = api_client_for_token(token)
        if client is None:
            raise exceptions.AuthenticationFailed(_("Mã truy cập: không hợp lệ hoặc đã bị thu hồi."))
        api_client_mark_used(client=client)
        # The client is not a portal user: no role, no agency, and nothing a user could do.
        return AnonymousUser(), client

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'


class IsApiClient(permissions.BasePermission):
    message = _("Cần mã truy cập API: “Authorization: Bearer <mã>” do quản trị viên cấp cho hệ thống.")

    def has_permission(self, request, view):
        return isinstance(request.auth, ApiClient)


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = ApiTokenAuthentication
    name = "maTruyCap"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": str(_("Mã truy cập do quản trị viên cấp cho từng hệ thống (chỉ đọc).")),
        }
