from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AuditEvent(models.Model):
    """One row per action that changes state or reads a protected file (who, when, what)."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("hành động"), max_length=64, db_index=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("loại đối tượng"), null=True, blank=True, on_delete=models.SET_NULL
    )
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("đối tượng"), max_length=255, blank=True)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = pgettext_lazy("plural", "nhật ký thao tác")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.object_repr}"


class OutboxMessage(models.Model):
    """A request for background work, written in the same transaction as the data it is about.

    The broker may be away when the write commits; the row is the request until a relay has handed
    it over (`sent_at`), so no check, e-mail or render is lost to a Redis outage."""

    task_name = models.CharField(_("tác vụ"), max_length=128)
    args = models.JSONField(_("tham số"), default=list, blank=True)
    created_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("số lần gửi"), default=0)
    sent_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)

    class Meta:
        verbose_name = _("yêu cầu xử lý nền")
        verbose_name_plural = pgettext_lazy("plural", "yêu cầu xử lý nền")
        ordering = ["pk"]
        # The relay reads the pending rows every second: the index holds only those.
        indexes = [
            models.Index(fields=["id"], condition=models.Q(sent_at__isnull=True), name="outbox_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.task_name}{self.args}"
