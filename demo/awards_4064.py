"""Demo data for Plan 4064: award forms, dossier components, criteria (legal-notes.md) and the
nominations that reproduce the reference report's "25/43" by 24/12/2024."""

import datetime

# --- Plan 4064's award forms, components and criteria ------------------------------------------------

AWARD_FORM_NAME = "Bằng khen của Chủ tịch UBND tỉnh"

# (code, name) — every one required (Law 06/2022/QH15 Art. 84 and the province's usual list).
REQUIREMENTS = [
    ("to_trinh", "Tờ trình đề nghị khen thưởng"),
    ("danh_sach", "Danh sách tập thể, cá nhân đề nghị khen thưởng"),
    ("bien_ban", "Biên bản họp Hội đồng Thi đua – Khen thưởng"),
    ("bao_cao_thanh_tich", "Báo cáo tóm tắt thành tích"),
]

# (code, wording, kind, params, applies_to)
CRITERIA = [
    (
        "ho_so_day_du",
        "Hồ sơ có đủ thành phần theo quy định: tờ trình, danh sách, biên bản họp Hội đồng Thi đua – Khen thưởng, "
        "báo cáo tóm tắt thành tích",
        "document_present",
        {"requirement": "*"},
        "both",
    ),
    (
        "dung_han",
        "Hồ sơ gửi về Sở Nội vụ đúng thời gian quy định",
        "deadline",
        {},
        "both",
    ),
    (
        "hoan_thanh_nhiem_vu",
        "Hoàn thành tốt 100% nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao",
        "metric",
        {
            "metric": "task_completion_pct",
            "label": "Tỷ lệ nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao đã hoàn thành",
            "unit": "%",
            "op": ">=",
            "threshold": 100,
        },
        "collective",
    ),
    (
        "dan_dau",
        "Được đánh giá tốt, đứng ở vị trí trong những đơn vị, địa phương dẫn đầu",
        "attestation",
        {
            "statement": "rated_leading",
            "label": "Được đánh giá tốt, trong nhóm đơn vị dẫn đầu",
            "evidence": "bao_cao_thanh_tich",
        },
        "collective",
    ),
    (
        "xep_hang_cchc",
        "Đạt thứ hạng tốt về kết quả đánh giá, xếp loại cải cách hành chính trong năm (trong 5 đơn vị dẫn đầu khối)",
        "metric",
        {"metric": "par_index_rank", "label": "Thứ hạng Chỉ số CCHC năm 2023 trong khối", "op": "<=", "threshold": 5},
        "collective",
    ),
    (
        "ho_so_tre_hen",
        "Tỷ lệ hồ sơ trễ hẹn thuộc thẩm quyền giải quyết của cơ quan, đơn vị, địa phương dưới 5%",
        "metric",
        {
            "metric": "late_dossier_rate_pct",
            "label": "Tỷ lệ hồ sơ thủ tục hành chính trễ hẹn",
            "unit": "%",
            "op": "<",
            "threshold": 5,
        },
        "collective",
    ),
    (
        "ca_nhan_tieu_bieu",
        "Cá nhân hoàn thành xuất sắc nhiệm vụ, có thành tích tiêu biểu trong phong trào",
        "attestation",
        {
            "statement": "individual_outstanding",
            "label": "Hoàn thành xuất sắc nhiệm vụ, có thành tích tiêu biểu",
            "evidence": "bao_cao_thanh_tich",
        },
        "individual",
    ),
    (
        "khong_trung",
        "Không đề nghị trùng: cùng đối tượng không được đề nghị hai lần cho cùng hình thức trong phong trào",
        "no_duplicate",
        {},
        "both",
    ),
]

GOOD = {"task_completion_pct": 100, "rated_leading": True, "par_index_rank": 3, "late_dossier_rate_pct": 1.2}


def day(d: int, month: int = 12, year: int = 2024) -> datetime.date:
    return datetime.date(year, month, d)


