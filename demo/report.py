"""The demo summary report of Plan 4064: its fields, narrative and indicator figures. Idempotent,
and it never overwrites: staff edits made after a first run are kept."""

from django.core.management.base import CommandError
from django.db import transaction

from campaigns.models import Campaign
from reports.models import Indicator, IndicatorValue, OutlineSection, SummaryReport
from reports.outline import outline_load

from . import report_4064 as demo
from .outline_4064 import OUTLINE


@transaction.atomic
def load_report() -> str:
    campaign = Campaign.objects.filter(code="4064").first()
    if campaign is None:
        raise CommandError("Chưa có phong trào 4064: hãy nạp phong trào minh họa trước.")
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
    return (
        f"Báo cáo tổng kết {campaign.plan_document.number_symbol}: "
        f"{'đã tạo' if created else 'đã có'}, {len(by_code)} chỉ số."
    )
