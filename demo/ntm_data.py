"""INVENTED demo data for a second campaign of another nature than Plan 4064: a rural-development
emulation movement launched by a Quyết định (not a Kế hoạch). The decision number, dates, figures,
initiatives and dossiers are made up for the demo; only the agencies are the province's real ones.
It shows that nothing in the portal is tied to Plan 4064's words, categories or outline."""

import datetime

from reports.enums import BlockKind, BlockPlacement
from reports.outline import GENERIC_OUTLINE

CODE = "ntm-2024"
CAMPAIGN_NAME = "Chung sức xây dựng nông thôn mới"
QUOTED = f"“{CAMPAIGN_NAME}”"

CAMPAIGN = {
    "code": CODE,
    "name": CAMPAIGN_NAME,
    "issuing_authority": "Ủy ban nhân dân tỉnh",
    "organiser": "Sở Nội vụ",
    "place_name": "Quảng Nam",
    "period_start": datetime.date(2024, 1, 15),
    "period_end": datetime.date(2024, 11, 15),
    "nomination_deadline": datetime.date(2024, 12, 20),
}

# (type, number/symbol, date, issuer, subject) — an invented number, marked as demo data.
PLAN = (
    "QĐ",
    "1234/QĐ-UBND",
    datetime.date(2024, 1, 10),
    "Ủy ban nhân dân tỉnh",
    f"về việc phát động phong trào thi đua {QUOTED} tỉnh Quảng Nam giai đoạn 2024–2025 (dữ liệu minh họa)",
)
DOCUMENTS = [
    (
        "CV",
        "2345/SNV-TĐKT",
        datetime.date(2024, 11, 18),
        "Sở Nội vụ",
        f"về việc sơ kết phong trào thi đua {QUOTED} năm 2024 (dữ liệu minh họa)",
    ),
]

# Ten of the 2024 map's agencies, by name.
EXPECTED_AGENCIES = [
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Tài nguyên và Môi trường",
    "Sở Văn hóa, Thể thao và Du lịch",
    "UBND huyện Quế Sơn",
    "UBND huyện Tiên Phước",
    "UBND huyện Đại Lộc",
    "UBND huyện Duy Xuyên",
    "UBND huyện Thăng Bình",
]

CATEGORIES = [
    ("ha-tang", "Hạ tầng nông thôn"),
    ("san-xuat", "Sản xuất, thu nhập"),
    ("moi-truong", "Môi trường, cảnh quan"),
    ("van-hoa-xa-hoi", "Văn hóa, xã hội"),
]

# The generic outline, with the indicators moved from part II to the start of "Ưu điểm": this
# campaign's figures are the evidence of its strengths.
OUTLINE = [
    (
        key,
        number,
        title,
        level,
        [block for block in blocks if block[0] != BlockKind.INDICATORS]
        + ([(BlockKind.INDICATORS, BlockPlacement.BEFORE)] if key == "uu-diem" else []),
    )
    for key, number, title, level, blocks in GENERIC_OUTLINE
]

AWARD_FORMS = [
    ("Bằng khen của Chủ tịch UBND tỉnh", "collective"),
    ("Giấy khen của Giám đốc Sở Nội vụ", "individual"),
]
REQUIREMENTS = [
    ("to_trinh", "Tờ trình đề nghị khen thưởng"),
    ("bao_cao_thanh_tich", "Báo cáo thành tích xây dựng nông thôn mới"),
    ("xac_nhan_xa", "Văn bản xác nhận của UBND xã về kết quả đóng góp"),
]

# (code, wording, kind, params, applies_to): one of each kind.
CRITERIA = [
    ("ho_so_day_du", "Hồ sơ có đủ thành phần theo quy định", "document_present", {"requirement": "*"}, "both"),
    ("dung_han", "Hồ sơ gửi về Sở Nội vụ đúng thời gian quy định", "deadline", {}, "both"),
    (
        "xa_dat_chuan",
        "Số xã đạt chuẩn nông thôn mới nâng cao trong năm 2024 từ 2 xã trở lên",
        "metric",
        {
            "metric": "advanced_communes",
            "label": "Số xã đạt chuẩn nông thôn mới nâng cao",
            "unit": "xã",
            "op": ">=",
            "threshold": 2,
        },
        "collective",
    ),
    (
        "dong_gop",
        "Cá nhân có đóng góp công sức, đất đai, kinh phí xây dựng công trình nông thôn",
        "attestation",
        {"statement": "contributed", "label": "Có đóng góp cho công trình nông thôn", "evidence": "xac_nhan_xa"},
        "individual",
    ),
    ("khong_trung", "Không đề nghị trùng đối tượng cho cùng hình thức", "no_duplicate", {}, "both"),
]

