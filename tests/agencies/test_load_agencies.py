import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from agencies import loading
from agencies.enums import AgencyKind, AgencyLevel, UnitType
from agencies.models import Agency, AgencySuccession
from agencies.selectors import (
    agencies_as_of,
    agency_counts_on,
    agency_history,
    agency_parent_as_of,
    agency_successors,
    issuer_as_of,
    level_above_commune_as_of,
    levels_as_of,
)

END_2024 = datetime.date(2024, 12, 31)
START_2025 = datetime.date(2025, 1, 1)
DEPARTMENTS_MERGED = datetime.date(2025, 3, 1)
TWO_LEVELS = datetime.date(2025, 7, 1)


def _load(province: str) -> str:
    out = io.StringIO()
    call_command("load_agencies", "--province", province, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _legacy(name: str, province: str = "49") -> Agency:
    return Agency.objects.get(name=name, valid_from=None, province__unit_code=province)


def test_load_agencies_quang_nam_on_31_12_2024_has_18_districts_and_241_communes(quang_nam):
    counts = agency_counts_on(day=END_2024, province="49")
    assert counts[AgencyKind.DISTRICT_COMMITTEE] == 18
    assert counts[AgencyKind.COMMUNE_COMMITTEE] == 241
    assert counts[AgencyKind.PROVINCE_COMMITTEE] == 1
    # 19 specialised agencies plus the Management Board of Economic Zones and Industrial Parks.
    assert counts[AgencyKind.DEPARTMENT] == 20
    assert levels_as_of(END_2024) == [AgencyLevel.PROVINCE, AgencyLevel.DISTRICT, AgencyLevel.COMMUNE]
    assert level_above_commune_as_of(END_2024) == AgencyLevel.DISTRICT
    assert _legacy("Sở Nội vụ").parent.name == "Ủy ban nhân dân tỉnh Quảng Nam"
    assert Agency.objects.filter(kind=AgencyKind.CENTRAL_AGENCY, name__startswith="Cục Thuế").exists()


def test_load_agencies_quang_nam_on_01_01_2025_has_17_districts(quang_nam):
    counts = agency_counts_on(day=START_2025, province="49")
    assert counts[AgencyKind.DISTRICT_COMMITTEE] == 17
    # Resolution 1241/NQ-UBTVQH15: eight pairs of communes merged, Nông Sơn's communes moved to Quế Sơn.
    assert counts[AgencyKind.COMMUNE_COMMITTEE] == 233
    nong_son = Agency.objects.get(unit_code="519")
    que_son = Agency.objects.get(unit_code="509")
    assert nong_son.valid_to == END_2024
    [link] = nong_son.successor_links.all()
    assert link.successor == que_son and link.effective == START_2025 and "1241/NQ-UBTVQH15" in link.legal_basis
    assert agencies_as_of(START_2025, province="49").filter(parent=que_son).count() == 18
    son_vien = _legacy("UBND xã Sơn Viên")
    assert agency_successors(son_vien, day=START_2025) == [
        Agency.objects.active_on(START_2025).get(name="UBND xã Quế Lộc")
    ]
    moved = Agency.objects.active_on(START_2025).get(name="UBND xã Quế Lâm")
    assert moved.parent == que_son and moved.valid_from == START_2025
    assert agency_parent_as_of(_legacy("UBND xã Quế Lâm"), END_2024) == nong_son
    assert agency_successors(_legacy("UBND xã Quế Trung"), day=START_2025)[0].name == "UBND thị trấn Trung Phước"


def test_load_agencies_quang_nam_on_01_07_2025_has_no_district_level(quang_nam):
    counts = agency_counts_on(day=TWO_LEVELS, province="49")
    assert counts[AgencyKind.DISTRICT_COMMITTEE] == 0
    # The communes of Thành phố Đà Nẵng as vietnamadminunits gives them (70 xã, 23 phường, 1 đặc khu).
    assert counts[AgencyKind.COMMUNE_COMMITTEE] == 94
    assert levels_as_of(TWO_LEVELS) == [AgencyLevel.PROVINCE, AgencyLevel.COMMUNE]
    assert level_above_commune_as_of(TWO_LEVELS) == AgencyLevel.PROVINCE
    committee = agencies_as_of(TWO_LEVELS, province="49").get(kind=AgencyKind.PROVINCE_COMMITTEE)
    assert committee.name == "Ủy ban nhân dân thành phố Đà Nẵng"
    assert agency_successors(Agency.objects.get(unit_code="49"), day=TWO_LEVELS) == [committee]
    assert Agency.objects.filter(unit_type=UnitType.SPECIAL_ZONE, valid_from=TWO_LEVELS).count() == 1
    assert agency_successors(_legacy("UBND huyện Bắc Trà My"), day=TWO_LEVELS) == []


def test_commune_of_2024_has_its_2025_successor_with_date_and_basis(quang_nam):
    tra_doc = _legacy("UBND xã Trà Đốc")
    [successor] = agency_successors(tra_doc, day=TWO_LEVELS)
    assert successor.name == "UBND xã Trà Đốc" and successor.valid_from == TWO_LEVELS
    assert successor.parent.name == "Ủy ban nhân dân thành phố Đà Nẵng"
    assert {link.predecessor.name for link in successor.predecessor_links.all()} == {
        "UBND xã Trà Bui",
        "UBND xã Trà Đốc",
    }
    [link] = agency_history(tra_doc)
    assert link.effective == TWO_LEVELS and "1659/NQ-UBTVQH15" in link.legal_basis
    # Two changes: into Quế Lộc on 01/01/2025, into the commune of 2025 on 01/07/2025.
    history = agency_history(_legacy("UBND xã Sơn Viên"))
    assert [link.effective for link in history] == [START_2025, TWO_LEVELS]
    assert history[1].successor.parent.unit_code == "48"


def test_departments_merged_under_decree_45_then_into_da_nang(quang_nam):
    assert agency_counts_on(day=DEPARTMENTS_MERGED, province="49")[AgencyKind.DEPARTMENT] == 14
    home_affairs = _legacy("Sở Nội vụ")
    merged = issuer_as_of(home_affairs, DEPARTMENTS_MERGED)
    assert merged.name == "Sở Nội vụ" and merged.valid_from == DEPARTMENTS_MERGED and merged.province.unit_code == "49"
    da_nang = issuer_as_of(home_affairs, TWO_LEVELS)
    assert da_nang.name == "Sở Nội vụ" and da_nang.parent.name == "Ủy ban nhân dân thành phố Đà Nẵng"
    assert issuer_as_of(home_affairs, END_2024) == home_affairs
    labour = _legacy("Sở Lao động - Thương binh và Xã hội")
    assert issuer_as_of(labour, DEPARTMENTS_MERGED) == merged
    assert {a.name for a in agency_successors(labour, day=DEPARTMENTS_MERGED)} == {
        "Sở Nội vụ",
        "Sở Y tế",
        "Sở Giáo dục và Đào tạo",
        "Sở Nông nghiệp và Môi trường",
    }
    assert issuer_as_of(_legacy("Sở Ngoại vụ"), DEPARTMENTS_MERGED).name == "Văn phòng Ủy ban nhân dân tỉnh"
    links = AgencySuccession.objects.filter(effective=DEPARTMENTS_MERGED)
    assert links.exists() and all("chưa xác minh" in link.source for link in links)


def test_load_agencies_twice_changes_nothing(quang_nam):
    agencies = list(Agency.objects.order_by("pk").values())
    links = list(AgencySuccession.objects.order_by("pk").values())
    output = _load("Quảng Nam")
    assert list(Agency.objects.order_by("pk").values()) == agencies
    assert list(AgencySuccession.objects.order_by("pk").values()) == links
    assert "0 mới, 0 cập nhật, 0 liên kết kế thừa mới" in output


def test_loading_da_nang_links_its_2025_units_to_both_provinces(quang_nam):
    _load("48")
    committee = Agency.objects.get(unit_code="48", valid_from=TWO_LEVELS)
    assert {link.predecessor.name for link in committee.predecessor_links.all()} == {
        "Ủy ban nhân dân tỉnh Quảng Nam",
        "Ủy ban nhân dân thành phố Đà Nẵng",
    }
    assert agency_counts_on(day=END_2024, province="48")[AgencyKind.COMMUNE_COMMITTEE] == 56
    assert agency_counts_on(day=TWO_LEVELS, province="48")[AgencyKind.COMMUNE_COMMITTEE] == 94
    home_affairs = Agency.objects.get(name="Sở Nội vụ", valid_from=TWO_LEVELS)
    assert {link.predecessor.province.unit_code for link in home_affairs.predecessor_links.all()} == {"48", "49"}
    # Hòa Liên was split: Liên Chiểu takes its records, Hải Vân a part.
    hoa_lien = _legacy("UBND xã Hòa Liên", province="48")
    assert {(link.successor.name, link.is_principal) for link in hoa_lien.successor_links.all()} == {
        ("UBND phường Liên Chiểu", True),
        ("UBND phường Hải Vân", False),
    }
    assert issuer_as_of(hoa_lien, TWO_LEVELS).name == "UBND phường Liên Chiểu"
    assert [a.name for a in agency_successors(_legacy("UBND huyện Hoàng Sa", "48"), day=TWO_LEVELS)] == [
        "UBND đặc khu Hoàng Sa"
    ]


def test_load_agencies_loads_another_province_by_name(db):
    output = _load("Bắc Giang")
    assert agency_counts_on(day=END_2024, province="24")[AgencyKind.DISTRICT_COMMITTEE] == 10
    assert agency_counts_on(day=TWO_LEVELS, province="24")[AgencyKind.COMMUNE_COMMITTEE] == 99
    assert agency_counts_on(day=TWO_LEVELS, province="24")[AgencyKind.DISTRICT_COMMITTEE] == 0
    bac_giang = Agency.objects.get(unit_code="24", valid_from=None)
    assert issuer_as_of(bac_giang, TWO_LEVELS).name == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert "Tỉnh Bắc Giang → Tỉnh Bắc Ninh" in output


@pytest.mark.parametrize("text", ["99", "Quảng Bắc", ""])
def test_load_agencies_unknown_province_is_refused(db, text):
    with pytest.raises(CommandError, match="Không tìm thấy tỉnh, thành phố"):
        _load(text)
    assert not Agency.objects.exists()


def test_load_interrupted_half_way_leaves_the_database_as_before(quang_nam, monkeypatch):
    agencies = Agency.objects.count()
    links = AgencySuccession.objects.count()

    def fail_after_the_legacy_units(self, *args):
        raise ConnectionError("interrupted")

    monkeypatch.setattr(loading._Loader, "_load_2025", fail_after_the_legacy_units)
    with pytest.raises(ConnectionError):
        _load("48")
    assert (Agency.objects.count(), AgencySuccession.objects.count()) == (agencies, links)


def test_show_hierarchy_prints_levels_and_kinds(quang_nam):
    out = io.StringIO()
    call_command("show_hierarchy", "--province", "49", "--date", "2025-07-01", stdout=out)
    text = out.getvalue()
    assert "Ủy ban nhân dân thành phố Đà Nẵng: 2 cấp (cấp tỉnh, cấp xã); cấp trên cấp xã: cấp tỉnh" in text
    assert "UBND xã, phường, thị trấn                   94" in text
    assert "UBND huyện" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--province", "49", "--date", "2023-12-31"], "trước ngày bắt đầu của dữ liệu lịch sử (01/01/2024)"),
        (["--province", "49", "--date", "31/12/2024"], "không đúng dạng YYYY-MM-DD"),
        (["--province", "Atlantis", "--date", "2024-12-31"], "Không tìm thấy tỉnh"),
        (["--province", "01", "--date", "2024-12-31"], "Chưa nạp thành phố Hà Nội"),
    ],
)
def test_show_hierarchy_bad_input_names_the_problem(quang_nam, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command("show_hierarchy", *args, stdout=io.StringIO())


def test_agency_search_ignores_diacritics(quang_nam):
    names = set(Agency.objects.search("tra doc").values_list("name", flat=True))
    assert "UBND xã Trà Đốc" in names
    assert "UBND xã Trà Đốc" in set(Agency.objects.search("Trà Đốc").values_list("name", flat=True))


def test_load_until_a_day_keeps_the_later_map_out(db):
    out = io.StringIO()
    call_command("load_agencies", "--until", "2025-06-30", stdout=out)
    bac_tra_my = Agency.objects.get(name="UBND huyện Bắc Trà My")
    assert bac_tra_my.valid_to is None and bac_tra_my.is_active_on(datetime.date(2026, 1, 1))
    assert not Agency.objects.filter(valid_from=TWO_LEVELS).exists()
    assert agency_counts_on(day=DEPARTMENTS_MERGED, province="49")[AgencyKind.DEPARTMENT] == 14
    assert "01/07/2025" not in out.getvalue()
    # Loading the rest later completes the same rows.
    _load("49")
    assert Agency.objects.get(pk=bac_tra_my.pk).valid_to == datetime.date(2025, 6, 30)
    assert agency_counts_on(day=TWO_LEVELS, province="49")[AgencyKind.COMMUNE_COMMITTEE] == 94


def test_load_until_before_loaded_changes_is_refused(quang_nam):
    agencies = list(Agency.objects.order_by("pk").values())
    with pytest.raises(CommandError, match="Đã nạp các thay đổi của tỉnh Quảng Nam từ ngày 01/01/2025"):
        call_command("load_agencies", "--until", "2024-12-31", stdout=io.StringIO())
    assert list(Agency.objects.order_by("pk").values()) == agencies


def test_load_until_before_the_data_is_refused(db):
    with pytest.raises(CommandError, match="trước ngày bắt đầu của dữ liệu lịch sử"):
        call_command("load_agencies", "--until", "2023-01-01", stdout=io.StringIO())
