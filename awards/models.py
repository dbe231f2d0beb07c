import uuid

from django.conf import settings
from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .enums import (
    AppliesTo,
    AwardSource,
    CriterionKind,
    NominationState,
    NomineeType,
    Outcome,
    QuotaKind,
    ReceiptChannel,
    SignatureVerdict,
    Verdict,
)


class AwardForm(models.Model):
    """A form of commendation a campaign gives (e.g. the Chairman's Bằng khen for collectives)."""

    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="award_forms"
    )
    name = models.CharField(_("hình thức khen thưởng"), max_length=255)
    nominee_type = models.CharField(_("đối tượng"), max_length=16, choices=NomineeType.choices)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    # A retired form is not offered to new nominations; those that chose it keep it.
    retired = models.BooleanField(_("ngừng sử dụng"), default=False)
    quota_kind = models.CharField(_("chỉ tiêu"), max_length=16, choices=QuotaKind.choices, blank=True, default="")
    quota_number = models.DecimalField(
        _("số lượng hoặc tỷ lệ (%)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Số hồ sơ tối đa; với chỉ tiêu theo tỷ lệ, phần trăm trên số cơ quan kê khai."),
    )
    quota_base_metric = models.SlugField(
        _("mã số liệu làm cơ sở"),
        max_length=40,
        blank=True,
        help_text=_("Với chỉ tiêu theo tỷ lệ: mã số liệu cơ quan kê khai trong hồ sơ, ví dụ so_can_bo."),
    )

    class Meta:
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = pgettext_lazy("plural", "hình thức khen thưởng")
        ordering = ["campaign", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "name", "nominee_type"], name="award_form_unique_per_campaign")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_nominee_type_display().lower()})"


class DossierRequirement(models.Model):
    """A component the dossier of an award form must (or may) hold: tờ trình, danh sách…"""

    award_form = models.ForeignKey(AwardForm, on_delete=models.CASCADE, related_name="requirements")
    code = models.SlugField(_("mã"), max_length=40)
    name = models.CharField(_("thành phần hồ sơ"), max_length=255)
    required = models.BooleanField(_("bắt buộc"), default=True)
    # A signed document (a Tờ trình, a decision) is kept as issued: a photo or a Word draft of it is no substitute.
    pdf_only = models.BooleanField(_("chỉ nhận PDF"), default=False)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "thành phần hồ sơ")
        ordering = ["award_form", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["award_form", "code"], name="dossier_requirement_unique_code")]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """An award criterion as data: the engine (awards/criteria.py) evaluates it by kind with
    its params. See criteria.PARAMS_HELP for the params each kind takes."""

    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.SlugField(_("mã"), max_length=40)
    wording = models.TextField(_("nội dung tiêu chí"))
    kind = models.CharField(_("loại kiểm tra"), max_length=24, choices=CriterionKind.choices)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    applies_to = models.CharField(_("áp dụng cho"), max_length=16, choices=AppliesTo.choices, default=AppliesTo.BOTH)
    agency_kinds = models.JSONField(
        _("loại cơ quan áp dụng"),
        default=list,
        blank=True,
        help_text=_("Để trống: mọi loại cơ quan, đơn vị."),
    )
    active = models.BooleanField(_("đang áp dụng"), default=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí bình xét khen thưởng")
        verbose_name_plural = pgettext_lazy("plural", "tiêu chí bình xét khen thưởng")
        ordering = ["campaign", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="criterion_unique_code")]

    def __str__(self) -> str:
        return self.wording


def nominee_label(nominee_type: str, agency_name: str | None, name: str, position: str, unit: str) -> str:
    """How a nominee is named: the collective's agency, or "name, position, unit" for a person;
    from plain values, for lists read as rows (the report's annex)."""
    if nominee_type == NomineeType.COLLECTIVE:
        return agency_name or ""
    return ", ".join(part for part in (name, position, unit) if part)


