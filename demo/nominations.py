"""Plan 4064's award forms, dossier components and criteria, and the demo dossiers that reproduce
the reference report's "25/43", each taken through the real services (upload checks, submission,
review) so the demo holds what the portal would. Idempotent: a dossier already there is skipped."""

import datetime
import functools
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError
from django.db import transaction
from django.test.utils import override_settings

from accounts.enums import Role
from accounts.models import User
from agencies.models import Agency
from awards import services
from awards.enums import NomineeType
from awards.models import AwardForm, Criterion, DossierRequirement, Nomination
from awards.selectors import campaign_progress
from campaign_portal.text import fold_text
from campaigns.models import Campaign

from . import awards_4064 as demo
from .accounts import DEMO_PASSWORD, FOCAL_OFFICER_PREFIX
from .pdf import minimal_pdf

REVIEWER = "chuyenvien.snv"


def load_nominations() -> str:
    campaign = Campaign.objects.filter(code="4064").first()
    reviewer = User.objects.filter(username=REVIEWER).first()
    if campaign is None or reviewer is None:
        raise CommandError("Hãy nạp phong trào và tài khoản minh họa trước.")
    # Review decisions e-mail the agencies; the demo's history must not flood the console.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), transaction.atomic():
        forms = _award_forms(campaign)
        _criteria(campaign)
        created = [
            nomination for row in demo.DOSSIERS if (nomination := _dossier(campaign, forms, reviewer, *row)) is not None
        ]
    # The checks run in process here whatever the broker, so the demo shows verdicts at once.
    for nomination in created:
        services.criteria_check_nomination(nomination.pk)
    progress = campaign_progress(campaign=campaign, as_of=campaign.nomination_deadline)
    return (
        f"Hồ sơ khen thưởng minh họa: {len(created)} hồ sơ mới; "
        f"{progress.sent_on_time_label} cơ quan, đơn vị gửi hồ sơ đúng hạn "
        f"({campaign.nomination_deadline:%d/%m/%Y})."
    )


def _award_forms(campaign) -> dict[str, AwardForm]:
    forms = {}
    for position, nominee_type in enumerate((NomineeType.COLLECTIVE, NomineeType.INDIVIDUAL), start=1):
        form, _ = AwardForm.objects.get_or_create(
            campaign=campaign,
            name=demo.AWARD_FORM_NAME,
            nominee_type=nominee_type,
            defaults={"position": position},
        )
        for index, (code, name) in enumerate(demo.REQUIREMENTS, start=1):
            DossierRequirement.objects.get_or_create(
                award_form=form, code=code, defaults={"name": name, "required": True, "position": index}
            )
        forms[nominee_type] = form
    return forms


def _criteria(campaign) -> None:
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


def _officer(agency: Agency) -> User:
    """The agency's demo officer, or else its focal officer `hoso.<agency>`, who signs its demo
    dossiers and logs in with the demo password, so that a dossier returned or missing a component
    can be followed from the agency's side too."""
    officer = User.objects.filter(agency=agency, role=Role.AGENCY_OFFICER, is_active=True).order_by("pk").first()
    if officer is not None:
        return officer
    slug = fold_text(agency.short_name or agency.name).replace(" ", "-")
    officer, _created = User.objects.get_or_create(
        username=f"{FOCAL_OFFICER_PREFIX}{slug}"[:150],
        defaults={"role": Role.AGENCY_OFFICER, "agency": agency, "last_name": "Cán bộ đầu mối", "first_name": ""},
    )
    if _created or not officer.has_usable_password():
        officer.password = _demo_password_hash(tuple(settings.PASSWORD_HASHERS))
        officer.save(update_fields=["password"])
    return officer


@functools.cache
def _demo_password_hash(hashers: tuple[str, ...]) -> str:
    """Hashed once per hasher setting: a slow hash for each of some twenty accounts would slow the seed."""
    return make_password(DEMO_PASSWORD)


def dossier_draft(*, campaign, forms, agency, nominee_agency=None, individual=None, figures, left_out, marker):
    """A draft dossier of `agency`'s officer for a collective (`nominee_agency`) or an individual
    (name, position, unit), with a small PDF for each component but those `left_out`; None when
    the demo already holds it. Shared by both demo campaigns."""
    officer = _officer(agency)
    if individual is not None:
        award_form = forms[NomineeType.INDIVIDUAL]
        name, position, unit = individual
        data = {"nominee_name": name, "nominee_position": position, "nominee_unit": unit}
        key = services.nominee_key_for(
            nominee_type=NomineeType.INDIVIDUAL, nominee_agency_id=None, nominee_name=name, nominee_unit=unit
        )
    else:
        award_form = forms[NomineeType.COLLECTIVE]
        data = {"nominee_agency": nominee_agency}
        key = f"a:{nominee_agency.pk}"
    if Nomination.objects.filter(campaign=campaign, agency=agency, award_form=award_form, nominee_key=key).exists():
        return None
    nomination = services.nomination_create(
        user=officer,
        campaign=campaign,
        award_form=award_form,
        achievement_summary=demo.SUMMARIES[award_form.nominee_type],
        declared_metrics=dict(figures),
        **data,
    )
    for requirement in award_form.requirements.all():
        if requirement.code in left_out:
            continue
        content = minimal_pdf([requirement.name, agency.name, nomination.nominee_label, marker])
        upload = SimpleUploadedFile(f"{requirement.code}.pdf", content, content_type="application/pdf")
        services.dossier_document_upload(user=officer, nomination=nomination, requirement=requirement, upload=upload)
    return nomination


def _dossier(campaign, forms, reviewer, agency_name, nominee, figures, sent_on, left_out, steps):
    agency = Agency.objects.get(name=agency_name, valid_from__isnull=True)
    officer = _officer(agency)
    individual = nominee if isinstance(nominee, tuple) else None
    collective = None
    if individual is None:
        collective = agency if nominee is None else Agency.objects.get(name=nominee, parent=agency)
    nomination = dossier_draft(
        campaign=campaign,
        forms=forms,
        agency=agency,
        nominee_agency=collective,
        individual=individual,
        figures=figures,
        left_out=left_out,
        marker="Ke hoach 4064/KH-UBND",
    )
    if nomination is None:
        return None
    if sent_on is None:
        return nomination
    tz = ZoneInfo(settings.TIME_ZONE)
    sent_at = datetime.datetime.combine(sent_on, datetime.time(9, 30), tzinfo=tz)
    nomination = services.nomination_submit(user=officer, nomination=nomination, at=sent_at)
    review_at = datetime.datetime.combine(datetime.date(2025, 1, 6), datetime.time(8, 0), tzinfo=tz)
    for step in steps:
        name, _sep, reason = step.partition(":")
        values = {}
        if name == "award":
            number, decided_on = demo.AWARD_DECISION
            values = {"decision_number": number, "decision_date": decided_on}
        if name == "review":
            name = "start_review"
        nomination = services.nomination_transition(
            user=reviewer, nomination=nomination, name=name, reason=reason, values=values, at=review_at
        )
    return nomination
