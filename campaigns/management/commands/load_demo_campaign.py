from django.core.management.base import BaseCommand
from django.db import transaction

from agencies.models import Agency
from campaigns import demo_plan_4064 as plan
from campaigns.models import Campaign, CampaignDocument, InitiativeCategory, LegalDocument
from campaigns.services import campaign_data_changed
from demo.outline_4064 import CATEGORIES


def _document(row) -> LegalDocument:
    doc_type, number_symbol, issued_on, issuer, subject = row
    document, _ = LegalDocument.objects.update_or_create(
        number_symbol=number_symbol,
        issued_on=issued_on,
        defaults={"doc_type": doc_type, "issuer": issuer, "subject": subject},
    )
    return document


class Command(BaseCommand):
    help = "Nạp phong trào thi đua theo Kế hoạch 4064/KH-UBND và các văn bản liên quan."

    @transaction.atomic
    def handle(self, *args, **options):
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
        campaign_data_changed(campaign_ids=[campaign.pk])
        self.stdout.write(
            self.style.SUCCESS(
                f"Phong trào {campaign.plan_document.number_symbol}: {len(plan.DOCUMENTS)} văn bản liên quan, "
                f"{campaign.expected_agencies.count()} cơ quan, đơn vị phải báo cáo."
            )
        )
