"""The initiatives that the summary report of Plan 4064 names (sections II.2 and 4.1), with
their agency, the communes or sub-units that run them, and where they spread.

Each row: agency name, kind, reform area, title, implementing units, replicated to, results,
figures, state, assessment (None / True). Unit names are short names of the agency's children;
"*" stands for all of them. Typos of the hand-written report are fixed only where certain
("Trà Núi" is the commune Trà Nú, "chông chéo" is "chồng chéo", "gấn" is "gắn")."""

from campaigns.enums import ReformArea as A
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
        "area": A.PROCEDURES,
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
        "area": A.DIGITAL,
        "title": "Giải pháp nâng cao hiệu quả hoạt động của Tổ công nghệ cộng đồng trong thực hiện nhiệm vụ cải cách "
        "hành chính và chuyển đổi số tại huyện Bắc Trà My",
        "replicated_to": ALL,
        "state": S.EVALUATED,
        "effective": True,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": A.DIGITAL,
        "title": "Hỗ trợ kích hoạt định danh điện tử và triển khai thực hiện giải quyết các dịch vụ công "
        "trực tuyến thiết "
        "yếu theo Đề án 06 tại Bộ phận Một cửa",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.SOLUTION,
        "area": A.DIGITAL,
        "title": "Giải pháp đẩy mạnh chuyển đổi số thông qua cuộc thi tìm hiểu cải cách hành chính và "
        "chuyển đổi số cho "
        "Tổ công nghệ cộng đồng trên địa bàn huyện",
        "state": S.IN_PRACTICE,
    },
    # (2)–(8): models of the district run in named communes.
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": A.COMMUNICATION,
        "title": "Ti vi tuyên truyền tại Bộ phận Một cửa",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.SOLUTION,
        "area": A.DIGITAL,
        "title": "Giải pháp hỗ trợ người dân tiếp cận và thực hiện dịch vụ công trực tuyến mức độ 3, mức độ 4 và đẩy "
        "mạnh công tác cải cách hành chính",
        "units": ["Trà Bui", "Trà Dương"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": A.PROCEDURES,
        "title": "Người dân hướng dẫn người dân về quy trình thực hiện thủ tục hành chính, dịch vụ công trực tuyến",
        "units": ["Trà My", "Trà Giáp"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": A.CIVIL_SERVICE,
        "title": "Kết quả chúng tôi là nụ cười của bạn",
        "units": ["Trà Đông"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": A.CIVIL_SERVICE,
        "title": "Giờ làm việc thứ 9 vào thứ Năm hàng tuần theo mô hình “4 xin – 4 luôn – 5 không”",
        "units": ["Trà Nú"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": A.PROCEDURES,
        "title": "Tiếp nhận hồ sơ đăng ký trực tuyến và trả kết quả giải quyết thủ tục hành chính tại nhà cho các đối "
        "tượng bảo trợ xã hội",
        "units": ["Trà Ka"],
        "state": S.EVALUATED,
        "effective": True,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": A.DIGITAL,
        "title": "Giải quyết thủ tục hành chính kết hợp tạo tài khoản Dịch vụ công cho công dân",
        "units": ["Trà Kót"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": A.PROCEDURES,
        "title": "Mô hình 3K “Không viết, không hẹn, không phiền hà”",
        "units": ["Trà Đốc"],
        "state": S.EVALUATED,
        "effective": True,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": A.PROCEDURES,
        "title": "Tiếp nhận và trả kết quả thủ tục hành chính tại nhà cho người cao tuổi, người bệnh "
        "tật, người có con nhỏ",
        "units": ["Trà Giác"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.MODEL,
        "area": A.COMMUNICATION,
        "title": "Đẩy mạnh công tác truyền thông về cải cách hành chính, chuyển đổi số",
        "state": S.IN_PRACTICE,
    },
    # II.2 — Tam Kỳ
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": A.ORGANISATION,
        "title": "Mô hình “03 không” (không chồng chéo, không lãng phí, không chậm trễ)",
        "state": S.EVALUATED,
        "effective": True,
    },
    {
        "agency": TAM_KY,
        "kind": K.INITIATIVE,
        "area": A.COMMUNICATION,
        "title": "Lãnh đạo Tân Thạnh lắng nghe nhân dân đóng góp ý kiến trong công tác CCHC, chuyển đổi số",
        "units": ["Tân Thạnh"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": A.DIGITAL,
        "title": "Mô hình “Một chạm” tại UBND phường Tân Thạnh",
        "units": ["Tân Thạnh"],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": A.DIGITAL,
        "title": "Hỗ trợ thực hiện dịch vụ công mức độ 3, 4; quét mã QR Code để người dân tiếp cận, tra cứu, nộp hồ sơ "
        "trực tuyến",
        "units": ALL,
        "state": S.IN_PRACTICE,
    },
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": A.DIGITAL,
        "title": "Xây dựng mô hình xã thông minh điểm tại phường Tân Thạnh",
        "units": ["Tân Thạnh"],
        "state": S.REGISTERED,
    },
    # II.2 — Hội An: 4 communes and 9 wards apply the city's models.
    *[
        {"agency": HOI_AN, "kind": K.MODEL, "area": area, "title": title, "units": ALL, "state": state}
        for area, title, state in (
            (A.PROCEDURES, "Ngày giải quyết TTHC không hẹn", S.EVALUATED),
            (A.DIGITAL, "Niêm yết thủ tục hành chính bằng mã QR", S.IN_PRACTICE),
            (
                A.COMMUNICATION,
                "Fanpage trên mạng xã hội Facebook tương tác giữa chính quyền với người dân",
                S.IN_PRACTICE,
            ),
            (
                A.DIGITAL,
                "Tổ công nghệ đồng hành cùng với người dân và tổ chức thực hiện dịch vụ công trực tuyến",
                S.IN_PRACTICE,
            ),
            (A.CIVIL_SERVICE, "Chính quyền thân thiện vì nhân dân phục vụ", S.IN_PRACTICE),
            (A.PROCEDURES, "Công dân không viết gắn với dịch vụ công trực tuyến trong giải quyết TTHC", S.EVALUATED),
            (A.PROCEDURES, "Nhân dân TP Hội An đồng hành cùng chính quyền trong giải quyết TTHC", S.IN_PRACTICE),
            (
                A.DIGITAL,
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
        "area": A.DIGITAL,
        "title": "Triển khai thiết bị giám sát thi cử, sát hạch lái xe thuộc Đề án 06 của Thủ tướng Chính phủ",
        "description": "Tổ chức thí điểm.",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": "Cục Thuế tỉnh Quảng Nam",
        "kind": K.MODEL,
        "area": A.PROCEDURES,
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
                A.PROCEDURES,
                "Giải pháp nâng cao chất lượng dịch vụ, nâng cao sự hài lòng của tổ chức, cá nhân đối với ngành BHXH "
                "trên địa bàn tỉnh Quảng Nam",
                [],
            ),
            (
                K.INITIATIVE,
                A.DIGITAL,
                "Ứng dụng phần mềm trên hệ thống Eoffice tạo các nhóm gửi văn bản điện tử liên thông cho "
                "các cơ sở KCB, "
                "UBND các huyện, thị xã, thành phố, các sở, ban, ngành",
                [],
            ),
            (
                K.SOLUTION,
                A.PROCEDURES,
                "Giải pháp nâng cao việc kiểm soát TTHC trong tiếp nhận hồ sơ thanh toán chế độ BHXH một lần tại BHXH "
                "tỉnh Quảng Nam",
                [],
            ),
            (
                K.SOLUTION,
                A.PROCEDURES,
                "Giải pháp đẩy nhanh việc tiếp nhận và giải quyết hồ sơ đề nghị hưởng chế độ hưu trí",
                [],
            ),
            (
                K.INITIATIVE,
                A.DIGITAL,
                "Ứng dụng tính năng của Microsoft Excel online vào việc theo dõi hồ sơ và giao trả kết quả giải quyết "
                "thủ tục hành chính về BHXH, BHYT trực tiếp tại Bộ phận Một cửa và thông qua đường bưu điện",
                [],
            ),
            (
                K.SOLUTION,
                A.PROCEDURES,
                "Giải pháp nhằm hạn chế tình trạng giải quyết hồ sơ chậm, muộn trên phần mềm tiếp nhận hồ sơ và ứng "
                "dụng QR Code để mã hóa các thủ tục hành chính ngành BHXH",
                ["BHXH Điện Bàn"],
            ),
        )
    ],
    # 4.1 — reform of administrative procedures
    {
        "agency": TAM_KY,
        "kind": K.MODEL,
        "area": A.DIGITAL,
        "title": "Thí điểm chỉ tiếp nhận hồ sơ trực tuyến 04 ngày/tuần tại Trung tâm Hành chính công thành phố và Bộ "
        "phận Một cửa xã, phường",
        "units": ALL,
        "figures": [{"label": "Ngày chỉ tiếp nhận hồ sơ trực tuyến", "value": "04 ngày/tuần"}],
        "state": S.IN_PRACTICE,
    },
    {
        "agency": BAC_TRA_MY,
        "kind": K.SOLUTION,
        "area": A.DIGITAL,
        "title": "Chứng thực bản sao điện tử, tiếp nhận và giải quyết TTHC trên Cổng Dịch vụ công, thu "
        "phí, lệ phí trên "
        "hệ thống phần mềm Một cửa điện tử",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": "UBND huyện Quế Sơn",
        "kind": K.SOLUTION,
        "area": A.PROCEDURES,
        "title": "Nâng cao chất lượng giải quyết thủ tục hành chính bằng Hệ thống đánh giá sự hài lòng "
        "theo thời gian thực",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": "UBND huyện Quế Sơn",
        "kind": K.MODEL,
        "area": A.PROCEDURES,
        "title": "Cuộc thi thực hiện mô hình “Bộ phận Một cửa thân thiện – hiện đại”",
        "description": "Tổ chức tại Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính các xã, thị trấn "
        "thuộc huyện Quế Sơn.",
        "units": ALL,
        "state": S.EVALUATED,
        "effective": True,
    },
    {
        "agency": "UBND huyện Tiên Phước",
        "kind": K.MODEL,
        "area": A.DIGITAL,
        "title": "Mô hình điểm sử dụng thẻ căn cước công dân gắn chip điện tử và ứng dụng VNeID tại các "
        "cơ sở khám chữa "
        "bệnh trên địa bàn huyện Tiên Phước",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": "UBND xã Đại Thạnh",
        "kind": K.SOLUTION,
        "area": A.DIGITAL,
        "title": "Giải pháp hỗ trợ người dân tiếp cận và thực hiện dịch vụ công trực tuyến mức độ 3, mức độ 4 và đẩy "
        "mạnh công tác cải cách hành chính",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": "Văn phòng Đăng ký đất đai tỉnh",
        "kind": K.SOLUTION,
        "area": A.DIGITAL,
        "title": "Phần mềm liên thông giải quyết thủ tục hành chính lĩnh vực đất đai",
        "description": "Phối hợp với VNPT Quảng Nam triển khai.",
        "state": S.IN_PRACTICE,
    },
    {
        "agency": "Cục Thuế tỉnh Quảng Nam",
        "kind": K.SOLUTION,
        "area": A.DIGITAL,
        "title": "Ghim tọa độ địa điểm người nộp thuế trên Bản đồ số hộ kinh doanh, kết hợp cập nhật, "
        "chuẩn hóa tự động "
        "thông tin địa chỉ kinh doanh vào ứng dụng quản lý thuế tập trung (TMS)",
        "description": "Ứng dụng quản lý, theo dõi tiến độ thực hiện ghim tọa độ.",
        "state": S.IN_PRACTICE,
    },
]

# The commune whose name two districts could share is looked up under its district.
PARENTS = {"UBND xã Đại Thạnh": "UBND huyện Đại Lộc"}
