from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from .enums import DocumentType


class LegalDocument(models.Model):
    """A legal document with its number/symbol and date (văn bản): plans, letters, reports…"""

    doc_type = models.CharField(_("loại văn bản"), max_length=8, choices=DocumentType.choices)
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=64, help_text=_("Ví dụ: 2218/QĐ-UBND"))
    issued_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, help_text=_("Ví dụ: Ủy ban nhân dân tỉnh"))
    subject = models.TextField(_("trích yếu"), blank=True)

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = pgettext_lazy("plural", "văn bản")
        ordering = ["issued_on", "number_symbol"]
        constraints = [
            models.UniqueConstraint(fields=["number_symbol", "issued_on"], name="legal_document_unique_number_date")
        ]

    def __str__(self) -> str:
        # In the reader's language; the official documents are drawn under Vietnamese (in_official_language).
        return _("%(type)s số %(number)s ngày %(day)s") % {
            "type": self.type_name,
            "number": self.number_symbol,
            "day": f"{self.issued_on:%d/%m/%Y}",
        }

    @property
    def type_name(self) -> str:
        """The type as a citation names it: "Quyết định số …", and "Văn bản số …" for a type not listed
        (never "Văn bản khác số …")."""
        if self.doc_type == DocumentType.OTHER:
            return pgettext("document type in a citation", "Văn bản")
        return self.get_doc_type_display()

    @property
    def citation(self) -> str:
        """The way a report cites it: type, number, date, issuer and subject (the last two are data,
        in Vietnamese whatever the reader's language)."""
        text = _("%(document)s của %(issuer)s") % {"document": self, "issuer": self.issuer}
        return f"{text} {subject_in_sentence(self.subject)}".strip() if self.subject else text


def subject_in_sentence(subject: str) -> str:
    """A trích yếu typed as it stands under the document's title ("Về việc phát động…") goes on
    the citation's sentence in lower case ("… của Ủy ban nhân dân tỉnh về việc phát động…"). A
    first word in capitals ("UBND") or with a capital inside stays as typed."""
    subject = subject.strip()
    word = subject.split(maxsplit=1)[0] if subject else ""
    if len(word) > 1 and word[0].isupper() and word[1:] == word[1:].lower():
        return subject[0].lower() + subject[1:]
    return subject


class Campaign(models.Model):
    code = models.SlugField(
        _("mã"), max_length=32, unique=True, help_text=_("Dùng trên địa chỉ trang và dòng lệnh, ví dụ ntm-2025.")
    )
    name = models.CharField(_("tên phong trào"), max_length=500)
    plan_document = models.ForeignKey(
        LegalDocument, verbose_name=_("văn bản phát động"), on_delete=models.PROTECT, related_name="+"
    )
    issuing_authority = models.CharField(_("cơ quan phát động"), max_length=255)
    organiser = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan tổng hợp"),
        on_delete=models.PROTECT,
        related_name="organised_campaigns",
        help_text=_("Cơ quan thường trực, ký báo cáo tổng kết (ví dụ Sở Nội vụ)."),
    )
    place_name = models.CharField(_("địa danh"), max_length=120, help_text=_("Ví dụ: Quảng Nam"))
    period_start = models.DateField(_("thời gian thực hiện từ"))
    period_end = models.DateField(_("đến"))
    nomination_deadline = models.DateField(_("hạn gửi hồ sơ đề nghị khen thưởng"))
    publishes_proposed_list = models.BooleanField(
        _("công khai danh sách đề nghị khen thưởng để lấy ý kiến"),
        default=False,
        help_text=_(
            "Danh sách hồ sơ đã duyệt được đăng công khai để lấy ý kiến nhân dân trước khi trình Hội đồng "
            "Thi đua – Khen thưởng."
        ),
    )
    expected_agencies = models.ManyToManyField(
        "agencies.Agency",
        verbose_name=_("cơ quan, đơn vị phải báo cáo"),
        related_name="expected_in_campaigns",
        blank=True,
    )
    documents = models.ManyToManyField(
        LegalDocument,
        verbose_name=_("văn bản liên quan"),
        through="CampaignDocument",
        related_name="campaigns",
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The key of the cached dashboard figures. The database moves it in the transaction of every
    # write to a table they read, and never back (campaign_portal/freshness.py).
    data_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = pgettext_lazy("plural", "phong trào thi đua")
        ordering = ["-period_start"]

    def __str__(self) -> str:
        return self.name


class InitiativeCategory(models.Model):
    """A campaign's own group of initiatives (lĩnh vực, nhóm): the reform areas of an
    administrative-reform campaign, the fields of a rural-development one. Data, so that each
    campaign names its own; a retired category stays on the initiatives that use it."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="categories"
    )
    code = models.SlugField(_("mã"), max_length=40, help_text=_("Chữ thường không dấu, ví dụ: thu-tuc-hanh-chinh."))
    name = models.CharField(_("tên lĩnh vực, nhóm"), max_length=200)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    retired = models.BooleanField(
        _("ngừng sử dụng"), default=False, help_text=_("Không chọn được cho mô hình mới; mô hình cũ giữ nguyên.")
    )

    class Meta:
        verbose_name = _("lĩnh vực, nhóm mô hình")
        verbose_name_plural = pgettext_lazy("plural", "lĩnh vực, nhóm mô hình")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="initiative_category_unique_code"),
            models.UniqueConstraint(fields=["campaign", "name"], name="initiative_category_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class CampaignDocument(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="document_links")
    document = models.ForeignKey(LegalDocument, on_delete=models.PROTECT, related_name="campaign_links")
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        ordering = ["position", "document__issued_on"]
        constraints = [models.UniqueConstraint(fields=["campaign", "document"], name="campaign_document_unique")]

    def __str__(self) -> str:
        return f"{self.campaign.code}: {self.document}"
