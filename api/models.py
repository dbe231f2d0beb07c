"""A system allowed to read the API. Only a hash of its token is stored: the token is shown once,
when the administrator issues it, and a leaked database cannot be replayed against the API."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .enums import ApiScope


class ApiClient(models.Model):
    name = models.CharField(_("tên hệ thống"), max_length=200, unique=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the token, to tell tokens apart in the admin without storing them.
    token_prefix = models.CharField(_("đầu mã truy cập"), max_length=12, editable=False)
    scope = models.CharField(_("phạm vi"), max_length=16, choices=ApiScope.choices, default=ApiScope.READ)
    active = models.BooleanField(_("đang hoạt động"), default=True)
    created_at = models.DateTimeField(_("thời điểm cấp"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cấp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("thời điểm thu hồi"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thu hồi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("lần dùng gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("hệ thống dùng API")
        verbose_name_plural = pgettext_lazy("plural", "hệ thống dùng API")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
