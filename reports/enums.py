from django.db import models
from django.utils.translation import gettext_lazy as _


class RenderFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"


class RenderStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ xử lý")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class ResultSection(models.TextChoices):
    """The subsections of II.4 (results by reform area) under which an indicator is reported."""

    PROCEDURES = "4.1", _("4.1. Cải cách thủ tục hành chính")
    INSTITUTIONS = "4.2", _("4.2. Cải cách thể chế")
    ORGANISATION = "4.3", _("4.3. Tổ chức bộ máy, chế độ công vụ")
    DIGITAL = "4.4", _("4.4. Công nghệ thông tin, chuyển đổi số")
