"""Plan 4064's campaign with its documents and the agencies expected to report. Idempotent: the
campaign is found by its code and each document by its number and date."""

from django.db import transaction

from agencies.models import Agency
from campaigns.models import Campaign, CampaignDocument, InitiativeCategory, LegalDocument

from . import plan_4064 as plan
from .outline_4064 import CATEGORIES


def _document(row) -> LegalDocument:
    doc_type, number_symbol, issued_on, issuer, subject = row
    document, _ = LegalDocument.objects.update_or_create(
        number_symbol=number_symbol,
        issued_on=issued_on,
        defaults={"doc_type": doc_type, "issuer": issuer, "subject": subject},
    )
    return document


@transaction.atomic
def load_campaign() -> str:
    values = dict(plan.CAMPAIGN)
    organiser = Agency.objects.get(name=values.pop("organiser"), valid_from__isnull=True)
    campaign, _ = Campaign.objects.update_or_create(
        code=values.pop("code"),
        defaults={**values, "organiser": organiser, "plan_document": _document(plan.PLAN)},
    )
    for position, row in enumerate(plan.DOCUMENTS, start=1):
        CampaignDocument.objects.update_or_create(
            campaign=campaign, document=_document(row), defaults={"position": position}
        )
    for position, (code, name) in enumerate(CATEGORIES, start=1):
        InitiativeCategory.objects.get_or_create(
            campaign=campaign, code=code, defaults={"name": name, "position": position}
        )
    expected = Agency.objects.filter(kind__in=plan.EXPECTED_KINDS, valid_from__isnull=True)
    campaign.expected_agencies.set(expected)
    return (
        f"Phong trào {campaign.plan_document.number_symbol}: {len(plan.DOCUMENTS)} văn bản liên quan, "
        f"{campaign.expected_agencies.count()} cơ quan, đơn vị phải báo cáo."
    )
