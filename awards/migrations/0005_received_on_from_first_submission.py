"""Dossiers sent before the receipt date existed were received online when first sent: their
receipt date is the Vietnam-time date of that first submission (`submitted_at` has always kept
the first one)."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations


def received_on_from_submission(apps, schema_editor):
    Nomination = apps.get_model("awards", "Nomination")
    local = ZoneInfo(settings.TIME_ZONE)
    sent = list(Nomination.objects.filter(submitted_at__isnull=False, received_on__isnull=True).only("submitted_at"))
    for nomination in sent:
        nomination.received_on = nomination.submitted_at.astimezone(local).date()
        nomination.receipt_channel = "online"
    Nomination.objects.bulk_update(sent, ["received_on", "receipt_channel"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("awards", "0004_nomination_receipt")]

    operations = [migrations.RunPython(received_on_from_submission, migrations.RunPython.noop)]
