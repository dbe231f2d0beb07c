"""The council meeting (Hội đồng Thi đua – Khen thưởng) that considers a campaign's nominations:
who attended, the votes on each nomination, the conclusion under the campaign's pass rule, the
three documents drawn from it and the signed decision that closes it."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reports.enums import RenderFormat, RenderStatus

from .enums import CouncilDocument, PassComparison

# The council's documents are drawn as the report's body is, PDF and DOCX; the annex formats are the report's own.
DOCUMENT_FORMATS = [
    (value, label) for value, label in RenderFormat.choices if value in (RenderFormat.PDF, RenderFormat.DOCX)
]


class PassRule(models.Model):
    """The share of the members present whose votes in favour pass a nomination: the campaign's
    data (“trên 1/2”, “từ 2/3 trở lên”), copied onto each meeting when it is set up."""

    comparison = models.CharField(
        _("so sánh"), max_length=16, choices=PassComparison.choices, default=PassComparison.MORE_THAN
    )
    numerator = models.PositiveSmallIntegerField(_("tử số"), default=1)
    denominator = models.PositiveSmallIntegerField(_("mẫu số"), default=2)

    class Meta:
        abstract = True

    @property
    def pass_rule_label(self) -> str:
        share = f"{self.numerator}/{self.denominator}"
        if self.comparison == PassComparison.AT_LEAST:
            return _("từ %(share)s số thành viên Hội đồng có mặt trở lên tán thành") % {"share": share}
        return _("trên %(share)s số thành viên Hội đồng có mặt tán thành") % {"share": share}

    def passes(self, *, votes_for: int, present: int) -> bool:
        """Integer arithmetic: 5 of 10 is not “more than 1/2”, 6 of 9 is “at least 2/3”."""
        if self.comparison == PassComparison.AT_LEAST:
            return votes_for * self.denominator >= self.numerator * present
        return votes_for * self.denominator > self.numerator * present


class CouncilRule(PassRule):
    """A campaign's pass rule for its council; created with “more than half” on first use."""

    campaign = models.OneToOneField(
        "campaigns.Campaign", verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="council_rule"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("quy tắc thông qua của Hội đồng")
        verbose_name_plural = _("quy tắc thông qua của Hội đồng")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(denominator__gt=0) & models.Q(numerator__lte=models.F("denominator")),
                name="council_rule_share_at_most_one",
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign}: {self.pass_rule_label}"


def _decision_path(instance, filename: str) -> str:
    return f"council/{instance.pk}/{uuid.uuid4().hex}-{filename}"


class CouncilMeeting(PassRule):
    """One meeting of the council on a campaign's nominations. The pass rule is the campaign's as
    it stood when the meeting was set up, so a later change of rule never rewrites a conclusion."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("phong trào"),
        on_delete=models.PROTECT,
        related_name="council_meetings",
    )
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=255)
    chair_name = models.CharField(_("người chủ trì"), max_length=120)
    chair_position = models.CharField(_("chức vụ người chủ trì"), max_length=255)
    secretary_name = models.CharField(_("thư ký cuộc họp"), max_length=120, blank=True)
    members_total = models.PositiveSmallIntegerField(_("tổng số thành viên Hội đồng"))
    votes_recorded_at = models.DateTimeField(_("thời điểm ghi kết quả biểu quyết"), null=True, blank=True)
    votes_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_number = models.CharField(_("số quyết định"), max_length=64, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_file = models.FileField(_("quyết định đã ký (PDF)"), upload_to=_decision_path, max_length=300, blank=True)
    decision_original_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    decision_recorded_at = models.DateTimeField(_("thời điểm ghi quyết định"), null=True, blank=True)
    decision_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("cuộc họp Hội đồng")
        verbose_name_plural = _("cuộc họp Hội đồng")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Họp Hội đồng TĐKT {self.held_on:%d/%m/%Y} ({self.campaign})"

    @property
    def members_present(self) -> int:
        return len(self.members.all())


class CouncilMember(models.Model):
    """A member present at the meeting, as the minutes name them."""

    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("thành viên có mặt")
        verbose_name_plural = _("thành viên có mặt")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class CouncilItem(models.Model):
    """A nomination put to the meeting, its votes and the conclusion drawn from them."""

    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey(
        "awards.Nomination", verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="council_items"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    votes_for = models.PositiveSmallIntegerField(_("tán thành"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("không tán thành"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("không biểu quyết"), null=True, blank=True)
    passed = models.BooleanField(_("được thông qua"), null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ đưa ra Hội đồng")
        verbose_name_plural = _("hồ sơ đưa ra Hội đồng")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "nomination"], name="council_item_once_per_meeting")]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.nomination}"


def _render_path(instance, filename: str) -> str:
    return f"council/{instance.meeting_id}/{uuid.uuid4().hex}-{filename}"


class CouncilDocumentRender(models.Model):
    """One rendered file of a council document, kept for good like a report render: when, who
    asked, and the hash of the data it used."""

    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE, related_name="renders")
    document = models.CharField(_("văn bản"), max_length=16, choices=CouncilDocument.choices)
    format = models.CharField(_("định dạng"), max_length=8, choices=DOCUMENT_FORMATS)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=RenderStatus.choices, default=RenderStatus.QUEUED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    file = models.FileField(_("tệp"), upload_to=_render_path, max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True)
    finished_at = models.DateTimeField(_("thời điểm hoàn thành"), null=True, blank=True)
    data_hash = models.CharField(_("dấu kiểm dữ liệu"), max_length=64, blank=True)
    error = models.TextField(_("lỗi"), blank=True)

    class Meta:
        verbose_name = _("bản in văn bản Hội đồng")
        verbose_name_plural = _("bản in văn bản Hội đồng")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_document_display()} ({self.get_format_display()}, {self.requested_at:%d/%m/%Y %H:%M})"


class CouncilDocumentOutline(models.Model):
    """The text of one council document for a campaign, as data: paragraphs, "# " headings,
    "- " items, [[block]] lines for the computed parts and {name} fields filled from the meeting.
    Created from council/outlines.py on first use; staff may change it for their campaign."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("phong trào"),
        on_delete=models.CASCADE,
        related_name="council_outlines",
    )
    document = models.CharField(_("văn bản"), max_length=16, choices=CouncilDocument.choices)
    subject = models.CharField(_("trích yếu"), max_length=500)
    text = models.TextField(_("nội dung"))
    recipients = models.JSONField(_("nơi nhận"), default=list)

    class Meta:
        verbose_name = _("đề cương văn bản Hội đồng")
        verbose_name_plural = _("đề cương văn bản Hội đồng")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "document"], name="council_outline_once_per_document")
        ]

    def __str__(self) -> str:
        return f"{self.campaign}: {self.get_document_display()}"
