"""The demo report of Plan 4064: the reference report's fields, indicators and narrative (from
../shared/reference/bao-cao-tong-ket-4064.md), word for word where it states facts. Lists of
initiatives, dossier counts, indicator figures and footnote texts are not here: the report
computes them from the data, and places them where the text says "[[block]]" (the outline is in
demo/outline_4064.py)."""

import datetime

REPORT = {
    "number_symbol": "/BC-SNV",
    "issued_on": datetime.date(2024, 12, 26),
    "place_name": "Quảng Nam",
    "issuer_parent": "UBND TỈNH QUẢNG NAM",
    "issuer_name": "SỞ NỘI VỤ",
    "signer_authority": "KT. GIÁM ĐỐC",
    "signer_position": "PHÓ GIÁM ĐỐC",
    "signer_name": "Phạm Thị Lan",
    "recipients": [
        "UBND tỉnh (b/c);",
        "Sở, ban, ngành;",
        "UBND các huyện, thị xã, thành phố;",
        "Cơ quan ngành dọc;",
        "Giám đốc Sở (b/c);",
        "Lưu: VT, CCHC.",
    ],
}

# (code, name, unit, outline section key (children: none), parent code, value)
INDICATORS = [
    (
        "co-quan-chuyen-mon-tinh",
        "Cơ quan chuyên môn thuộc UBND tỉnh đã được ban hành quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức",
        "cơ quan",
        "ii_4_3",
        "",
        19,
    ),
    (
        "phong-chuyen-mon-huyen",
        "Phòng chuyên môn thuộc UBND cấp huyện đã được hướng dẫn chức năng, nhiệm vụ, quyền hạn",
        "phòng",
        "ii_4_3",
        "",
        9,
    ),
    ("chung-thu-so", "Chứng thư số đã cấp", "chứng thư số", "ii_4_4", "", 8630),
    ("chung-thu-so-to-chuc", "cho tổ chức", "chứng thư số", "", "chung-thu-so", 1055),
    ("chung-thu-so-ca-nhan", "cho cá nhân", "chứng thư số", "", "chung-thu-so", 7574),
    ("chung-thu-so-tbdvpm", "TBDVPM", "chứng thư số", "", "chung-thu-so", 1),
    ("thu-dien-tu-cong-vu", "Tài khoản thư điện tử công vụ đã cấp", "tài khoản", "ii_4_4", "", 30335),
    (
        "dvctt",
        "Dịch vụ công trực tuyến cung cấp, công khai trên Cổng Dịch vụ công Quốc gia",
        "dịch vụ",
        "ii_4_4",
        "",
        1025,
    ),
    ("dvctt-toan-trinh", "toàn trình", "dịch vụ công trực tuyến", "", "dvctt", 1011),
]

NAME = "“Xây dựng môi trường hành chính trong sạch, lành mạnh, công khai, minh bạch”"

