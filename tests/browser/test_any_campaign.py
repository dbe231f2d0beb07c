"""A whole campaign of another kind, from launch to the signed-off report, through the pages only.

On a database that holds nothing but the agency map and the user accounts (the administrator's
job), a reviewer sets up a rural-development campaign launched by a Quyết định — its documents,
expected agencies, award forms, dossier components, criteria of several kinds, categories,
outline and an indicator — the agencies' officers register initiatives and send dossiers, the
reviewer records a dossier received on paper and approves, then renders the report as PDF and
DOCX with the real worker. The files must hold this campaign's facts and none of the words of
the campaign the portal was first built for (Plan 4064 on administrative reform)."""

import datetime
import io
import re
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document

from accounts.enums import Role
from tests.conftest import ARTIFACTS, browser_login, screenshot
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.integration]

CODE = "ntm-2026"
NAME = "Chung sức xây dựng nông thôn mới"
PLAN = "1520/QĐ-UBND"
GUIDE = "45/HD-SNN"
GUIDE_ISSUER = "Sở Nông nghiệp và Phát triển nông thôn"
FIRST_INITIATIVE = "Đường làng sáng, xanh, sạch đẹp"
SECOND_INITIATIVE = "Vườn mẫu trồng quế"
LESSON = "Huy động người dân cùng làm, cùng hưởng lợi là điều kiện để phong trào bền vững."
COMPONENTS = {
    "to_trinh": "Tờ trình đề nghị khen thưởng",
    "bao_cao_thanh_tich": "Báo cáo thành tích xây dựng nông thôn mới",
}
FOREIGN_WORDS = ["4064", "cải cách hành chính", "CCHC", "chuyển đổi số", "PAR INDEX"]


def _day(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def _pdf(tmp_path, name: str) -> str:
    from demo.pdf import minimal_pdf

    path = tmp_path / name
    path.write_bytes(minimal_pdf([name]))
    return str(path)


def _go(page, path: str) -> None:
    page.goto(f"{page.base_url}{path}")


def _ok(page, text: str) -> None:
    """The page's success message, or the page as it stands in a screenshot to read why not."""
    try:
        page.get_by_text(text).first.wait_for(timeout=10000)
    except Exception:
        screenshot(page, "any-campaign-failed")
        raise


@pytest.fixture
def people(real_worker, quang_nam, make_user):
    """The accounts an administrator creates: a reviewer and three agencies' officers."""
    return {
        "reviewer": make_user(Role.REVIEWER, first_name="Hoa", last_name="Nguyễn Thị"),
        "bac_tra_my": make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="UBND huyện Bắc Trà My")),
        "tien_phuoc": make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="UBND huyện Tiên Phước")),
        "department": make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name=GUIDE_ISSUER)),
    }


def _login(page, user) -> None:
    page.context.clear_cookies()
    browser_login(page, user.username, TEST_PASSWORD)


def test_any_campaign_from_launch_to_report_through_the_pages(page, people, tmp_path):
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=330), today - datetime.timedelta(days=10)
    deadline = today - datetime.timedelta(days=3)
    _set_up_the_campaign(page, people["reviewer"], start=start, end=end, deadline=deadline)
    _register_initiatives(page, people, start=start)
    _send_dossiers(page, people, tmp_path)
    _review_dossiers(page, people["reviewer"], deadline=deadline)
    pdf_text, docx_text = _render_and_download(page, people["reviewer"], tmp_path)
    for text in (pdf_text, docx_text):
        _check_the_report(text, start=start, end=end, deadline=deadline)


