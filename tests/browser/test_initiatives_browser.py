import pytest

from accounts.enums import Role
from demo.campaign import load_campaign
from demo.initiatives import load_initiatives
from initiatives.models import Initiative
from tests.browser.test_accessibility import axe_page  # noqa: F401 - the fixture, shared
from tests.conftest import browser_login, screenshot
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(quang_nam):
    load_campaign()
    load_initiatives()
    return quang_nam


def test_browser_district_officer_lists_registers_and_sees_replication(page, make_user, demo):
    bac_tra_my = demo.get(name="UBND huyện Bắc Trà My")
    officer = make_user(Role.AGENCY_OFFICER, agency=bac_tra_my, first_name="Thu", last_name="Hồ Thị")
    browser_login(page, officer.username, TEST_PASSWORD)
    page.get_by_role("link", name="Sáng kiến, mô hình").click()
    assert page.get_by_role("heading", name="Mô hình, sáng kiến, giải pháp", exact=True).is_visible()
    page.get_by_label("Tìm kiếm").fill("tra doc")
    page.get_by_role("button", name="Lọc").click()
    assert page.get_by_role("link", name="Mô hình 3K “Không viết, không hẹn, không phiền hà”").is_visible()
    page.get_by_role("link", name="Xóa lọc").click()
    screenshot(page, "initiatives-list-1280")

    page.get_by_role("link", name="Đăng ký mới").click()
    page.locator("#id_title").fill("Một cửa thân thiện vùng cao")
    page.locator("#id_category").select_option(label="Cải cách thủ tục hành chính")
    page.get_by_label("Ngày bắt đầu thực hiện").fill("01/03/2024")
    page.locator(".implementing-units").get_by_label("Trà Đốc").check()
    page.locator(".implementing-units").get_by_label("Trà Giác").check()
    page.get_by_label("Số liệu kết quả").fill("Thời gian giải quyết: 9 ngày, rút ngắn 1 ngày")
    page.get_by_placeholder("Lọc danh sách…").fill("hoi an")
    page.get_by_label("UBND thành phố Hội An", exact=True).check()
    screenshot(page, "initiative-form-1280")
    page.get_by_role("button", name="Lưu bản nháp").click()
    assert page.get_by_text("Đã lưu bản nháp").is_visible()
    created = Initiative.objects.get(title="Một cửa thân thiện vùng cao")
    assert {u.short_name for u in created.implementing_units.all()} == {"Trà Đốc", "Trà Giác"}
    assert [u.name for u in created.replicated_to.all()] == ["UBND thành phố Hội An"]
    assert page.get_by_test_id("no-evidence-warning").is_visible()
    page.get_by_role("button", name="Gửi đăng ký").click()
    box = page.get_by_label("Tôi vẫn gửi đăng ký khi chưa có minh chứng")
    assert (
        box.get_attribute("aria-invalid") == "true"
        or page.get_by_text("Sáng kiến chưa có minh chứng. Hãy tải").is_visible()
    )
    created.refresh_from_db()
    assert created.state == "draft", "not registered without the confirmation"
    screenshot(page, "initiative-confirm-no-evidence-1280")
    box.check()
    page.get_by_role("button", name="Gửi đăng ký").click()
    assert page.get_by_text("Đã chuyển sang trạng thái “Đã đăng ký”").is_visible()
    screenshot(page, "initiative-detail-1280")

    page.goto(f"{page.base_url}/sang-kien/nhan-rong/")
    assert page.get_by_role("link", name="Một cửa thân thiện vùng cao").is_visible()
    screenshot(page, "initiatives-replication-1280")