class Nomination(models.Model):
    """An award nomination and its dossier.

    `received_on` is the date the Department received the dossier, the one the deadline is held
    against; `submitted_at` stays the system's timestamp of the first online submission. A
    dossier that came outside the portal has its receipt recorded by a reviewer (incoming
    number, channel, who recorded it). `filed_for` is the expected agency a successor files
    for when that agency was merged into it during the campaign."""

    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("phong trào"), on_delete=models.PROTECT, related_name="nominations"
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan đề nghị"),
        on_delete=models.PROTECT,
        related_name="nominations_sent",
    )
    filed_for = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("gửi thay cho cơ quan đã sáp nhập"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations_filed_for",
    )
    nominee_type = models.CharField(_("đối tượng"), max_length=16, choices=NomineeType.choices)
    nominee_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("tập thể được đề nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations_received",
    )
    nominee_name = models.CharField(_("họ và tên"), max_length=255, blank=True)
    nominee_position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    nominee_unit = models.CharField(_("đơn vị công tác"), max_length=255, blank=True)
    award_form = models.ForeignKey(
        AwardForm, verbose_name=_("hình thức khen thưởng"), on_delete=models.PROTECT, related_name="nominations"
    )
    achievement_summary = models.TextField(_("tóm tắt thành tích"), blank=True)
    declared_metrics = models.JSONField(
        _("số liệu kê khai"),
        default=dict,
        blank=True,
        help_text=_("Số liệu và nội dung kê khai mà các tiêu chí cần, theo mã của từng chỉ số."),
    )
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=NominationState.choices, default=NominationState.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)
    received_on = models.DateField(_("ngày nhận hồ sơ"), null=True, blank=True)
    receipt_number = models.CharField(_("số đến"), max_length=32, blank=True)
    receipt_channel = models.CharField(_("hình thức nhận"), max_length=16, choices=ReceiptChannel.choices, blank=True)
    receipt_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    receipt_recorded_at = models.DateTimeField(_("thời điểm ghi nhận"), null=True, blank=True)
    verdict = models.CharField(
        _("kết quả kiểm tra"), max_length=16, choices=Verdict.choices, default=Verdict.PENDING, db_index=True
    )
    checked_at = models.DateTimeField(_("thời điểm kiểm tra"), null=True, blank=True)
    check_requested_at = models.DateTimeField(_("thời điểm yêu cầu kiểm tra"), null=True, blank=True, db_index=True)
    check_run = models.UUIDField(_("lượt kiểm tra"), null=True, blank=True, editable=False)
    check_input_hash = models.CharField(max_length=64, blank=True, editable=False)
    last_reason = models.TextField(_("ý kiến của người thẩm định"), blank=True)
    decision_number = models.CharField(_("số quyết định khen thưởng"), max_length=64, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    nominee_key = models.CharField(max_length=400, editable=False, db_index=True)
    search_text = models.CharField(max_length=800, editable=False, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("hồ sơ đề nghị khen thưởng")
        verbose_name_plural = pgettext_lazy("plural", "hồ sơ đề nghị khen thưởng")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["campaign", "award_form", "nominee_key"]),
            # The dashboards' counts by state, verdict, agency and first sending read this index only.
            models.Index(
                fields=["campaign", "state", "verdict"],
                include=["agency", "filed_for", "received_on", "award_form", "id"],
                name="nomination_campaign_figures",
            ),
            # The review queue's order within a campaign (DESC puts the unsent, NULL, first, as the
            # queue does): its page is read from the index instead of sorting the campaign's dossiers.
            models.Index(fields=["campaign", "-submitted_at", "-id"], name="nomination_queue_order"),
            # The reviewers' queue leaves drafts out, and drafts (unsent, NULL) come first in that
            # order: without them in the index, its page and its count read no row to drop it.
            models.Index(
                fields=["campaign", "-submitted_at", "-id"],
                condition=~models.Q(state="draft"),
                name="nomination_queue_sent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee_label} – {self.award_form.name}"

    @property
    def check_pending(self) -> bool:
        """A check was asked for and has not run since (queued, running, or waiting for the broker)."""
        return self.check_requested_at is not None and (
            self.checked_at is None or self.checked_at < self.check_requested_at
        )

    @property
    def nominee_label(self) -> str:
        agency_name = self.nominee_agency.name if self.nominee_agency_id else ""
        return nominee_label(
            self.nominee_type, agency_name, self.nominee_name, self.nominee_position, self.nominee_unit
        )


def dossier_upload_to(document: "DossierDocument", filename: str) -> str:
    return f"awards/{document.nomination.campaign_id}/{document.nomination_id}/{uuid.uuid4().hex[:8]}-{filename}"


class DossierDocument(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="documents")
    requirement = models.ForeignKey(
        DossierRequirement, verbose_name=_("thành phần hồ sơ"), on_delete=models.PROTECT, related_name="documents"
    )
    file = models.FileField(_("tệp"), upload_to=dossier_upload_to, max_length=400)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    file_kind = models.CharField(_("định dạng"), max_length=8)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField(_("dung lượng"))
    # Whether the content was of an accepted kind when the file was stored (an upload is checked by
    # its content), which the criteria check reads instead of opening the file at every check. None
    # for a document stored before this was recorded: the check opens that one.
    readable = models.BooleanField(_("tệp đọc được"), null=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)
    signature_verdict = models.CharField(
        _("chữ ký số"), max_length=16, choices=SignatureVerdict.choices, default=SignatureVerdict.PENDING
    )
    signature_explanation = models.CharField(_("kết quả kiểm tra chữ ký"), max_length=1000, blank=True)
    signature_details = models.JSONField(_("chi tiết chữ ký"), default=dict, blank=True)
    signature_checked_at = models.DateTimeField(_("thời điểm kiểm tra chữ ký"), null=True, blank=True)

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "tài liệu hồ sơ")
        ordering = ["requirement__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "requirement"], name="dossier_document_one_per_requirement")
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def opens_inline(self) -> bool:
        return self.file_kind in {"pdf", "jpeg", "png"}


def explanation_for_reader_expression() -> Coalesce:
    """`CriterionResult.explanation_for_reader` as an expression, for results read as plain values:
    the database picks the text, rather than sending every language's text for Python to decode."""
    language = translation.get_language()
    return Coalesce(KT(f"explanations__{language}"), "explanation", output_field=models.TextField())


class CriterionResult(models.Model):
    """One criterion's outcome in one check run; a nomination only ever holds its latest run."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="results")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="results")
    outcome = models.CharField(_("kết quả"), max_length=16, choices=Outcome.choices)
    explanation = models.CharField(_("giải thích"), max_length=500)
    # The same explanation in the portal's other languages (language code → text): `explanation` is
    # the Vietnamese one, which the official documents print.
    explanations = models.JSONField(_("giải thích theo ngôn ngữ"), default=dict, blank=True)
    checked_at = models.DateTimeField(_("thời điểm kiểm tra"))
    run_id = models.UUIDField(_("lượt kiểm tra"), db_index=True)
    input_snapshot = models.JSONField(_("dữ liệu đầu vào"), default=dict)

    class Meta:
        verbose_name = _("kết quả kiểm tra tiêu chí")
        verbose_name_plural = pgettext_lazy("plural", "kết quả kiểm tra tiêu chí")
        ordering = ["criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "criterion"], name="criterion_result_one_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.outcome}"

    @property
    def explanation_for_reader(self) -> str:
        """The explanation in the reader's language when the check wrote it in that language, else
        in Vietnamese (the official documents print the Vietnamese one)."""
        return self.explanations.get(translation.get_language(), self.explanation)


class NominationTransition(models.Model):
    """The history of a nomination's workflow: who moved it, when, from where to where, why."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("từ"), max_length=16, choices=NominationState.choices)
    to_state = models.CharField(_("sang"), max_length=16, choices=NominationState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("lý do"), blank=True)
    at = models.DateTimeField(_("thời điểm"))

    class Meta:
        verbose_name = _("lịch sử xử lý hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "lịch sử xử lý hồ sơ")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.nomination_id}: {self.from_state} → {self.to_state}"


class CheckBatch(models.Model):
    """A reviewer's "check every nomination" request; its progress is the number of the
    campaign's nominations checked since it started."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField()
    total = models.PositiveIntegerField()

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.campaign_id} {self.started_at:%d/%m/%Y %H:%M}"


class TrustAnchor(models.Model):
    """A root certificate the administrator trusts for signed dossiers (the government's CA roots):
    none is shipped, so a signature is trusted only once the administrator uploaded its root."""

    name = models.CharField(_("tên"), max_length=255)
    certificate = models.BinaryField(_("chứng thư (DER)"), editable=False)
    subject = models.CharField(_("chủ thể"), max_length=500, editable=False)
    fingerprint = models.CharField(_("dấu vân tay SHA-256"), max_length=64, unique=True, editable=False)
    not_after = models.DateTimeField(_("hết hạn"), editable=False)
    active = models.BooleanField(_("đang dùng"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thêm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    added_at = models.DateTimeField(_("thời điểm thêm"), auto_now_add=True)

    class Meta:
        verbose_name = _("chứng thư gốc tin cậy")
        verbose_name_plural = pgettext_lazy("plural", "chứng thư gốc tin cậy")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class AwardRecord(models.Model):
    """An award made before the portal (or outside it), kept so the register spans the years and the
    interval rule sees it. The portal's own awards are its AWARDED nominations, never copied here.
    `agency` is the agency row as it stood on the decision's date (an agency is one row per period)."""

    nominee_type = models.CharField(_("đối tượng"), max_length=16, choices=NomineeType.choices)
    form_name = models.CharField(_("hình thức khen thưởng"), max_length=255)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("tập thể, đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_records",
        help_text=_("Tập thể được khen thưởng; với cá nhân, cơ quan nơi công tác."),
    )
    nominee_name = models.CharField(_("họ và tên"), max_length=255, blank=True)
    nominee_position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    nominee_unit = models.CharField(_("đơn vị công tác"), max_length=255, blank=True)
    decision_number = models.CharField(_("số quyết định khen thưởng"), max_length=64)
    decision_date = models.DateField(_("ngày quyết định"))
    decision_issuer = models.CharField(_("cơ quan ban hành quyết định"), max_length=255, blank=True)
    achievement = models.TextField(_("thành tích"), blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    nominee_key = models.CharField(max_length=400, editable=False, db_index=True)
    search_text = models.CharField(max_length=800, editable=False, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày nhập"), auto_now_add=True)

    class Meta:
        verbose_name = _("khen thưởng đã có trước khi dùng cổng")
        verbose_name_plural = pgettext_lazy("plural", "khen thưởng đã có trước khi dùng cổng")
        ordering = ["-decision_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision_number", "decision_date", "nominee_key", "form_name"], name="award_record_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nominee_label} – {self.form_name} ({self.decision_number})"

    @property
    def nominee_label(self) -> str:
        agency_name = self.agency.name if self.agency_id else ""
        return nominee_label(
            self.nominee_type, agency_name, self.nominee_name, self.nominee_position, self.nominee_unit
        )


class RegisterEntry(models.Model):
    """One line of the award register (sổ khen thưởng), read from the database view that joins its two
    sources (awards/register_view.py): an AWARDED nomination with a decision date and number, read from the
    nomination so the register never disagrees with it, or an award recorded before the portal. Every
    reader of the register is then one plain query on one relation. Read only: an entry changes through
    its nomination or its record.

    `agency` is the agency as it stood: a collective's own, an individual's nominating agency (portal)
    or workplace (record). `context` is the campaign's name or the record's note. A record names no
    campaign and no nominating agency, and its `updated_at` is when it was recorded: it is never edited."""

    pk = models.CompositePrimaryKey("source", "id")
    source = models.CharField(max_length=16, choices=AwardSource.choices)
    id = models.BigIntegerField()
    nominee_type = models.CharField(max_length=16, choices=NomineeType.choices)
    form_name = models.CharField(max_length=255)
    nominee_name = models.CharField(max_length=255)
    nominee_position = models.CharField(max_length=255)
    nominee_unit = models.CharField(max_length=255)
    agency = models.ForeignKey("agencies.Agency", null=True, on_delete=models.DO_NOTHING, related_name="+")
    decision_number = models.CharField(max_length=64)
    decision_date = models.DateField()
    context = models.CharField(max_length=500)
    campaign_code = models.CharField(max_length=32, null=True)
    nominating_agency = models.ForeignKey("agencies.Agency", null=True, on_delete=models.DO_NOTHING, related_name="+")
    nominee_agency = models.ForeignKey("agencies.Agency", null=True, on_delete=models.DO_NOTHING, related_name="+")
    updated_at = models.DateTimeField()
    nominee_key = models.CharField(max_length=400)
    search_text = models.CharField(max_length=800)

    class Meta:
        managed = False
        db_table = "awards_register_entry"

    def __str__(self) -> str:
        return f"{self.nominee_name} – {self.form_name} ({self.decision_number})"


class Publication(models.Model):
    """The proposed list published for comment (công khai): the nominations approved when it was
    published, readable by anyone from `opens_at` until `closes_at`, when the page closes itself."""

    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("phong trào"), on_delete=models.PROTECT, related_name="publications"
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    opens_at = models.DateTimeField(_("bắt đầu lấy ý kiến"))
    closes_at = models.DateTimeField(_("kết thúc lấy ý kiến"))
    nominations = models.ManyToManyField(Nomination, verbose_name=_("hồ sơ công khai"), related_name="publications")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người công khai"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("thời điểm công khai"), auto_now_add=True)

    class Meta:
        verbose_name = _("công khai danh sách đề nghị khen thưởng")
        verbose_name_plural = pgettext_lazy("plural", "công khai danh sách đề nghị khen thưởng")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")), name="publication_period")
        ]

    def __str__(self) -> str:
        return self.title


class PublicComment(models.Model):
    """A comment a member of the public left on a published list; only reviewers (and the council's
    file) read it. Nothing about the sender is kept beyond what they chose to write."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="comments")
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("về hồ sơ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_comments",
    )
    author_name = models.CharField(_("họ và tên người góp ý"), max_length=100, blank=True)
    contact = models.CharField(_("địa chỉ liên hệ"), max_length=150, blank=True)
    body = models.TextField(_("nội dung góp ý"))
    created_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến góp ý công khai")
        verbose_name_plural = pgettext_lazy("plural", "ý kiến góp ý công khai")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.publication_id}: {self.body[:40]}"
