"""The administrative hierarchy with its history: an agency is one row per period in which it stood
as it was (name, parent, level), and `AgencySuccession` says what became of it when it changed.

History is closed, never overwritten: a campaign of 2023–2024 is reported on the map of its period
while one of 2026 is reported on the two-level map of the merged provinces."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from campaign_portal.text import fold_text

from .enums import AgencyKind, AgencyLevel, UnitType


class AgencyQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date):
        """Agencies as the hierarchy stood on that day: history is closed, never overwritten."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def search(self, text: str):
        folded = fold_text(text)
        query = self
        for word in folded.split():
            query = query.filter(search_text__contains=word)
        return query


class Agency(models.Model):
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    kind = models.CharField(_("loại"), max_length=32, choices=AgencyKind.choices)
    level = models.CharField(_("cấp"), max_length=16, choices=AgencyLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    unit_code = models.CharField(
        _("mã đơn vị hành chính"),
        max_length=10,
        blank=True,
        db_index=True,
        help_text=_("Mã đơn vị hành chính chính thức, với UBND các cấp."),
    )
    unit_type = models.CharField(_("loại đơn vị hành chính"), max_length=16, choices=UnitType.choices, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True, db_index=True)
    province = models.ForeignKey(
        "self",
        verbose_name=_("tỉnh, thành phố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("UBND tỉnh, thành phố mà cơ quan, đơn vị thuộc về trong thời gian hiệu lực của nó."),
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    search_text = models.CharField(max_length=600, editable=False, db_index=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "cơ quan, đơn vị")
        ordering = ["level", "name"]
        # Lists of many agencies' rows sort by the agency's name: with the index, PostgreSQL walks the
        # agencies in name order and stops at the page instead of sorting every row.
        indexes = [models.Index(fields=["name"], name="agency_name")]
        constraints = [
            models.UniqueConstraint(
                fields=["unit_code", "valid_from"],
                condition=~Q(unit_code=""),
                name="agency_unit_code_unique_per_period",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        parent_name = self.parent.name if self.parent_id and self.parent else ""
        self.search_text = fold_text(f"{self.name} {self.short_name} {parent_name}")[:600]
        super().save(*args, **kwargs)

    def is_active_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or self.valid_to >= day)

    @property
    def is_closed(self) -> bool:
        return self.valid_to is not None and self.valid_to < datetime.date.today()


class AgencySuccession(models.Model):
    """One change of the map: `predecessor` stopped standing on `effective - 1 day` and `successor`
    took over (a whole or a part of) it on `effective`. Many-to-many, since communes were merged
    (several predecessors) and split (several successors) in 2025."""

    predecessor = models.ForeignKey(
        Agency, verbose_name=_("đơn vị trước"), on_delete=models.PROTECT, related_name="successor_links"
    )
    successor = models.ForeignKey(
        Agency, verbose_name=_("đơn vị kế thừa"), on_delete=models.PROTECT, related_name="predecessor_links"
    )
    effective = models.DateField(_("ngày có hiệu lực"))
    is_principal = models.BooleanField(
        _("kế thừa chính"),
        default=True,
        help_text=_("Khi đơn vị bị chia cho nhiều đơn vị mới: đơn vị nhận hồ sơ, tài khoản của đơn vị cũ."),
    )
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)
    source = models.CharField(
        _("nguồn"),
        max_length=300,
        blank=True,
        help_text=_("Nơi lấy thông tin; “chưa xác minh” khi chưa đối chiếu được với văn bản."),
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("thay đổi đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "thay đổi đơn vị")
        ordering = ["effective", "predecessor_id", "successor_id"]
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="agency_succession_unique_pair"),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")), name="agency_succession_not_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective:%d/%m/%Y})"

    @property
    def legal_basis_short(self) -> str:
        """Each act by its number and date only ("Nghị quyết số 1659/NQ-UBTVQH15 ngày 16/6/2025"), for lists."""
        return "; ".join(part.split(" của ")[0].strip() for part in self.legal_basis.split(";") if part.strip())

    @property
    def is_unconfirmed(self) -> bool:
        return "chưa xác minh" in self.source
