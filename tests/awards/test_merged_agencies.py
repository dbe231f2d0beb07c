"""An expected agency merged into another during the campaign: its successor files for it, and
progress says "đã sáp nhập vào … từ ngày …" rather than counting it as not sent."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.enums import Role
from agencies.models import AgencySuccession
from awards import services
from awards.enums import NomineeType, SendingStatus
from awards.selectors import campaign_progress, merged_agencies_filable_by, nominations_for_report
from tests.awards.conftest import assert_summary_is_the_progress, sent_at
from tests.factories import AgencyFactory, CampaignFactory, CommuneFactory, DistrictFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria

START, END, DEADLINE = datetime.date(2024, 1, 1), datetime.date(2024, 11, 30), datetime.date(2024, 12, 24)
CLOSED = datetime.date(2024, 9, 30)


@pytest.fixture
def campaign(db):
    return CampaignFactory(code="dia-gioi", period_start=START, period_end=END, nomination_deadline=DEADLINE)


@pytest.fixture
def form(campaign):
    load_plan_criteria(campaign)
    return AwardFormFactory(campaign=campaign, nominee_type=NomineeType.COLLECTIVE)


@pytest.fixture
def successor(db):
    return DistrictFactory(name="UBND huyện Quế Sơn thử")


def _closed_into(successor, **fields):
    closed = DistrictFactory(**fields)
    AgencySuccession.objects.create(
        predecessor=closed, successor=successor, effective=closed.valid_to + datetime.timedelta(days=1)
    )
    return closed


@pytest.fixture
def merged(successor):
    return _closed_into(successor, name="UBND huyện Nông Sơn thử", valid_to=CLOSED)


@pytest.fixture
def successor_officer(make_user, successor):
    return make_user(Role.AGENCY_OFFICER, agency=successor)


def test_successor_files_for_the_merged_agency_and_progress_counts_it(
    campaign, form, merged, successor, successor_officer
):
    campaign.expected_agencies.set([merged, successor])
    assert list(merged_agencies_filable_by(agency=successor, campaign=campaign, day=DEADLINE)) == [merged]
    commune = CommuneFactory(name="UBND xã Quế Lâm thử", parent=merged)
    nomination = services.nomination_create(
        user=successor_officer, campaign=campaign, award_form=form, filed_for=merged, nominee_agency=commune
    )
    assert (nomination.agency, nomination.filed_for) == (successor, merged)
    services.nomination_submit(user=successor_officer, nomination=nomination, at=sent_at(datetime.date(2024, 12, 20)))

    progress = campaign_progress(campaign=campaign, as_of=DEADLINE)
    rows = {row.agency: row for row in progress.rows}
    assert rows[merged].status == SendingStatus.ON_TIME
    assert (rows[merged].merged_into, rows[merged].merged_on, rows[merged].filed_by) == (
        successor,
        datetime.date(2024, 10, 1),
        successor,
    )
    assert rows[merged].merged_note == "đã sáp nhập vào UBND huyện Quế Sơn thử từ ngày 01/10/2024"
    assert rows[successor].status == SendingStatus.MISSING, "filing for another is not filing for itself"
    assert progress.sent_on_time_label == "1/2" and progress.missing_agencies == [successor]
    assert [n.filed_for for n in nominations_for_report(campaign=campaign, as_of=DEADLINE)] == [merged]
    for day in (datetime.date(2024, 9, 15), DEADLINE, datetime.date(2025, 1, 5)):
        assert_summary_is_the_progress(campaign, day)


def test_merged_agency_without_a_dossier_is_merged_not_missing(campaign, merged, successor):
    campaign.expected_agencies.set([merged, successor])
    progress = campaign_progress(campaign=campaign, as_of=DEADLINE)
    assert progress.missing_agencies == [successor]
    assert [(row.agency, row.status) for row in progress.merged_agencies] == [(merged, SendingStatus.MERGED)]
    assert progress.merged_agencies[0].merged_note == "đã sáp nhập vào UBND huyện Quế Sơn thử từ ngày 01/10/2024"
    district = {group.label: group for group in progress.by_district}[merged.name]
    assert (district.merged, district.status) == (1, SendingStatus.MERGED)
    # Before it closed, it was an agency like the others, still to send.
    before = campaign_progress(campaign=campaign, as_of=datetime.date(2024, 9, 15))
    assert merged in before.missing_agencies and not before.merged
    for day in (datetime.date(2024, 9, 15), DEADLINE):
        assert_summary_is_the_progress(campaign, day)


def test_agency_closed_after_the_deadline_counts_as_any_other(campaign, successor, successor_officer, form):
    after = _closed_into(successor, name="UBND huyện Đóng Sau Hạn", valid_to=datetime.date(2024, 12, 31))
    campaign.expected_agencies.set([after])
    assert not merged_agencies_filable_by(agency=successor, campaign=campaign, day=datetime.date(2025, 1, 5)).exists()
    progress = campaign_progress(campaign=campaign, as_of=datetime.date(2025, 1, 5))
    assert progress.missing_agencies == [after] and not progress.merged
    assert_summary_is_the_progress(campaign, datetime.date(2025, 1, 5))
    with pytest.raises(ValidationError) as error:
        services.nomination_create(
            user=successor_officer, campaign=campaign, award_form=form, filed_for=after, nominee_agency=after
        )
    assert list(error.value.message_dict) == ["filed_for"]


def test_another_agency_cannot_file_for_the_merged_one(campaign, form, merged, make_user):
    campaign.expected_agencies.set([merged])
    stranger = make_user(Role.AGENCY_OFFICER, agency=AgencyFactory(name="Sở Không Liên Quan"))
    with pytest.raises(ValidationError) as error:
        services.nomination_create(
            user=stranger, campaign=campaign, award_form=form, filed_for=merged, nominee_agency=merged
        )
    assert "đã sáp nhập vào cơ quan mình" in error.value.message_dict["filed_for"][0]


def test_successor_officer_chooses_to_file_for_the_merged_agency_on_the_form(
    client, campaign, form, merged, successor, successor_officer
):
    campaign.expected_agencies.set([merged, successor])
    client.force_login(successor_officer)
    url = reverse("awards:nomination_create") + f"?phong-trao={campaign.code}"
    page = client.get(url).content.decode()
    assert "Thay mặt UBND huyện Nông Sơn thử (đã sáp nhập)" in page
    response = client.post(
        url,
        {
            "filed_for": merged.pk,
            "award_form": form.pk,
            "nominee_agency": merged.pk,
            "achievement_summary": "Thành tích.",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    nomination = successor_officer.agency.nominations_sent.get()
    assert nomination.filed_for == merged and nomination.nominee_agency == merged
    detail = client.get(response["Location"]).content.decode()
    assert "thay mặt UBND huyện Nông Sơn thử (đã sáp nhập)" in detail


def test_progress_page_says_merged_into_and_from_when(client, official, campaign, merged, successor):
    campaign.expected_agencies.set([merged, successor])
    client.force_login(official)
    response = client.get(reverse("awards:progress"), {"phong-trao": campaign.code, "as_of": "24/12/2024"})
    body = response.content.decode()
    assert "UBND huyện Nông Sơn thử: đã sáp nhập vào UBND huyện Quế Sơn thử từ ngày 01/10/2024" in body
    assert [a.name for a in response.context["progress"].missing_agencies] == [successor.name]


def test_successor_officer_finds_the_merged_agency_campaign_on_the_home_page(
    client, campaign, merged, successor_officer
):
    campaign.expected_agencies.set([merged])
    client.force_login(successor_officer)
    response = client.get(reverse("home"))
    assert [row["campaign"] for row in response.context["todo"]] == [campaign]


def test_queue_names_the_merged_agency_filed_for_in_one_query(
    client, campaign, form, merged, successor, successor_officer
):
    """The queue reads its rows as plain values, and the names of the agencies its page's dossiers
    were filed for in one query more, none when no dossier names one."""
    campaign.expected_agencies.set([merged, successor])
    client.force_login(successor_officer)
    url = reverse("awards:nomination_list") + f"?phong-trao={campaign.code}"
    services.nomination_create(
        user=successor_officer, campaign=campaign, award_form=form, nominee_agency=CommuneFactory(parent=successor)
    )
    client.get(url)
    with CaptureQueriesContext(connection) as own_only:
        client.get(url)
    services.nomination_create(
        user=successor_officer, campaign=campaign, award_form=form, filed_for=merged, nominee_agency=merged
    )
    with CaptureQueriesContext(connection) as with_merged:
        page = client.get(url).content.decode()
    assert "thay mặt UBND huyện Nông Sơn thử (đã sáp nhập)" in page
    assert len(with_merged) == len(own_only) + 1