def _set_up_the_campaign(page, reviewer, *, start, end, deadline) -> None:
    _login(page, reviewer)
    page.get_by_role("link", name="Phong trào", exact=True).click()
    page.get_by_role("link", name="Thêm phong trào").click()
    page.locator("[name=code]").fill(CODE)
    page.locator("[name=name]").fill(NAME)
    page.locator("[name=issuing_authority]").fill("Ủy ban nhân dân tỉnh")
    page.locator("[name=organiser]").select_option(label=GUIDE_ISSUER)
    page.locator("[name=place_name]").fill("Quảng Nam")
    page.locator("[name=period_start]").fill(_day(start))
    page.locator("[name=period_end]").fill(_day(end))
    page.locator("[name=nomination_deadline]").fill(_day(deadline))
    page.locator("[name=plan_doc_type]").select_option(label="Quyết định")
    page.locator("[name=plan_number_symbol]").fill(PLAN)
    page.locator("[name=plan_issued_on]").fill(_day(start - datetime.timedelta(days=20)))
    page.locator("[name=plan_issuer]").fill("Ủy ban nhân dân tỉnh Quảng Nam")
    page.locator("[name=plan_subject]").fill("Về việc phát động phong trào thi đua chung sức xây dựng nông thôn mới")
    page.locator("[name=docs-0-doc_type]").select_option(label="Hướng dẫn")
    page.locator("[name=docs-0-number_symbol]").fill(GUIDE)
    page.locator("[name=docs-0-issued_on]").fill(_day(start + datetime.timedelta(days=14)))
    page.locator("[name=docs-0-issuer]").fill(GUIDE_ISSUER)
    page.locator("[name=docs-0-subject]").fill("Về chấm điểm xã đạt chuẩn nông thôn mới")
    page.get_by_role("button", name="Lưu phong trào").click()
    page.wait_for_url(f"**/phong-trao/{CODE}/co-quan/")

    # Expected agencies: the 17 district-level units as a group, and one department found by a search without
    # accents.
    page.locator("li", has_text="UBND huyện, thị xã, thành phố").get_by_role("button", name="Chọn cả nhóm").click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("Tìm cơ quan, đơn vị để thêm từng cái").fill("so nong nghiep")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_label(GUIDE_ISSUER).check()
    page.get_by_role("button", name="Lưu danh sách").click()
    _ok(page, "Đã lưu: 18 cơ quan, đơn vị phải báo cáo.")

    # Award forms with their dossier components: one used, one created by mistake and retired.
    page.goto(f"{page.base_url}/phong-trao/{CODE}/")
    page.get_by_role("link", name="Hình thức khen thưởng, thành phần hồ sơ và tiêu chí").click()
    for name in ("Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Giám đốc Sở"):
        page.get_by_role("link", name="Thêm hình thức").click()
        page.locator("[name=name]").fill(name)
        page.locator("[name=nominee_type]").select_option(label="Tập thể")
        for index, (code, component) in enumerate(COMPONENTS.items()):
            page.locator(f"[name=requirements-{index}-code]").fill(code)
            page.locator(f"[name=requirements-{index}-name]").fill(component)
        page.get_by_role("button", name="Lưu").click()
        _ok(page, "Đã lưu hình thức khen thưởng và thành phần hồ sơ.")
    page.locator("div", has_text="Giấy khen của Giám đốc Sở").get_by_role("link", name="Sửa").last.click()
    page.get_by_label("Ngừng sử dụng").check()
    page.get_by_role("button", name="Lưu").click()
    _ok(page, "Đã lưu hình thức khen thưởng và thành phần hồ sơ.")
    assert page.get_by_text("ngừng sử dụng", exact=True).is_visible()

    # Criteria, one form per kind: every required component, the deadline, a declared figure.
    _criterion(page, "Có thành phần hồ sơ", "du_thanh_phan", "Có đủ thành phần hồ sơ theo quy định")
    _criterion(page, "Gửi đúng hạn", "dung_han", "Hồ sơ gửi về Sở đúng thời gian quy định")
    _criterion(
        page,
        "Chỉ số so với ngưỡng",
        "ty_le_xa_ntm",
        "Tỷ lệ xã đạt chuẩn nông thôn mới từ 60% trở lên",
        params={"metric": "new_rural_pct", "label": "Tỷ lệ xã đạt chuẩn nông thôn mới", "threshold": "60", "unit": "%"},
    )
    screenshot(page, "any-campaign-criteria-1280")

    # The campaign's own categories of initiatives.
    page.goto(f"{page.base_url}/phong-trao/{CODE}/")
    page.get_by_role("link", name="Lĩnh vực, nhóm mô hình").click()
    page.locator("#id_cat-0-code").fill("ha-tang")
    page.locator("#id_cat-0-name").fill("Hạ tầng nông thôn")
    page.locator("#id_cat-1-code").fill("sinh-ke")
    page.locator("#id_cat-1-name").fill("Sinh kế, thu nhập")
    page.get_by_role("button", name="Lưu lĩnh vực, nhóm").click()
    _ok(page, "Đã lưu lĩnh vực, nhóm mô hình của phong trào.")
    screenshot(page, "any-campaign-categories-1280")

    # An indicator with its value, printed in the results section.
    page.goto(f"{page.base_url}/phong-trao/{CODE}/")
    page.get_by_role("link", name="Chỉ số của phong trào").click()
    page.get_by_role("link", name="Thêm chỉ số").click()
    page.locator("[name=code]").fill("xa-ntm")
    page.locator("[name=name]").fill("Số xã đạt chuẩn nông thôn mới")
    page.locator("[name=unit]").fill("xã")
    page.get_by_role("button", name="Lưu chỉ số").click()
    page.get_by_label("Số xã đạt chuẩn nông thôn mới", exact=True).fill("47")
    page.get_by_label("Mục in chỉ số Số xã đạt chuẩn nông thôn mới").select_option(
        label="II. Kết quả thực hiện phong trào thi đua"
    )
    page.get_by_role("button", name="Lưu số liệu").click()
    _ok(page, "Đã lưu số liệu chỉ số.")
    screenshot(page, "any-campaign-indicators-1280")

    # The outline: a section renamed, a new section with its own block.
    page.get_by_role("link", name="Báo cáo tổng kết", exact=True).first.click()
    page.get_by_role("link", name=NAME).click()
    page.get_by_role("link", name="Đề cương báo cáo").click()
    page.get_by_role("link", name="Sửa V. Kiến nghị, đề xuất").click()
    page.get_by_label("Tên mục").fill("Kiến nghị, đề xuất với Ủy ban nhân dân tỉnh")
    page.get_by_role("button", name="Lưu mục").click()
    page.wait_for_load_state("networkidle")
    screenshot(page, "any-campaign-outline-1280")


