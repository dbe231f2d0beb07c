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
    SIGNED = "signed", _("Có chữ ký số của cơ quan đề nghị")
    QUOTA = "quota", _("Trong chỉ tiêu")
    AWARD_INTERVAL = "award_interval", _("Đủ thời gian giữa hai lần khen thưởng cùng hình thức")


class NominationState(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    UNDER_REVIEW = "under_review", _("Đang thẩm định")
    RETURNED = "returned", _("Trả lại, yêu cầu bổ sung")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không đề nghị khen thưởng")
    AWARDED = "awarded", _("Đã có quyết định khen thưởng")

    @property
    def badge(self) -> str:
        """The Bootstrap colour of the state's badge, the same on every page."""
        return _NOMINATION_STATE_BADGES[self]


class Verdict(models.TextChoices):
    PENDING = "pending", _("Chưa kiểm tra")
    ELIGIBLE = "eligible", _("Đủ điều kiện")
    NOT_ELIGIBLE = "not_eligible", _("Không đủ điều kiện")
    INCOMPLETE = "incomplete", _("Chưa đủ hồ sơ, số liệu")

    @property
    def badge(self) -> str:
        """The Bootstrap colour of the verdict's badge."""
        return _VERDICT_BADGES[self]


class SendingStatus(models.TextChoices):
    """Where an expected agency stands on a day: sent by the deadline, after it, not yet, or
    closed and merged into another during the campaign without a dossier sent for it."""

    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Trễ hạn")
    MISSING = "missing", _("Chưa gửi")
    MERGED = "merged", _("Đã sáp nhập")

    @property
    def badge(self) -> str:
        return _SENDING_STATUS_BADGES[self]


class ReceiptChannel(models.TextChoices):
    """How a dossier reached the Department: sent on the portal, or outside it (on paper, by
    e-mail, through the document management system) and then recorded by a reviewer."""

    ONLINE = "online", _("Trực tuyến")
    PAPER = "paper", _("Bản giấy")
    EMAIL = "email", _("Thư điện tử")
    DOCUMENT_SYSTEM = "document_system", _("Hệ thống quản lý văn bản")


# The channels a reviewer records; an online receipt is the portal's own record.
RECORDED_CHANNELS = (ReceiptChannel.PAPER, ReceiptChannel.EMAIL, ReceiptChannel.DOCUMENT_SYSTEM)


class Outcome(models.TextChoices):
    MET = "met", _("Đạt")
    NOT_MET = "not_met", _("Không đạt")
    CANNOT_TELL = "cannot_tell", _("Chưa đủ dữ liệu")

    @property
    def badge(self) -> str:
        """The Bootstrap colour of the outcome's mark in a checklist."""
        return _OUTCOME_MARKS[self][1]

    @property
    def icon(self) -> str:
        """The Bootstrap icon of the outcome's mark in a checklist."""
        return _OUTCOME_MARKS[self][0]


class SignatureVerdict(models.TextChoices):
    """What the portal found about a document's digital signatures (awards/signatures.py), worst
    signature first: a document is as good as its weakest signature."""

    PENDING = "pending", _("Chưa kiểm tra chữ ký")
    NOT_PDF = "not_pdf", _("Không phải tệp PDF")
    UNSIGNED = "unsigned", _("Không có chữ ký số")
    VALID = "valid", _("Chữ ký hợp lệ")
    UNTRUSTED = "untrusted", _("Chữ ký nguyên vẹn, chứng thư chưa được tin cậy")
    EXPIRED = "expired", _("Chứng thư số đã hết hạn")
    MODIFIED = "modified", _("Tài liệu bị sửa sau khi ký")
    INVALID = "invalid", _("Chữ ký không hợp lệ")
    UNREADABLE = "unreadable", _("Không kiểm tra được")

    @property
    def badge(self) -> str:
        return _SIGNATURE_BADGES[self]


class QuotaKind(models.TextChoices):
    """How an award form's quota is counted: a number for each nominating agency, a number for
    all the agencies of one level together, or a share of a base each agency declares."""

    NONE = "", _("Không giới hạn")
    PER_AGENCY = "per_agency", _("Số lượng cho mỗi cơ quan đề nghị")
    PER_LEVEL = "per_level", _("Số lượng cho các cơ quan cùng cấp")
    SHARE = "share", _("Tỷ lệ trên số cơ quan kê khai")


class AwardSource(models.TextChoices):
    """Where an entry of the award register comes from: an awarded nomination of the portal, or an
    award recorded before the portal (imported from the Department's spreadsheets)."""

    PORTAL = "portal", _("Cổng thi đua")
    RECORD = "record", _("Ghi nhận trước khi có cổng")


class Comparison(models.TextChoices):
    AT_LEAST = ">=", _("không thấp hơn")
    AT_MOST = "<=", _("không cao hơn")
    BELOW = "<", _("thấp hơn")
    ABOVE = ">", _("cao hơn")
    EQUAL = "==", _("bằng")


# Colours beside the enums rather than inside them: an Enum body would turn a dict into a member.
_NOMINATION_STATE_BADGES = {
    NominationState.DRAFT: "secondary",
    NominationState.SUBMITTED: "primary",
    NominationState.UNDER_REVIEW: "info",
    NominationState.RETURNED: "warning",
    NominationState.APPROVED: "success",
    NominationState.REJECTED: "danger",
    NominationState.AWARDED: "success",
}
_VERDICT_BADGES = {
    Verdict.PENDING: "secondary",
    Verdict.ELIGIBLE: "success",
    Verdict.NOT_ELIGIBLE: "danger",
    Verdict.INCOMPLETE: "warning",
}
_OUTCOME_MARKS = {
    Outcome.MET: ("check-circle-fill", "success"),
    Outcome.NOT_MET: ("x-circle-fill", "danger"),
    Outcome.CANNOT_TELL: ("question-circle-fill", "warning"),
}
_SIGNATURE_BADGES = {
    SignatureVerdict.PENDING: "secondary",
    SignatureVerdict.NOT_PDF: "secondary",
    SignatureVerdict.UNSIGNED: "secondary",
    SignatureVerdict.VALID: "success",
    SignatureVerdict.UNTRUSTED: "warning",
    SignatureVerdict.EXPIRED: "danger",
    SignatureVerdict.MODIFIED: "danger",
    SignatureVerdict.INVALID: "danger",
    SignatureVerdict.UNREADABLE: "warning",
}
_SENDING_STATUS_BADGES = {
    SendingStatus.ON_TIME: "success",
    SendingStatus.LATE: "warning",
    SendingStatus.MISSING: "danger",
    SendingStatus.MERGED: "secondary",
}