# Each dossier: (nominating agency, nominee, figures, day sent or None for a draft, components left
# out, review steps).
# nominee: None = the agency itself; an agency name = one of its units; a tuple = an individual
# (name, position, unit). Review steps: "review", "approve", "award", "return:<reason>",
# "reject:<reason>". 25 expected agencies send by 24/12/2024 and UBND huyện Phú Ninh on 27/12.
DOSSIERS = [
    ("Sở Nội vụ", None, GOOD, day(2), (), ("review", "approve", "award")),
    (
        "Sở Nội vụ",
        ("Lê Thị Thu Hà", "Phó Trưởng phòng Cải cách hành chính", "Sở Nội vụ"),
        {"individual_outstanding": True},
        day(2),
        (),
        ("review", "approve", "award"),
    ),
    ("Sở Giao thông vận tải", None, GOOD, day(5), (), ("review", "approve")),
    ("Sở Tư pháp", None, GOOD, day(6), (), ("review",)),
    (
        "Sở Tài chính",
        None,
        {**GOOD, "task_completion_pct": 98},
        day(9),
        (),
        ("review", "reject:Chưa hoàn thành 100% nhiệm vụ được giao (98%)."),
    ),
    ("Sở Kế hoạch và Đầu tư", None, GOOD, day(10), (), ()),
    ("Sở Thông tin và Truyền thông", None, GOOD, day(10), (), ("review", "approve")),
    ("Sở Tài nguyên và Môi trường", "Văn phòng Đăng ký đất đai tỉnh", GOOD, day(11), (), ("review",)),
    (
        "Sở Y tế",
        None,
        GOOD,
        day(12),
        ("bien_ban",),
        ("review", "return:Thiếu biên bản họp Hội đồng Thi đua – Khen thưởng; đề nghị bổ sung trước ngày 31/12/2024."),
    ),
    ("Sở Giáo dục và Đào tạo", None, GOOD, day(13), (), ()),
    (
        "Văn phòng Ủy ban nhân dân tỉnh",
        "Trung tâm Phục vụ hành chính công tỉnh",
        GOOD,
        day(16),
        (),
        ("review", "approve"),
    ),
    ("Ban Quản lý các Khu kinh tế và Khu công nghiệp tỉnh", None, GOOD, day(18), ("danh_sach",), ()),
    ("UBND huyện Bắc Trà My", None, GOOD, day(4), (), ("review", "approve", "award")),
    (
        "UBND xã Trà Đốc",
        ("Nguyễn Văn Hùng", "Chủ tịch UBND xã", "UBND xã Trà Đốc"),
        {"individual_outstanding": True},
        day(3),
        (),
        (),
    ),
    (
        "UBND huyện Bắc Trà My",
        ("Nguyễn Văn Hùng", "Chủ tịch UBND xã", "UBND xã Trà Đốc"),
        {"individual_outstanding": True},
        day(6),
        (),
        (),
    ),
    (
        "UBND huyện Bắc Trà My",
        ("Đinh Thị Lan", "Công chức Văn phòng – Thống kê", "UBND xã Trà Giáp"),
        {},
        None,
        ("bien_ban", "bao_cao_thanh_tich"),
        (),
    ),
    ("UBND thành phố Hội An", None, {**GOOD, "late_dossier_rate_pct": 6.2}, day(9), (), ("review",)),
    (
        "UBND thành phố Hội An",
        ("Trương Công Minh", "Trưởng phòng Nội vụ", "UBND thành phố Hội An"),
        {"individual_outstanding": True},
        day(9),
        (),
        (),
    ),
    ("UBND thành phố Tam Kỳ", None, GOOD, day(11), (), ("review", "approve")),
    ("UBND thị xã Điện Bàn", None, GOOD, day(12), (), ()),
    ("UBND huyện Quế Sơn", None, GOOD, day(16), (), ()),
    ("UBND huyện Tiên Phước", None, {**GOOD, "par_index_rank": 9}, day(17), (), ()),
    ("UBND huyện Đại Lộc", None, {**GOOD, "rated_leading": False}, day(19), (), ()),
    ("UBND huyện Núi Thành", None, GOOD, day(20), ("to_trinh",), ()),
    ("UBND huyện Duy Xuyên", None, GOOD, day(23), (), ()),
    ("UBND huyện Thăng Bình", None, {k: v for k, v in GOOD.items() if k != "par_index_rank"}, day(24), (), ()),
    ("Cục Thuế tỉnh Quảng Nam", None, GOOD, day(5), (), ("review", "approve")),
    (
        "Cục Thuế tỉnh Quảng Nam",
        ("Phạm Minh Tuấn", "Phó Trưởng phòng Tuyên truyền – Hỗ trợ người nộp thuế", "Cục Thuế tỉnh Quảng Nam"),
        {"individual_outstanding": False},
        day(5),
        (),
        (),
    ),
    ("Bảo hiểm xã hội tỉnh Quảng Nam", "Bảo hiểm xã hội thị xã Điện Bàn", GOOD, day(10), (), ("review",)),
    ("Kho bạc Nhà nước Quảng Nam", None, GOOD, day(18), (), ()),
    ("Cục Hải quan tỉnh Quảng Nam", None, GOOD, day(23), (), ()),
    ("UBND huyện Phú Ninh", None, GOOD, day(27), (), ()),
]

