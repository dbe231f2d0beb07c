from django.db import models
from django.utils.translation import gettext_lazy as _


class RenderFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    # The complete lists of initiatives and nominations, delivered with the report (reports/annexes.py).
    ANNEXES_XLSX = "xlsx", _("Phụ lục (Excel)")
    ANNEXES_PDF = "annexpdf", _("Phụ lục (PDF)")


ANNEX_FORMATS = (RenderFormat.ANNEXES_XLSX, RenderFormat.ANNEXES_PDF)


class RenderStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ xử lý")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class OutlineLevel(models.IntegerChoices):
    """How deep a section sits: its heading style and what it nests under."""

    UNNUMBERED = 0, _("Đoạn không có đề mục")
    PART = 1, _("Mục lớn (I, II, …)")
    SECTION = 2, _("Mục (1, 2, …)")
    SUBSECTION = 3, _("Tiểu mục (4.1, 4.2, …)")


class BlockKind(models.TextChoices):
    """The catalogue of computed blocks staff may place in the outline (reports/catalogue.py
    computes each)."""

    OPENING = "opening", _("Câu mở đầu: thực hiện văn bản phát động, thời gian thực hiện")
    DOCUMENTS = "documents", _("Các văn bản chỉ đạo của phong trào (kèm chú thích)")
    INITIATIVES_COUNT = "initiatives_count", _("Số mô hình, sáng kiến và số cơ quan triển khai")
    INITIATIVES_BY_AGENCY = "initiatives_by_agency", _("Danh sách mô hình, sáng kiến theo cơ quan")
    INDICATORS = "indicators", _("Số liệu các chỉ số xếp vào mục này")
    PROGRESS = "progress", _("Số cơ quan gửi hồ sơ đúng hạn trên số cơ quan phải gửi")
    LATE_INCOMPLETE = "late_incomplete", _("Hồ sơ thiếu thành phần, gửi sau thời hạn; cơ quan chưa gửi")
    APPENDIX_NOMINATIONS = "appendix_nominations", _("Phụ lục: danh sách hồ sơ đề nghị khen thưởng")
    APPENDIX_INITIATIVES = "appendix_initiatives", _("Phụ lục: danh sách mô hình, sáng kiến")


class BlockPlacement(models.TextChoices):
    BEFORE = "before", _("Trước nội dung")
    AFTER = "after", _("Sau nội dung")
