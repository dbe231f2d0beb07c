"""The audit log: every service that changes state or serves a protected file calls audit_record
inside its own transaction, so the row exists exactly when the change does."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
) -> AuditEvent:
    event = AuditEvent(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        before=before,
        after=after,
        note=note,
    )
    if target is not None:
        event.content_type = ContentType.objects.get_for_model(target)
        event.object_id = str(target.pk)
        event.object_repr = str(target)[:255]
    event.save()
    return event


def audit_events_for(target: models.Model):
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=str(target.pk)
    ).select_related("actor")


# What each recorded action means, for people reading the log. Apps add their workflow
# transitions (`<app>.<model>.<transition>`) with `register_action_labels`.
ACTION_LABELS: dict[str, Any] = {
    "awards.nomination.create": _("Tạo hồ sơ đề nghị"),
    "awards.nomination.update": _("Sửa hồ sơ đề nghị"),
    "awards.nomination.delete": _("Xóa hồ sơ nháp"),
    "awards.document.upload": _("Tải lên tài liệu"),
    "awards.nomination.receipt": _("Ghi nhận ngày nhận hồ sơ"),
    "awards.criterion.create": _("Thêm tiêu chí"),
    "awards.criterion.update": _("Sửa tiêu chí"),
    "awards.award_form.create": _("Thêm hình thức khen thưởng"),
    "awards.award_form.update": _("Sửa hình thức khen thưởng"),
    "awards.check_batch": _("Kiểm tra lại tất cả hồ sơ"),
    "awards.reminder": _("Gửi thư nhắc hạn"),
    "initiatives.initiative.create": _("Đăng ký mô hình, sáng kiến"),
    "initiatives.initiative.update": _("Sửa mô hình, sáng kiến"),
    "initiatives.initiative.delete": _("Xóa bản nháp mô hình, sáng kiến"),
    "initiatives.initiative.replication": _("Cập nhật nơi nhân rộng"),
    "initiatives.initiative.similarity": _("Kết luận về mô hình, sáng kiến tương tự"),
    "initiatives.initiative.standout": _("Chọn hoặc bỏ chọn mô hình, sáng kiến tiêu biểu"),
    "initiatives.evidence.add": _("Thêm tài liệu minh chứng"),
    "initiatives.evidence.delete": _("Xóa tài liệu minh chứng"),
    "reports.summaryreport.create": _("Tạo báo cáo tổng kết"),
    "reports.summaryreport.update": _("Sửa nội dung báo cáo"),
    "reports.render.request": _("Yêu cầu tạo tệp báo cáo"),
    "reports.render.done": _("Tạo xong tệp báo cáo"),
    "reports.indicator.value": _("Nhập số liệu chỉ số"),
    "reports.indicator.import": _("Nhập chỉ số từ Excel"),
    "campaigns.campaign.create": _("Tạo phong trào"),
    "campaigns.campaign.update": _("Sửa phong trào"),
    "agency.close": _("Ghi nhận cơ quan ngừng hoạt động"),
    "accounts.user.move_to_successor": _("Chuyển tài khoản sang đơn vị kế thừa"),
    "accounts.user.create": _("Tạo tài khoản"),
    "accounts.user.access_change": _("Đổi vai trò, cơ quan hoặc trạng thái tài khoản"),
    "accounts.user.groups_change": _("Đổi nhóm quyền của tài khoản"),
    "file.download": _("Tải tệp"),
}


def register_action_labels(prefix: str, transitions: dict) -> None:
    """Label the audit actions of a workflow's transitions: `<prefix>.<transition name>`."""
    ACTION_LABELS.update({f"{prefix}.{name}": transition.label for name, transition in transitions.items()})


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))
