"""What was typed in a form survives a session that expired before it was sent.

An officer fills a long form, the session ends meanwhile, and the post is answered by the log-in
page: what was typed used to be lost. The middleware keeps the post's fields (not its files, not
passwords, not the CSRF token) in the anonymous session, which Django carries over through
log-in, and sends the user back to the page the form was on. When that page is opened again
after log-in, the fields are handed to the page (`form_replay` in the context) and
static/js/portal.js puts them back into the form that posts to the same address. Nothing is
written: the user checks the form and sends it again."""

import time
from urllib.parse import urlparse

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

SESSION_KEY = "portal_form_replay"
# A form left for longer than a working day is not brought back.
MAX_AGE_SECONDS = 24 * 3600
# The session is stored in the database; a post larger than this (pasted documents) is not kept.
MAX_STORED_CHARS = 200_000
SKIPPED_FIELDS = {"csrfmiddlewaretoken", "next"}


def _is_login_redirect(response) -> bool:
    if response.status_code != 302:
        return False
    return urlparse(response.get("Location", "")).path == resolve_url(settings.LOGIN_URL)


def _form_page(request) -> str:
    """The page the form was on (its referrer on this site), else the address it posted to."""
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
        parsed = urlparse(referer)
        return parsed.path + (f"?{parsed.query}" if parsed.query else "")
    return request.get_full_path()


def _fields(request) -> dict[str, list[str]]:
    return {
        name: request.POST.getlist(name)
        for name in request.POST
        if name not in SKIPPED_FIELDS and "password" not in name
    }


class FormReplayMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and SESSION_KEY in request.session and request.user.is_authenticated:
            self._hand_back(request)
        response = self.get_response(request)
        if request.method == "POST" and not request.user.is_authenticated and _is_login_redirect(response):
            response = self._keep(request)
        return response

    def _keep(self, request):
        page = _form_page(request)
        fields = _fields(request)
        if sum(len(value) for values in fields.values() for value in values) <= MAX_STORED_CHARS:
            request.session[SESSION_KEY] = {
                "page": urlparse(page).path,
                "action": request.path,
                "fields": fields,
                "files": bool(request.FILES),
                "at": time.time(),
            }
            messages.warning(
                request,
                _(
                    "Phiên làm việc đã hết hạn nên biểu mẫu chưa được gửi. Hãy đăng nhập lại: những gì "
                    "anh/chị đã nhập sẽ được điền lại để kiểm tra và gửi lại."
                ),
            )
        else:
            messages.warning(request, _("Phiên làm việc đã hết hạn nên biểu mẫu chưa được gửi. Hãy đăng nhập lại."))
        return redirect_to_login(page)

    def _hand_back(self, request):
        stash = request.session[SESSION_KEY]
        if urlparse(request.path).path != stash.get("page"):
            return
        del request.session[SESSION_KEY]
        if time.time() - stash.get("at", 0) > MAX_AGE_SECONDS:
            return
        request.form_replay = {"action": stash["action"], "fields": stash["fields"]}
        text = _("Biểu mẫu đã được điền lại những gì anh/chị nhập trước khi phiên hết hạn; chưa có gì được gửi.")
        if stash.get("files"):
            text = f"{text} {_('Hãy chọn lại các tệp đính kèm.')}"
        messages.info(request, f"{text} {_('Hãy kiểm tra rồi bấm gửi lại.')}")


def form_replay(request) -> dict:
    """Context processor: the fields to put back into this page's form, if any."""
    return {"form_replay": getattr(request, "form_replay", None)}
