import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import Campaign
from demo import initiatives_4064
from demo.campaign import load_campaign
from demo.initiatives import load_initiatives
from initiatives.models import Initiative, InitiativeHistory
from initiatives.selectors import initiatives_by_agency
from tests.factories import AgencyFactory, CommuneFactory, DistrictFactory
from tests.factories.initiatives import InitiativeFactory

BAC_TRA_MY_COMMUNES = {
    "Mô hình 3K “Không viết, không hẹn, không phiền hà”": {"Trà Đốc"},
    "Kết quả chúng tôi là nụ cười của bạn": {"Trà Đông"},
    "Giờ làm việc thứ 9": {"Trà Nú"},
    "Giải quyết thủ tục hành chính kết hợp tạo tài khoản Dịch vụ công cho công dân": {"Trà Kót"},
}


@pytest.fixture
def demo(quang_nam):
    load_campaign()
    load_initiatives()
    return Campaign.objects.get(code="4064")


def _units(initiative):
    return {unit.short_name for unit in initiative.implementing_units.all()}


def test_demo_loads_report_initiatives_under_right_agencies_and_communes(demo):
    initiatives = Initiative.objects.filter(campaign=demo)
    assert initiatives.count() == len(initiatives_4064.INITIATIVES)
    bac_tra_my = initiatives.filter(agency__name="UBND huyện Bắc Trà My")
    for title, communes in BAC_TRA_MY_COMMUNES.items():
        assert _units(bac_tra_my.get(title=title)) == communes
    assert _units(bac_tra_my.get(title__startswith="Giải pháp hỗ trợ người dân")) == {"Trà Bui", "Trà Dương"}
    assert _units(bac_tra_my.get(title__startswith="Người dân hướng dẫn")) == {"Trà My", "Trà Giáp"}
    assert _units(bac_tra_my.get(title__startswith="Tiếp nhận hồ sơ đăng ký trực tuyến")) == {"Trà Ka"}
    assert _units(bac_tra_my.get(title__startswith="Tiếp nhận và trả kết quả")) == {"Trà Giác"}
    land = bac_tra_my.get(title__contains="Đăng ký biến động")
    assert land.replicated_to.count() == 13
    assert land.result_figures[0]["value"].startswith("10 ngày")
    assert _units(initiatives.get(title="Mô hình “Một chạm” tại UBND phường Tân Thạnh")) == {"Tân Thạnh"}
    hoi_an = initiatives.filter(agency__name="UBND thành phố Hội An")
    assert hoi_an.count() == 8 and all(len(_units(item)) == 13 for item in hoi_an)
    assert initiatives.filter(agency__name="Sở Giao thông vận tải").count() == 1
    assert initiatives.filter(agency__name="Cục Thuế tỉnh Quảng Nam").count() == 1
    bhxh = initiatives.filter(agency__name="Bảo hiểm xã hội tỉnh Quảng Nam")
    assert bhxh.count() == 6
    assert _units(bhxh.get(title__contains="chậm, muộn")) == {"BHXH Điện Bàn"}
    # The examples of section 4.1 are the department's narrative there, not agencies' registrations.
    for name in ("UBND huyện Quế Sơn", "UBND huyện Tiên Phước", "Văn phòng Đăng ký đất đai tỉnh", "UBND xã Đại Thạnh"):
        assert not initiatives.filter(agency__name=name).exists(), name
    tam_ky = initiatives.filter(agency__name="UBND thành phố Tam Kỳ")
    assert tam_ky.filter(title__contains="Smart Tam Kỳ").exists()
    assert tam_ky.filter(title__contains="85 thôn/khối phố").exists()
    states = set(initiatives.values_list("state", flat=True))
    assert "draft" not in states and {"in_practice", "evaluated"} <= states


def test_demo_is_idempotent(demo):
    snapshot = list(Initiative.objects.order_by("pk").values_list("pk", "title", "state", "updated_at", "search_text"))
    history = InitiativeHistory.objects.count()
    load_initiatives()
    after = list(Initiative.objects.order_by("pk").values_list("pk", "title", "state", "updated_at", "search_text"))
    assert after == snapshot
    assert InitiativeHistory.objects.count() == history


def test_demo_search_finds_tra_doc(demo, client, reviewer):
    client.force_login(reviewer)
    response = client.get("/sang-kien/", {"q": "tra doc"})
    assert [item["title"] for item in response.context["page_obj"]] == [
        "Mô hình 3K “Không viết, không hẹn, không phiền hà”"
    ]


def test_initiatives_by_agency_report_order_without_drafts(campaign):
    district_b = DistrictFactory(name="UBND huyện B")
    district_a = DistrictFactory(name="UBND huyện A")
    commune = CommuneFactory(name="UBND xã Con", parent=district_b)
    department = AgencyFactory(name="Sở Nội vụ thử")
    central = AgencyFactory(name="Cục Thuế thử", kind="central_agency")
    for agency in (central, department, commune, district_b, district_a):
        InitiativeFactory(campaign=campaign, agency=agency, state="in_practice", implementing_units=[commune])
    InitiativeFactory(campaign=campaign, agency=department, state="draft", title="Bản nháp không báo cáo")
    groups = initiatives_by_agency(campaign=campaign)
    assert [agency.name for agency, _items in groups] == [
        "UBND huyện A",
        "UBND huyện B",
        "UBND xã Con",
        "Sở Nội vụ thử",
        "Cục Thuế thử",
    ]
    assert all(len(items) == 1 for _agency, items in groups)


def test_initiatives_by_agency_query_count_is_constant(campaign):
    district = DistrictFactory()

    def count():
        with CaptureQueriesContext(connection) as queries:
            for _agency, items in initiatives_by_agency(campaign=campaign):
                for item in items:
                    list(item.implementing_unit_list)
                    list(item.replicated_to_list)
                    str(item.agency.parent)
        return len(queries)

    InitiativeFactory(campaign=campaign, agency=district, state="registered", implementing_units=[district])
    first = count()
    for _ in range(3):
        commune = CommuneFactory(parent=district)
        InitiativeFactory(campaign=campaign, agency=commune, state="evaluated", implementing_units=[commune])
    assert count() == first
