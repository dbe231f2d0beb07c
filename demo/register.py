"""The demo's award register before the portal: earlier awards invented for the demo (each marked so
in its note), and Plan 4064's interval criterion that reads them. Loaded before the demo dossiers so
that their first check already flags the repeats. Idempotent: an award already there is skipped."""

from django.core.management.base import CommandError
from django.db import transaction

from agencies.selectors import agencies_as_of
from awards import services
from awards.enums import NomineeType
from awards.models import AwardRecord, Criterion
from campaigns.models import Campaign

from . import awards_4064 as demo


def load_register() -> str:
    campaign = Campaign.objects.filter(code="4064").first()
    if campaign is None:
        raise CommandError("Hãy nạp phong trào minh họa trước.")
    created = 0
    with transaction.atomic():
        for agency_name, individual, form_name, number, day in demo.EARLIER_AWARDS:
            agency = agencies_as_of(day).get(name=agency_name)
            values = {"nominee_type": NomineeType.COLLECTIVE, "agency": agency}
            if individual is not None:
                name, position, unit = individual
                values = {
                    "nominee_type": NomineeType.INDIVIDUAL,
                    "agency": agency,
                    "nominee_name": name,
                    "nominee_position": position,
                    "nominee_unit": unit,
                }
            already = AwardRecord.objects.filter(
                decision_number=number,
                decision_date=day,
                form_name=form_name,
                agency=agency,
                nominee_name=values.get("nominee_name", ""),
            )
            if already.exists():
                continue
            services.award_record_create(
                user=None,
                form_name=form_name,
                decision_number=number,
                decision_date=day,
                decision_issuer="UBND tỉnh Quảng Nam",
                note=demo.REGISTER_NOTE,
                **values,
            )
            created += 1
        code, wording, kind, params, applies_to = demo.INTERVAL_CRITERION
        Criterion.objects.get_or_create(
            campaign=campaign,
            code=code,
            defaults={
                "wording": wording,
                "kind": kind,
                "params": params,
                "applies_to": applies_to,
                "position": len(demo.CRITERIA) + 1,
            },
        )
    return f"Sổ khen thưởng minh họa: {created} khen thưởng mới trước khi có cổng (dữ liệu tự đặt)."
