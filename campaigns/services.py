"""Writes for campaigns: one function per change, atomic and audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaign_portal.audit import audit_record
from campaign_portal.text import fold_text

from .enums import DocumentType
from .models import Campaign, CampaignDocument, InitiativeCategory, LegalDocument


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
        "plan": campaign.plan_document.number_symbol,
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
    expected_agencies,
    documents: list[dict],
) -> Campaign:
    """Create or update a campaign with its plan document, expected agencies and related
    documents (in the order given)."""
    with transaction.atomic():
        before = _snapshot(Campaign.objects.get(pk=campaign.pk)) if campaign.pk else None
        campaign.plan_document = legal_document_get_or_create(doc_type=DocumentType.PLAN, **plan)
        campaign.save()
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
