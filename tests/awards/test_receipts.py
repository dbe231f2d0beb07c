"""The receipt date of a dossier: set on the first online submission in Vietnam time, recorded by
a reviewer for a dossier that came outside the portal, audited, and the only date "on time" is
held against (the whole deadline day included), in progress, flags, criteria and the report's list."""

import datetime
import importlib
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.enums import Outcome, ReceiptChannel
from awards.models import CriterionResult, Nomination
from awards.selectors import campaign_progress, nomination_detail, nominations_for_report
from campaign_portal.models import AuditEvent
from tests.awards.conftest import DEADLINE, make_dossier
from tests.factories import AgencyFactory
from tests.factories.awards import NominationFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=VN)


def _flags(nomination, reviewer) -> Nomination:
    return nomination_detail(user=reviewer, pk=nomination.pk)


def test_sent_at_2359_on_the_deadline_day_is_on_time(dossier, officer, reviewer, campaign):
    campaign.expected_agencies.set([officer.agency])
    services.nomination_submit(user=officer, nomination=dossier, at=at(DEADLINE, 23, 59))
    dossier.refresh_from_db()
    assert dossier.received_on == DEADLINE and dossier.receipt_channel == ReceiptChannel.ONLINE
    assert _flags(dossier, reviewer).is_late is False
    assert campaign_progress(campaign=campaign, as_of=DEADLINE).sent_on_time_label == "1/1"
    services.criteria_check_nomination(dossier.pk)
    assert CriterionResult.objects.get(nomination=dossier, criterion__code="dung_han").outcome == Outcome.MET


def test_sent_at_midnight_after_the_deadline_day_is_late(dossier, officer, reviewer, campaign):
    """00:00 on 25/12 in Vietnam is still 24/12 in UTC: a date taken in UTC would call it on time."""
    campaign.expected_agencies.set([officer.agency])
    services.nomination_submit(user=officer, nomination=dossier, at=at(DEADLINE + datetime.timedelta(days=1), 0, 0))
    dossier.refresh_from_db()
    assert dossier.received_on == datetime.date(2024, 12, 25)
    assert _flags(dossier, reviewer).is_late is True
    progress = campaign_progress(campaign=campaign, as_of=datetime.date(2024, 12, 31))
    assert (progress.sent_on_time, progress.sent_late, progress.nominations_late) == (0, 1, 1)
    services.criteria_check_nomination(dossier.pk)
    result = CriterionResult.objects.get(nomination=dossier, criterion__code="dung_han")
    assert result.outcome == Outcome.NOT_MET
    assert result.explanation == "Nhận hồ sơ ngày 25/12/2024, trễ 1 ngày so với hạn 24/12/2024."


def test_paper_dossier_recorded_after_the_deadline_with_receipt_on_the_deadline_is_on_time(
    dossier, officer, reviewer, campaign
):
    campaign.expected_agencies.set([officer.agency])
    # Typed into the portal a week after the paper copy arrived.
    services.nomination_submit(user=officer, nomination=dossier, at=at(datetime.date(2024, 12, 31), 9))
    assert _flags(dossier, reviewer).is_late is True
    services.nomination_receipt_record(
        user=reviewer, nomination=dossier, received_on=DEADLINE, receipt_number="1250", channel=ReceiptChannel.PAPER
    )
    dossier.refresh_from_db()
    assert (dossier.received_on, dossier.receipt_number, dossier.receipt_channel) == (DEADLINE, "1250", "paper")
    assert dossier.receipt_recorded_by == reviewer and dossier.receipt_recorded_at is not None
    assert dossier.submitted_at == at(datetime.date(2024, 12, 31), 9), "the system timestamp is kept apart"
    assert _flags(dossier, reviewer).is_late is False
    progress = campaign_progress(campaign=campaign, as_of=datetime.date(2025, 1, 5))
    assert (progress.sent_on_time, progress.sent_late) == (1, 0)
    services.criteria_check_nomination(dossier.pk)
    result = CriterionResult.objects.get(nomination=dossier, criterion__code="dung_han")
    assert (result.outcome, result.explanation) == (
        Outcome.MET,
        "Nhận hồ sơ ngày 24/12/2024, trong hạn (hạn 24/12/2024).",
    )


