"""Writes for campaigns: one function per change, atomic and audited."""

import datetime
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _

from agencies.models import Agency
from campaign_portal.audit import audit_record

from .copiers import campaign_copiers
from .enums import DocumentType
from .models import Campaign, CampaignDocument, LegalDocument
from .selectors import expected_agency_candidates


def campaign_data_changed(*, campaign_ids: Iterable[int] | None = None) -> None:
    """Move the data version of these campaigns (None: of every campaign, for a change such as an
    agency's name that shows in each), so that their cached dashboard figures are recomputed.

    Call it inside the transaction of the write, after the write itself: one UPDATE with F(), so
    concurrent writers never lose a step and readers see the new version with the new data. The
    version never goes below the clock in microseconds, so after a restore of an older backup the
    next write takes a value no earlier figure was cached under."""
    campaigns = Campaign.objects.all()
    if campaign_ids is not None:
        ids = {pk for pk in campaign_ids if pk is not None}
        if not ids:
            return
        campaigns = campaigns.filter(pk__in=ids)
    campaigns.update(data_version=Greatest(F("data_version") + 1, Value(time.time_ns() // 1000)))


def legal_document_get_or_create(*, doc_type: str, number_symbol: str, issued_on, issuer: str, subject: str = ""):
    document, created = LegalDocument.objects.get_or_create(
        number_symbol=number_symbol.strip(),
        issued_on=issued_on,
        defaults={"doc_type": doc_type, "issuer": issuer.strip(), "subject": subject.strip()},
    )
    if not created and (document.doc_type, document.issuer, document.subject) != (doc_type, issuer, subject):
        document.doc_type, document.issuer, document.subject = doc_type, issuer.strip(), subject.strip()
        document.save()
    return document


def _snapshot(campaign: Campaign) -> dict:
    return {
        "code": campaign.code,
        "name": campaign.name,
        "plan": f"{campaign.plan_document.doc_type} {campaign.plan_document.number_symbol}",
        "period": [campaign.period_start.isoformat(), campaign.period_end.isoformat()],
        "nomination_deadline": campaign.nomination_deadline.isoformat(),
        "expected_agencies": sorted(campaign.expected_agencies.values_list("pk", flat=True)),
        "documents": list(campaign.document_links.values_list("document__number_symbol", flat=True)),
    }


def campaign_save(
    *,
    user,
    campaign: Campaign,
    plan: dict,
    documents: list[dict],
    expected_agencies=None,
) -> Campaign:
    """Create or update a campaign with its plan document (of any type: `plan["doc_type"]`, a
    Kế hoạch by default) and related documents (in the order given); `expected_agencies`, when
    given, replaces the agencies expected to report."""
    with transaction.atomic():
        before = _snapshot(Campaign.objects.get(pk=campaign.pk)) if campaign.pk else None
        campaign.plan_document = legal_document_get_or_create(**{"doc_type": DocumentType.PLAN, **plan})
        campaign.save()
        if expected_agencies is not None:
            campaign.expected_agencies.set(expected_agencies)
        kept = []
        for position, row in enumerate(documents, start=1):
            document = legal_document_get_or_create(**row)
            CampaignDocument.objects.update_or_create(
                campaign=campaign, document=document, defaults={"position": position}
            )
            kept.append(document.pk)
        campaign.document_links.exclude(document_id__in=kept).delete()
        audit_record(
            actor=user,
            action="campaigns.campaign.update" if before else "campaigns.campaign.create",
            target=campaign,
            before=before,
            after=_snapshot(campaign),
        )
        campaign_data_changed(campaign_ids=[campaign.pk])
    return campaign


def campaign_expected_agencies_set(*, user, campaign: Campaign, agencies: Iterable[Agency]) -> Campaign:
    """Replace the agencies expected to report. Each must stand in the hierarchy on the campaign's
    first day: a campaign is reported on the hierarchy of its period."""
    agencies = list(agencies)
    allowed = set(
        expected_agency_candidates(day=campaign.period_start)
        .filter(pk__in=[a.pk for a in agencies])
        .values_list("pk", flat=True)
    )
    outside = [a.name for a in agencies if a.pk not in allowed]
    if outside:
        raise ValidationError(
            _("Cơ quan, đơn vị phải báo cáo: %(names)s không có trong hệ thống cơ quan ngày %(day)s; hãy bỏ chọn.")
            % {"names": "; ".join(outside), "day": f"{campaign.period_start:%d/%m/%Y}"}
        )
    with transaction.atomic():
        before = sorted(campaign.expected_agencies.values_list("pk", flat=True))
        campaign.expected_agencies.set(agencies)
        audit_record(
            actor=user,
            action="campaigns.campaign.expected_agencies",
            target=campaign,
            before={"expected_agencies": before},
            after={"expected_agencies": sorted(a.pk for a in agencies)},
        )
        campaign_data_changed(campaign_ids=[campaign.pk])
    return campaign


@dataclass
class CarriedAgencies:
    """The expected agencies of an earlier campaign as they stand on a new campaign's first day."""

    agencies: list[Agency] = field(default_factory=list)
    replaced: list[tuple[Agency, Agency]] = field(default_factory=list)  # (closed agency, its successor)
    dropped: list[Agency] = field(default_factory=list)  # closed with no successor standing that day


def expected_agencies_carried(*, source: Campaign, day: datetime.date) -> CarriedAgencies:
    """Each agency still standing on `day` is kept; a closed one is replaced by its successor (the
    end of its chain of successors) when that one stands on `day`, and dropped otherwise."""
    carried = CarriedAgencies()
    seen: set[int] = set()
    for agency in source.expected_agencies.select_related("successor").order_by("level", "kind", "name"):
        current, hops = agency, 0
        while not current.is_active_on(day) and current.successor_id and hops < 10:
            current, hops = current.successor, hops + 1
        if not current.is_active_on(day):
            carried.dropped.append(agency)
            continue
        if current != agency:
            carried.replaced.append((agency, current))
        if current.pk not in seen:
            seen.add(current.pk)
            carried.agencies.append(current)
    return carried


def campaign_copy(
    *, user, source: Campaign, campaign: Campaign, plan: dict, documents: list[dict]
) -> tuple[Campaign, list[str]]:
    """Create `campaign` as a copy of `source`: its expected agencies as they stand on the new first
    day, then whatever the apps above registered in `campaign_copiers` (award forms, criteria,
    indicators…). Documents are not copied: a new campaign has a new plan. All or nothing.
    Returns the campaign and one line per part copied, for the reviewer."""
    carried = expected_agencies_carried(source=source, day=campaign.period_start)
    with transaction.atomic():
        campaign_save(user=user, campaign=campaign, plan=plan, documents=documents, expected_agencies=carried.agencies)
        lines = [_("%(n)d cơ quan, đơn vị phải báo cáo") % {"n": len(carried.agencies)}]
        lines += [
            _("%(old)s đã thôi hoạt động, thay bằng %(new)s") % {"old": old.name, "new": new.name}
            for old, new in carried.replaced
        ]
        lines += [_("%(old)s đã thôi hoạt động, không chuyển sang") % {"old": old.name} for old in carried.dropped]
        for copier in campaign_copiers:
            line = copier(source=source, target=campaign, user=user)
            if line:
                lines.append(line)
        audit_record(
            actor=user,
            action="campaigns.campaign.copy",
            target=campaign,
            after={"source": source.code, "copied": lines},
        )
    return campaign, lines