def _criterion(page, kind: str, code: str, wording: str, params: dict | None = None) -> None:
    page.get_by_role("link", name="Thêm tiêu chí").click()
    page.get_by_label("Bước 1. Chọn loại kiểm tra").select_option(label=kind)
    page.get_by_role("button", name="Tiếp tục").click()
    page.locator("[name=code]").fill(code)
    page.locator("[name=wording]").fill(wording)
    for name, value in (params or {}).items():
        page.locator(f"[name=p-{name}]").fill(value)
    if params:
        page.locator("[name=p-op]").select_option(">=")
    page.get_by_role("button", name="Lưu").click()
    _ok(page, "Đã lưu tiêu chí.")


def _register_initiatives(page, people, *, start) -> None:
    """Each district's officer registers one initiative under the campaign's own categories."""
    for who, kind, title, category in (
        ("bac_tra_my", "Mô hình", FIRST_INITIATIVE, "Hạ tầng nông thôn"),
        ("tien_phuoc", "Sáng kiến", SECOND_INITIATIVE, "Sinh kế, thu nhập"),
    ):
        _login(page, people[who])
        page.get_by_role("link", name="Sáng kiến, mô hình").click()
        page.get_by_role("link", name="Đăng ký mới").click()
        page.locator("#id_campaign").select_option(label=NAME)
        page.locator("#id_kind").select_option(label=kind)
        page.locator("#id_title").fill(title)
        page.locator("#id_category").select_option(label=category)
        page.get_by_label("Ngày bắt đầu thực hiện").fill(_day(start + datetime.timedelta(days=30)))
        page.locator("[name=implementing_units]").first.check()
        page.get_by_role("button", name="Lưu bản nháp").click()
        _ok(page, "Đã lưu bản nháp")
        page.get_by_role("button", name="Gửi đăng ký").click()
        page.get_by_label("Tôi vẫn gửi đăng ký khi chưa có minh chứng").check()
        page.get_by_role("button", name="Gửi đăng ký").click()
        _ok(page, "Đã chuyển sang trạng thái “Đã đăng ký”")


def _send_dossiers(page, people, tmp_path) -> dict[str, str]:
    """Three agencies send a dossier online: two complete, the department's without its report."""
    for who, figure, components in (
        ("bac_tra_my", "72", ("to_trinh", "bao_cao_thanh_tich")),
        ("tien_phuoc", "65", ("to_trinh", "bao_cao_thanh_tich")),
        ("department", "55", ("to_trinh",)),
    ):
        _login(page, people[who])
        _go(page, f"/khen-thuong/ho-so/moi/?phong-trao={CODE}")
        assert page.get_by_text("Giấy khen của Giám đốc Sở").count() == 0, "a retired form is not offered"
        page.locator("#id_nominee_agency").select_option(label=people[who].agency.name)
        page.locator("#id_achievement_summary").fill("Hoàn thành các tiêu chí xây dựng nông thôn mới trong năm.")
        page.locator("[name=metric_new_rural_pct]").fill(figure)
        page.get_by_role("button", name="Lưu hồ sơ").click()
        _ok(page, "Đã tạo hồ sơ.")
        for code in components:
            row = page.get_by_role("listitem", name=COMPONENTS[code])
            row.locator("input[type=file]").set_input_files(_pdf(tmp_path, f"{code}.pdf"))
            row.locator("button[type=submit]").click()
            _ok(page, "Đã tải lên")
        page.get_by_role("button", name="Gửi hồ sơ").click()
        _ok(page, "Hồ sơ đã chuyển sang")