def test_resubmission_after_return_keeps_the_first_receipt(dossier, officer, reviewer):
    services.nomination_submit(user=officer, nomination=dossier, at=at(datetime.date(2024, 12, 20), 10))
    services.nomination_transition(user=reviewer, nomination=dossier, name="return", reason="Bổ sung biên bản.")
    dossier.refresh_from_db()
    services.nomination_submit(user=officer, nomination=dossier, at=at(datetime.date(2024, 12, 28), 10))
    dossier.refresh_from_db()
    assert dossier.received_on == datetime.date(2024, 12, 20)


def test_resubmission_keeps_a_receipt_recorded_while_returned(dossier, officer, reviewer):
    services.nomination_submit(user=officer, nomination=dossier, at=at(datetime.date(2024, 12, 27), 10))
    services.nomination_transition(user=reviewer, nomination=dossier, name="return", reason="Bổ sung biên bản.")
    services.nomination_receipt_record(
        user=reviewer, nomination=dossier, received_on=DEADLINE, receipt_number="77", channel=ReceiptChannel.PAPER
    )
    dossier.refresh_from_db()
    services.nomination_submit(user=officer, nomination=dossier, at=at(datetime.date(2024, 12, 30), 10))
    dossier.refresh_from_db()
    assert (dossier.received_on, dossier.receipt_channel, dossier.receipt_number) == (DEADLINE, "paper", "77")


def test_recorded_receipt_is_audited_before_and_after(dossier, officer, reviewer):
    services.nomination_submit(user=officer, nomination=dossier, at=at(datetime.date(2024, 12, 27), 8))
    services.nomination_receipt_record(
        user=reviewer,
        nomination=dossier,
        received_on=datetime.date(2024, 12, 23),
        receipt_number=" 98/SNV ",
        channel=ReceiptChannel.DOCUMENT_SYSTEM,
    )
    event = AuditEvent.objects.get(action="awards.nomination.receipt", object_id=str(dossier.pk))
    assert event.actor == reviewer
    assert event.before == {
        "received_on": "2024-12-27",
        "receipt_number": "",
        "receipt_channel": "online",
        "receipt_recorded_by": None,
    }
    assert event.after == {
        "received_on": "2024-12-23",
        "receipt_number": "98/SNV",
        "receipt_channel": "document_system",
        "receipt_recorded_by": reviewer.pk,
    }
    # The same record again changes nothing and writes no second row.
    services.nomination_receipt_record(
        user=reviewer,
        nomination=dossier,
        received_on=datetime.date(2024, 12, 23),
        receipt_number="98/SNV",
        channel=ReceiptChannel.DOCUMENT_SYSTEM,
    )
    assert AuditEvent.objects.filter(action="awards.nomination.receipt").count() == 1


@pytest.mark.parametrize(
    ("received_on", "number", "channel", "field", "words"),
    [
        ("future", "12", ReceiptChannel.PAPER, "received_on", "ở tương lai"),
        (
            datetime.date(2023, 6, 30),
            "12",
            ReceiptChannel.PAPER,
            "received_on",
            "trước ngày phong trào bắt đầu (01/07/2023)",
        ),
        (None, "12", ReceiptChannel.PAPER, "received_on", "Hãy nhập ngày nhận hồ sơ"),
        (datetime.date(2024, 12, 20), "  ", ReceiptChannel.EMAIL, "receipt_number", "số đến"),
        (datetime.date(2024, 12, 20), "12", ReceiptChannel.ONLINE, "receipt_channel", "hình thức nhận"),
    ],
)
def test_bad_receipt_is_refused_naming_the_field_and_nothing_saved(
    dossier, officer, reviewer, received_on, number, channel, field, words
):
    services.nomination_submit(user=officer, nomination=dossier, at=at(datetime.date(2024, 12, 20), 8))
    if received_on == "future":
        received_on = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.nomination_receipt_record(
            user=reviewer, nomination=dossier, received_on=received_on, receipt_number=number, channel=channel
        )
    assert list(error.value.message_dict) == [field]
    assert words in error.value.message_dict[field][0]
    dossier.refresh_from_db()
    assert (dossier.received_on, dossier.receipt_number, dossier.receipt_channel) == (
        datetime.date(2024, 12, 20),
        "",
        ReceiptChannel.ONLINE,
    )
    assert not AuditEvent.objects.filter(action="awards.nomination.receipt").exists()


def test_only_a_reviewer_records_a_receipt(dossier, officer):
    services.nomination_submit(user=officer, nomination=dossier)
    with pytest.raises(PermissionDenied):
        services.nomination_receipt_record(
            user=officer, nomination=dossier, received_on=DEADLINE, receipt_number="1", channel=ReceiptChannel.PAPER
        )


