import pytest
from django.urls import reverse

from initiatives.enums import InitiativeKind, InitiativeState
from tests.factories import AgencyFactory, CommuneFactory, DistrictFactory, InitiativeCategoryFactory
from tests.factories.initiatives import InitiativeFactory


def _titles(response):
    return sorted(item["title"] for item in response.context["page_obj"])


@pytest.fixture
def spread(campaign, district, commune, other_commune):
    department = AgencyFactory(name="Sở Giao thông vận tải", short_name="SGTVT")
    return {
        "commune": InitiativeFactory(
            campaign=campaign, agency=commune, title="Không viết, không hẹn", state=InitiativeState.IN_PRACTICE
        ),
        "district": InitiativeFactory(
            campaign=campaign,
            agency=district,
            title="Rút ngắn thời gian đăng ký đất đai",
            kind=InitiativeKind.SOLUTION,
            implementing_units=[other_commune],
            replicated_to=[commune, other_commune],
            state=InitiativeState.EVALUATED,
        ),
        "department": InitiativeFactory(
            campaign=campaign,
            agency=department,
            title="Giám sát sát hạch lái xe",
            category=InitiativeCategoryFactory(campaign=campaign, name="Chuyển đổi số"),
        ),
    }


def test_list_filters_by_campaign_code_under_phong_trao(client, reviewer, spread, commune):
    from tests.factories import CampaignFactory

    other = CampaignFactory()
    InitiativeFactory(campaign=other, agency=commune, title="Một cửa số ở phong trào khác")
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:list"), {"phong-trao": other.code})
    assert _titles(response) == ["Một cửa số ở phong trào khác"]
    assert f'<option value="{other.code}" selected>' in response.content.decode()


@pytest.mark.parametrize("text", ["tra doc", "Trà Đốc", "TRA DOC", "khong viet"])
def test_search_without_diacritics_finds_tra_doc(client, reviewer, spread, text):
    client.force_login(reviewer)
    assert _titles(client.get(reverse("initiatives:list"), {"q": text})) == ["Không viết, không hẹn"]


def test_search_matches_implementing_units(client, reviewer, spread):
    client.force_login(reviewer)
    assert _titles(client.get(reverse("initiatives:list"), {"q": "tra giac"})) == ["Rút ngắn thời gian đăng ký đất đai"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"replicated": "yes"}, ["Rút ngắn thời gian đăng ký đất đai"]),
        ({"replicated": "no"}, ["Giám sát sát hạch lái xe", "Không viết, không hẹn"]),
        ({"kind": "solution"}, ["Rút ngắn thời gian đăng ký đất đai"]),
        ({"state": "in_practice"}, ["Không viết, không hẹn"]),
        ({"level": "commune"}, ["Không viết, không hẹn"]),
        ({"level": "province"}, ["Giám sát sát hạch lái xe"]),
    ],
)
def test_list_filters(client, reviewer, spread, params, expected):
    client.force_login(reviewer)
    assert _titles(client.get(reverse("initiatives:list"), params)) == expected


def test_list_filters_by_the_campaigns_category(client, reviewer, spread):
    client.force_login(reviewer)
    category = spread["department"].category
    assert _titles(client.get(reverse("initiatives:list"), {"category": category.pk})) == ["Giám sát sát hạch lái xe"]


def test_list_filter_by_district_includes_its_communes(client, reviewer, spread, district):
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:list"), {"district": district.pk})
    assert _titles(response) == ["Không viết, không hẹn", "Rút ngắn thời gian đăng ký đất đai"]


def test_list_filter_by_agency(client, reviewer, spread, commune):
    client.force_login(reviewer)
    assert _titles(client.get(reverse("initiatives:list"), {"agency": commune.pk})) == ["Không viết, không hẹn"]


def test_list_sorts_by_title_descending(client, reviewer, spread):
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:list"), {"sort": "-title"})
    assert [item["title"] for item in response.context["page_obj"]] == [
        "Rút ngắn thời gian đăng ký đất đai",
        "Không viết, không hẹn",
        "Giám sát sát hạch lái xe",
    ]


def test_list_paginates(client, reviewer, campaign, commune):
    InitiativeFactory.create_batch(27, campaign=campaign, agency=commune)
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:list"), {"state": "draft", "page": 2})
    assert len(response.context["page_obj"]) == 2
    assert "state=draft" in response.context["query_string"]


