"""The agency picker's endpoint: readable agencies only, diacritics folded, a bounded answer,
the hierarchy as it stood on a day."""

import pytest
from django.urls import reverse

from accounts.enums import Role
from agencies.selectors import PICKER_LIMIT


def _names(response):
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


@pytest.mark.parametrize("text", ["tra doc", "Trà Đốc", "TRÀ ĐỐC", "Trà Ðốc"])
def test_picker_finds_tra_doc_without_diacritics(client, quang_nam, reviewer, text):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:search"), {"q": text, "on": "2024-12-31"})
    assert _names(response) == ["UBND xã Trà Đốc"]
    assert response.json()["results"][0]["parent"].startswith("UBND huyện Bắc Trà My")
    # Without a day, every unit that bore the name, each with when it stood.
    undated = client.get(reverse("agencies:search"), {"q": text}).json()["results"]
    assert {row["name"] for row in undated} == {"UBND xã Trà Đốc"}
    assert len({row["parent"] for row in undated}) == len(undated)


def test_picker_answers_at_most_the_limit_and_says_there_are_more(client, quang_nam, reviewer):
    client.force_login(reviewer)
    data = client.get(reverse("agencies:search"), {"q": "ubnd xa"}).json()
    assert len(data["results"]) == PICKER_LIMIT
    assert data["more"] is True
    assert client.get(reverse("agencies:search"), {"q": "tra doc"}).json()["more"] is False


def test_picker_offers_an_officer_only_the_agencies_it_reads(client, quang_nam, make_user):
    district = quang_nam.get(name="UBND huyện Bắc Trà My")
    client.force_login(make_user(Role.AGENCY_OFFICER, agency=district))
    assert _names(client.get(reverse("agencies:search"), {"q": "tra doc"})) == ["UBND xã Trà Đốc"]
    assert _names(client.get(reverse("agencies:search"), {"q": "hoi an"})) == []
    names = _names(client.get(reverse("agencies:search"), {"q": ""}))
    assert "UBND huyện Bắc Trà My" in names and "UBND thành phố Hội An" not in names


def test_picker_as_of_a_day_follows_the_hierarchy_of_that_day(client, quang_nam, reviewer):
    client.force_login(reviewer)
    url = reverse("agencies:search")
    assert "UBND huyện Nông Sơn" in _names(client.get(url, {"q": "nong son", "on": "2024-12-31"}))
    assert "UBND huyện Nông Sơn" not in _names(client.get(url, {"q": "nong son", "on": "2025-01-01"}))


def test_picker_refuses_a_bad_day_naming_the_field(client, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:search"), {"q": "a", "on": "31/12/2024"})
    assert response.status_code == 400
    assert "“on”" in response.json()["error"] and "không hợp lệ" in response.json()["error"]


def test_picker_refused_to_the_administrator(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    assert client.get(reverse("agencies:search"), {"q": "tra"}).status_code == 403


@pytest.mark.parametrize(
    "params",
    [{"q": "x" * 5000}, {"q": "%_\\'\"<script>"}, {"q": "Ɖ ＴＲＡ\u200b doc"}, {"on": "9999-99-99"}, {"on": "-1"}],
)
def test_picker_answers_garbage_without_an_error(client, reviewer, params):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:search"), params)
    assert response.status_code in (200, 400)
    assert "results" in response.json() or "error" in response.json()


def test_district_picker_offers_districts_only_without_diacritics(client, quang_nam, reviewer):
    client.force_login(reviewer)
    url = reverse("agencies:search_districts")
    assert _names(client.get(url, {"q": "tra my"})) == ["UBND huyện Bắc Trà My", "UBND huyện Nam Trà My"]
    assert _names(client.get(url, {"q": "tra doc"})) == []
    # The district merged on 01/01/2025 stays pickable: its records are still found by it.
    assert _names(client.get(url, {"q": "nong son"})) == ["UBND huyện Nông Sơn"]
    assert len(_names(client.get(url, {"q": ""}))) == 18


def test_district_picker_offers_an_officer_every_district(client, quang_nam, make_user):
    """The lists' district filter names every district to whoever reads the list, as its select did."""
    client.force_login(
        make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="UBND xã Trà Đốc", valid_from__isnull=True))
    )
    assert _names(client.get(reverse("agencies:search_districts"), {"q": "hoi an"})) == ["UBND thành phố Hội An"]


def test_district_picker_refused_to_the_administrator(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    assert client.get(reverse("agencies:search_districts"), {"q": "tra"}).status_code == 403