GOOD = {"advanced_communes": 3}


def day(d: int, month: int = 12) -> datetime.date:
    return datetime.date(2024, month, d)


# (agency, individual nominee or None, figures, day sent, components left out, review steps,
#  paper receipt (received on, số đến) or None). The paper one was received on the deadline day
#  and typed into the portal a week later; Duy Xuyên is late; Sở Xây dựng's lacks a component.
DOSSIERS = [
    ("Sở Nông nghiệp và Phát triển nông thôn", None, GOOD, day(10), (), ("review", "approve"), None),
    ("UBND huyện Quế Sơn", None, GOOD, day(12), (), ("review",), None),
    (
        "UBND huyện Quế Sơn",
        ("Trần Văn Bảy", "Nông dân", "xã Quế Xuân 1"),
        {"contributed": True},
        day(12),
        (),
        (),
        None,
    ),
    ("UBND huyện Đại Lộc", None, GOOD, day(27), (), (), (day(20), "312")),
    ("UBND huyện Duy Xuyên", None, {"advanced_communes": 1}, day(26), (), (), None),
    ("Sở Xây dựng", None, GOOD, day(18), ("xac_nhan_xa",), (), None),
]

SUMMARIES = {
    "collective": "Huy động nguồn lực xây dựng nông thôn mới; bê tông hóa đường giao thông nông thôn, "
    "phát triển sản phẩm OCOP, giữ gìn cảnh quan, môi trường (dữ liệu minh họa).",
    "individual": "Hiến đất, góp công làm đường giao thông nông thôn tại thôn (dữ liệu minh họa).",
}

# (agency, kind, category code, title)
INITIATIVES = [
    ("UBND huyện Quế Sơn", "model", "ha-tang", "Mô hình “Đường hoa nông thôn mới” do người dân tự quản"),
    ("UBND huyện Tiên Phước", "solution", "san-xuat", "Giải pháp liên kết tiêu thụ sản phẩm OCOP tiêu Tiên Phước"),
    ("UBND huyện Đại Lộc", "model", "moi-truong", "Mô hình phân loại rác thải tại nguồn ở khu dân cư"),
    ("Sở Văn hóa, Thể thao và Du lịch", "initiative", "van-hoa-xa-hoi", "Sáng kiến nhà văn hóa thôn mở cửa cả tuần"),
]

REPORT = {
    "number_symbol": "/BC-SNV",
    "issued_on": datetime.date(2024, 12, 30),
    "place_name": "Quảng Nam",
    "issuer_parent": "UBND TỈNH QUẢNG NAM",
    "issuer_name": "SỞ NỘI VỤ",
    "signer_authority": "KT. GIÁM ĐỐC",
    "signer_position": "PHÓ GIÁM ĐỐC",
    "signer_name": "Nguyễn Văn An",
    "recipients": ["UBND tỉnh (b/c);", "Các cơ quan, địa phương tham gia phong trào;", "Lưu: VT, TĐKT."],
}
SECTIONS = {
    "chi-dao": "Sở Nội vụ đã hướng dẫn các sở, ngành và UBND các huyện tổ chức phát động phong trào thi đua "
    f"{QUOTED}, gắn với phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” (dữ liệu minh họa).",
    "ket-qua": "Các địa phương huy động người dân hiến đất, góp công làm đường giao thông, kênh mương nội đồng.",
    "bai-hoc": "Phát huy vai trò chủ thể của người dân; công khai các khoản đóng góp.",
    "kien-nghi": "Đề nghị UBND tỉnh tiếp tục bố trí vốn đối ứng cho các xã phấn đấu đạt chuẩn nâng cao.",
}
# (code, name, unit, outline section key, value)
INDICATORS = [
    ("xa-dat-chuan", "Xã đạt chuẩn nông thôn mới trong năm", "xã", "uu-diem", 12),
    ("duong-be-tong", "Đường giao thông nông thôn được bê tông hóa", "km", "uu-diem", 86),
    ("san-pham-ocop", "Sản phẩm OCOP được công nhận", "sản phẩm", "uu-diem", 21),
]
