"""The demo campaign's own categories of initiatives and its report outline: data of Plan 4064
only (the reform areas, the headings of the reference report word for word), loaded by the demo
commands. No other campaign sees them; a new campaign starts from the generic outline in
reports/outline.py and with no categories."""

# (code, name): the reform areas the plan groups its initiatives by.
CATEGORIES = [
    ("thu-tuc-hanh-chinh", "Cải cách thủ tục hành chính"),
    ("the-che", "Cải cách thể chế"),
    ("to-chuc-bo-may", "Cải cách tổ chức bộ máy"),
    ("che-do-cong-vu", "Cải cách chế độ công vụ"),
    ("tai-chinh-cong", "Cải cách tài chính công"),
    ("chuyen-doi-so", "Chính phủ điện tử, chuyển đổi số"),
    ("tuyen-truyen", "Thông tin, tuyên truyền"),
]

NAME = "“Xây dựng môi trường hành chính trong sạch, lành mạnh, công khai, minh bạch”"

# (key, number, title, level, [(block kind, placement)]). Keys are those of the staff text in
# reports/demo_4064.py; titles are the reference report's headings, footnotes included. A block
# goes before or after the section's text, or where the text has a line "[[kind]]".
OUTLINE = [
    ("mo-dau", "", "", 0, [("opening", "before")]),
    ("i", "I", "Công tác chỉ đạo, triển khai thực hiện phong trào thi đua", 1, []),
    ("i_1", "1", "", 2, []),
    ("i_2", "2", "", 2, []),
    ("ii", "II", "Kết quả thực hiện phong trào thi đua", 1, []),
    (
        "ii_1",
        "1",
        "Nhận thức, trách nhiệm của lãnh đạo, CBCCVC thực hiện các nhiệm vụ cải cách hành chính được nâng lên",
        2,
        [],
    ),
    (
        "ii_2",
        "2",
        "Chủ động triển khai hiệu quả nhiều mô hình sáng kiến, nhân rộng điển hình tốt trong các cơ quan, đơn vị, "
        "địa phương và CBCCVC",
        2,
        [("initiatives_by_agency", "before")],
    ),
    ("ii_3", "3", f"Công tác thông tin, tuyên truyền về phong trào thi đua {NAME}", 2, []),
    ("ii_4", "4", "Kết quả đạt được trên các mặt công tác CCHC, chuyển đổi số", 2, []),
    (
        "ii_4_1",
        "4.1",
        "Đẩy mạnh cải cách TTHC phục vụ người dân, doanh nghiệp góp phần cải thiện môi trường đầu tư kinh doanh, "
        "nâng cao năng lực cạnh tranh các cấp, phục vụ hiệu quả sự phát triển kinh tế, xã hội của địa phương",
        3,
        [("indicators", "after")],
    ),
    (
        "ii_4_2",
        "4.2",
        "Công tác cải cách thể chế được nâng cao, đảm bảo chất lượng, kịp thời phục vụ công tác chỉ đạo, điều hành "
        "của các cấp",
        3,
        [("indicators", "after")],
    ),
    (
        "ii_4_3",
        "4.3",
        "Tăng cường cải cách tổ chức bộ máy, cải cách chế độ công vụ theo Kế hoạch số 6581/KH-UBND ngày "
        "27/9/2023[^6581/KH-UBND], Kế hoạch số 416/KH-UBND ngày 18/01/2023[^416/KH-UBND]",
        3,
        [("indicators", "after")],
    ),
    (
        "ii_4_4",
        "4.4",
        "Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số, xây dựng và phát triển Chính phủ điện tử",
        3,
        [("indicators", "after")],
    ),
    ("iii", "III", "Đánh giá chung", 1, []),
    ("iii_1", "1", "Ưu điểm", 2, [("progress", "after")]),
    ("iii_2", "2", "Tồn tại, hạn chế, khó khăn, vướng mắc", 2, [("late_incomplete", "after")]),
    ("iv", "IV", "Bài học kinh nghiệm", 1, []),
    ("v", "V", "Kiến nghị, đề xuất", 1, []),
    ("closing", "", "", 0, [("appendix_nominations", "after"), ("appendix_initiatives", "after")]),
]
