"""Error pages in the portal's layout and language, each with a way back.

Django's own handlers render bare English pages; these render the portal's templates with the
request's context (menu, language switcher) and a link back to the page the user came from when
that page is on this site. The 500 page stays Django's handler: it renders `500.html` without any
context processor, so a broken database cannot break the page that reports it."""

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _


def _back_url(request: HttpRequest) -> str:
    """The referring page, only when it is on this site and is not the page that failed to load
    (a form posted to its own address failed on the post: going back to it is the way back)."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except DisallowedHost:
        # The 400 page answers a request with a forged Host header too: it must not fail on it.
        return ""
    if not referer or not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={host}, require_https=request.is_secure()
    ):
        return ""
    if request.method == "GET" and referer == request.build_absolute_uri():
        return ""
    return referer


def _error_page(request: HttpRequest, status: int, template: str, **context) -> HttpResponse:
    return render(request, template, {"back_url": _back_url(request), **context}, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(request, 400, "400.html")


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    # The portal raises PermissionDenied with a sentence for the user (e.g. "Chỉ sửa được hồ sơ
    # của cơ quan mình…"); a bare PermissionDenied() has none and the page says it generally.
    reason = str(exception) if exception is not None and exception.args else ""
    return _error_page(request, 403, "403.html", reason=reason)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    # The exception's text is for developers ("No Nomination matches the given query"): not shown.
    return _error_page(request, 404, "404.html", request_path=request.path)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    # `reason` is Django's technical cause ("CSRF token missing"); it goes to the log, not the page.
    no_cookie = not request.COOKIES
    return _error_page(
        request,
        403,
        "403_csrf.html",
        hint=_("Trình duyệt đang chặn cookie: hãy cho phép cookie của cổng rồi thử lại.") if no_cookie else "",
    )
