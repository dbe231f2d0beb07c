"""Plan 4064/KH-UBND and the documents its summary report cites (the demo campaign's data)."""

import datetime

CAMPAIGN_NAME = "Xây dựng môi trường hành chính trong sạch, lành mạnh, công khai, minh bạch"
QUOTED = f"“{CAMPAIGN_NAME}”"

CAMPAIGN = {
    "code": "4064",
    "name": CAMPAIGN_NAME,
    "issuing_authority": "Ủy ban nhân dân tỉnh",
    "organiser": "Sở Nội vụ",
    "place_name": "Quảng Nam",
    "period_start": datetime.date(2023, 7, 1),
    "period_end": datetime.date(2024, 11, 30),
    "nomination_deadline": datetime.date(2024, 12, 24),
    # The demo's reviewer publishes the approved list for comment before the council meets.
    "publishes_proposed_list": True,
}

# (type, number/symbol, date, issuer, subject)
PLAN = (
    "KH",
    "4064/KH-UBND",
    datetime.date(2023, 6, 27),
    "Ủy ban nhân dân tỉnh",
    f"về tổ chức phong trào thi đua {QUOTED}",
)

DOCUMENTS = [
    ("CV", "1896/SNV-CCHC", datetime.date(2023, 8, 30), "Sở Nội vụ", f"về việc triển khai phong trào thi đua {QUOTED}"),
    (
        "CV",
        "9004/UBND-NCKS",
        datetime.date(2024, 11, 20),
        "Ủy ban nhân dân tỉnh",
        f"về việc tổng kết phong trào thi đua {QUOTED}",
    ),
    ("CV", "1845/SNV-CCHC", datetime.date(2024, 11, 28), "Sở Nội vụ", "về tổng kết và đề nghị khen thưởng"),
    (
        "NQ",
        "16-NQ/TU",
        datetime.date(2021, 10, 14),
        "Tỉnh ủy",
        "về đẩy mạnh cải cách hành chính trên địa bàn tỉnh giai đoạn 2021-2025, định hướng đến năm 2030",
    ),
    (
        "BC",
        "44/BC-STP",
        datetime.date(2024, 2, 28),
        "Sở Tư pháp",
        "về kết quả kiểm tra, rà soát văn bản quy phạm pháp luật theo chuyên đề",
    ),
    (
        "KH",
        "6581/KH-UBND",
        datetime.date(2023, 9, 27),
        "Ủy ban nhân dân tỉnh",
        "về triển khai thực hiện Nghị quyết số 99/NQ-CP ngày 10/7/2023 của Chính phủ thực hiện Kết luận số "
        "50-KL/TW ngày 28/2/2023 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 18-NQ-TW ngày 25/10/2017 "
        'của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII "Một số vấn đề về tiếp tục đổi mới, '
        'sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả"',
    ),
    (
        "KH",
        "416/KH-UBND",
        datetime.date(2023, 1, 18),
        "Ủy ban nhân dân tỉnh",
        "về triển khai thực hiện Chỉ thị số 30-CT/TU ngày 17/11/2022 của Ban Thường vụ Tỉnh ủy về tăng cường kỷ "
        "luật, kỷ cương hành chính; nâng cao tinh thần trách nhiệm, hiệu quả công tác trong thực thi công vụ",
    ),
]

# The 43 agencies expected to send award dossiers. The report gives only the number; we chose the
# 19 specialised agencies, the Management Board of Economic Zones and Industrial Parks, the 18
# district-level units and the 5 central agencies in the province (19 + 1 + 18 + 5 = 43).
EXPECTED_KINDS = ("department", "district_committee", "central_agency")
