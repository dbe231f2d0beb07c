"""The receipt of a dossier that reached the Department outside the portal (on paper, by e-mail,
through the document management system): a reviewer records the date it was received, its
incoming number (số đến) and the channel, as the văn thư registers a document that arrives.

The deadline is held against that date, not against when the dossier was typed into the portal,
so a paper dossier received on the deadline day and entered a week later is on time. The
receipt of an online submission is set by the workflow (`workflow.nomination_transition`)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.rules import is_reviewer
from campaign_portal.audit import audit_record
from campaign_portal.freshness import versions_lock

from ..enums import RECORDED_CHANNELS, NominationState
from ..models import Nomination
from .checks import criteria_check_queue

RECEIPT_FIELDS = ("received_on", "receipt_number", "receipt_channel", "receipt_recorded_by")


def _receipt_snapshot(nomination: Nomination) -> dict:
    return {
        "received_on": nomination.received_on.isoformat() if nomination.received_on else None,
        "receipt_number": nomination.receipt_number,
        "receipt_channel": nomination.receipt_channel,
        "receipt_recorded_by": nomination.receipt_recorded_by_id,
    }


def _receipt_errors(
    *, nomination: Nomination, received_on: datetime.date | None, receipt_number: str, channel: str
) -> dict[str, str]:
    errors = {}
    today = timezone.localdate()
    start = nomination.campaign.period_start
    if received_on is None:
        errors["received_on"] = _("Hãy nhập ngày nhận hồ sơ (dd/mm/yyyy).")
    elif received_on > today:
        errors["received_on"] = _(
            "Ngày nhận hồ sơ %(day)s ở tương lai; hãy nhập một ngày không sau hôm nay (%(today)s)."
        ) % {"day": f"{received_on:%d/%m/%Y}", "today": f"{today:%d/%m/%Y}"}
    elif received_on < start:
        errors["received_on"] = _(
            "Ngày nhận hồ sơ %(day)s trước ngày phong trào bắt đầu (%(start)s); "
            "hãy kiểm tra lại ngày trên sổ văn bản đến."
        ) % {"day": f"{received_on:%d/%m/%Y}", "start": f"{start:%d/%m/%Y}"}
    if not receipt_number:
        errors["receipt_number"] = _("Hãy nhập số đến của hồ sơ, như trên sổ văn bản đến.")
    elif len(receipt_number) > Nomination._meta.get_field("receipt_number").max_length:
        errors["receipt_number"] = _("Số đến dài quá 32 ký tự.")
    if channel not in RECORDED_CHANNELS:
        errors["receipt_channel"] = _(
            "Hãy chọn hình thức nhận: bản giấy, thư điện tử hoặc hệ thống quản lý văn bản "
            "(hồ sơ gửi trực tuyến do cổng tự ghi nhận)."
        )
    return errors


def nomination_receipt_record(
    *,
    user: User,
    nomination: Nomination,
    received_on: datetime.date | None,
    receipt_number: str,
    channel: str,
) -> Nomination:
    """Record (or correct) when and how a sent dossier was received; audited before → after.

    Raises ValidationError naming each field at fault; nothing is saved then. The criteria are
    checked again, since the deadline criterion reads this date."""
    if not is_reviewer.test(user):
        raise PermissionDenied(_("Chỉ chuyên viên thẩm định ghi nhận ngày nhận hồ sơ."))
    receipt_number = (receipt_number or "").strip()
    with transaction.atomic():
        versions_lock(Nomination, [nomination.pk])
        locked = Nomination.objects.select_for_update(of=("self",)).select_related("campaign").get(pk=nomination.pk)
        if locked.state == NominationState.DRAFT:
            raise ValidationError(_("Hồ sơ chưa được gửi nên chưa ghi nhận được ngày nhận."))
        errors = _receipt_errors(
            nomination=locked, received_on=received_on, receipt_number=receipt_number, channel=channel
        )
        if errors:
            raise ValidationError(errors)
        before = _receipt_snapshot(locked)
        locked.received_on = received_on
        locked.receipt_number = receipt_number
        locked.receipt_channel = channel
        locked.receipt_recorded_by = user
        after = _receipt_snapshot(locked)
        if after == before:
            return locked
        locked.receipt_recorded_at = timezone.now()
        locked.save(update_fields=[*RECEIPT_FIELDS, "receipt_recorded_at", "updated_at"])
        audit_record(actor=user, action="awards.nomination.receipt", target=locked, before=before, after=after)
        criteria_check_queue(nomination_ids=[locked.pk])
    return locked
