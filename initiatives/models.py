import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from campaign_portal.text import fold_text

from .enums import InitiativeKind, InitiativeState, SimilarityDecision


class Initiative(models.Model):
    """A reform model, initiative or solution (mô hình, sáng kiến, giải pháp) of one agency."""

    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("phong trào"), on_delete=models.PROTECT, related_name="initiatives"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="initiatives"
    )
    kind = models.CharField(_("loại"), max_length=16, choices=InitiativeKind.choices, default=InitiativeKind.MODEL)
    # Optional: a campaign may define no categories; when it has some, the form asks for one.
    category = models.ForeignKey(
        "campaigns.InitiativeCategory",
        verbose_name=_("lĩnh vực, nhóm"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    title = models.CharField(_("tên"), max_length=500)
    description = models.TextField(_("mô tả"), blank=True)
    started_on = models.DateField(_("ngày bắt đầu thực hiện"), null=True, blank=True)
    implementing_units = models.ManyToManyField(
        "agencies.Agency",
        verbose_name=_("đơn vị thực hiện"),
        related_name="implemented_initiatives",
        blank=True,
        help_text=_("Với UBND cấp huyện: các xã, phường, thị trấn áp dụng."),
    )
    replicated_to = models.ManyToManyField(
        "agencies.Agency",
        verbose_name=_("nhân rộng đến"),
        related_name="replicated_initiatives",
        blank=True,
        help_text=_("Cơ quan, đơn vị khác đã học tập, áp dụng."),
    )
    results = models.TextField(_("kết quả đạt được"), blank=True)
    # [{"label": "Thời gian giải quyết", "value": "10 ngày, rút ngắn 01 ngày"}, …]
    result_figures = models.JSONField(_("số liệu kết quả"), default=list, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=InitiativeState.choices, default=InitiativeState.DRAFT, db_index=True
    )
    assessment_effective = models.BooleanField(_("đánh giá hiệu quả"), null=True, blank=True)
    assessment_comment = models.TextField(_("nhận xét của cơ quan thẩm định"), blank=True)
    # Marked by a reviewer: at province scale the summary report names an agency's standout
    # initiatives and counts the rest, which its annexes list in full (reports/catalogue.py).
    is_standout = models.BooleanField(_("tiêu biểu"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    search_text = models.TextField(editable=False, blank=True)
    # Title and description folded, the text similar initiatives are matched on (initiatives/similarity.py);
    # on PostgreSQL a trigram index covers it (migration 0006).
    match_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mô hình, sáng kiến, giải pháp")
        verbose_name_plural = pgettext_lazy("plural", "mô hình, sáng kiến, giải pháp")
        ordering = ["agency__name", "title"]
        # The dashboards' counts by category, state and agency read this index only.
        indexes = [
            models.Index(
                fields=["campaign", "state", "category"], include=["agency"], name="initiative_campaign_figures"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        self.match_text = fold_text(f"{self.title} {self.description}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "match_text"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.category_id and self.campaign_id and self.category.campaign_id != self.campaign_id:
            raise ValidationError(
                {"category": _("Lĩnh vực “%(name)s” không thuộc phong trào đã chọn.") % {"name": self.category.name}}
            )

    def build_search_text(self) -> str:
        agency = self.agency if self.agency_id else None
        parts = [self.title, self.description, self.results]
        if agency is not None:
            parts += [agency.name, agency.short_name]
        if self.pk:
            parts += [unit.name for unit in self.implementing_units.all()]
        return fold_text(" ".join(p for p in parts if p))

    @property
    def figures_text(self) -> str:
        return result_figures_text(self.result_figures)


def result_figures_text(result_figures: list | None) -> str:
    """ "Thời gian giải quyết: 10 ngày; Số hộ: 120": an initiative's result figures on one line."""
    return "; ".join(f"{f.get('label')}: {f.get('value')}" for f in result_figures or [])


def _evidence_path(instance, filename: str) -> str:
    return f"initiatives/{instance.initiative_id}/{uuid.uuid4().hex}-{filename}"


class InitiativeEvidence(models.Model):
    """An evidence file (minh chứng). Stored outside any URL; served by a permission-checked view."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp"), upload_to=_evidence_path, max_length=300)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    kind = models.CharField(_("định dạng"), max_length=8)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField(_("dung lượng"))
    description = models.CharField(_("mô tả"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp minh chứng")
        verbose_name_plural = pgettext_lazy("plural", "tệp minh chứng")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class InitiativeHistory(models.Model):
    """One state change: who, when, from, to and why."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    from_state = models.CharField(max_length=16, choices=InitiativeState.choices)
    to_state = models.CharField(max_length=16, choices=InitiativeState.choices)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("lịch sử trạng thái")
        verbose_name_plural = pgettext_lazy("plural", "lịch sử trạng thái")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.from_state} → {self.to_state}"


class SimilarInitiative(models.Model):
    """A likely earlier registration of the same initiative, found by the worker, for a reviewer to decide."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="similar_matches")
    similar_to = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("mức giống"))
    found_at = models.DateTimeField(_("thời điểm phát hiện"))
    decision = models.CharField(
        _("kết luận"), max_length=16, choices=SimilarityDecision.choices, default=SimilarityDecision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mô hình, sáng kiến tương tự")
        verbose_name_plural = pgettext_lazy("plural", "mô hình, sáng kiến tương tự")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "similar_to"], name="similar_initiative_once"),
            models.CheckConstraint(condition=~models.Q(initiative=models.F("similar_to")), name="similar_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id} ~ {self.similar_to_id} ({self.score:.2f})"
