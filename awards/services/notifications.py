"""E-mails to nominating agencies: a review decision, and the reminders before a deadline."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from agencies.models import Agency
from campaign_portal.audit import audit_record
from campaign_portal.models import AuditEvent
from campaign_portal.text import plain_text
from campaigns.models import Campaign

from ..models import Nomination


def _recipients_for(agency: Agency) -> list[str]:
    addresses = set(
        User.objects.filter(agency=agency, is_active=True).exclude(email="").values_list("email", flat=True)
    )
    if agency.email:
        addresses.add(agency.email)
    return sorted(addresses)


_NOTIFICATION_SUBJECTS = {
    "return": gettext_lazy("Hồ sơ đề nghị khen thưởng được trả lại để bổ sung"),
    "approve": gettext_lazy("Hồ sơ đề nghị khen thưởng đã được duyệt"),
    "reject": gettext_lazy("Hồ sơ đề nghị khen thưởng không được đề nghị"),
    "award": gettext_lazy("Đã có quyết định khen thưởng"),
}


def nomination_notify(*, nomination_id: int, event: str, transition_id: int | None = None) -> int:
    """E-mail the nominating agency about a review decision. Returns the number of messages.

    With `transition_id` (the history row of the decision) the e-mail goes once however often the
    request is delivered: the outbox delivers at least once. The nomination's row lock keeps two
    deliveries at the same time from both sending."""
    with transaction.atomic():
        nomination = (
            Nomination.objects.select_for_update(of=("self",))
            .select_related("agency", "award_form", "nominee_agency", "campaign")
            .get(pk=nomination_id)
        )
        note = f"transition:{transition_id}" if transition_id is not None else ""
        if note and AuditEvent.objects.filter(action="awards.nomination.notify", note=note).exists():
            return 0
        recipients = _recipients_for(nomination.agency)
        if not recipients or event not in _NOTIFICATION_SUBJECTS:
            return 0
        sent = send_mail(
            plain_text(f"[{nomination.campaign.code}] {_NOTIFICATION_SUBJECTS[event]}"),
            _notification_body(nomination, event),
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
        if note:
            audit_record(
                actor=None, action="awards.nomination.notify", target=nomination, after={"event": event}, note=note
            )
    return sent


def _notification_body(nomination: Nomination, event: str) -> str:
    lines = [
        _("Kính gửi: %(agency)s") % {"agency": nomination.agency.name},
        "",
        _("Hồ sơ đề nghị %(form)s cho %(nominee)s (phong trào %(campaign)s):")
        % {"form": nomination.award_form.name, "nominee": nomination.nominee_label, "campaign": nomination.campaign},
        str(_NOTIFICATION_SUBJECTS[event]) + ".",
    ]
    if event in ("return", "reject") and nomination.last_reason:
        lines.append(_("Lý do: %(reason)s") % {"reason": nomination.last_reason})
    if event == "award":
        lines.append(
            _("Quyết định số %(number)s ngày %(date)s.")
            % {"number": nomination.decision_number, "date": nomination.decision_date.strftime("%d/%m/%Y")}
        )
    lines += ["", _("Sở Nội vụ – Ban Thi đua – Khen thưởng")]
    # Names and reasons stored before input lost its bidirectional controls leave without them.
    return plain_text("\n".join(lines))


def nomination_reminders_send(*, today: datetime.date, days_before: Iterable[int]) -> int:
    """Remind expected agencies that have sent no dossier, N days before a campaign's deadline.
    One reminder per campaign and day, however often the beat fires."""
    sent = 0
    deadlines = [today + datetime.timedelta(days=n) for n in days_before]
    for campaign in Campaign.objects.filter(nomination_deadline__in=deadlines):
        note = today.isoformat()
        with transaction.atomic():
            if AuditEvent.objects.filter(action="awards.reminder", object_id=str(campaign.pk), note=note).exists():
                continue
            from ..selectors import agencies_without_dossier

            missing = agencies_without_dossier(campaign=campaign)
            audit_record(
                actor=None, action="awards.reminder", target=campaign, after={"agencies": len(missing)}, note=note
            )
        days = (campaign.nomination_deadline - today).days
        for agency in missing:
            recipients = _recipients_for(agency)
            if not recipients:
                continue
            body = _(
                "Kính gửi: %(agency)s\n\nĐến nay Sở Nội vụ chưa nhận được hồ sơ đề nghị khen thưởng của quý cơ quan "
                "trong phong trào “%(campaign)s”. Hạn gửi hồ sơ là ngày %(deadline)s (còn %(days)d ngày).\n\n"
                "Sở Nội vụ – Ban Thi đua – Khen thưởng"
            ) % {
                "agency": agency.name,
                "campaign": campaign.name,
                "deadline": campaign.nomination_deadline.strftime("%d/%m/%Y"),
                "days": days,
            }
            subject = _("[%(code)s] Nhắc gửi hồ sơ đề nghị khen thưởng") % {"code": campaign.code}
            sent += send_mail(plain_text(subject), plain_text(body), settings.DEFAULT_FROM_EMAIL, recipients)
    return sent
