import datetime
import io

from django.core.management import call_command

from agencies.enums import AgencyKind
from agencies.models import Agency
from agencies.selectors import agency_counts_on

END_2024 = datetime.date(2024, 12, 31)
START_2025 = datetime.date(2025, 1, 1)


def test_load_agencies_2024_view_has_18_districts_and_241_communes(quang_nam):
    counts = agency_counts_on(day=END_2024)
    assert counts[AgencyKind.DISTRICT_COMMITTEE] == 18
    assert counts[AgencyKind.COMMUNE_COMMITTEE] == 241
    assert counts[AgencyKind.PROVINCE_COMMITTEE] == 1
    # 19 specialised agencies plus the Management Board of Economic Zones and Industrial Parks.
    assert counts[AgencyKind.DEPARTMENT] == 20
    assert Agency.objects.get(name="Sở Nội vụ").parent.name == "Ủy ban nhân dân tỉnh Quảng Nam"
    assert Agency.objects.filter(kind=AgencyKind.CENTRAL_AGENCY, name__startswith="Cục Thuế").exists()
    assert Agency.objects.filter(kind=AgencyKind.CENTRAL_AGENCY, name__startswith="Bảo hiểm xã hội tỉnh").exists()


def test_load_agencies_2025_view_merges_nong_son_into_que_son(quang_nam):
    counts = agency_counts_on(day=START_2025)
    assert counts[AgencyKind.DISTRICT_COMMITTEE] == 17
    assert counts[AgencyKind.COMMUNE_COMMITTEE] == 241
    nong_son = Agency.objects.get(unit_code="519")
    que_son = Agency.objects.get(unit_code="509")
    assert nong_son.valid_to == END_2024
    assert nong_son.successor == que_son
    assert not nong_son.is_active_on(START_2025) and nong_son.is_active_on(END_2024)
    communes_2024 = Agency.objects.active_on(END_2024).filter(parent=que_son).count()
    communes_2025 = Agency.objects.active_on(START_2025).filter(parent=que_son).count()
    assert (communes_2024, communes_2025) == (13, 19)
    moved = Agency.objects.active_on(START_2025).get(unit_code=nong_son.children.first().unit_code)
    assert moved.parent == que_son and moved.valid_from == START_2025


def test_load_agencies_twice_changes_nothing(quang_nam):
    before = list(Agency.objects.order_by("pk").values())
    call_command("load_agencies", stdout=io.StringIO())
    assert list(Agency.objects.order_by("pk").values()) == before


def test_agency_search_ignores_diacritics(quang_nam):
    names = set(Agency.objects.search("tra doc").values_list("name", flat=True))
    assert "UBND xã Trà Đốc" in names
    assert "UBND xã Trà Đốc" in set(Agency.objects.search("Trà Đốc").values_list("name", flat=True))
