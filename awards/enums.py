from django.db import models
from django.utils.translation import gettext_lazy as _


class NomineeType(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class AppliesTo(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")
    BOTH = "both", _("Tập thể và cá nhân")


class CriterionKind(models.TextChoices):
    DOCUMENT_PRESENT = "document_present", _("Có thành phần hồ sơ")
    DEADLINE = "deadline", _("Gửi đúng hạn")
    METRIC = "metric", _("Chỉ số so với ngưỡng")
    ATTESTATION = "attestation", _("Kê khai có tài liệu chứng minh")
    NO_DUPLICATE = "no_duplicate", _("Không đề nghị trùng")


class NominationState(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    UNDER_REVIEW = "under_review", _("Đang thẩm định")
    RETURNED = "returned", _("Trả lại, yêu cầu bổ sung")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không đề nghị khen thưởng")
    AWARDED = "awarded", _("Đã có quyết định khen thưởng")


class Verdict(models.TextChoices):
    PENDING = "pending", _("Chưa kiểm tra")
    ELIGIBLE = "eligible", _("Đủ điều kiện")
    NOT_ELIGIBLE = "not_eligible", _("Không đủ điều kiện")
    INCOMPLETE = "incomplete", _("Chưa đủ hồ sơ, số liệu")


class Outcome(models.TextChoices):
    MET = "met", _("Đạt")
    NOT_MET = "not_met", _("Không đạt")
    CANNOT_TELL = "cannot_tell", _("Chưa đủ dữ liệu")


class Comparison(models.TextChoices):
    AT_LEAST = ">=", _("không thấp hơn")
    AT_MOST = "<=", _("không cao hơn")
    BELOW = "<", _("thấp hơn")
    ABOVE = ">", _("cao hơn")
    EQUAL = "==", _("bằng")
