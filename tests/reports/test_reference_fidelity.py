"""The demo report states every fact of the reference report (../shared/reference/
bao-cao-tong-ket-4064.md): each sentence of the reference that holds a figure, a document or a
named initiative is listed here and must be found in the composed document's text. Where the
portal prints the fact differently (a corrected typo, digits grouped, a date zero-padded, a
figure from an indicator, a quotation inside a quoted title in single quotes), the pair says
both, so every difference is a decision written down.

The same facts are then looked for in what a reader gets: the text of our PDF (pdftotext), of
our DOCX (python-docx, footnotes part included) and of the DOCX as LibreOffice prints it, so a
renderer that drops, truncates or reorders a sentence fails here and not in a reader's hands."""

import re

import pytest

from .helpers import DocxReport, normalise, pdf_text

# The mark makes pytest-django create the test database that the session's seed needs.
pytestmark = pytest.mark.django_db

NAME = "“Xây dựng môi trường hành chính trong sạch, lành mạnh, công khai, minh bạch”"

# (as the reference writes it, as the portal prints it when it differs)
FACTS = [
    # Opening and I.
    (
        "Thực hiện Kế hoạch số 4064/KH-UBND ngày 27/6/2023 của Ủy ban nhân dân tỉnh về tổ chức phong trào thi đua",
        "Thực hiện Kế hoạch số 4064/KH-UBND ngày 27/06/2023 của Ủy ban nhân dân tỉnh về tổ chức phong trào thi đua",
    ),
    ("từ ngày 01/7/2023 đến ngày 30/11/2024", "từ ngày 01/07/2023 đến ngày 30/11/2024"),
    ("Sở Nội vụ đã ban hành Công văn số 1896/SNV-CCHC ngày 30/8/2023 về việc triển khai phong trào thi đua", None),
    ("Kế hoạch tổ chức thực hiện phong trào thi đua, Kế hoạch tuyên truyền công tác cải cách hành chính", None),
    ("Thực hiện Công văn số 9004/UBND-NCKS ngày 20/11/2024", None),
    ("Sở Nội vụ ban hành Công văn số 1845/SNV-CCHC ngày 28/11/2024", None),
    (
        "Công văn số 9004/UBND-NCKS ngày 20/11/2024 của Ủy ban nhân dân tỉnh về việc tổng kết "
        f"phong trào thi đua {NAME}",
        None,
    ),
    ("Công văn số 1845/SNV-CCHC ngày 28/11/2024 của Sở Nội vụ về tổng kết và đề nghị khen thưởng", None),
    ("các cơ quan Trung ương đóng đến địa bàn tỉnh", "các cơ quan Trung ương đóng trên địa bàn tỉnh"),
    # II.1
    (
        "Nghị quyết số 16-NQ/TU, ngày 14/10/2021 về đẩy mạnh cải cách hành chính trên địa bàn tỉnh giai đoạn 2021-2025",
        None,
    ),
    # II.2 — Bắc Trà My
    (
        "thời gian giải quyết theo quy định của tỉnh 10 ngày, rút ngắn 01 ngày",
        "10 ngày theo quy định của tỉnh, rút ngắn 01 ngày",
    ),
    (
        "Giải pháp nâng cao hiệu quả hoạt động của Tổ công nghệ cộng đồng trong thực hiện nhiệm vụ "
        "cải cách hành chính và "
        "chuyển đổi số tại huyện Bắc Trà My",
        None,
    ),
    (
        "Hỗ trợ kích hoạt định danh điện tử và triển khai thực hiện giải quyết các dịch vụ công "
        "trực tuyến thiết yếu theo "
        "Đề án 06",
        None,
    ),
    ("Giải pháp đẩy mạnh chuyển đổi số thông qua cuộc thi tìm hiểu cải cách hành chính và chuyển đổi số", None),
    ("“Ti vi tuyên truyền tại Bộ phận Một cửa”", None),
    ("có 02 xã (Trà Bui, Trà Dương)", "tại xã Trà Bui, xã Trà Dương"),
    ("có 02 xã, thị trấn (Trà My, Trà Giáp)", "tại thị trấn Trà My, xã Trà Giáp"),
    (
        "“Kết quả chúng tôi là nụ cười của bạn” tại xã Trà Đông",
        "Mô hình “Kết quả chúng tôi là nụ cười của bạn” tại xã Trà Đông",
    ),
    (
        "Mô hình “Giờ làm việc thứ 9” vào thứ Năm hàng tuần theo mô hình 4 xin - 4 luôn - 5 không”",
        "Mô hình “Giờ làm việc thứ 9” tại xã Trà Nú (Thời gian: thứ Năm hàng tuần, theo mô hình 4 "
        "xin – 4 luôn – 5 không)",
    ),
    ("tại nhà cho các đối tượng bảo trợ xã hội”", None),
    (
        "Giải quyết Thủ tục hành chính kết hợp tạo tài khoản Dịch vụ công cho công dân",
        "Giải quyết thủ tục hành chính kết hợp tạo tài khoản Dịch vụ công cho công dân",
    ),
    ("Mô hình 3K “Không viết, không hẹn, không phiền hà”", "Mô hình 3K ‘Không viết, không hẹn, không phiền hà’"),
    ("tại nhà cho người cao tuổi, người bệnh tật, người có con nhỏ", None),
    (
        "Đẩy mạnh công tác truyền thông về cải cách hành chính, chuyên đổi số",
        "Đẩy mạnh công tác truyền thông về cải cách hành chính, chuyển đổi số",
    ),
    # II.2 — Tam Kỳ
    (
        "“03 không” (không chông chéo, không lãng phí, không chậm trễ)",
        "‘03 không’ (không chồng chéo, không lãng phí, không chậm trễ)",
    ),
    ("Lãnh đạo Tân Thạnh lắng nghe nhân dân đóng góp ý kiến trong công tác CCHC, chuyển đổi số", None),
    ("Mô hình “một chạm” tại UBND phường Tân Thạnh", "Mô hình ‘Một chạm’ tại UBND phường Tân Thạnh"),
    (
        "theo dõi, đôn đốc việc xử lý hồ sơ đúng trên hện của các phòng, ban, đơn vị",
        "theo dõi, đôn đốc việc xử lý hồ sơ đúng hạn của các phòng, ban, đơn vị",
    ),
    (
        "quét mã QR Code để tạo thuận lợi cho người dân tiếp cận, tra cứu, nộp hồ sơ trực tuyến",
        "quét mã QR Code để người dân tiếp cận, tra cứu, nộp hồ sơ trực tuyến",
    ),
    (
        "lĩnh vực đất đai: xây dựng bản đồ, cơ sở dữ liệu số, công khai trên hệ thống Smart Tam Kỳ",
        "Lĩnh vực đất đai: xây dựng bản đồ, cơ sở dữ liệu số, công khai trên hệ thống Smart Tam Kỳ",
    ),
    (
        "triển khai xây dựng mô hình xã thông minh điểm tại phường Tân Thạnh",
        "Xây dựng mô hình xã thông minh điểm tại phường Tân Thạnh",
    ),
    (
        "thành lập và đưa vào hoạt động có hiệu quả các tổ công nghệ cộng đồng tại 85 thôn/khối phố",
        "Thành lập và đưa vào hoạt động có hiệu quả các tổ công nghệ cộng đồng tại 85 thôn/khối phố",
    ),
    # II.2 — Hội An
    (
        "UBND thành phố Hội An: đã có 4 xã, 9 phường trên địa bàn thành phố triển khai, áp dụng các mô hình",
        "UBND thành phố Hội An: đã có 4 xã, 9 phường triển khai, áp dụng các mô hình",
    ),
    ("“Ngày giải quyết TTHC không hẹn”", None),
    ("“Niêm yết thủ tục hành chính bằng mã QR”", None),
    ("“Fanpage trên mạng xã hội Facebook tương tác giữa chính quyền với người dân”", None),
    ("“Tổ công nghệ đồng hành cùng với người dân và tổ chức thực hiện dịch vụ công trực tuyến”", None),
    ("“Chính quyền thân thiện vì nhân dân phục vụ”", None),
    (
        "“Công dân không viết gấn với dịch vụ công trực tuyến trong giải quyết TTHC”",
        "“Công dân không viết gắn với dịch vụ công trực tuyến trong giải quyết TTHC”",
    ),
    ("“Nhân dân TP Hội An đồng hành cùng chính quyền trong giải quyết TTHC", None),
    (
        "khảo sát mức độ hài lòng của tổ chức, cá nhân về chất lượng dịch vụ hành chính bằng hình thức quét mã QR trên "
        "ứng dụng Zalo",
        "Khảo sát mức độ hài lòng của tổ chức, cá nhân về chất lượng dịch vụ hành chính bằng hình thức "
        "quét mã QR trên ứng dụng Zalo",
    ),
    # II.2 — departments and central agencies
    ("Triển khai thiết bị giám sát thi cử, sát hạch lái xe thuộc Đề án 06 của Thủ tướng Chính phủ", None),
    (
        "Ngày thứ 7 đồng hành cùng người nộp thuế; sử dụng trợ lý ảo “Chatbot” hướng dẫn người nộp thuế thực hiện TTHC "
        "tại trang Facebook",
        "Ngày thứ 7 đồng hành cùng người nộp thuế; sử dụng trợ lý ảo ‘Chatbot’ hướng dẫn người nộp thuế thực hiện "
        "TTHC tại trang Facebook",
    ),
    ("Giải pháp nâng cao chất lượng dịch vụ, nâng cao sự hài lòng của tổ chức, cá nhân đối với ngành BHXH", None),
    ("tạo các nhóm gửi văn bản điện tử liên thông cho các cơ sở KCB", None),
    ("Giải pháp nâng cao việc kiểm soát TTHC trong tiếp nhận hồ sơ thanh toán chế độ BHXH một lần", None),
    ("Giải pháp đẩy nhanh việc tiếp nhận và giải quyết hồ sơ đề nghị hưởng chế độ hưu trí", None),
    ("Ứng dụng tính năng của Microsoft Excel online vào việc theo dõi hồ sơ", None),
    ("ứng dụng QR Code để mã hóa các thủ tục hành chính ngành BHXH", None),
    (
        "Một số cơ quan, đơn vị, địa phương (UBND huyện Bắc Trà My, UBND thành phố Hội An; Sở Nội "
        "vụ, Sở Giao thông vận "
        "tải; Cục thuế tỉnh, Bảo hiểm xã hội tỉnh,...)",
        None,
    ),
    ("hoàn thành tốt 100% nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao", None),
    ("tỷ lệ hồ sơ trễ hẹn dưới 5% thuộc thẩm quyền giải quyết", None),
    # II.3
    ("lồng ghéo trong cuộc họp giao ban định kỳ", "lồng ghép trong cuộc họp giao ban định kỳ"),
    # 4.1
    ("công khai 100% thủ tục hành chính thuộc thẩm quyền giải quyết", None),
    (
        "triển khai niêm yết hệ thống mã Qrcode tại 100% Bộ phận Một cửa",
        "triển khai niêm yết hệ thống mã QR code tại 100% Bộ phận Một cửa",
    ),
    (
        "thí điểm triển khai chỉ tiếp nhận hồ sơ trực tuyến 04 ngày/tuần tại Trung tâm Hành chính công thành phố và Bộ "
        "phận một cửa xã, phường tại Thành phố Tam Kỳ",
        None,
    ),
    ("triển khai thu phí, lệ phí trên hệ thống phần mềm Một cửa điện tử tại huyện Bắc Trà My", None),
    ("tổ chức cuộc thi thực hiện mô hình “Bộ phận Một cửa thân thiện - hiện đại”", None),
    (
        "ứng dụng VneID tại các cơ sở khám chữa bệnh trên địa bàn huyện Tiên Phước",
        "ứng dụng VNeID tại các cơ sở khám chữa bệnh trên địa bàn huyện Tiên Phước",
    ),
    ("tại xã Đại Thạnh huyện Đại Lộc", None),
    ("Văn phòng đăng ký đất đai tỉnh phối hợp với VNPT Quảng Nam triển khai phần mềm liên thông", None),
    ("ứng dụng quản lý thuế tập trung (TMS) tại Cục thuế tỉnh Quảng Nam", None),
    # 4.2, 4.3
    ("Báo cáo số 44/BC-STP ngày 28/02/2024 của Sở Tư pháp", None),
    ("theo Kế hoạch số 6581/KH-UBND ngày 27/9/2023", None),
    ("Kế hoạch số 416/KH-UBND ngày 18/01/2023", None),
    (
        "Kế hoạch số 6581/KH-UBND ngày 27/9/2023 của Ủy ban nhân dân tỉnh về triển khai thực hiện "
        "Nghị quyết số 99/NQ-CP "
        "ngày 10/7/2023 của Chính phủ",
        "Kế hoạch số 6581/KH-UBND ngày 27/09/2023 của Ủy ban nhân dân tỉnh về triển khai "
        "thực hiện Nghị quyết số 99/NQ-CP ngày 10/7/2023 của Chính phủ",
    ),
    ("Chỉ thị số 30-CT/TU ngày 17/11/2022 của Ban Thường vụ Tỉnh ủy", None),
    (
        "ban hành quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của 19 cơ quan chuyên môn thuộc UBND tỉnh",
        "Cơ quan chuyên môn thuộc UBND tỉnh đã được ban hành quy định chức năng, nhiệm vụ, quyền "
        "hạn và cơ cấu tổ chức: "
        "19 cơ quan",
    ),
    (
        "hướng dẫn chức năng, nhiệm vụ, quyền hạn của 09 phòng chuyên môn thuộc UBND cấp huyện",
        "Phòng chuyên môn thuộc UBND cấp huyện đã được hướng dẫn chức năng, nhiệm vụ, quyền hạn: 09 phòng",
    ),
    ("(số liệu tính đến ngày 15/12/2024)", "số liệu tính đến ngày 15/12/2024"),
    ("theo Kế hoạch số 416/KH-UBND ngày 18/01/2023 của UBND tỉnh", None),
    # 4.4
    (
        "Đến thời điểm hiện tại đã cấp được 8630 chứng thư số trong đó: 1055 chứng thư số cho tổ "
        "chức; 7574 chứng ký số "
        "cho cá nhân, 01 chứng thư số TBDVPM",
        "Chứng thư số đã cấp: 8.630 chứng thư số, trong đó: 1.055 chứng thư số cho "
        "tổ chức; 7.574 chứng thư số cho cá nhân; 01 chứng thư số TBDVPM",
    ),
    (
        "Số lượng tài khoản cấp cho các cơ quan đơn vị trên địa bàn toàn tỉnh là 30.335 tài khoản",
        "Tài khoản thư điện tử công vụ đã cấp: 30.335 tài khoản",
    ),
    (
        "cung cấp, công khai 1.025 DVCTT trên Cổng Dịch vụ công Quốc gia (trong đó có 1011 dịch vụ "
        "công trực tuyến toàn "
        "trình)",
        "Dịch vụ công trực tuyến cung cấp, công khai trên Cổng Dịch vụ công Quốc gia: 1.025 dịch vụ, trong đó: "
        "1.011 dịch vụ công trực tuyến toàn trình",
    ),
    (
        "100% CBCCVC trong các cơ quan hành chính nhà nước từ cấp tỉnh đến cấp xã đều được cấp hộp thư điện tử công vụ",
        None,
    ),
    ("triển khai ứng dụng smart, egov Quảng Nam, 1022 Quảng Nam có những kết quả rõ rệt", None),
    # III, IV, V
    (
        "Tính đến thời điểm 24/12/2024 đã có 25/43 cơ quan, đơn vị, địa phương gửi hồ sơ đề nghị khen thưởng theo quy "
        "định về Sở Nội vụ",
        None,
    ),
    ("Tỷ lệ hồ sơ trễ hạn tại cấp huyện và trên lĩnh vực đất đai đã giảm so với năm 2023", None),
    ("đạt được những kết quả tích cực trên cả 03 trụ cột: chính quyền số, kinh tế số và xã hội số", None),
    ("Một bộ phận CBCCVN nhận thức chưa đầy đủ", "Một bộ phận CBCCVC nhận thức chưa đầy đủ"),
    ("Tiến độ số hóa dữ liệu quản lý ngành các lĩnh vực: đất đai, xây dựng, hộ tịch còn rất chậm", None),
    ("UBND tỉnh chỉ đạo các cơ quan, đơn vị, địa phương đẩy mạnh công tác truyền thông", None),
    ("Sở Khoa học và Công nghệ phối hợp với các địa phương, đơn vị tổ chức đào tạo", None),
    ("UBND các huyện, thị xã, thành phố tiếp tục đầu tư trang thiết bị", None),
    (f"Trên đây là Báo cáo tổng kết phong trào thi đua {NAME} trên địa bàn tỉnh Quảng Nam", None),
    ("Sở Nội vụ kính báo cáo Ủy ban nhân dân tỉnh./.", None),
    # Recipients and signer
    ("UBND tỉnh (b/c);", None),
    ("Lưu: VT, CCHC.", None),
    ("KT. GIÁM ĐỐC", None),
    ("PHÓ GIÁM ĐỐC", None),
]