def test_list_counts_up_to_its_limit_then_says_more_and_asks_for_a_filter(
    client, reviewer, campaign, commune, monkeypatch
):
    from initiatives import views

    first, *_ = InitiativeFactory.create_batch(5, campaign=campaign, agency=commune)
    first.title = "Một cửa liên thông điện tử"
    first.save()
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    client.force_login(reviewer)

    monkeypatch.setattr(views, "COUNT_LIMIT", 5)
    page = client.get(reverse("initiatives:list")).content.decode()
    assert "5 mô hình, sáng kiến, giải pháp." in page and "Hơn" not in page
    assert "Trang 1/3" in page

    monkeypatch.setattr(views, "COUNT_LIMIT", 3)
    response = client.get(reverse("initiatives:list"))
    page = response.content.decode()
    assert "Hơn 3 mô hình, sáng kiến, giải pháp: lọc theo cơ quan" in page
    assert "Trang 1/hơn 2" in page
    # The pages reach as far as the count went; past it, a filter narrows the list.
    last = client.get(reverse("initiatives:list"), {"page": 2})
    assert len(last.context["page_obj"]) == 1 and not last.context["page_obj"].has_next()
    # A filter that leaves fewer rows than the limit counts them exactly.
    filtered = client.get(reverse("initiatives:list"), {"q": "lien thong dien tu"})
    assert "1 mô hình, sáng kiến, giải pháp." in filtered.content.decode()
    assert not filtered.context["page_obj"].paginator.count_capped


def test_capped_count_reads_no_further_than_the_limit(campaign, commune):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from campaign_portal.pagination import IdsFirstPaginator
    from initiatives.models import Initiative

    InitiativeFactory.create_batch(4, campaign=campaign, agency=commune)
    with CaptureQueriesContext(connection) as queries:
        paginator = IdsFirstPaginator(Initiative.objects.order_by("pk"), 2, count_limit=2)
        # Asked first, before the count: it counts once, for both.
        assert (paginator.count_capped, paginator.count, paginator.num_pages) == (True, 2, 1)
    assert len(queries) == 1 and "LIMIT 3" in queries[0]["sql"]
    exact = IdsFirstPaginator(Initiative.objects.order_by("pk"), 2)
    assert (exact.count_capped, exact.count, exact.num_pages) == (False, 4, 2)
    just_under = IdsFirstPaginator(Initiative.objects.order_by("pk"), 2, count_limit=4)
    assert (just_under.count_capped, just_under.count) == (False, 4)


def test_replication_view_shows_where_each_spread(client, reviewer, spread):
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:replication"))
    rows = list(response.context["page_obj"])
    assert [item.title for item in rows] == ["Rút ngắn thời gian đăng ký đất đai"]
    assert rows[0].replication_count == 2
    content = response.content.decode()
    assert "UBND xã Trà Đốc" in content and "UBND xã Trà Giác" in content


def test_replication_view_respects_tenant(client, spread, other_commune_officer):
    client.force_login(other_commune_officer)
    # The district's initiative runs in this commune, so the commune reads it; nothing else of others'.
    page = client.get(reverse("initiatives:replication")).context["page_obj"]
    assert [initiative.title for initiative in page] == ["Rút ngắn thời gian đăng ký đất đai"]


def _grow(campaign, district, count=2):
    def grow():
        for _ in range(count):
            commune = CommuneFactory(parent=district)
            InitiativeFactory(
                campaign=campaign,
                agency=commune,
                implementing_units=[commune],
                replicated_to=[district, CommuneFactory(parent=district)],
            )

    return grow


@pytest.mark.parametrize("url_name", ["initiatives:list", "initiatives:replication"])
def test_initiative_lists_same_query_count_with_1_and_3_rows(
    client, reviewer, campaign, district, assert_same_query_count, url_name
):
    commune = CommuneFactory(parent=district)
    InitiativeFactory(campaign=campaign, agency=commune, implementing_units=[commune], replicated_to=[district])
    client.force_login(reviewer)
    url = reverse(url_name)
    assert_same_query_count(lambda: client.get(url), _grow(campaign, district))
    assert len(client.get(url).context["page_obj"]) == 3


def test_district_officer_list_same_query_count(client, district_officer, campaign, district, assert_same_query_count):
    commune = CommuneFactory(parent=district)
    InitiativeFactory(campaign=campaign, agency=commune, implementing_units=[commune], replicated_to=[district])
    client.force_login(district_officer)
    url = reverse("initiatives:list")
    assert_same_query_count(lambda: client.get(url, {"q": "mo hinh"}), _grow(campaign, district))


