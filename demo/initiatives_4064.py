"""The initiatives that the summary report of Plan 4064 lists by agency (section II.2), with
their agency, the communes or sub-units that run them, and where they spread. The examples of
section 4.1 are the department's own narrative there, not agencies' registrations.

Each row: agency name, kind, category code (demo/outline_4064.py), title, implementing units, replicated to, results,
figures, state, assessment (None / True). Unit names are short names of the agency's children;
"*" stands for all of them. Typos of the hand-written report are fixed only where certain
("Trà Núi" is the commune Trà Nú, "chông chéo" is "chồng chéo", "gấn" is "gắn")."""

from initiatives.enums import InitiativeKind as K
from initiatives.enums import InitiativeState as S

BAC_TRA_MY = "UBND huyện Bắc Trà My"
TAM_KY = "UBND thành phố Tam Kỳ"
HOI_AN = "UBND thành phố Hội An"
ALL = "*"

INITIATIVES = [
    # II.2 — Bắc Trà My: (1) models spread to the communes and townlet of the district.
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "thu-tuc-hanh-chinh",
        "title": "Rút ngắn thời gian giải quyết thủ tục Đăng ký biến động quyền sử dụng đất",
        "description": "Áp dụng cho các nội dung: thay đổi CMND sang CCCD, thay đổi thông tin địa chỉ thửa đất, "
        "địa chỉ thường trú.",
        "replicated_to": ALL,
        "results": "Rút ngắn 01 ngày đối với hồ sơ đủ điều kiện theo quy định.",
        "figures": [{"label": "Thời gian giải quyết", "value": "10 ngày theo quy định của tỉnh, rút ngắn 01 ngày"}],
        "state": S.EVALUATED,
        "effective": True,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.SOLUTION,
        "area": "chuyen-doi-so",
        "title": "Giải pháp nâng cao hiệu quả hoạt động của Tổ công nghệ cộng đồng trong thực hiện nhiệm vụ cải cách "
        "hành chính và chuyển đổi số tại huyện Bắc Trà My",
        "replicated_to": ALL,
        "state": S.EVALUATED,
        "effective": True,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "chuyen-doi-so",
        "title": "Hỗ trợ kích hoạt định danh điện tử và triển khai thực hiện giải quyết các dịch vụ công "
        "trực tuyến thiết "
        "yếu theo Đề án 06 tại Bộ phận Một cửa",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.SOLUTION,
        "area": "chuyen-doi-so",
        "title": "Giải pháp đẩy mạnh chuyển đổi số thông qua cuộc thi tìm hiểu cải cách hành chính và "
        "chuyển đổi số cho "
        "Tổ công nghệ cộng đồng trên địa bàn huyện",
        "state": S.IN_PRACTICE,
    },
    # (2)–(8): models of the district run in named communes.
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "tuyen-truyen",
        "title": "Ti vi tuyên truyền tại Bộ phận Một cửa",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.SOLUTION,
        "area": "chuyen-doi-so",
        "title": "Giải pháp hỗ trợ người dân tiếp cận và thực hiện dịch vụ công trực tuyến mức độ 3, mức độ 4 và đẩy "
        "mạnh công tác cải cách hành chính",
        "units": ["Trà Bui", "Trà Dương"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "thu-tuc-hanh-chinh",
        "title": "Người dân hướng dẫn người dân về quy trình thực hiện thủ tục hành chính, dịch vụ công trực tuyến",
        "units": ["Trà My", "Trà Giáp"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "che-do-cong-vu",
        "title": "Kết quả chúng tôi là nụ cười của bạn",
        "units": ["Trà Đông"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "che-do-cong-vu",
        "title": "Giờ làm việc thứ 9",
        "figures": [{"label": "Thời gian", "value": "thứ Năm hàng tuần, theo mô hình 4 xin – 4 luôn – 5 không"}],
        "units": ["Trà Nú"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "thu-tuc-hanh-chinh",
        "title": "Tiếp nhận hồ sơ đăng ký trực tuyến và trả kết quả giải quyết thủ tục hành chính tại nhà cho các đối "
        "tượng bảo trợ xã hội",
        "units": ["Trà Ka"],
        "state": S.EVALUATED,
        "effective": True,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "chuyen-doi-so",
        "title": "Giải quyết thủ tục hành chính kết hợp tạo tài khoản Dịch vụ công cho công dân",
        "units": ["Trà Kót"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "thu-tuc-hanh-chinh",
        "title": "Mô hình 3K “Không viết, không hẹn, không phiền hà”",
        "units": ["Trà Đốc"],
        "state": S.EVALUATED,
        "effective": True,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "thu-tuc-hanh-chinh",
        "title": "Tiếp nhận và trả kết quả thủ tục hành chính tại nhà cho người cao tuổi, người bệnh "
        "tật, người có con nhỏ",
        "units": ["Trà Giác"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": "tuyen-truyen",
        "title": "Đẩy mạnh công tác truyền thông về cải cách hành chính, chuyển đổi số",
        "state": S.IN_PRACTICE,
    },
    # II.2 — Tam Kỳ
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": "to-chuc-bo-may",
        "title": "Mô hình “03 không” (không chồng chéo, không lãng phí, không chậm trễ)",
        "state": S.EVALUATED,
        "effective": True,
    },
    {
        "agency": TAM_KY,
        "kind": K.INITIATIVE,
        "area": "tuyen-truyen",
        "title": "Lãnh đạo Tân Thạnh lắng nghe nhân dân đóng góp ý kiến trong công tác CCHC, chuyển đổi số",
        "units": ["Tân Thạnh"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": "chuyen-doi-so",
        "title": "Mô hình “Một chạm” tại UBND phường Tân Thạnh",
        "units": ["Tân Thạnh"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": "chuyen-doi-so",
        "title": "Hỗ trợ thực hiện dịch vụ công mức độ 3, 4; quét mã QR Code để người dân tiếp cận, tra cứu, nộp hồ sơ "
        "trực tuyến",
        "units": ALL,
        "state": S.IN_PRACTICE,
    },
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": "chuyen-doi-so",
        "title": "Xây dựng mô hình xã thông minh điểm tại phường Tân Thạnh",
        "units": ["Tân Thạnh"],
        "state": S.REGISTERED,
    },
    {
        "agency": TAM_KY,
        "kind": K.SOLUTION,
        "area": "thu-tuc-hanh-chinh",
        "title": "Thường xuyên theo dõi, đôn đốc việc xử lý hồ sơ đúng hạn của các phòng, ban, đơn vị",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": "chuyen-doi-so",
        "title": "Lĩnh vực đất đai: xây dựng bản đồ, cơ sở dữ liệu số, công khai trên hệ thống Smart Tam Kỳ",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": "chuyen-doi-so",
        "title": "Thành lập và đưa vào hoạt động có hiệu quả các tổ công nghệ cộng đồng tại 85 thôn/khối phố",
        "state": S.IN_PRACTICE,
    },
    # II.2 — Hội An: 4 communes and 9 wards apply the city's models.
    *[
        {"agency": HOI_AN, "kind": K.MODEL, "area": area, "title": title, "units": ALL, "state": state}
        for area, title, state in (
            ("thu-tuc-hanh-chinh", "Ngày giải quyết TTHC không hẹn", S.EVALUATED),
            ("chuyen-doi-so", "Niêm yết thủ tục hành chính bằng mã QR", S.IN_PRACTICE),
            (
                "tuyen-truyen",
                "Fanpage trên mạng xã hội Facebook tương tác giữa chính quyền với người dân",
                S.IN_PRACTICE,
            ),
            (
                "chuyen-doi-so",
                "Tổ công nghệ đồng hành cùng với người dân và tổ chức thực hiện dịch vụ công trực tuyến",
                S.IN_PRACTICE,
            ),
            ("che-do-cong-vu", "Chính quyền thân thiện vì nhân dân phục vụ", S.IN_PRACTICE),
            (
                "thu-tuc-hanh-chinh",
                "Công dân không viết gắn với dịch vụ công trực tuyến trong giải quyết TTHC",
                S.EVALUATED,
            ),
            (
                "thu-tuc-hanh-chinh",
                "Nhân dân TP Hội An đồng hành cùng chính quyền trong giải quyết TTHC",
                S.IN_PRACTICE,
            ),
            (
                "chuyen-doi-so",
                "Khảo sát mức độ hài lòng của tổ chức, cá nhân về chất lượng dịch vụ hành chính bằng "
                "hình thức quét mã QR "
                "trên ứng dụng Zalo",
                S.IN_PRACTICE,
            ),
        )
    ],
    # II.2 — departments and central agencies
    {
        "agency": "Sở Giao thông vận tải",
        "kind": K.MODEL,
        "area": "chuyen-doi-so",
        "title": "Triển khai thiết bị giám sát thi cử, sát hạch lái xe thuộc Đề án 06 của Thủ tướng Chính phủ",
        "description": "Tổ chức thí điểm.",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": "Cục Thuế tỉnh Quảng Nam",
        "kind": K.MODEL,
        "area": "thu-tuc-hanh-chinh",
        "title": "Ngày thứ 7 đồng hành cùng người nộp thuế; sử dụng trợ lý ảo “Chatbot” hướng dẫn người nộp thuế thực "
        "hiện TTHC tại trang Facebook",
        "state": S.EVALUATED,
        "effective": True,
    },
    *[
        {"agency": "Bảo hiểm xã hội tỉnh Quảng Nam", "kind": kind, "area": area, "title": title, "units": units}
        for kind, area, title, units in (
            (
                K.SOLUTION,
                "thu-tuc-hanh-chinh",
                "Giải pháp nâng cao chất lượng dịch vụ, nâng cao sự hài lòng của tổ chức, cá nhân đối với ngành BHXH "
                "trên địa bàn tỉnh Quảng Nam",
                [],
            ),
            (
                K.INITIATIVE,
                "chuyen-doi-so",
                "Ứng dụng phần mềm trên hệ thống Eoffice tạo các nhóm gửi văn bản điện tử liên thông cho "
                "các cơ sở KCB, "
                "UBND các huyện, thị xã, thành phố, các sở, ban, ngành",
                [],
            ),
            (
                K.SOLUTION,
                "thu-tuc-hanh-chinh",
                "Giải pháp nâng cao việc kiểm soát TTHC trong tiếp nhận hồ sơ thanh toán chế độ BHXH một lần tại BHXH "
                "tỉnh Quảng Nam",
                [],
            ),
            (
                K.SOLUTION,
                "thu-tuc-hanh-chinh",
                "Giải pháp đẩy nhanh việc tiếp nhận và giải quyết hồ sơ đề nghị hưởng chế độ hưu trí",
                [],
            ),
            (
                K.INITIATIVE,
                "chuyen-doi-so",
                "Ứng dụng tính năng của Microsoft Excel online vào việc theo dõi hồ sơ và giao trả kết quả giải quyết "
                "thủ tục hành chính về BHXH, BHYT trực tiếp tại Bộ phận Một cửa và thông qua đường bưu điện",
                [],
            ),
            (
                K.SOLUTION,
                "thu-tuc-hanh-chinh",
                "Giải pháp nhằm hạn chế tình trạng giải quyết hồ sơ chậm, muộn trên phần mềm tiếp nhận hồ sơ và ứng "
                "dụng QR Code để mã hóa các thủ tục hành chính ngành BHXH",
                ["BHXH Điện Bàn"],
            ),
        )
    ],
]