# Headings, word for word (the reference's "CBCCV" and line breaks aside).
HEADINGS = [
    "I. Công tác chỉ đạo, triển khai thực hiện phong trào thi đua",
    "II. Kết quả thực hiện phong trào thi đua",
    "1. Nhận thức, trách nhiệm của lãnh đạo, CBCCVC thực hiện các nhiệm vụ cải cách hành chính được nâng lên",
    "2. Chủ động triển khai hiệu quả nhiều mô hình sáng kiến, nhân rộng điển hình tốt trong các cơ quan, đơn vị, địa "
    "phương và CBCCVC",
    f"3. Công tác thông tin, tuyên truyền về phong trào thi đua {NAME}",
    "4. Kết quả đạt được trên các mặt công tác CCHC, chuyển đổi số",
    "4.1. Đẩy mạnh cải cách TTHC phục vụ người dân, doanh nghiệp góp phần cải thiện môi trường đầu tư kinh doanh, nâng "
    "cao năng lực cạnh tranh các cấp, phục vụ hiệu quả sự phát triển kinh tế, xã hội của địa phương",
    "4.2. Công tác cải cách thể chế được nâng cao, đảm bảo chất lượng, kịp thời phục vụ công tác chỉ đạo, điều hành "
    "của các cấp",
    "4.3. Tăng cường cải cách tổ chức bộ máy, cải cách chế độ công vụ theo Kế hoạch số 6581/KH-UBND ngày 27/9/2023, Kế "
    "hoạch số 416/KH-UBND ngày 18/01/2023",
    "4.4. Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số, xây dựng và phát triển Chính phủ điện tử",
    "III. Đánh giá chung",
    "1. Ưu điểm",
    "2. Tồn tại, hạn chế, khó khăn, vướng mắc",
    "IV. Bài học kinh nghiệm",
    "V. Kiến nghị, đề xuất",
]


