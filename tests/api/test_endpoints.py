"""The API's data: published only (no drafts, no dossier, no files), the register with its
decisions, progress as the pages count it, pages of bounded size, date filters that answer 400
with the parameter's name for anything but a date."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.enums import NominationState, NomineeType
from awards.selectors import campaign_progress
from awards.services import award_record_create
from initiatives.enums import InitiativeState
from tests.api.conftest import bearer
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, NominationFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = pytest.mark.django_db

DATA_URLS = ["api:campaign_list", "api:initiative_list", "api:award_list"]


def _award(**values):
    defaults = {
        "state": NominationState.AWARDED,
        "decision_number": "125/QĐ-UBND",
        "decision_date": datetime.date(2024, 12, 10),
        "submitted_at": timezone.now(),
    }
    return NominationFactory(**{**defaults, **values})


def test_campaigns_list_and_detail_by_code(api_get):
    campaign = CampaignFactory(code="4064", name="Phong trào thi đua CCHC 2023–2024")
    campaign.expected_agencies.set([AgencyFactory(), AgencyFactory()])
    listing = api_get(reverse("api:campaign_list")).json()
    assert listing["count"] == 1
    assert listing["results"][0]["code"] == "4064" and listing["results"][0]["expected_agency_count"] == 2
    detail = api_get(reverse("api:campaign_detail", kwargs={"code": "4064"})).json()
    assert detail["name"] == "Phong trào thi đua CCHC 2023–2024"
    assert detail["plan_document"]["number_symbol"] == campaign.plan_document.number_symbol
    assert len(detail["expected_agencies"]) == 2 and detail["expected_agency_count"] == 2


def test_campaign_detail_unknown_code_is_404_with_a_message(api_get):
    response = api_get(reverse("api:campaign_detail", kwargs={"code": "khong-co"}))
    assert response.status_code == 404
    assert "khong-co" in response.json()["detail"]


def test_progress_is_what_campaign_progress_counts(api_get):
    form = AwardFormFactory()
    campaign = form.campaign
    on_time, late, missing = AgencyFactory(name="Sở Đúng Hạn"), AgencyFactory(name="Sở Trễ"), AgencyFactory()
    campaign.expected_agencies.set([on_time, late, missing])
    deadline = campaign.nomination_deadline
    NominationFactory(award_form=form, agency=on_time, state="submitted", received_on=deadline)
    NominationFactory(award_form=form, agency=late, state="submitted", received_on=deadline + datetime.timedelta(1))
    as_of = deadline + datetime.timedelta(days=10)
    url = reverse("api:campaign_progress", kwargs={"code": campaign.code})
    body = api_get(url, {"as_of": as_of.isoformat()}).json()
    expected = campaign_progress(campaign=campaign, as_of=as_of)
    assert (body["expected"], body["sent_on_time"], body["sent_late"], body["missing"]) == (3, 1, 1, 1)
    assert body["sent_on_time_label"] == expected.sent_on_time_label == "1/3"
    statuses = {row["agency"]["name"]: row["status"] for row in body["agencies"]}
    assert statuses["Sở Đúng Hạn"] == "on_time" and statuses["Sở Trễ"] == "late"
    assert statuses[missing.name] == "missing"
    assert {row["status_label"] for row in body["agencies"]} == {"Đúng hạn", "Trễ hạn", "Chưa gửi"}


@pytest.mark.parametrize("as_of", ["30/11/2025", "2025-02-30", "hôm qua", "99999-01-01"])
def test_progress_bad_as_of_is_400_naming_it(api_get, as_of):
    url = reverse("api:campaign_progress", kwargs={"code": CampaignFactory().code})
    response = api_get(url, {"as_of": as_of})
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.json()["as_of"][0]


def test_initiatives_are_published_ones_only(api_get):
    commune = AgencyFactory(name="UBND xã Trà Đốc")
    published = {
        state: InitiativeFactory(state=state, implementing_units=[commune])
        for state in (InitiativeState.REGISTERED, InitiativeState.IN_PRACTICE, InitiativeState.EVALUATED)
    }
    InitiativeFactory(state=InitiativeState.DRAFT, title="Bản nháp chưa công bố")
    body = api_get(reverse("api:initiative_list")).json()
    assert body["count"] == 3
    assert {row["id"] for row in body["results"]} == {i.pk for i in published.values()}
    row = body["results"][0]
    assert row["implementing_units"][0]["name"] == "UBND xã Trà Đốc"
    # Evidence files, the reviewer's comment and who registered it stay in the portal.
    assert not {"evidence", "assessment_comment", "created_by", "search_text"} & set(row)


def test_awards_are_the_register_with_only_what_the_decision_publishes(api_get):
    individual = AwardFormFactory(nominee_type=NomineeType.INDIVIDUAL, name="Bằng khen của Chủ tịch UBND tỉnh")
    award = _award(award_form=individual, nominee_name="Trần Văn Bình", nominee_position="Chuyên viên")
    for state in ("draft", "submitted", "under_review", "approved", "rejected", "returned"):
        NominationFactory(state=state)
    body = api_get(reverse("api:award_list")).json()
    assert body["count"] == 1
    row = body["results"][0]
    assert row["id"] == award.pk and row["decision_number"] == "125/QĐ-UBND" and row["decision_date"] == "2024-12-10"
    assert (row["source"], row["source_label"]) == ("portal", "Cổng thi đua")
    assert (row["nominee_name"], row["nominee_position"], row["award_form"]) == (
        "Trần Văn Bình",
        "Chuyên viên",
        "Bằng khen của Chủ tịch UBND tỉnh",
    )
    assert set(row) == {
        "source",
        "source_label",
        "id",
        "campaign",
        "nominating_agency",
        "nominee_type",
        "nominee_type_label",
        "nominee_agency",
        "nominee_name",
        "nominee_position",
        "nominee_unit",
        "award_form",
        "decision_number",
        "decision_date",
        "updated_at",
    }


def _record(**values):
    defaults = {
        "user": None,
        "nominee_type": NomineeType.COLLECTIVE,
        "form_name": "Bằng khen của Chủ tịch UBND tỉnh",
        "decision_number": "1500/QĐ-UBND",
        "decision_date": datetime.date(2022, 6, 1),
    }
    return award_record_create(**{**defaults, **values})


def test_awards_hold_the_records_made_before_the_portal_with_what_the_decision_publishes(api_get):
    district = AgencyFactory(name="UBND huyện Nông Sơn thử", valid_to=datetime.date(2024, 12, 31))
    collective = _record(agency=district, note="Ghi nhận từ sổ năm 2022", achievement="Thành tích riêng")
    person = _record(
        nominee_type=NomineeType.INDIVIDUAL,
        agency=AgencyFactory(name="Sở Nội vụ thử"),
        nominee_name="Lê Thị Hoà",
        nominee_position="Chuyên viên",
        nominee_unit="Sở Nội vụ thử",
        decision_number="45/QĐ-SNV",
        decision_date=datetime.date(2023, 3, 8),
    )
    portal = _award()
    body = api_get(reverse("api:award_list")).json()
    assert body["count"] == 3
    assert [(row["source"], row["id"]) for row in body["results"]] == [
        ("portal", portal.pk),
        ("record", person.pk),
        ("record", collective.pk),
    ]
    rows = {row["decision_number"]: row for row in body["results"]}
    old = rows["1500/QĐ-UBND"]
    assert old["source_label"] == "Ghi nhận trước khi có cổng"
    assert (old["campaign"], old["nominating_agency"]) == (None, None)
    assert old["nominee_agency"]["id"] == district.pk and old["nominee_name"] == "UBND huyện Nông Sơn thử"
    assert old["decision_date"] == "2022-06-01" and old["nominee_type_label"] == "Tập thể"
    individual = rows["45/QĐ-SNV"]
    assert individual["nominee_agency"] is None
    assert (individual["nominee_name"], individual["nominee_position"], individual["nominee_unit"]) == (
        "Lê Thị Hoà",
        "Chuyên viên",
        "Sở Nội vụ thử",
    )
    # The record's note and achievement are the Department's, not the decision's.
    assert "Ghi nhận từ sổ" not in str(body) and "Thành tích riêng" not in str(body)


def test_records_are_filtered_by_date_source_and_updated_since_and_never_by_campaign(api_get):
    early = _record(decision_date=datetime.date(2020, 1, 15), decision_number="1/QĐ")
    later = _record(decision_date=datetime.date(2023, 6, 1), decision_number="2/QĐ", agency=AgencyFactory())
    portal = _award(decision_date=datetime.date(2024, 6, 1))
    url = reverse("api:award_list")

    def found(**params):
        return [(row["source"], row["id"]) for row in api_get(url, params).json()["results"]]

    assert found(decision_from="2020-01-15", decision_to="2023-06-01") == [("record", later.pk), ("record", early.pk)]
    assert found(decision_to="2020-01-15") == [("record", early.pk)]
    assert found(campaign=portal.campaign.code) == [("portal", portal.pk)]
    assert found(source="record") == [("record", later.pk), ("record", early.pk)]
    assert found(source="portal") == [("portal", portal.pk)]
    assert found(source="record", campaign=portal.campaign.code) == []
    type(early).objects.filter(pk=early.pk).update(created_at=timezone.now() - datetime.timedelta(days=30))
    since = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    assert found(updated_since=since) == [("portal", portal.pk), ("record", later.pk)]
    assert api_get(url, {"source": "khac"}).status_code == 400


def test_the_register_is_paged_across_both_sources(api_get):
    for number in range(3):
        _record(decision_number=f"{number}/QĐ", decision_date=datetime.date(2021, 1, 1 + number))
    _award()
    url = reverse("api:award_list")
    first = api_get(url, {"page_size": 3}).json()
    assert first["count"] == 4 and len(first["results"]) == 3 and first["next"]
    second = api_get(url, {"page_size": 3, "page": 2}).json()
    assert [row["decision_number"] for row in second["results"]] == ["0/QĐ"] and second["next"] is None
    assert api_get(url, {"page_size": 3, "page": 3}).status_code == 404


def test_awards_filtered_by_decision_date_range_and_campaign(api_get):
    early = _award(decision_date=datetime.date(2024, 1, 15))
    middle = _award(decision_date=datetime.date(2024, 6, 1))
    _award(decision_date=datetime.date(2025, 3, 1))
    url = reverse("api:award_list")
    body = api_get(url, {"decision_from": "2024-01-15", "decision_to": "2024-06-01"}).json()
    assert {row["id"] for row in body["results"]} == {early.pk, middle.pk}
    body = api_get(url, {"campaign": middle.campaign.code}).json()
    assert [row["id"] for row in body["results"]] == [middle.pk]


def test_updated_since_filters_initiatives_and_awards(api_get):
    old = InitiativeFactory(state=InitiativeState.REGISTERED)
    fresh = InitiativeFactory(state=InitiativeState.REGISTERED)
    type(old).objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=30))
    since = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    body = api_get(reverse("api:initiative_list"), {"updated_since": since}).json()
    assert [row["id"] for row in body["results"]] == [fresh.pk]
    body = api_get(reverse("api:initiative_list"), {"updated_since": f"{since}T00:00:00+07:00"}).json()
    assert [row["id"] for row in body["results"]] == [fresh.pk]
    award = _award()
    assert api_get(reverse("api:award_list"), {"updated_since": since}).json()["results"][0]["id"] == award.pk


@pytest.mark.parametrize("url_name", ["api:initiative_list", "api:award_list"])
@pytest.mark.parametrize("value", ["2024-13-01", "hôm qua", "0001-01-01T00:00", "99999-01-01", "2024-01-01T25:00"])
def test_bad_updated_since_is_400_naming_it(api_get, url_name, value):
    response = api_get(reverse(url_name), {"updated_since": value})
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.json()["updated_since"][0]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"decision_from": "15/01/2024"}, "decision_from"),
        ({"decision_to": "2024-02-30"}, "decision_to"),
        ({"decision_from": "2024-06-01", "decision_to": "2024-01-01"}, "decision_to"),
    ],
)
def test_bad_decision_dates_are_400_naming_the_field(api_get, params, field):
    response = api_get(reverse("api:award_list"), params)
    assert response.status_code == 400
    assert list(response.json()) == [field]


@pytest.mark.parametrize("url_name", DATA_URLS)
@pytest.mark.parametrize("size", ["0", "-1", "abc", "201", "1000000000000", "²", "1.5", ""])
def test_absurd_page_sizes_are_400_with_the_limit(api_get, url_name, size):
    response = api_get(reverse(url_name), {"page_size": size})
    assert response.status_code == 400
    assert response.json()["page_size"] == ["page_size: phải là số nguyên từ 1 đến 200."]


@pytest.mark.parametrize("page", ["0", "-3", "x", "9" * 5000])
def test_bad_page_numbers_are_400(api_get, page):
    response = api_get(reverse("api:campaign_list"), {"page": page})
    assert response.status_code == 400
    assert response.json()["page"] == ["page: phải là số nguyên dương."]


def test_pages_are_cut_at_the_asked_size(api_get):
    for _ in range(3):
        CampaignFactory()
    url = reverse("api:campaign_list")
    first = api_get(url, {"page_size": 2}).json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]
    second = api_get(url, {"page_size": 2, "page": 2}).json()
    assert len(second["results"]) == 1 and second["next"] is None
    assert api_get(url, {"page_size": 200}).status_code == 200
    beyond = api_get(url, {"page_size": 2, "page": 3})
    assert beyond.status_code == 404 and "3" in beyond.json()["detail"]


def test_answers_are_json_and_never_cached(api_get):
    response = api_get(reverse("api:campaign_list"))
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_writes_are_refused(client, token):
    response = client.post(reverse("api:campaign_list"), {}, content_type="application/json", **bearer(token))
    assert response.status_code == 405 and response.json()["detail"] == "Phương thức POST: API chỉ đọc (GET)."


@pytest.mark.parametrize(
    ("url_name", "grow"),
    [
        ("api:campaign_list", lambda: CampaignFactory().expected_agencies.set([AgencyFactory()])),
        (
            "api:initiative_list",
            lambda: InitiativeFactory(state=InitiativeState.REGISTERED, implementing_units=[AgencyFactory()]),
        ),
        ("api:award_list", lambda: _award()),
        ("api:award_list", lambda: _record(agency=AgencyFactory())),
    ],
)
def test_list_query_count_does_not_grow_with_rows(api_get, assert_same_query_count, url_name, grow):
    grow()
    url = reverse(url_name)
    api_get(url)  # the token's first use writes its time; later reads in the minute do not
    assert_same_query_count(lambda: api_get(url), lambda: [grow(), grow()])