AWARD_DECISION = ("215/QĐ-UBND", datetime.date(2025, 1, 20))
SUMMARIES = {
    "collective": (
        "Triển khai nghiêm túc Kế hoạch số 4064/KH-UBND; ban hành kế hoạch thực hiện, tổ chức phát động phong trào "
        "đến toàn thể cán bộ, công chức, viên chức; duy trì các mô hình, sáng kiến cải cách hành chính; giải quyết "
        "thủ tục hành chính đúng hạn, công khai, minh bạch."
    ),
    "individual": (
        "Tham mưu tổ chức thực hiện phong trào tại cơ quan, đơn vị; trực tiếp xây dựng và nhân rộng mô hình cải cách "
        "thủ tục hành chính; hoàn thành xuất sắc nhiệm vụ được giao trong giai đoạn 2023–2024."
    ),
}

# --- The award register before the portal (invented) --------------------------------------------------
# Earlier awards INVENTED for the demo: no number below is a real decision. They let the register span
# the years and the interval rule flag a repeat: UBND huyện Tiên Phước and Phạm Minh Tuấn were given the
# same Bằng khen less than two years before this campaign; Sở Nội vụ's earlier one is old enough.
REGISTER_NOTE = "Dữ liệu minh họa – quyết định tự đặt, không phải văn bản thật"
INTERVAL_CRITERION = (
    "khoang_cach_khen_thuong",
    "Giữa hai lần được tặng cùng một hình thức khen thưởng phải cách nhau ít nhất 02 năm",
    "award_interval",
    {"years": 2},
    "both",
)
# (agency as it stood on the decision's date, individual (name, position, unit) or None, form, number, date)
EARLIER_AWARDS = [
    ("UBND huyện Tiên Phước", None, AWARD_FORM_NAME, "1520/QĐ-UBND", datetime.date(2023, 6, 12)),
    (
        "Cục Thuế tỉnh Quảng Nam",
        ("Phạm Minh Tuấn", "Phó Trưởng phòng Tuyên truyền – Hỗ trợ người nộp thuế", "Cục Thuế tỉnh Quảng Nam"),
        AWARD_FORM_NAME,
        "2105/QĐ-UBND",
        datetime.date(2024, 1, 15),
    ),
    ("Sở Nội vụ", None, AWARD_FORM_NAME, "3012/QĐ-UBND", datetime.date(2019, 10, 25)),
    ("UBND huyện Nông Sơn", None, AWARD_FORM_NAME, "1187/QĐ-UBND", datetime.date(2022, 5, 20)),
    ("UBND thành phố Hội An", None, "Cờ thi đua của UBND tỉnh", "402/QĐ-UBND", datetime.date(2021, 2, 3)),
    (
        "Sở Nội vụ",
        ("Lê Thị Thu Hà", "Chuyên viên Phòng Cải cách hành chính", "Sở Nội vụ"),
        "Giấy khen của Giám đốc Sở Nội vụ",
        "85/QĐ-SNV",
        datetime.date(2020, 12, 28),
    ),
]