def document_text(doc) -> str:
    parts = [block.text for block in doc.blocks] + [f.text for f in doc.footnotes]
    parts += doc.recipients + [doc.signer_authority, doc.signer_position, doc.signer_name]
    return "\n".join(parts)


@pytest.fixture
def demo_doc(demo_renders):
    return demo_renders.doc


def printed(fact: tuple[str, str | None]) -> str:
    reference, ours = fact
    return ours or reference


def rendered_pdf_text(content: bytes, calls: set[str]) -> str:
    """The PDF's text as one line, without what a page break puts inside a sentence (the page
    number, the footnotes at the foot) and without the footnote calls glued to a word."""
    pages = []
    for page in pdf_text(content).split("\f"):
        lines = [line.strip() for line in page.splitlines()]
        pages.append(" ".join(line for line in lines if line and not line.isdigit()))
    text = normalise(" ".join(pages))
    glued = "|".join(sorted(calls, key=len, reverse=True))
    return re.sub(rf"(?<=[^\W\d_])({glued})(?=[\s;,.:])", "", text)


def test_every_fact_of_the_reference_is_in_the_demo_report(demo_doc):
    text = document_text(demo_doc)
    missing = [printed or reference for reference, printed in FACTS if (printed or reference) not in text]
    assert not missing, missing
    assert len(FACTS) >= 80