def test_browser_form_error_keeps_input(page, make_user, demo):
    officer = make_user(Role.AGENCY_OFFICER, agency=demo.get(name="UBND xã Trà Đốc"))
    browser_login(page, officer.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/sang-kien/them/")
    page.locator("#id_title").fill("Giữ lại khi lỗi")
    page.get_by_label("Số liệu kết quả").fill("không có dấu hai chấm")
    page.get_by_role("button", name="Lưu bản nháp").click()
    assert page.get_by_text("Chưa lưu được").is_visible()
    assert page.locator("#id_title").input_value() == "Giữ lại khi lỗi"
    screenshot(page, "initiative-form-errors-1280")


def test_browser_reviewer_evaluates_and_views_campaign(page, make_user, demo):
    reviewer = make_user(Role.REVIEWER)
    browser_login(page, reviewer.username, TEST_PASSWORD)
    item = Initiative.objects.get(title="Kết quả chúng tôi là nụ cười của bạn")
    page.goto(f"{page.base_url}/sang-kien/{item.pk}/")
    screenshot(page, "initiative-detail-reviewer-1280")
    page.get_by_label("Hiệu quả", exact=True).check()
    page.get_by_label("Nhận xét").fill("Người dân hài lòng.")
    page.get_by_role("button", name="Đánh giá").click()
    assert page.get_by_text("Đã chuyển sang trạng thái “Đã đánh giá”").is_visible()
    page.get_by_role("link", name="Phong trào").first.click()
    page.get_by_role("link", name="Xây dựng môi trường hành chính trong sạch, lành mạnh, công khai, minh bạch").click()
    assert page.get_by_text("1896/SNV-CCHC").is_visible()
    screenshot(page, "campaign-detail-1280")
    page.get_by_role("link", name="Sửa").click()
    screenshot(page, "campaign-form-1280")


def test_browser_import_with_errors_lists_each_row_and_column(page, make_user, demo, tmp_path):
    from openpyxl import load_workbook

    officer = make_user(Role.AGENCY_OFFICER, agency=demo.get(name="UBND thành phố Tam Kỳ"))
    browser_login(page, officer.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/sang-kien/nhap-excel/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp mẫu").click()
    template = tmp_path / "mau.xlsx"
    download.value.save_as(template)
    workbook = load_workbook(template)
    sheet = workbook["Dữ liệu"]
    sheet.append(["UBND thành phố Tam Kỳ", "Mô hình", "Cải cách thủ tục hành chính", "Dòng đúng", "", "01/02/2024"])
    sheet.append(["UBND thành phố Tam Kỳ", "Mô hình", "Lĩnh vực lạ", "", "", "30/02/2024", "Phường Không Có"])
    workbook.save(template)
    before = Initiative.objects.count()
    page.get_by_label("Tệp Excel đã điền theo mẫu").set_input_files(str(template))
    page.get_by_role("button", name="Nhập").click()
    assert page.get_by_text("Chưa nhập dòng nào: tệp có 4 lỗi cần sửa.").is_visible()
    assert page.get_by_text("Dòng 3, cột “Lĩnh vực, nhóm”").is_visible()
    assert Initiative.objects.count() == before
    screenshot(page, "initiatives-import-errors-1280")


@pytest.mark.parametrize("role", [Role.AGENCY_OFFICER, Role.REVIEWER])
def test_initiative_and_campaign_pages_have_no_serious_axe_violations(axe_page, make_user, demo, role):  # noqa: F811 - the fixture
    import json

    from tests.browser.test_accessibility import axe_violations

    agency = demo.get(name="UBND huyện Bắc Trà My") if role == Role.AGENCY_OFFICER else None
    browser_login(axe_page, make_user(role, agency=agency).username, TEST_PASSWORD)
    item = Initiative.objects.filter(agency__name="UBND huyện Bắc Trà My", implementing_units__isnull=False).first()
    paths = [
        "/sang-kien/",
        "/sang-kien/?q=tra+doc&sort=-title",
        "/sang-kien/nhan-rong/",
        f"/sang-kien/{item.pk}/",
        "/sang-kien/nhap-excel/",
        "/phong-trao/4064/",
    ]
    paths += (
        ["/sang-kien/them/"]
        if role == Role.AGENCY_OFFICER
        else ["/phong-trao/", "/phong-trao/them/", "/phong-trao/4064/sua/"]
    )
    found = {}
    for path in paths:
        axe_page.goto(f"{axe_page.base_url}{path}")
        violations = axe_violations(axe_page)
        if violations:
            found[path] = violations
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_browser_reviewer_marks_a_similar_initiative_the_same(
    page, make_user, demo, django_capture_on_commit_callbacks
):
    from initiatives.enums import SimilarityDecision
    from initiatives.models import SimilarInitiative
    from initiatives.services import initiative_transition
    from tests.factories import CampaignFactory
    from tests.factories.initiatives import InitiativeFactory

    nam_tra_my = demo.get(name="UBND huyện Nam Trà My")
    later = InitiativeFactory(
        campaign=CampaignFactory(name="Phong trào thi đua “Chuyển đổi số” năm 2025"),
        agency=nam_tra_my,
        title="Mo hinh “3 khong”: khong viet, khong hen, khong phien ha tai xa",
        description="",
    )
    officer = make_user(Role.AGENCY_OFFICER, agency=nam_tra_my)
    with django_capture_on_commit_callbacks(execute=True):
        initiative_transition(initiative=later, name="register", user=officer)
    earlier = Initiative.objects.get(title="Mô hình 3K “Không viết, không hẹn, không phiền hà”")
    assert SimilarInitiative.objects.filter(initiative=later, similar_to=earlier).exists()

    reviewer = make_user(Role.REVIEWER)
    browser_login(page, reviewer.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/sang-kien/{later.pk}/")
    panel = page.locator("#tuong-tu")
    assert panel.get_by_role("link", name=earlier.title).is_visible()
    assert panel.get_by_text("UBND huyện Bắc Trà My").is_visible()
    panel.get_by_role("button", name="Là cùng một mô hình").first.click()
    assert page.get_by_text("Đã ghi kết luận về mô hình, sáng kiến tương tự.").is_visible()
    assert SimilarInitiative.objects.get(initiative=later, similar_to=earlier).decision == SimilarityDecision.SAME
    page.locator("#tuong-tu").scroll_into_view_if_needed()
    screenshot(page, "initiative-similar-1280")


def test_browser_replication_checklist_filters_keeps_ticked_and_works_without_javascript(
    chromium, live_server, make_user, demo
):
    officer = make_user(Role.AGENCY_OFFICER, agency=demo.get(name="UBND huyện Bắc Trà My"))
    item = Initiative.objects.filter(agency=officer.agency).exclude(state="draft").first()
    for javascript in (True, False):
        context = chromium.new_context(
            viewport={"width": 360, "height": 800}, locale="vi-VN", java_script_enabled=javascript
        )
        page = context.new_page()
        page.base_url = live_server.url
        try:
            browser_login(page, officer.username, TEST_PASSWORD)
            page.goto(f"{page.base_url}/sang-kien/{item.pk}/")
            checklist = page.locator(".agency-checklist")
            if javascript:
                checklist.get_by_label("UBND thành phố Tam Kỳ", exact=True).check()
                checklist.get_by_placeholder("Lọc danh sách…").fill("hoi an")
                assert checklist.get_by_label("UBND thành phố Hội An", exact=True).is_visible()
                assert checklist.get_by_label("UBND thành phố Tam Kỳ", exact=True).is_visible(), "ticked stays"
                assert not checklist.get_by_label("UBND huyện Núi Thành", exact=True).is_visible()
                checklist.get_by_label("UBND thành phố Hội An", exact=True).check()
                assert page.evaluate("document.documentElement.scrollWidth") <= 360
                screenshot(page, "initiative-replication-checklist-360")
                expected = {"UBND thành phố Hội An", "UBND thành phố Tam Kỳ"}
            else:
                assert checklist.get_by_placeholder("Lọc danh sách…").count() == 0
                checklist.get_by_label("UBND thành phố Hội An", exact=True).uncheck()
                expected = {"UBND thành phố Tam Kỳ"}
            checklist.locator("xpath=..").get_by_role("button", name="Lưu").click()
            page.wait_for_load_state("networkidle")
            assert page.get_by_text("Đã cập nhật nơi nhân rộng.").is_visible()
            assert {unit.name for unit in item.replicated_to.all()} == expected
        finally:
            context.close()
