from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    PLAN = "KH", _("Kế hoạch")
    OFFICIAL_LETTER = "CV", _("Công văn")
    REPORT = "BC", _("Báo cáo")
    DECISION = "QĐ", _("Quyết định")
    RESOLUTION = "NQ", _("Nghị quyết")
    DIRECTIVE = "CT", _("Chỉ thị")
    CONCLUSION = "KL", _("Kết luận")
    GUIDANCE = "HD", _("Hướng dẫn")
    NOTICE = "TB", _("Thông báo")
    PROGRAMME = "CTr", _("Chương trình")
    OTHER = "KHAC", _("Văn bản khác")
