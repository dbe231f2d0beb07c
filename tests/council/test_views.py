"""The council pages over HTTP: who may act, the messages of refused input, and no N+1 on the lists."""

import datetime

from django.urls import reverse

from council.models import CouncilMeeting
from tests.factories.awards import NominationFactory, pdf_upload

from .conftest import meeting_create


def test_votes_beyond_members_present_answer_a_clear_message(client, reviewer, council_setup):
    campaign, _put, _others = council_setup
    meeting = meeting_create(campaign, reviewer)
    client.force_login(reviewer)
    data = {}
    for item in meeting.items.all():
        data |= {f"for_{item.pk}": 3, f"against_{item.pk}": 2, f"abstain_{item.pk}": 1}
    response = client.post(reverse("council:votes", args=[meeting.pk]), data)
    assert response.status_code == 400
    assert "nhiều hơn 5 thành viên có mặt" in response.content.decode()
    assert not meeting.items.filter(votes_for__isnull=False).exists()


def test_official_reads_the_meeting_but_cannot_act(client, official, concluded):
    meeting, _put, _others = concluded
    client.force_login(official)
    page = client.get(reverse("council:meeting", args=[meeting.pk])).content.decode()
    assert "Ghi quyết định" not in page and "Tạo văn bản" not in page
    assert client.post(reverse("council:votes", args=[meeting.pk])).status_code == 404
    response = client.post(
        reverse("council:decision", args=[meeting.pk]),
        {"number": "1/QĐ-UBND", "day": "03/02/2025", "signed_file": pdf_upload()},
    )
    assert response.status_code == 404
    assert CouncilMeeting.objects.get().decision_number == ""


def test_decision_number_reused_answers_a_clear_message(client, reviewer, concluded):
    meeting, _put, others = concluded
    type(others["elsewhere"]).objects.filter(pk=others["elsewhere"].pk).update(
        decision_number="8/QĐ-UBND", decision_date=datetime.date(2025, 5, 5)
    )
    client.force_login(reviewer)
    response = client.post(
        reverse("council:decision", args=[meeting.pk]),
        {"number": "8/QĐ-UBND", "day": "03/02/2025", "signed_file": pdf_upload()},
    )
    assert response.status_code == 400
    assert "Số quyết định 8/QĐ-UBND đã được dùng trong năm 2025" in response.content.decode()


def test_meeting_page_runs_the_same_queries_with_more_nominations(
    client, reviewer, council_setup, assert_same_query_count
):
    campaign, put, _others = council_setup
    client.force_login(reviewer)
    state = {"meeting": meeting_create(campaign, reviewer)}

    def grow():
        CouncilMeeting.objects.all().delete()
        NominationFactory.create_batch(2, award_form=put["submitted"].award_form, state="submitted")
        state["meeting"] = meeting_create(campaign, reviewer)

    assert_same_query_count(lambda: client.get(reverse("council:meeting", args=[state["meeting"].pk])), grow)


def test_campaign_page_runs_the_same_queries_with_more_meetings(
    client, reviewer, council_setup, assert_same_query_count
):
    campaign, put, _others = council_setup
    client.force_login(reviewer)
    meeting_create(campaign, reviewer)

    def grow():
        for _meeting in range(2):
            NominationFactory(award_form=put["submitted"].award_form, state="submitted")
            meeting_create(campaign, reviewer)

    assert_same_query_count(lambda: client.get(reverse("council:campaign", args=[campaign.code])), grow)
