import datetime

from django.db import transaction

from campaign_portal.audit import audit_record

from .models import Agency


@transaction.atomic
def agency_close(*, agency: Agency, last_day: datetime.date, successor: Agency | None, actor=None) -> Agency:
    """Close an agency on its last day and link its successor; its history stays as it was."""
    before = {"valid_to": str(agency.valid_to) if agency.valid_to else None, "successor": agency.successor_id}
    agency.valid_to = last_day
    agency.successor = successor
    agency.save(update_fields=["valid_to", "successor", "search_text"])
    audit_record(
        actor=actor,
        action="agency.close",
        target=agency,
        before=before,
        after={"valid_to": str(last_day), "successor": successor.pk if successor else None},
    )
    return agency
