"""Publishing the proposed list for comment (công khai): a reviewer publishes the approved
nominations of a campaign for a period; anyone may read the list and leave a comment while it is
open; only reviewers read the comments, and they join the council's file. The page closes itself:
the period is checked on every read and every comment, no task has to run at its end."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from campaign_portal.audit import audit_record
from campaigns.models import Campaign

from ..enums import NominationState
from ..models import Nomination, Publication, PublicComment

COMMENT_MAX_LENGTH = 3000
PUBLICATION_MAX_DAYS = 90


def publication_is_open(publication: Publication, *, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return publication.opens_at <= now < publication.closes_at


def publication_create(
    *, user: User, campaign: Campaign, title: str, opens_at: datetime.datetime, closes_at: datetime.datetime
) -> Publication:
    """Publish the campaign's approved nominations as they stand now. Refused, with nothing saved,
    when the campaign does not publish its list, none is approved or the period is not a period."""
    if not campaign.publishes_proposed_list:
        raise ValidationError(
            _(
                "Phong trào này không công khai danh sách đề nghị khen thưởng. Nếu cần công khai, hãy bật "
                "“Công khai danh sách đề nghị khen thưởng để lấy ý kiến” trong trang sửa phong trào."
            )
        )
    if closes_at <= opens_at:
        raise ValidationError(_("Thời điểm kết thúc phải sau thời điểm bắt đầu lấy ý kiến."))
    if closes_at <= timezone.now():
        raise ValidationError(_("Thời điểm kết thúc đã qua: hãy chọn một thời hạn trong tương lai."))
    if closes_at - opens_at > datetime.timedelta(days=PUBLICATION_MAX_DAYS):
        raise ValidationError(_("Thời gian lấy ý kiến dài quá %(days)d ngày.") % {"days": PUBLICATION_MAX_DAYS})
    with transaction.atomic():
        # A snapshot of the approved list as it stands now; no row is locked, so a transition beside it
        # never waits (the list published is the one read here, whatever happens to a dossier later).
        approved = list(
            Nomination.objects.filter(campaign=campaign, state=NominationState.APPROVED)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not approved:
            raise ValidationError(
                _("Phong trào chưa có hồ sơ nào được duyệt: chưa có danh sách đề nghị khen thưởng để công khai.")
            )
        publication = Publication.objects.create(
            campaign=campaign, title=title, opens_at=opens_at, closes_at=closes_at, published_by=user
        )
        publication.nominations.set(approved)
        audit_record(
            actor=user,
            action="awards.publication_create",
            target=publication,
            after={
                "opens_at": opens_at.isoformat(),
                "closes_at": closes_at.isoformat(),
                "nominations": approved,
            },
        )
    return publication


def publication_close(*, user: User, publication: Publication) -> Publication:
    """End the comment period now (a list published by mistake)."""
    with transaction.atomic():
        publication = Publication.objects.select_for_update().get(pk=publication.pk)
        now = timezone.now()
        if publication.closes_at <= now:
            return publication
        before = {"closes_at": publication.closes_at.isoformat()}
        publication.closes_at = max(now, publication.opens_at + datetime.timedelta(microseconds=1))
        publication.save(update_fields=["closes_at"])
        audit_record(
            actor=user,
            action="awards.publication_close",
            target=publication,
            before=before,
            after={"closes_at": publication.closes_at.isoformat()},
        )
    return publication


def public_comment_add(
    *, publication: Publication, nomination_id: int | None, author_name: str, contact: str, body: str
) -> PublicComment:
    """Keep a member of the public's comment, while the list is open. The text is kept as written
    and escaped wherever it is shown."""
    body = body.strip()
    if not body:
        raise ValidationError(_("Hãy nhập nội dung góp ý."))
    if len(body) > COMMENT_MAX_LENGTH:
        raise ValidationError(_("Nội dung góp ý dài quá %(n)d ký tự.") % {"n": COMMENT_MAX_LENGTH})
    with transaction.atomic():
        publication = Publication.objects.select_for_update().get(pk=publication.pk)
        if not publication_is_open(publication):
            raise ValidationError(_("Đã hết thời gian lấy ý kiến về danh sách này."))
        if nomination_id is not None and not publication.nominations.filter(pk=nomination_id).exists():
            raise ValidationError(_("Hồ sơ được góp ý không có trong danh sách công khai."))
        comment = PublicComment.objects.create(
            publication=publication,
            nomination_id=nomination_id,
            author_name=author_name.strip()[:100],
            contact=contact.strip()[:150],
            body=body,
        )
        audit_record(actor=None, action="awards.public_comment_add", target=comment, after={"length": len(body)})
    return comment