def test_receipt_form_on_the_nomination_page_records_and_refuses_with_the_field_named(
    client, dossier, officer, reviewer
):
    services.nomination_submit(user=officer, nomination=dossier, at=at(datetime.date(2024, 12, 30), 8))
    client.force_login(reviewer)
    page = client.get(reverse("awards:nomination_detail", args=[dossier.pk])).content.decode()
    assert "Ghi nhận hồ sơ nhận ngoài cổng" in page and "Hệ thống quản lý văn bản" in page
    url = reverse("awards:nomination_receipt", args=[dossier.pk])
    response = client.post(
        url, {"received_on": "31/02/2024", "receipt_number": "7", "receipt_channel": "paper"}, follow=True
    )
    assert "Ngày 31/02/2024 không có thật" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.received_on == datetime.date(2024, 12, 30)
    response = client.post(
        url, {"received_on": "24/12/2024", "receipt_number": "7", "receipt_channel": "paper"}, follow=True
    )
    body = response.content.decode()
    assert "Đã ghi nhận ngày nhận hồ sơ 24/12/2024, số đến 7." in body
    assert "Bản giấy" in body and "đúng hạn" in body
    dossier.refresh_from_db()
    assert (dossier.received_on, dossier.receipt_number) == (DEADLINE, "7")


def test_officer_sees_the_receipt_but_not_the_form(client, dossier, officer):
    services.nomination_submit(user=officer, nomination=dossier, at=at(DEADLINE, 16))
    client.force_login(officer)
    response = client.get(reverse("awards:nomination_detail", args=[dossier.pk]))
    assert response.context["receipt_form"] is None
    assert "Cổng ghi nhận khi cơ quan gửi trực tuyến" in response.content.decode()


def test_counts_as_of_a_date_take_only_what_was_received_by_then(
    officer, reviewer, campaign, collective_form, criteria
):
    other = AgencyFactory(name="Sở Thứ Hai")
    third = AgencyFactory(name="Sở Thứ Ba")
    campaign.expected_agencies.set([officer.agency, other, third])
    first = make_dossier(officer=officer, campaign=campaign, award_form=collective_form)
    services.nomination_submit(user=officer, nomination=first, at=at(datetime.date(2024, 12, 20), 9))
    second = NominationFactory(
        award_form=collective_form, agency=other, state="submitted", submitted_at=at(DEADLINE, 23, 59)
    )
    late = NominationFactory(
        award_form=collective_form, agency=third, state="submitted", submitted_at=at(datetime.date(2024, 12, 27), 9)
    )
    assert (second.received_on, late.received_on) == (DEADLINE, datetime.date(2024, 12, 27))
    expected = {
        datetime.date(2024, 12, 19): (0, 0, 3, 0),
        datetime.date(2024, 12, 23): (1, 0, 2, 1),
        DEADLINE: (2, 0, 1, 2),
        datetime.date(2024, 12, 31): (2, 1, 0, 3),
    }
    for day, (on_time, sent_late, missing, total) in expected.items():
        progress = campaign_progress(campaign=campaign, as_of=day)
        assert (progress.sent_on_time, progress.sent_late, len(progress.missing_agencies)) == (
            on_time,
            sent_late,
            missing,
        ), day
        assert progress.nominations_total == total == nominations_for_report(campaign=campaign, as_of=day).count()
        assert progress.on_time_as_of == min(day, DEADLINE)


def test_data_migration_dates_earlier_dossiers_by_their_first_submission_in_vietnam_time(
    collective_form,
):
    migration = importlib.import_module("awards.migrations.0005_received_on_from_first_submission")
    evening = NominationFactory(award_form=collective_form, state="submitted", submitted_at=at(DEADLINE, 23, 30))
    midnight = NominationFactory(
        award_form=collective_form, state="submitted", submitted_at=at(datetime.date(2024, 12, 25), 0, 10)
    )
    draft = NominationFactory(award_form=collective_form)
    Nomination.objects.update(received_on=None, receipt_channel="")
    migration.received_on_from_submission(apps, None)
    for nomination in (evening, midnight, draft):
        nomination.refresh_from_db()
    assert (evening.received_on, evening.receipt_channel) == (DEADLINE, "online")
    assert midnight.received_on == datetime.date(2024, 12, 25)
    assert (draft.received_on, draft.receipt_channel) == (None, "")
