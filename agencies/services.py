"""Writes to the hierarchy by hand (the administrator's, outside a package load): audited, atomic.

History is never overwritten: closing an agency sets its last day and links what took it over."""

import datetime
from collections.abc import Sequence

from django.db import transaction

from campaign_portal.audit import audit_record

from .models import Agency, AgencySuccession


@transaction.atomic
def agency_close(
    *,
    agency: Agency,
    last_day: datetime.date,
    successors: Sequence[Agency] = (),
    legal_basis: str = "",
    actor=None,
) -> Agency:
    """Close an agency on its last day and link its successors (the first is the principal one, who
    takes over its accounts and records); its history stays as it was."""
    before = {
        "valid_to": str(agency.valid_to) if agency.valid_to else None,
        "successors": sorted(agency.successor_links.values_list("successor_id", flat=True)),
    }
    agency.valid_to = last_day
    agency.save(update_fields=["valid_to", "search_text"])
    for position, successor in enumerate(successors):
        AgencySuccession.objects.update_or_create(
            predecessor=agency,
            successor=successor,
            defaults={
                "effective": last_day + datetime.timedelta(days=1),
                "is_principal": position == 0,
                "legal_basis": legal_basis,
            },
        )
    audit_record(
        actor=actor,
        action="agency.close",
        target=agency,
        before=before,
        after={"valid_to": str(last_day), "successors": [successor.pk for successor in successors]},
    )
    return agency