SECTIONS = {
    "i_1": (
        "Triển khai thực hiện Kế hoạch số 4064/KH-UBND ngày 27/6/2023 của UBND tỉnh, Sở Nội vụ đã ban hành Công văn "
        f"số 1896/SNV-CCHC ngày 30/8/2023 về việc triển khai phong trào thi đua {NAME}. Căn cứ Kế hoạch của UBND "
        "tỉnh, hướng dẫn của Sở Nội vụ và trên cơ sở tình hình thực tế, các cơ quan, đơn vị, địa phương đã tổ chức "
        "phổ biến, quán triệt chủ động ban hành Kế hoạch thực hiện và các văn bản[^Kế hoạch tổ chức thực hiện phong "
        "trào thi đua, Kế hoạch tuyên truyền công tác cải cách hành chính và triển khai phong trào thi đua "
        f"{NAME}, Công văn rà soát thực hiện nhiệm vụ và tăng cường khắc phục các tồn tại, hạn chế trong công tác "
        "cải cách hành chính, Công văn rà soát, cắt giảm thời gian giải quyết thủ tục hành chính, Công văn tiếp tục "
        "thực hiện các giải pháp cải thiện Bộ chỉ số phục vụ người dân và doanh nghiệp.] triển khai các nội dung thi "
        "đua, tạo động lực, khí thế thi đua sôi nổi, đăng ký thực hiện nhiều mô hình, sáng kiến, cách làm hay trong "
        "công tác cải cách hành chính nhằm nâng cao hiệu quả, chất lượng phục vụ và cải thiện sự hài lòng của người "
        "dân, doanh nghiệp đối với cơ quan hành chính nhà nước các cấp trên địa bàn tỉnh Quảng Nam."
    ),
    "i_2": (
        "Thực hiện Công văn số 9004/UBND-NCKS ngày 20/11/2024[^9004/UBND-NCKS]; Sở Nội vụ ban hành Công văn số "
        "1845/SNV-CCHC ngày 28/11/2024[^1845/SNV-CCHC] đề nghị các cơ quan chuyên môn thuộc UBND tỉnh, Ban Quản lý "
        "các Khu kinh tế và Khu công nghiệp tỉnh, UBND các huyện, thị xã, thành phố, UBND các xã, phường, thị trấn, "
        "các cơ quan Trung ương đóng trên địa bàn tỉnh (gọi chung là các cơ quan, đơn vị, địa phương) triển khai và "
        "tổ chức tổng kết phong trào thi đua tại cơ quan, đơn vị, địa phương. Theo đó, Sở Nội vụ đề nghị các cơ "
        "quan, đơn vị, địa phương đánh giá đúng kết quả thực hiện các nhiệm vụ, nội dung thi đua; những hạn chế còn "
        "tồn tại, nguyên nhân; bài học kinh nghiệm và các giải pháp nâng cao hiệu quả thực hiện các nhiệm vụ cải "
        "cách hành chính trong thời gian tới; các cơ quan, đơn vị, địa phương căn cứ vào nội dung thi đua, tiêu chí "
        "bình xét khen thưởng quy định tại Kế hoạch số 4064/KH-UBND để lựa chọn, đề nghị UBND tỉnh khen thưởng "
        "(không xem xét, đề nghị đối với các trường hợp không đảm bảo các tiêu chuẩn, tiêu chí) báo cáo và đề nghị "
        "xem xét khen thưởng gửi về Sở Nội vụ các tập thể, cá nhân có thành tích tiêu biểu xuất sắc trong phong trào "
        f"thi đua {NAME}."
    ),
    "ii_1": (
        "Để tổ chức thực hiện có hiệu quả phong trào thi đua, Thủ trưởng các cơ quan, đơn vị, địa phương đã chỉ đạo "
        "các phòng, ban, đơn vị trực thuộc chủ động bám sát mục đích, yêu cầu của Nghị quyết số 16-NQ/TU, ngày "
        "14/10/2021 về đẩy mạnh cải cách hành chính trên địa bàn tỉnh giai đoạn 2021-2025, định hướng đến năm 2030; "
        "Kế hoạch cải cách hành chính tỉnh Quảng Nam năm 2023, 2024 và Kế hoạch số 4064/KH-UBND ngày 27/6/2023, xây "
        "dựng các văn bản cụ thể hóa nội dung thi đua tại cơ quan, đơn vị, địa phương đảm bảo nghiêm túc, hiệu quả; "
        "qua đó góp phần nâng cao nhận thức, trách nhiệm của người đứng đầu các cơ quan, đơn vị, địa phương và cán "
        "bộ, công chức, viên chức trong triển khai thực hiện công tác cải cách hành chính."
    ),
    "ii_2": (
        "Qua triển khai thực hiện phong trào thi đua, các cơ quan, đơn vị, địa phương trên địa bàn tỉnh đã triển "
        "khai thực hiện nhân rộng các mô hình, giải pháp mới trong công tác cải cách hành chính, tiêu biểu là các "
        "cơ quan, đơn vị, địa phương như:\n"
        "[[initiatives_by_agency]]\n"
        "Công tác phối hợp giữa các cơ quan, đơn vị và công chức chuyên môn giải quyết thủ tục hành chính thực "
        "hiện đảm bảo theo đúng quy trình và thời gian quy định; chất lượng giải quyết thủ tục hành chính tại "
        "Trung tâm Phục vụ hành chính công tỉnh, Bộ Phận Tiếp nhận và Trả kết quả cấp huyện và cấp xã ngày càng "
        "được cải thiện, các cơ quan, đơn vị, địa phương thực hiện nghiêm các quy định. Một số cơ quan, đơn vị, "
        "địa phương (UBND huyện Bắc Trà My, UBND thành phố Hội An; Sở Nội vụ, Sở Giao thông vận tải; Cục thuế "
        "tỉnh, Bảo hiểm xã hội tỉnh,...) có nội dung tiêu chí thi đua như: các cơ quan đơn vị hoàn thành tốt 100% "
        "nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao; cơ quan, đơn vị, địa phương được đánh giá tốt, đứng ở "
        "vị trí trong những đơn vị, địa phương dẫn đầu; đạt thứ hạng tốt về kết quả đánh giá xếp loại hành chính "
        "trong năm; tỷ lệ hồ sơ trễ hẹn dưới 5% thuộc thẩm quyền giải quyết của cơ quan, đơn vị, địa phương;... cơ "
        "bản đảm bảo theo tiêu chí bình xét khen thưởng quy định tại Kế hoạch số 4064/KH-UBND ngày 27/6/2023."
    ),
    "ii_3": (
        f"Nhằm hưởng ứng phong trào thi đua {NAME}, Thủ trưởng các cơ quan, đơn vị, địa phương đã chỉ đạo các phòng, "
        "ban, đơn vị thuộc, trực thuộc tổ chức tuyên truyền, phổ biến cho đội ngũ cán bộ, công chức, viên chức "
        "(CBCCVC), người lao động dưới nhiều hình thức (Panô tuyên truyền trực quan; lồng ghép trong cuộc họp giao "
        "ban định kỳ, tổng kết cuối năm; niêm yết công khai tại Bộ phận tiếp nhận và trả kết quả; qua mạng nội bộ "
        "Q.office;...) nhằm nâng cao nhận thức, vai trò, ý nghĩa, mục đích, nội dung, tầm quan trọng trong việc tổ "
        f"chức triển khai thực hiện phong trào thi đua {NAME} trên địa bàn tỉnh Quảng Nam, đồng thời xây dựng các mô "
        "hình hay, nhân rộng điển hình tốt trong các cơ quan, đơn vị, địa phương và CBCCVC, qua đó kịp thời, công "
        "khai biểu dương những tập thể, cá nhân có thành tích tốt trong phong trào thi đua nêu trên."
    ),
    "ii_4_1": (
        "Đã kịp thời niêm yết, công khai 100% thủ tục hành chính thuộc thẩm quyền giải quyết trên Cổng thông tin "
        "điện tử và tại Bộ phận Một cửa các cấp; triển khai niêm yết hệ thống mã QR code tại 100% Bộ phận Một cửa "
        "tạo thuận lợi cho người dân, doanh nghiệp. Tổ chức rà soát, đề xuất Bộ, ngành cắt giảm đơn giản hóa các "
        "thủ tục hành chính không cần thiết, trùng lặp, quy trình giải quyết có thời gian chờ đợi dài, gây phiền "
        "hà hoặc không còn phù hợp với quy định pháp luật và thực tiễn.\n"
        "Đẩy mạnh triển khai các mô hình, sáng kiến, cách làm hay trong công tác cải cách hành chính vào thực "
        "tiễn, góp phần nâng cao hiệu quả trong việc đẩy mạnh CCHC, nâng cao hiệu lực, hiệu quả quản lý, hiệu suất "
        "làm việc của CBCCVC; kịp thời giải quyết các công việc một cách thuận tiện, giảm thời gian, chi phí cho "
        "người dân, doanh nghiệp như: thí điểm triển khai chỉ tiếp nhận hồ sơ trực tuyến 04 ngày/tuần tại Trung "
        "tâm Hành chính công thành phố và Bộ phận một cửa xã, phường tại Thành phố Tam Kỳ; hướng dẫn việc thực "
        "hiện chứng thực bản sao điện tử, thực hiện tiếp nhận và giải quyết TTHC trên Cổng Dịch vụ công và triển "
        "khai thu phí, lệ phí trên hệ thống phần mềm Một cửa điện tử tại huyện Bắc Trà My; thực hiện nâng cao chất "
        "lượng giải quyết thủ tục hành chính bằng Hệ thống đánh giá sự hài lòng theo thời gian thực, tổ chức cuộc "
        "thi thực hiện mô hình “Bộ phận Một cửa thân thiện - hiện đại” tại Bộ phận Tiếp nhận và Trả kết quả giải "
        "quyết thủ tục hành chính các xã, thị trấn thuộc huyện Quế Sơn; triển khai mô hình điểm sử dụng thẻ căn "
        "cước công dân gắn chip điện tử và ứng dụng VNeID tại các cơ sở khám chữa bệnh trên địa bàn huyện Tiên "
        "Phước; “Giải pháp hỗ trợ Người dân tiếp cận và thực hiện dịch vụ công trực tuyến mức độ 3; mức độ 4 và "
        "đẩy mạnh công tác cải cách hành chính” tại xã Đại Thạnh huyện Đại Lộc; Văn phòng đăng ký đất đai tỉnh "
        "phối hợp với VNPT Quảng Nam triển khai phần mềm liên thông giải quyết thủ tục hành chính lĩnh vực đất "
        "đai; ứng dụng quản lý, theo dõi tiến độ thực hiện ghim tọa độ địa điểm người nộp thuế trên Bản đồ số hộ "
        "kinh doanh, kết hợp cập nhật thay đổi chuẩn hóa tự động thông tin địa chỉ kinh doanh vào ứng dụng quản lý "
        "thuế tập trung (TMS) tại Cục thuế tỉnh Quảng Nam,..."
    ),
    "ii_4_2": (
        "Trong thời gian qua, các sở, ngành trên địa bàn tỉnh đã tiến hành rà soát và tham mưu xử lý kết quả rà "
        "soát đối với các văn bản QPPL của UBND tỉnh. Qua kết quả kiểm tra, rà soát văn bản QPPL theo chuyên "
        "đề[^44/BC-STP] không phát hiện văn bản nào có dấu hiệu trái pháp luật."
    ),
    "ii_4_3": (
        "Tiếp tục tập trung hoàn thiện tổ chức bộ máy, chức năng, nhiệm vụ của các cơ quan, đơn vị, địa phương "
        "trên địa bàn tỉnh theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả phù hợp với tình hình thực tế của cơ "
        "quan, đơn vị, địa phương. Đến nay (số liệu tính đến ngày 15/12/2024):\n"
        "[[indicators]]\n"
        "Các cơ quan, đơn vị, địa phương đã triển khai và hoàn thành kế hoạch công tác kiểm tra đã đề ra; trong đó "
        "nội dung chủ yếu tập trung công tác nội vụ, công tác cải cách hành chính và chuyển đổi số; tăng cường kỷ "
        "luật, kỷ cương hành chính; nâng cao tinh thần trách nhiệm, hiệu quả công tác trong thực thi công vụ theo "
        "Kế hoạch số 416/KH-UBND ngày 18/01/2023 của UBND tỉnh. Công tác kiểm tra góp phần nâng cao nhận thức, vai "
        "trò, trách nhiệm của các cấp chính quyền và CBCCVC trong việc tiếp tục đẩy mạnh cải cách hành chính, xây "
        "dựng nền hành chính phát triển, hiện đại, chuyên nghiệp, kỷ cương, năng động, công khai, minh bạch, hiệu "
        "lực, hiệu quả; bảo đảm sự nghiêm minh trong thực thi pháp luật và củng cố niềm tin của Nhân dân vào sự "
        "lãnh đạo của Đảng, Nhà nước; xây dựng đội ngũ CBCCVC có phẩm chất đạo đức công vụ, đạo đức nghề nghiệp, "
        "có phong cách ứng xử văn minh, ý thức chấp hành kỷ luật, kỷ cương hành chính, tuân thủ các quy định trong "
        "hoạt động công vụ nhằm tạo chuyển biến mạnh mẽ trong lề lối, tác phong làm việc và tăng cường thanh tra, "
        "kiểm tra, giám sát việc thực thi công vụ của CBCCVC."
    ),
    "ii_4_4": (
        "Hệ thống quản lý văn bản Qoffice tập trung đến tất cả các cơ quan, đơn vị, địa phương trên địa bàn tỉnh, "
        "kết nối trục liên thông văn bản chính phủ và tích hợp chữ ký số chuyên dùng, phục vụ gửi nhận văn bản "
        "điện tử. Hiện nay, tất cả các đơn vị đã thực hiện gửi nhận văn bản điện tử (không kèm bản giấy) đối với "
        "hầu hết các văn bản thông thường.\n"
        "Ứng dụng chứng thư số, chữ ký số được triển khai đến 100% cơ quan nhà nước của tỉnh, từ cấp tỉnh đến cấp "
        "xã, đáp ứng yêu cầu đảm bảo an toàn thông tin mạng trong gửi, nhận thông điệp điện tử, văn bản điện tử và "
        "chứng thực điện tử. Hệ thống thư điện tử công vụ của tỉnh được duy trì hoạt động ổn định, 100% CBCCVC "
        "trong các cơ quan hành chính nhà nước từ cấp tỉnh đến cấp xã đều được cấp hộp thư điện tử công vụ. Hệ "
        "thống thông tin giải quyết thủ tục hành chính tỉnh đã kết nối, triển khai Dịch vụ công trực tuyến với "
        "Cổng Dịch vụ công Quốc gia phục vụ nhu cầu giải quyết TTHC của các tổ chức, cá nhân trong và ngoài tỉnh. "
        "Số liệu đến thời điểm báo cáo:\n"
        "[[indicators]]\n"
        "Việc triển khai kết nối chia sẻ dữ liệu qua nền tảng tích hợp, chia sẻ dữ liệu của tỉnh (LGSP); kết nối "
        "với các hệ thống thông tin, CSDL của các Bộ ngành TW; triển khai Trung tâm thông tin chỉ đạo, điều hành "
        "của UBND tỉnh (IOC) và triển khai ứng dụng smart, egov Quảng Nam, 1022 Quảng Nam có những kết quả rõ rệt."
    ),
    "iii_1": (
        f"Phong trào thi đua {NAME} được các cơ quan, đơn vị, địa phương tích cực triển khai, phát động rộng rãi, "
        "nhận được sự nhiệt tình hưởng ứng của toàn thể CBCCVC, người lao động; các hoạt động thi đua gắn với thực "
        "hiện nhiệm vụ chuyên môn của từng tập thể, cá nhân trong đơn vị, góp phần thực hiện các nội dung thi đua "
        "đạt được kết quả. Nhiều mô hình, sáng kiến được áp dụng rộng rãi và có hiệu quả giúp rút ngắn thời gian "
        "giải quyết hành chính, thúc đẩy chuyển đổi số, hiện đại hóa nền hành chính, góp phần nâng cao sự hài lòng "
        "của người dân và doanh nghiệp.\n"
        "Việc tổng kết, đề xuất khen thưởng được thực hiện nghiêm túc theo nội dung thi đua, đối tượng thi đua và "
        "tiêu chí bình xét khen thưởng.\n"
        "[[progress]]\n"
        "Công tác cải cách thủ tục hành chính gắn với thực hiện cơ chế một cửa, một cửa liên thông và đẩy mạnh ứng "
        "dụng công nghệ thông tin trong tiếp nhận, giải quyết thủ tục hành chính đã tạo điều kiện thuận lợi cho "
        "người dân, doanh nghiệp trong quá trình giao dịch với cơ quan hành chính nhà nước. Tỷ lệ hồ sơ trễ hạn "
        "tại cấp huyện và trên lĩnh vực đất đai đã giảm so với năm 2023.\n"
        "Chất lượng đội ngũ CBCCVC, ý thức trách nhiệm trong thực thi công vụ được cải thiện.\n"
        "Công tác chuyển đổi số của tỉnh được triển khai trong mọi mặt đời sống xã hội, và đạt được những kết quả "
        "tích cực trên cả 03 trụ cột: chính quyền số, kinh tế số và xã hội số, đã đáp ứng cơ bản yêu cầu công tác "
        "CCHC."
    ),
    "iii_2": (
        "Bên cạnh những kết quả đạt được, trong quá trình triển khai phong trào thi đua và đề xuất khen thưởng còn "
        "những tồn tại như:\n"
        "Sự lãnh đạo, chỉ đạo của cấp ủy đảng, chính quyền các cấp, nhất là người đứng đầu ở một số cơ quan, đơn vị, "
        "địa phương thiếu quyết liệt; thiếu kiểm tra, theo dõi, đôn đốc, nhắc nhở; chưa có kế hoạch cụ thể, thiếu "
        "những giải pháp tích cực để triển khai thực hiện; một số địa phương gửi hồ sơ khen thưởng không đảm bảo "
        "thành phần hồ sơ và thời gian quy định.\n"
        f"Công tác thông tin tuyên truyền về phong trào thi đua {NAME} chưa thật sự đa dạng, phong phú do chưa phát "
        "huy tốt các hình thức tuyên truyền, chưa khai thác, sử dụng hiệu quả các phương tiện truyền thông, Trang "
        "thông tin điện tử,... tại các cơ quan, đơn vị, địa phương.\n"
        "Một bộ phận CBCCVC nhận thức chưa đầy đủ tầm quan trọng của phong trào thi đua; trình độ đội ngũ cán bộ, "
        "công chức chưa đồng đều nhất là cấp xã.\n"
        "Cơ sở vật chất, trang thiết bị làm việc, phần mềm quản lý, theo dõi tại Bộ phận một cửa các cấp được tiếp "
        "tục đầu tư nâng cấp tuy nhiên tại Bộ phận một cửa cấp xã ở một số huyện miền núi đã xuống cấp, chưa được "
        "đầu tư kịp thời.\n"
        "Kết quả, tiến độ của việc xây dựng cơ sở dữ liệu, hệ thống phân tích, xử lý dữ liệu để phục vụ công tác "
        "lãnh đạo, chỉ đạo, điều hành trong hoạt động của các cơ quan nhà nước còn chậm. Việc xây dựng cơ sở dữ liệu "
        "còn hạn chế, phân tán ở các cấp. Tiến độ số hóa dữ liệu quản lý ngành các lĩnh vực: đất đai, xây dựng, hộ "
        "tịch còn rất chậm."
    ),
    "iv": (
        "Việc triển khai phong trào thi đua tiếp tục đặt dưới sự lãnh đạo, chỉ đạo trực tiếp của cấp ủy đảng, chính "
        "quyền các cấp, nhất là người đứng đầu cơ quan, đơn vị, địa phương. Tăng cường công tác kiểm tra, theo dõi, "
        "đôn đốc, nhắc nhở; xây dựng kế hoạch cụ thể và có những giải pháp tích cực để triển khai thực hiện.\n"
        "Phong trào thi đua phải được triển khai toàn diện, đồng bộ trên tất cả các lĩnh vực công tác, trọng tâm là "
        "đẩy mạnh cải cách thủ tục hành chính và nâng cao nhận thức, đổi mới tư duy, lề lối làm việc gắn với chuyển "
        "đổi số, đẩy mạnh ứng dụng công nghệ thông tin. Quá trình tham mưu, tổ chức thực hiện phải xác định rõ mục "
        "tiêu, yêu cầu, nhiệm vụ, giải pháp và lộ trình cụ thể để thực hiện.\n"
        "Nêu cao tính chủ động, sáng tạo đổi mới trong thực hiện phong trào thi đua; kịp thời nghiên cứu, tham khảo, "
        "học tập kinh nghiệm mô hình, cách làm hay của các cơ quan, đơn vị, địa phương phù hợp với tình hình thực "
        "tiễn của địa phương."
    ),
    "v": (
        f"Trên cơ sở tổng hợp, theo dõi, đánh giá tình hình, tổng kết phong trào thi đua {NAME}, Sở Nội vụ kính đề "
        "xuất:\n"
        "1. UBND tỉnh chỉ đạo các cơ quan, đơn vị, địa phương đẩy mạnh công tác truyền thông, tuyên truyền về CCHC, "
        "cải cách TTHC trong phạm vi quản lý lĩnh vực, ngành và địa phương. Chủ động rà soát, đánh giá các mô hình "
        "về CCHC đã và đang áp dụng tại cơ quan, đơn vị, địa phương mình và tại các cơ quan, đơn vị, địa phương khác "
        "để kịp thời nhân rộng/áp dụng thực hiện các mô hình có hiệu quả và phù hợp với tình hình thực tế tại mỗi "
        "địa phương.\n"
        "2. Sở Khoa học và Công nghệ phối hợp với các địa phương, đơn vị tổ chức đào tạo, bồi dưỡng, tập huấn cho "
        "đội ngũ CBCCVC về kiến thức, kỹ năng ứng dụng công nghệ thông tin, an toàn, an ninh thông tin; thực hiện "
        "đào tạo chuyên sâu cho cán bộ, công chức phụ trách công nghệ thông tin nhằm thực hiện tốt vai trò tham mưu "
        "liên quan đến ứng dụng và phát triển công nghệ thông tin.\n"
        "3. UBND các huyện, thị xã, thành phố tiếp tục đầu tư trang thiết bị, cơ sở vật chất theo Bộ tiêu chí nhận "
        "dạng tại Bộ phận một cửa nhất là Bộ phận một cửa thuộc các huyện miền núi, vùng sâu, vùng xa."
    ),
    "closing": (
        f"Trên đây là Báo cáo tổng kết phong trào thi đua {NAME} trên địa bàn tỉnh Quảng Nam.\n"
        "Sở Nội vụ kính báo cáo Ủy ban nhân dân tỉnh./."
    ),
}
