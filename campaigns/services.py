"""Writes for campaigns: one function per change, atomic and audited."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.selectors import agency_successors
from campaign_portal.audit import audit_record
from campaign_portal.text import fold_text

from .copiers import campaign_copiers
from .enums import DocumentType
from .models import Campaign, CampaignDocument, InitiativeCategory, LegalDocument
from .selectors import expected_agency_candidates, in_group_order


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
        "publishes_proposed_list": campaign.publishes_proposed_list,
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
    return campaign


@dataclass
class CarriedAgencies:
    """The expected agencies of an earlier campaign as they stand on a new campaign's first day."""

    agencies: list[Agency] = field(default_factory=list)
    replaced: list[tuple[Agency, Agency]] = field(default_factory=list)  # (closed agency, its successor)
    dropped: list[Agency] = field(default_factory=list)  # closed with no successor standing that day
    split: list[tuple[Agency, list[Agency]]] = field(default_factory=list)  # closed, several successors


def expected_agencies_carried(*, source: Campaign, day: datetime.date) -> CarriedAgencies:
    """Each agency still standing on `day` is kept; a closed one is replaced by its successor when
    exactly one stands on `day` (the succession table, followed through every change up to then);
    one split between several, or ended with none, is left for the reviewer to choose."""
    carried = CarriedAgencies()
    seen: set[int] = set()
    for agency in in_group_order(source.expected_agencies.all()):
        standing = agency_successors(agency, day=day)
        if not standing:
            carried.dropped.append(agency)
            continue
        if len(standing) > 1:
            carried.split.append((agency, standing))
            continue
        current = standing[0]
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
        lines += [
            _("%(old)s đã được chia cho %(new)s: hãy tự chọn") % {"old": old.name, "new": ", ".join(map(str, new))}
            for old, new in carried.split
        ]
        categories = [
            InitiativeCategory(campaign=campaign, code=c.code, name=c.name, position=c.position)
            for c in InitiativeCategory.objects.filter(campaign=source, retired=False).order_by("position", "pk")
        ]
        if categories:
            InitiativeCategory.objects.bulk_create(categories)
            lines.append(_("%(n)d lĩnh vực, nhóm mô hình") % {"n": len(categories)})
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


@transaction.atomic
def campaign_categories_save(*, user, campaign: Campaign, rows: list[dict]) -> list[InitiativeCategory]:
    """Add, rename, reorder and retire the campaign's categories in one go. Rows are dicts with
    `code`, `name`, `position`, `retired` and, for an existing category, `category`. A category is
    retired rather than deleted: initiatives keep the one they were registered under."""
    before = list(InitiativeCategory.objects.filter(campaign=campaign).values("code", "name", "position", "retired"))
    saved = []
    for row in rows:
        category = row.get("category") or InitiativeCategory(campaign=campaign)
        if category.campaign_id != campaign.pk:
            raise ValidationError(_("Lĩnh vực “%(name)s” không thuộc phong trào này.") % {"name": category.name})
        category.code, category.name = row["code"].strip(), row["name"].strip()
        category.position, category.retired = row["position"], row["retired"]
        category.full_clean(exclude=["campaign"], validate_unique=False)
        saved.append(category)
    codes = [c.code for c in saved]
    names = [fold_text(c.name) for c in saved]
    for category in saved:
        if codes.count(category.code) > 1:
            raise ValidationError(_("Mã “%(code)s” dùng cho hai lĩnh vực.") % {"code": category.code})
        if names.count(fold_text(category.name)) > 1:
            raise ValidationError(_("Tên “%(name)s” dùng cho hai lĩnh vực.") % {"name": category.name})
    # Free the codes and names first, so that two categories may swap them in one save.
    for category in saved:
        if category.pk:
            InitiativeCategory.objects.filter(pk=category.pk).update(code=f"~{category.pk}", name=f"~{category.pk}")
    for category in saved:
        category.save()
    after = list(InitiativeCategory.objects.filter(campaign=campaign).values("code", "name", "position", "retired"))
    if before != after:
        audit_record(
            actor=user,
            action="campaigns.categories.update",
            target=campaign,
            before={"categories": before},
            after={"categories": after},
        )
    return saved