def test_column_header_sorts_and_reverses(client, reviewer, spread):
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:list"), {"kind": "", "sort": "title"})
    links = response.context["sort_links"]
    assert links["title"]["url"] == "?kind=&sort=-title" and links["title"]["aria"] == "ascending"
    assert links["agency"]["url"] == "?kind=&sort=agency" and links["agency"]["aria"] == "none"
    reversed_titles = [
        item["title"] for item in client.get(reverse("initiatives:list") + links["title"]["url"]).context["page_obj"]
    ]
    assert reversed_titles == sorted(reversed_titles, reverse=True)
    assert 'aria-sort="ascending"' in response.content.decode()


def test_sort_by_state_follows_the_workflow(client, reviewer, spread):
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:list"), {"sort": "state"})
    assert [item["state"] for item in response.context["page_obj"]] == ["draft", "in_practice", "evaluated"]


def test_list_agency_filter_is_a_text_box_not_a_select_of_every_agency(client, reviewer, spread, commune):
    client.force_login(reviewer)
    page = client.get(reverse("initiatives:list")).content.decode()
    assert '<select name="agency"' not in page
    assert f'data-agency-picker="{reverse("agencies:search")}"' in page
    assert 'type="hidden" name="agency"' in page


@pytest.mark.parametrize("text", ["tra doc", "UBND xã Trà Đốc"])
def test_list_agency_name_typed_without_javascript_filters_on_submit(client, reviewer, spread, text):
    client.force_login(reviewer)
    assert _titles(client.get(reverse("initiatives:list"), {"agency_name": text})) == ["Không viết, không hẹn"]


def test_list_agency_by_id_shows_its_name_in_the_box(client, reviewer, spread, commune):
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:list"), {"agency": commune.pk})
    assert 'name="agency_name" value="UBND xã Trà Đốc"' in response.content.decode()


def test_list_agency_name_changed_after_the_pick_decides(client, reviewer, spread, commune):
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:list"), {"agency": commune.pk, "agency_name": "giao thong"})
    assert _titles(response) == ["Giám sát sát hạch lái xe"]


def test_list_agency_picked_outside_what_the_officer_reads_is_refused(client, spread, commune_officer, district):
    client.force_login(commune_officer)
    response = client.get(reverse("initiatives:list"), {"agency": district.pk})
    assert response.context["filter"].errors["agency"]
    assert _titles(response) == ["Không viết, không hẹn"]


@pytest.mark.parametrize(
    ("language", "label"), [("vi", ">Tên (giảm dần)</option>"), ("en", ">Name (descending)</option>")]
)
def test_sort_choices_are_in_the_users_language_both_ways(client, reviewer, spread, language, label):
    client.force_login(reviewer)
    client.post(reverse("set_language"), {"language": language})
    html = client.get(reverse("initiatives:list")).content.decode()
    assert label in html
    assert "(descending)" not in html if language == "vi" else "giảm dần" not in html


def test_list_district_filter_is_a_text_box_not_a_select_of_every_district(client, reviewer, spread):
    client.force_login(reviewer)
    page = client.get(reverse("initiatives:list")).content.decode()
    assert '<select name="district"' not in page
    assert f'data-agency-picker="{reverse("agencies:search_districts")}"' in page
    assert 'data-agency-picker-target="id_district"' in page
    assert 'type="hidden" name="district"' in page
    assert '<label for="id_district_name" class="form-label">Huyện, thị xã, thành phố</label>' in page


@pytest.mark.parametrize("text", ["thu nghiem", "UBND huyện Thử Nghiệm"])
def test_list_district_name_typed_without_javascript_filters_on_submit(client, reviewer, spread, text):
    client.force_login(reviewer)
    assert _titles(client.get(reverse("initiatives:list"), {"district_name": text})) == [
        "Không viết, không hẹn",
        "Rút ngắn thời gian đăng ký đất đai",
    ]


def test_list_district_name_of_no_district_finds_nothing(client, reviewer, spread):
    client.force_login(reviewer)
    # "Trà Đốc" is a commune: the district box names districts only.
    assert _titles(client.get(reverse("initiatives:list"), {"district_name": "tra doc"})) == []


def test_list_district_by_id_shows_its_name_in_the_box(client, reviewer, spread, district):
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:list"), {"district": district.pk})
    assert 'name="district_name" value="UBND huyện Thử Nghiệm"' in response.content.decode()
    assert f'type="hidden" name="district" value="{district.pk}"' in response.content.decode()


def test_list_district_name_changed_after_the_pick_decides(client, reviewer, spread, district):
    client.force_login(reviewer)
    other = DistrictFactory(name="UBND huyện Khác")
    InitiativeFactory(agency=CommuneFactory(parent=other), title="Ở huyện khác")
    response = client.get(reverse("initiatives:list"), {"district": district.pk, "district_name": "huyen khac"})
    assert _titles(response) == ["Ở huyện khác"]
