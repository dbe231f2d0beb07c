from django.db import models
from django.utils.translation import gettext_lazy as _


class InitiativeKind(models.TextChoices):
    MODEL = "model", _("Mô hình")
    INITIATIVE = "initiative", _("Sáng kiến")
    SOLUTION = "solution", _("Giải pháp")


class InitiativeState(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    REGISTERED = "registered", _("Đã đăng ký")
    IN_PRACTICE = "in_practice", _("Đang triển khai")
    EVALUATED = "evaluated", _("Đã đánh giá")

    @property
    def badge(self) -> str:
        """The Bootstrap colour of the state's badge, the same on every page."""
        return _INITIATIVE_STATE_BADGES[self]


# Beside the enum rather than inside it: an Enum body would turn a dict into a member.
_INITIATIVE_STATE_BADGES = {
    InitiativeState.DRAFT: "secondary",
    InitiativeState.REGISTERED: "info",
    InitiativeState.IN_PRACTICE: "primary",
    InitiativeState.EVALUATED: "success",
}


class SimilarityDecision(models.TextChoices):
    PENDING = "pending", _("Chưa xem xét")
    SAME = "same", _("Là cùng một mô hình")
    DIFFERENT = "different", _("Khác nhau")