def _review_dossiers(page, reviewer, *, deadline) -> None:
    """The reviewer records that Tiên Phước's dossier came on paper before the deadline, and approves it."""
    _login(page, reviewer)
    page.get_by_role("link", name="Hồ sơ khen thưởng").click()
    page.get_by_role("link", name="UBND huyện Tiên Phước").first.click()
    receipt = page.get_by_test_id("receipt")
    receipt.get_by_text("Ghi nhận hồ sơ nhận ngoài cổng").click()
    receipt.get_by_label("Ngày nhận hồ sơ").fill(_day(deadline - datetime.timedelta(days=1)))
    receipt.get_by_label("Số đến").fill("312")
    receipt.get_by_label("Hình thức nhận").select_option(label="Bản giấy")
    receipt.get_by_role("button", name="Ghi nhận ngày nhận").click()
    _ok(page, "Đã ghi nhận ngày nhận hồ sơ")
    page.locator("#checklist").get_by_text("Đủ điều kiện").first.wait_for(timeout=30000)
    page.get_by_role("button", name="Duyệt đề nghị").click()
    _ok(page, "Hồ sơ đã chuyển sang “Đã duyệt”")
    screenshot(page, "any-campaign-paper-dossier-1280")

    # The progress page counts what the report will: one agency on time of 18, by its paper receipt.
    page.get_by_role("link", name="Tiến độ").click()
    page.locator("#campaign-select").select_option(label=PLAN)
    page.get_by_role("button", name="Xem").click()
    assert page.get_by_test_id("on-time-count").inner_text() == "1/18"
    assert f"tính đến ngày {_day(deadline)}" in page.get_by_test_id("on-time-as-of").inner_text()
    screenshot(page, "any-campaign-progress-1280")


def _render_and_download(page, reviewer, tmp_path) -> tuple[str, str]:
    _go(page, f"/bao-cao/{CODE}/")
    page.get_by_label("IV. Bài học kinh nghiệm").fill(LESSON)
    page.get_by_role("button", name="Tạo tệp báo cáo").click()
    _ok(page, "Đã gửi yêu cầu tạo báo cáo")
    links = page.locator("#renders").get_by_role("link", name="Tải về")
    links.nth(1).wait_for(timeout=90000)
    screenshot(page, "any-campaign-renders-1280")
    files = {}
    for index in range(2):
        with page.expect_download() as download:
            links.nth(index).click()
        # Kept beside the screenshots, to be read by whoever looks at the run.
        path = ARTIFACTS / f"any-campaign-report{Path(download.value.suggested_filename).suffix}"
        download.value.save_as(path)
        files[path.suffix] = path
    assert set(files) == {".pdf", ".docx"}
    pdf = subprocess.run(["pdftotext", str(files[".pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    document = Document(io.BytesIO(files[".docx"].read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    docx = "\n".join([p.text for p in document.paragraphs] + cells)
    return " ".join(pdf.split()), " ".join(docx.split())


def _check_the_report(text: str, *, start, end, deadline) -> None:
    plan_day = _day(start - datetime.timedelta(days=20))
    guide_day = _day(start + datetime.timedelta(days=14))
    paper_day = _day(deadline - datetime.timedelta(days=1))
    for fact in (
        "/BC-SNNPTNT",
        f"Tổng kết phong trào thi đua “{NAME}” trên địa bàn tỉnh Quảng Nam",
        f"Thực hiện Quyết định số {PLAN} ngày {plan_day} của Ủy ban nhân dân tỉnh Quảng Nam về việc phát động",
        f"từ ngày {_day(start)} đến ngày {_day(end)}",
        f"Hướng dẫn số {GUIDE} ngày {guide_day} của {GUIDE_ISSUER}",
        "UBND huyện Bắc Trà My",
        "UBND huyện Tiên Phước",
        FIRST_INITIATIVE,
        SECOND_INITIATIVE,
        "Hạ tầng nông thôn",
        "Số xã đạt chuẩn nông thôn mới: 47 xã",
        f"Tính đến thời điểm {_day(deadline)} đã có 1/18 cơ quan, đơn vị, địa phương",
        f"UBND huyện Tiên Phước Bằng khen của Chủ tịch UBND tỉnh (tập thể) {paper_day}",  # Appendix I
        "trong 03 hồ sơ đề nghị khen thưởng đã gửi, có 01 hồ sơ không đảm bảo thành phần hồ sơ; "
        f"có 02 hồ sơ gửi sau thời hạn (ngày {_day(deadline)})",
        "có 02 cơ quan, đơn vị, địa phương gửi hồ sơ sau thời hạn; có 15 cơ quan, đơn vị, địa phương chưa gửi hồ sơ",
        "Kiến nghị, đề xuất với Ủy ban nhân dân tỉnh",
        LESSON,
    ):
        assert fact in text, fact
    for word in FOREIGN_WORDS:
        assert not re.search(re.escape(word), text, re.IGNORECASE), word
