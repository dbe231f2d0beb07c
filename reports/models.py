import decimal
import uuid

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .enums import BlockKind, BlockPlacement, OutlineLevel, RenderFormat, RenderStatus


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
        verbose_name_plural = pgettext_lazy("plural", "báo cáo tổng kết")

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
        verbose_name_plural = pgettext_lazy("plural", "bản in báo cáo")
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
    section = models.ForeignKey(
        "OutlineSection",
        verbose_name=_("mục trong báo cáo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
        help_text=_("Mục có khối “Số liệu các chỉ số” in chỉ số này; để trống: không in trong báo cáo."),
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
        verbose_name_plural = pgettext_lazy("plural", "chỉ số")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="indicator_unique_code")]

    def __str__(self) -> str:
        return self.name


class ReadableDecimalField(models.DecimalField):
    """A decimal column whose stored values can always be read back.

    SQLite keeps whatever number it is given, and Django rounds each value it reads within
    `max_digits`: one value stored before its bound was checked (10^14 in a 16-digit column with 2
    decimals) made every read of the table fail — the indicators page, its export and every
    report render — with nothing left in the portal to correct it. Reading rounds with room to
    spare, so such a value shows as it is and can be corrected; writes are bounded by the services
    (`campaign_portal.bounds`), and PostgreSQL refuses them anyway."""

    @cached_property
    def context(self):
        return decimal.Context(prec=self.max_digits + 310)  # 310: the digits of the largest float

    def to_python(self, value):
        if isinstance(value, float):
            value = decimal.Context(prec=self.max_digits).create_decimal_from_float(value)
        return super().to_python(value)


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
    value = ReadableDecimalField(_("giá trị"), max_digits=16, decimal_places=2)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("giá trị chỉ số")
        verbose_name_plural = pgettext_lazy("plural", "giá trị chỉ số")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator"], condition=models.Q(agency__isnull=True), name="indicator_value_one_province_wide"
            ),
            models.UniqueConstraint(fields=["indicator", "agency"], name="indicator_value_unique_agency"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


class OutlineSection(models.Model):
    """One section of a campaign's report outline: its number, title and depth, and the staff
    text written for it (SummaryReport.sections[key]). Each campaign has its own outline."""

    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="outline_sections"
    )
    key = models.SlugField(
        _("mã"), max_length=40, help_text=_("Dùng để gắn nội dung của cán bộ với mục; chữ thường, không dấu.")
    )
    number = models.CharField(_("số mục"), max_length=16, blank=True, help_text=_("Ví dụ: I, 1, 4.1"))
    title = models.CharField(
        _("tên mục"),
        max_length=1000,
        blank=True,
        help_text=_("Để trống: số mục đứng đầu đoạn văn đầu tiên. Có thể có chú thích [^số ký hiệu văn bản]."),
    )
    level = models.PositiveSmallIntegerField(_("cấp"), choices=OutlineLevel.choices, default=OutlineLevel.SECTION)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("mục của báo cáo")
        verbose_name_plural = pgettext_lazy("plural", "đề cương báo cáo")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "key"], name="outline_section_unique_key")]

    def __str__(self) -> str:
        label = f"{self.number}. {self.title}" if self.number and self.title else (self.number or self.title)
        return label or self.key


class OutlineBlock(models.Model):
    """A computed block from the catalogue (BlockKind) placed in a section."""

    section = models.ForeignKey(OutlineSection, on_delete=models.CASCADE, related_name="blocks")
    kind = models.CharField(_("khối tính toán"), max_length=32, choices=BlockKind.choices)
    placement = models.CharField(
        _("vị trí"), max_length=8, choices=BlockPlacement.choices, default=BlockPlacement.AFTER
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("khối tính toán")
        verbose_name_plural = pgettext_lazy("plural", "khối tính toán")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.section}: {self.get_kind_display()}"
