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
