import pytest
from django.urls import reverse

from accounts.enums import Role
from tests.factories import TEST_PASSWORD, CommuneFactory, DistrictFactory


def test_directory_tree_for_reviewer_lists_districts_with_communes(client, quang_nam, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:directory"))
    assert response.status_code == 200
    tree = response.context["tree"]
    districts = tree[2]["agencies"]
    assert len(districts) == 17  # today's view: Nông Sơn is closed
    bac_tra_my = next(node for node in districts if node["agency"].short_name == "Bắc Trà My")
    assert "UBND xã Trà Đốc" in {child.name for child in bac_tra_my["children"]}


def test_directory_filter_on_2024_date_shows_nong_son(client, quang_nam, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:directory"), {"on": "31/12/2024", "kind": "district_committee"})
    names = [agency.name for agency in response.context["page_obj"]]
    assert len(names) == 18 and "UBND huyện Nông Sơn" in names


def test_directory_search_without_diacritics(client, quang_nam, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:directory"), {"q": "tra doc"})
    assert [agency.name for agency in response.context["page_obj"]] == ["UBND xã Trà Đốc"]


def test_directory_refused_to_agency_officer(client, quang_nam, make_user):
    officer = make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="Sở Tư pháp"))
    assert client.login(username=officer.username, password=TEST_PASSWORD)
    assert client.get(reverse("agencies:directory")).status_code == 403


@pytest.mark.parametrize("params", [{}, {"kind": "commune_committee"}])
def test_directory_query_count_same_with_1_and_3_rows(client, reviewer, assert_same_query_count, params):
    client.force_login(reviewer)
    district = DistrictFactory()
    CommuneFactory(parent=district)
    url = reverse("agencies:directory")
    assert_same_query_count(lambda: client.get(url, params), lambda: CommuneFactory.create_batch(2, parent=district))
