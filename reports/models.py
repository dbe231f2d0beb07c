import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import RenderFormat, RenderStatus, ResultSection


class SummaryReport(models.Model):
    """The summary report of one campaign: the fields of its header and signer block and the
    narrative that staff write. Everything else in the document is computed from the data."""

    campaign = models.OneToOneField(
        "campaigns.Campaign", verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="summary_report"
    )
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=64, help_text=_("Ví dụ: 512/BC-SNV"))
    issued_on = models.DateField(_("ngày báo cáo"))
    place_name = models.CharField(_("địa danh"), max_length=120)
    issuer_parent = models.CharField(
        _("cơ quan chủ quản"), max_length=255, blank=True, help_text=_("Ví dụ: UBND TỈNH QUẢNG NAM")
    )
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=255, help_text=_("Ví dụ: SỞ NỘI VỤ"))
    signer_authority = models.CharField(
        _("quyền hạn ký"), max_length=120, blank=True, help_text=_("Ví dụ: KT. GIÁM ĐỐC")
    )
    signer_position = models.CharField(_("chức vụ người ký"), max_length=120)
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, help_text=_("Mỗi dòng một nơi nhận."))
    sections = models.JSONField(_("nội dung các phần"), default=dict)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("báo cáo tổng kết")
        verbose_name_plural = _("báo cáo tổng kết")

    def __str__(self) -> str:
        return f"Báo cáo tổng kết {self.campaign}"


def _render_path(instance, filename: str) -> str:
    return f"reports/{instance.report_id}/{uuid.uuid4().hex}-{filename}"


class ReportRender(models.Model):
    """One rendered file, kept for good: when, who asked, and the hash of the data it used."""

    report = models.ForeignKey(SummaryReport, on_delete=models.CASCADE, related_name="renders")
    format = models.CharField(_("định dạng"), max_length=8, choices=RenderFormat.choices)
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
    data_hash = models.CharField(
        _("dấu kiểm dữ liệu"),
        max_length=64,
        blank=True,
        help_text=_("Tính từ toàn bộ số liệu dùng để tạo tệp: cùng dấu kiểm là cùng số liệu."),
    )
    error = models.TextField(_("lỗi"), blank=True)

    class Meta:
        verbose_name = _("bản in báo cáo")
        verbose_name_plural = _("bản in báo cáo")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.report} ({self.get_format_display()}, {self.requested_at:%d/%m/%Y %H:%M})"


class Indicator(models.Model):
    """A figure the report states (chỉ số), e.g. digital certificates issued; `parent` makes the
    "of which" breakdowns."""

    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.SlugField(_("mã"), max_length=64)
    name = models.CharField(_("tên chỉ số"), max_length=255)
    unit = models.CharField(_("đơn vị tính"), max_length=64, blank=True)
    section = models.CharField(
        _("mục trong báo cáo"), max_length=8, choices=ResultSection.choices, default=ResultSection.DIGITAL
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc chỉ số (trong đó)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="indicator_unique_code")]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan, đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Để trống: số liệu toàn tỉnh."),
    )
    value = models.DecimalField(_("giá trị"), max_digits=16, decimal_places=2)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("giá trị chỉ số")
        verbose_name_plural = _("giá trị chỉ số")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator"], condition=models.Q(agency__isnull=True), name="indicator_value_one_province_wide"
            ),
            models.UniqueConstraint(fields=["indicator", "agency"], name="indicator_value_unique_agency"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"
