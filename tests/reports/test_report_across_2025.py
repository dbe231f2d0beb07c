"""A campaign that runs across the 2025 changes: an expected department merged mid-period is
named as merged and its successor's dossier counted for it; a report dated after 01/07/2025 is
headed by the department as it stands then, under the Đà Nẵng city committee, unless staff typed
their own heading."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from agencies.models import Agency
from reports.composition import summary_report_compose
from reports.services import summary_report_get_or_create, summary_report_update
from tests.factories import CampaignFactory
from tests.factories.awards import AwardFormFactory, NominationFactory

AFTER_MERGER = datetime.date(2025, 8, 15)


@pytest.fixture
def campaign(db):
    call_command("load_agencies", "--province", "49", stdout=io.StringIO())
    start = datetime.date(2024, 11, 1)
    organiser = Agency.objects.get(name="Sở Nội vụ", valid_from__isnull=True)
    campaign = CampaignFactory(
        organiser=organiser,
        place_name="Quảng Nam",
        period_start=start,
        period_end=datetime.date(2025, 8, 31),
        nomination_deadline=datetime.date(2025, 6, 15),
    )
    information = Agency.objects.get(name="Sở Thông tin và Truyền thông", valid_from__isnull=True)
    campaign.expected_agencies.set([information])
    # Sở Thông tin và Truyền thông merged into Sở Khoa học và Công nghệ on 01/03/2025, which files for it.
    successor = information.successor_links.get(is_principal=True).successor
    NominationFactory(
        award_form=AwardFormFactory(campaign=campaign),
        agency=successor,
        filed_for=information,
        state="submitted",
        received_on=datetime.date(2025, 5, 20),
        submitted_at=datetime.datetime(2025, 5, 20, 9, tzinfo=datetime.UTC),
    )
    return campaign


def test_a_merged_expected_agency_is_named_as_merged_and_counted_by_its_successor(campaign, reviewer):
    report = summary_report_get_or_create(campaign=campaign, user=reviewer)
    summary_report_update(report=report, user=reviewer, fields={"issued_on": AFTER_MERGER}, sections={})
    text = "\n".join(block.text for block in summary_report_compose(report=report).blocks)
    successor = "Sở Khoa học và Công nghệ"
    assert "Tính đến thời điểm 15/06/2025 đã có 1/1 cơ quan, đơn vị, địa phương gửi hồ sơ" in text
    assert (
        "Trong số 01 cơ quan, đơn vị, địa phương phải báo cáo, Sở Thông tin và Truyền thông đã sáp nhập vào "
        f"{successor} từ ngày 01/03/2025 (hồ sơ do {successor} gửi)." in text
    )
    assert "không có cơ quan, đơn vị, địa phương nào chưa gửi hồ sơ" in text


def test_the_heading_names_the_issuer_as_it_stands_on_the_report_date(campaign, reviewer):
    report = summary_report_get_or_create(campaign=campaign, user=reviewer)
    summary_report_update(report=report, user=reviewer, fields={"issued_on": datetime.date(2024, 12, 26)}, sections={})
    assert (report.issuer_parent, report.issuer_name, report.place_name) == (
        "UBND TỈNH QUẢNG NAM",
        "SỞ NỘI VỤ",
        "Quảng Nam",
    )
    summary_report_update(report=report, user=reviewer, fields={"issued_on": AFTER_MERGER}, sections={})
    report.refresh_from_db()
    assert (report.issuer_parent, report.issuer_name, report.place_name) == (
        "UBND THÀNH PHỐ ĐÀ NẴNG",
        "SỞ NỘI VỤ",
        "Đà Nẵng",
    )
    doc = summary_report_compose(report=report)
    assert (doc.issuer_parent, doc.place_date) == ("UBND THÀNH PHỐ ĐÀ NẴNG", "Đà Nẵng, ngày 15 tháng 8 năm 2025")
    # The staff's own heading is theirs: a later change of date leaves it, and moves the rest.
    summary_report_update(
        report=report,
        user=reviewer,
        fields={"issuer_parent": "UBND TP ĐÀ NẴNG", "issued_on": datetime.date(2025, 5, 5)},
        sections={},
    )
    report.refresh_from_db()
    assert (report.issuer_parent, report.place_name) == ("UBND TP ĐÀ NẴNG", "Quảng Nam")


def test_at_scale_the_merged_expected_agencies_named_are_bounded(campaign, reviewer):
    """A province where hundreds of communes merged: the sentence names a few and counts the others."""
    merged = list(
        Agency.objects.filter(
            valid_from__isnull=True,
            valid_to__gte=campaign.period_start,
            valid_to__lte=campaign.period_end,
            successor_links__is_principal=True,
        ).order_by("name")[:4]
    )
    assert len(merged) == 4
    campaign.expected_agencies.add(*merged)
    report = summary_report_get_or_create(campaign=campaign, user=reviewer)
    summary_report_update(report=report, user=reviewer, fields={"issued_on": AFTER_MERGER}, sections={})
    with override_settings(PORTAL_REPORT_FULL_LISTS_UP_TO=-1, PORTAL_REPORT_UNITS_NAMED=2):
        text = "\n".join(block.text for block in summary_report_compose(report=report).blocks)
    expected = len({*merged, Agency.objects.get(name="Sở Thông tin và Truyền thông", valid_from__isnull=True)})
    sentence = next(line for line in text.splitlines() if "phải báo cáo, " in line and "sáp nhập" in line)
    assert sentence.count("đã sáp nhập vào") == 2
    assert f"; 0{expected - 2} cơ quan, đơn vị, địa phương khác đã sáp nhập trong thời gian triển khai phong trào." in (
        sentence
    )
