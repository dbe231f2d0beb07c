import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

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
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    search_text = models.CharField(max_length=600, editable=False, db_index=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["level", "name"]
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
