"""Load the second, INVENTED demo campaign (demo/ntm_data.py) beside Plan 4064: its decision,
agencies, categories, award forms, criteria, outline, indicators, initiatives, dossiers (one on
paper recorded after the deadline, one late, one incomplete) and report, through the same
services as the 4064 demo. Idempotent: what is already there is found and left as it is."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from django.test.utils import override_settings

from accounts.models import User
from agencies.models import Agency
from awards import services
from awards.enums import ReceiptChannel
from awards.models import AwardForm, Criterion, DossierRequirement
from campaigns.models import Campaign, CampaignDocument, InitiativeCategory
from initiatives.enums import InitiativeState
from initiatives.models import Initiative
from reports.models import Indicator, IndicatorValue, OutlineSection, SummaryReport
from reports.outline import outline_load

from . import ntm_data as demo
from .campaign import _document
from .nominations import REVIEWER, _officer, dossier_draft


def load_ntm() -> str:
    reviewer = User.objects.filter(username=REVIEWER).first()
    if reviewer is None:
        raise CommandError("Hãy nạp tài khoản minh họa trước.")
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), transaction.atomic():
        campaign = _campaign()
        forms = _award_forms(campaign)
        created = [n for row in demo.DOSSIERS if (n := _dossier(campaign, forms, reviewer, *row)) is not None]
        _initiatives(campaign)
        _report(campaign)
    for nomination in created:
        services.criteria_check_nomination(nomination.pk)
    return f"Phong trào minh họa {demo.PLAN[1]}: {len(created)} hồ sơ mới."


def _agency(name: str) -> Agency:
    return Agency.objects.get(name=name, valid_from__isnull=True)


def _campaign() -> Campaign:
    values = dict(demo.CAMPAIGN)
    organiser = _agency(values.pop("organiser"))
    campaign, created = Campaign.objects.get_or_create(
        code=values.pop("code"), defaults={**values, "organiser": organiser, "plan_document": _document(demo.PLAN)}
    )
    for position, row in enumerate(demo.DOCUMENTS, start=1):
        CampaignDocument.objects.get_or_create(
            campaign=campaign, document=_document(row), defaults={"position": position}
        )
    for position, (code, name) in enumerate(demo.CATEGORIES, start=1):
        InitiativeCategory.objects.get_or_create(
            campaign=campaign, code=code, defaults={"name": name, "position": position}
        )
    if created:
        campaign.expected_agencies.set([_agency(name) for name in demo.EXPECTED_AGENCIES])
    for position, (code, wording, kind, params, applies_to) in enumerate(demo.CRITERIA, start=1):
        Criterion.objects.get_or_create(
            campaign=campaign,
            code=code,
            defaults={
                "wording": wording,
                "kind": kind,
                "params": params,
                "applies_to": applies_to,
                "position": position,
            },
        )
    return campaign


def _award_forms(campaign) -> dict[str, AwardForm]:
    forms = {}
    for position, (name, nominee_type) in enumerate(demo.AWARD_FORMS, start=1):
        form, _ = AwardForm.objects.get_or_create(
            campaign=campaign, name=name, nominee_type=nominee_type, defaults={"position": position}
        )
        for index, (code, label) in enumerate(demo.REQUIREMENTS, start=1):
            DossierRequirement.objects.get_or_create(
                award_form=form, code=code, defaults={"name": label, "required": True, "position": index}
            )
        forms[nominee_type] = form
    return forms


def _dossier(campaign, forms, reviewer, agency_name, nominee, figures, sent_on, left_out, steps, paper):
    agency = _agency(agency_name)
    officer = _officer(agency)
    nomination = dossier_draft(
        campaign=campaign,
        forms=forms,
        agency=agency,
        nominee_agency=agency if nominee is None else None,
        individual=nominee,
        figures=figures,
        left_out=left_out,
        marker="Du lieu minh hoa",
    )
    if nomination is None:
        return None
    tz = ZoneInfo(settings.TIME_ZONE)
    sent_at = datetime.datetime.combine(sent_on, datetime.time(9, 30), tzinfo=tz)
    nomination = services.nomination_submit(user=officer, nomination=nomination, at=sent_at)
    if paper is not None:
        received_on, number = paper
        nomination = services.nomination_receipt_record(
            user=reviewer,
            nomination=nomination,
            received_on=received_on,
            receipt_number=number,
            channel=ReceiptChannel.PAPER,
        )
    review_at = datetime.datetime.combine(datetime.date(2024, 12, 27), datetime.time(8, 0), tzinfo=tz)
    for step in steps:
        name = "start_review" if step == "review" else step
        nomination = services.nomination_transition(
            user=reviewer, nomination=nomination, name=name, reason="", values={}, at=review_at
        )
    return nomination


def _initiatives(campaign) -> None:
    categories = {category.code: category for category in InitiativeCategory.objects.filter(campaign=campaign)}
    for agency_name, kind, category, title in demo.INITIATIVES:
        initiative, created = Initiative.objects.get_or_create(
            campaign=campaign,
            agency=_agency(agency_name),
            title=title,
            defaults={"kind": kind, "category": categories[category], "state": InitiativeState.IN_PRACTICE},
        )
        if created or initiative.search_text != initiative.build_search_text():
            initiative.save()


def _report(campaign) -> None:
    # get_or_create, never update: staff edits after a first run are kept.
    outline_load(campaign=campaign, rows=demo.OUTLINE)
    sections = {section.key: section for section in OutlineSection.objects.filter(campaign=campaign)}
    SummaryReport.objects.get_or_create(campaign=campaign, defaults={**demo.REPORT, "sections": dict(demo.SECTIONS)})
    for position, (code, name, unit, section, value) in enumerate(demo.INDICATORS, start=1):
        indicator, _ = Indicator.objects.get_or_create(
            campaign=campaign,
            code=code,
            defaults={"name": name, "unit": unit, "section": sections.get(section), "position": position},
        )
        IndicatorValue.objects.get_or_create(indicator=indicator, agency=None, defaults={"value": value})
