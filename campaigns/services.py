"""Writes for campaigns: one function per change, atomic and audited."""

from django.db import transaction

from campaign_portal.audit import audit_record

from .enums import DocumentType
from .models import Campaign, CampaignDocument, LegalDocument


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
