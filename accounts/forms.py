import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class PortalLoginForm(AuthenticationForm):
    """Says which of the three reasons stops a log-in: wrong password, disabled account, or an
    account of an agency that has been closed (merged or dissolved)."""

    error_messages = {
        # Says nothing of which of the two was wrong: that would tell a stranger the username exists.
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại cả hai rồi thử lại."),
        "inactive": _("Tài khoản này đã bị khóa. Hãy liên hệ quản trị hệ thống của Sở Nội vụ để được mở lại."),
        "agency_closed": _(
            "Cơ quan, đơn vị của tài khoản này (%(agency)s) đã ngừng hoạt động từ %(date)s%(successor)s. "
            "Hãy liên hệ quản trị hệ thống để được chuyển tài khoản sang đơn vị mới."
        ),
    }

    username = forms.CharField(
        label=_("Tên đăng nhập"),
        # Phone keyboards capitalise and "correct" the first word; a username is neither.
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    password = forms.CharField(
        label=_("Mật khẩu"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def clean(self):
        """The account's own spelling of the username, whatever the case typed: the log-in
        throttling counts failures per username, and "Bactramy" must count as "bactramy"."""
        typed = self.cleaned_data.get("username")
        if typed:
            stored = get_user_model().objects.filter(username__iexact=typed).values_list("username", flat=True)
            self.cleaned_data["username"] = next(iter(stored), typed.lower())
        return super().clean()

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        agency = user.agency
        if agency is not None and agency.valid_to is not None and agency.valid_to < datetime.date.today():
            links = agency.successor_links.select_related("successor").order_by("-is_principal", "successor__name")
            names = ", ".join(link.successor.name for link in links)
            successor = _(" (đơn vị kế thừa: %(name)s)") % {"name": names} if names else ""
            raise forms.ValidationError(
                self.error_messages["agency_closed"],
                code="agency_closed",
                params={
                    "agency": agency.name,
                    "date": (agency.valid_to + datetime.timedelta(days=1)).strftime("%d/%m/%Y"),
                    "successor": successor,
                },
            )
