"""The default text of each council document, copied into a campaign's CouncilDocumentOutline on
first use (then it is the campaign's data). Syntax, line by line: "# " a heading, "## " a centred
line, "> " a "Căn cứ" line (italic), "- " an item, "[[block]]" a computed part, anything else a
paragraph; {name} is filled from the meeting (council/documents.py lists the names). Official
documents are written in Vietnamese whatever the reader's language, so these are not translated."""

from .enums import CouncilDocument

DEFAULT_OUTLINES = {
    CouncilDocument.MINUTES: {
        "subject": ("Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng trong {campaign}"),
        "text": (
            "Hôm nay, {held_on}, tại {place}, Hội đồng Thi đua - Khen thưởng họp xét đề nghị khen thưởng "
            "trong {campaign}, thực hiện {plan}.\n"
            "# I. THÀNH PHẦN THAM DỰ\n"
            "Chủ trì: {chair_name}, {chair_position}.\n"
            "Thành viên Hội đồng có mặt: {present}/{total} thành viên, gồm:\n"
            "[[members]]\n"
            "Thư ký cuộc họp: {secretary_name}.\n"
            "# II. NỘI DUNG\n"
            "Hội đồng xem xét {considered} hồ sơ đề nghị khen thưởng đã được {issuer} thẩm định. Nguyên tắc "
            "thông qua: {rule}. Kết quả biểu quyết từng hồ sơ (chi tiết tại Phụ lục kèm theo):\n"
            "[[votes]]\n"
            "[[comments]]\n"
            "# III. KẾT LUẬN\n"
            "Hội đồng thống nhất đề nghị khen thưởng {passed} hồ sơ ({collectives} tập thể, {individuals} cá nhân); "
            "{failed} hồ sơ không được thông qua.\n"
            "Cuộc họp kết thúc cùng ngày; biên bản đã được thông qua trước các thành viên dự họp."
        ),
        "recipients": [("Thành viên Hội đồng;"), ("Lưu: VT.")],
    },
    CouncilDocument.PROPOSAL: {
        "subject": ("Đề nghị tặng {award_forms} cho các tập thể, cá nhân có thành tích trong {campaign}"),
        "text": (
            "## Kính gửi: Chủ tịch {committee}.\n"
            "> Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;\n"
            "> Căn cứ {decree};\n"
            "> Căn cứ {plan};\n"
            "> Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng {held_on}.\n"
            "Thực hiện {plan}, {issuer} đã tiếp nhận và thẩm định hồ sơ đề nghị khen thưởng của các cơ quan, "
            "đơn vị, địa phương. Hội đồng Thi đua - Khen thưởng đã họp xét {held_on} và thống nhất đề nghị khen "
            "thưởng {passed} hồ sơ ({rule}).\n"
            "{issuer} kính trình Chủ tịch {committee} xem xét, quyết định tặng {award_forms} cho {collectives} "
            "tập thể và {individuals} cá nhân đã có thành tích trong {campaign} (có danh sách kèm theo)./."
        ),
        "recipients": [("Như trên;"), ("Lưu: VT.")],
    },
    CouncilDocument.DECISION: {
        "subject": ("Về việc tặng {award_forms}"),
        "text": (
            "## CHỦ TỊCH {committee_upper}\n"
            "> Căn cứ Luật Tổ chức chính quyền địa phương;\n"
            "> Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;\n"
            "> Căn cứ {decree};\n"
            "> Căn cứ {plan};\n"
            "> Theo đề nghị của Giám đốc {issuer}.\n"
            "## QUYẾT ĐỊNH:\n"
            "Điều 1. Tặng {award_forms} cho {collectives} tập thể và {individuals} cá nhân (có danh sách kèm theo) "
            "đã có thành tích trong {campaign}.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Điều 3. Chánh Văn phòng {committee}, Giám đốc {issuer}, Thủ trưởng các cơ quan, đơn vị có liên quan "
            "và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
        ),
        "recipients": [("Như Điều 3;"), ("Lưu: VT.")],
    },
}
