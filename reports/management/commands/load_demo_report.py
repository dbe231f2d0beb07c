from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from campaigns.models import Campaign
from demo.outline_4064 import OUTLINE
from reports import demo_4064 as demo
from reports.models import Indicator, IndicatorValue, OutlineSection, SummaryReport
from reports.outline import outline_load


class Command(BaseCommand):
    help = "Nạp báo cáo tổng kết minh họa của Kế hoạch 4064: số liệu chỉ số, người ký, nơi nhận, nội dung."

    @transaction.atomic
    def handle(self, *args, **options):
        campaign = Campaign.objects.filter(code="4064").first()
        if campaign is None:
            raise CommandError("Chưa có phong trào 4064: hãy chạy load_demo_campaign trước.")
        # get_or_create, never update: a second run changes nothing, and staff edits are kept.
        outline_load(campaign=campaign, rows=OUTLINE)
        sections = {section.key: section for section in OutlineSection.objects.filter(campaign=campaign)}
        report, created = SummaryReport.objects.get_or_create(
            campaign=campaign, defaults={**demo.REPORT, "sections": dict(demo.SECTIONS)}
        )
        by_code = {}
        for position, (code, name, unit, section, parent, value) in enumerate(demo.INDICATORS, start=1):
            indicator, _ = Indicator.objects.get_or_create(
                campaign=campaign,
                code=code,
                defaults={
                    "name": name,
                    "unit": unit,
                    "section": sections.get(section),
                    "position": position,
                    "parent": by_code.get(parent),
                },
            )
            by_code[code] = indicator
            IndicatorValue.objects.get_or_create(indicator=indicator, agency=None, defaults={"value": value})
        self.stdout.write(
            self.style.SUCCESS(
                f"Báo cáo tổng kết {campaign.plan_document.number_symbol}: "
                f"{'đã tạo' if created else 'đã có'}, {len(by_code)} chỉ số."
            )
        )