def test_headings_are_the_references_word_for_word(demo_doc):
    headings = [block.text for block in demo_doc.blocks if block.kind.startswith("heading")]
    assert headings == HEADINGS


def test_demo_report_invents_nothing_the_reference_does_not_say(demo_doc):
    text = document_text(demo_doc)
    assert "10 cơ quan" not in text and "43 mô hình" not in text
    hoi_an = next(block.text for block in demo_doc.blocks if block.text.startswith("UBND thành phố Hội An:"))
    assert " tại phường" not in hoi_an and " tại xã" not in hoi_an
    # The examples of 4.1 stay in 4.1: no agency line of II.2 for them.
    agencies = [block.text.split(":")[0] for block in demo_doc.blocks if block.kind == "item"]
    for name in ("UBND huyện Quế Sơn", "UBND huyện Tiên Phước", "Văn phòng Đăng ký đất đai tỉnh", "UBND xã Đại Thạnh"):
        assert name not in agencies


def _missing(text: str) -> list[str]:
    return [printed(fact) for fact in FACTS if normalise(printed(fact)) not in text]


@pytest.mark.parametrize("renderer", ["pdf", "libreoffice_pdf"])
def test_every_fact_of_the_reference_is_in_the_rendered_pdf(demo_renders, renderer):
    calls = {str(note.number) for note in demo_renders.doc.footnotes}
    text = rendered_pdf_text(getattr(demo_renders, renderer), calls)
    assert not _missing(text)


def test_every_fact_of_the_reference_is_in_the_docx(demo_renders):
    report = DocxReport(demo_renders.docx)
    text = " ".join([report.body_text, *report.footnotes.values()])
    assert not _missing(text)
