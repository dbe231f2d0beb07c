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
    OTHER = "KHAC", _("Văn bản khác")


class ReformArea(models.TextChoices):
    """Areas of administrative reform (lĩnh vực cải cách hành chính)."""

    PROCEDURES = "procedures", _("Cải cách thủ tục hành chính")
    INSTITUTIONS = "institutions", _("Cải cách thể chế")
    ORGANISATION = "organisation", _("Cải cách tổ chức bộ máy")
    CIVIL_SERVICE = "civil_service", _("Cải cách chế độ công vụ")
    PUBLIC_FINANCE = "public_finance", _("Cải cách tài chính công")
    DIGITAL = "digital", _("Chính phủ điện tử, chuyển đổi số")
    COMMUNICATION = "communication", _("Thông tin, tuyên truyền")
