import pytest
from django.urls import reverse

from accounts.enums import Role
from tests.factories import TEST_PASSWORD, CommuneFactory, DistrictFactory


def test_directory_tree_on_31_12_2024_lists_18_districts_with_communes(client, quang_nam, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:directory"), {"on": "2024-12-31"})
    assert response.status_code == 200
    districts = response.context["tree"][2]["agencies"]
    assert len(districts) == 18
    bac_tra_my = next(node for node in districts if node["agency"].short_name == "Bắc Trà My")
    assert "UBND xã Trà Đốc" in {child.name for child in bac_tra_my["children"]}
    nong_son = next(node["agency"] for node in districts if node["agency"].short_name == "Nông Sơn")
    assert [link.successor.name for link in nong_son.became] == ["UBND huyện Quế Sơn"]
    html = response.content.decode()
    assert "Huyện, thị xã, thành phố và cấp xã" in html and "3 cấp" in html


def test_directory_tree_on_01_07_2025_has_communes_under_the_city(client, quang_nam, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:directory"), {"on": "01/07/2025"})
    [city] = response.context["tree"][2]["agencies"]
    assert city["agency"].name == "Ủy ban nhân dân thành phố Đà Nẵng"
    assert len(city["children"]) == 94
    tra_doc = next(child for child in city["children"] if child.name == "UBND xã Trà Đốc")
    assert {link.predecessor.name for link in tra_doc.came_from} == {"UBND xã Trà Bui", "UBND xã Trà Đốc"}
    html = response.content.decode()
    assert "Tỉnh, thành phố và cấp xã" in html and "2 cấp" in html and "1659/NQ-UBTVQH15" in html


def test_directory_filter_on_2024_date_shows_nong_son(client, quang_nam, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:directory"), {"on": "31/12/2024", "kind": "district_committee"})
    names = [agency.name for agency in response.context["page_obj"]]
    assert len(names) == 18 and "UBND huyện Nông Sơn" in names


def test_directory_date_before_the_data_is_refused_with_the_reason(client, quang_nam, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:directory"), {"on": "2020-01-01"})
    assert response.status_code == 200
    assert "trước ngày bắt đầu của dữ liệu lịch sử (01/01/2024)" in response.content.decode()
    assert response.context["day"] == response.context["today"]


def test_directory_search_without_diacritics(client, quang_nam, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("agencies:directory"), {"on": "2024-12-31", "q": "tra doc"})
    assert [agency.name for agency in response.context["page_obj"]] == ["UBND xã Trà Đốc"]


def test_directory_area_filter_is_named_as_the_level_stood(client, quang_nam, reviewer):
    client.force_login(reviewer)
    before = client.get(reverse("agencies:directory"), {"on": "2024-12-31"}).context["filter"]
    after = client.get(reverse("agencies:directory"), {"on": "2025-07-01"}).context["filter"]
    assert before.filters["area"].label == "Huyện, thị xã, thành phố"
    assert before.filters["area"].queryset.count() == 18
    assert after.filters["area"].label == "Tỉnh, thành phố"
    assert [a.name for a in after.filters["area"].queryset] == ["Ủy ban nhân dân thành phố Đà Nẵng"]


def test_directory_refused_to_agency_officer(client, quang_nam, make_user):
    officer = make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="Sở Tư pháp", valid_from=None))
    assert client.login(username=officer.username, password=TEST_PASSWORD)
    assert client.get(reverse("agencies:directory")).status_code == 403


@pytest.mark.parametrize("params", [{}, {"kind": "commune_committee"}])
def test_directory_query_count_same_with_1_and_3_rows(client, reviewer, assert_same_query_count, params):
    client.force_login(reviewer)
    district = DistrictFactory()
    CommuneFactory(parent=district)
    url = reverse("agencies:directory")
    assert_same_query_count(lambda: client.get(url, params), lambda: CommuneFactory.create_batch(2, parent=district))
