"""The portal's URLs plus three that fail on purpose, for the error page tests."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from campaign_portal.urls import handler400, handler403, handler404
from campaign_portal.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "urlpatterns"]


def _forbidden(request):
    raise PermissionDenied("Chỉ sửa được hồ sơ của cơ quan mình.")


def _bad_request(request):
    raise BadRequest("dữ liệu hỏng")


def _server_error(request):
    raise RuntimeError("lỗi thử")


urlpatterns = [
    path("_thu/403/", _forbidden),
    path("_thu/400/", _bad_request),
    path("_thu/500/", _server_error),
    *portal_urlpatterns,
]
