import pytest

from awards.models import Nomination
from demo.accounts import DEMO_PASSWORD, load_accounts
from demo.campaign import load_campaign
from demo.nominations import load_nominations
from tests.conftest import browser_login, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(quang_nam):
    load_accounts()
    load_campaign()
    load_nominations()


def test_browser_reviewer_queue_checklist_and_check_progress(page, demo):
    browser_login(page, "chuyenvien.snv", DEMO_PASSWORD)
    page.get_by_role("link", name="Hồ sơ khen thưởng").click()
    assert page.get_by_role("heading", name="Thẩm định hồ sơ đề nghị khen thưởng").is_visible()
    assert page.locator("table.nomination-table tbody tr").count() == 31, "every dossier but the one draft"
    screenshot(page, "awards-review-queue-1280")

    page.get_by_role("button", name="Kiểm tra lại tất cả").click()
    page.wait_for_selector("#check-progress [data-progress-text]:has-text('32/32')")
    assert page.get_by_text("32/32 hồ sơ đã kiểm tra").is_visible()

    page.get_by_label("Kết quả kiểm tra").select_option("not_eligible")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("table.nomination-table tbody tr").count() == 7
    screenshot(page, "awards-review-queue-not-eligible-1280")

    duplicate = Nomination.objects.get(agency__name="UBND huyện Bắc Trà My", nominee_name="Nguyễn Văn Hùng")
    page.goto(f"{page.base_url}/khen-thuong/ho-so/{duplicate.pk}/")
    checklist = page.locator("section.checklist")
    assert checklist.get_by_text("Không đủ điều kiện").is_visible()
    assert checklist.get_by_text("Đối tượng đã được đề nghị cùng hình thức").is_visible()
    screenshot(page, "awards-nomination-checklist-1280")

    with page.expect_popup() as popup:
        page.get_by_role("link", name="Xem").first.click()
    document = popup.value
    document.wait_for_load_state()
    assert document.url.endswith(f"/khen-thuong/tai-lieu/{duplicate.documents.first().pk}/")


def test_browser_reviewer_returns_and_officer_sees_what_to_fix(page, demo):
    nomination = Nomination.objects.get(agency__name="UBND huyện Núi Thành")
    browser_login(page, "chuyenvien.snv", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/khen-thuong/ho-so/{nomination.pk}/")
    form = page.locator("form.action-form", has=page.get_by_role("button", name="Trả lại bổ sung"))
    form.get_by_label("Lý do, ý kiến").fill("Thiếu tờ trình; đề nghị bổ sung trước ngày 31/12/2024.")
    form.get_by_role("button", name="Trả lại bổ sung").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Hồ sơ đã chuyển sang “Trả lại, yêu cầu bổ sung”").is_visible()
    page.context.clear_cookies()

    browser_login(page, "bactramy", DEMO_PASSWORD)
    page.get_by_role("link", name="Hồ sơ khen thưởng").click()
    screenshot(page, "awards-agency-list-1280")
    draft = Nomination.objects.get(agency__name="UBND huyện Bắc Trà My", state="draft")
    page.goto(f"{page.base_url}/khen-thuong/ho-so/{draft.pk}/")
    assert page.get_by_text("Cần bổ sung, khắc phục:").is_visible()
    assert page.get_by_role("button", name="Gửi hồ sơ").is_visible()
    screenshot(page, "awards-agency-draft-to-fix-1280")


def test_browser_progress_page(page, demo):
    browser_login(page, "lanhdao.tinh", DEMO_PASSWORD)
    page.get_by_role("link", name="Tiến độ", exact=True).click()
    page.get_by_label("Tính đến ngày").fill("24/12/2024")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_test_id("on-time-count").inner_text() == "25/43"
    screenshot(page, "awards-progress-1280")


def test_browser_upload_rows_keep_their_component_and_report_in_place(page, demo):
    from accounts.enums import Role
    from accounts.models import User
    from awards.enums import NominationState

    draft = Nomination.objects.get(state=NominationState.DRAFT)
    officer = User.objects.filter(agency=draft.agency, role=Role.AGENCY_OFFICER).first()
    officer.set_password(DEMO_PASSWORD)
    officer.save()
    to_trinh, second = list(draft.award_form.requirements.all())[:2]
    kept = {d.requirement_id: d.original_name for d in draft.documents.all()}
    browser_login(page, officer.username, DEMO_PASSWORD)
    page.goto(f"{page.base_url}/khen-thuong/ho-so/{draft.pk}/")

    row = page.locator(f"#thanh-phan-{second.pk}")
    row.locator("input[type=file]").set_input_files(
        {"name": "bao-cao.pdf", "mimeType": "application/pdf", "buffer": b"MZ not a pdf at all"}
    )
    row.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    row = page.locator(f"#thanh-phan-{second.pk}")
    assert row.get_by_role("alert").get_by_text("không phải là tệp").is_visible()
    assert page.locator(f"#thanh-phan-{to_trinh.pk} [role=alert]").count() == 0
    assert {d.requirement_id: d.original_name for d in draft.documents.all()} == kept
    screenshot(page, "awards-upload-rows-refused-1280")

    row.locator("input[type=file]").set_input_files(
        {"name": "anh-chup.pdf", "mimeType": "application/pdf", "buffer": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64}
    )
    row.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(f"#thanh-phan-{second.pk} [data-state=attached]").get_by_text("anh-chup.png").is_visible()
    assert draft.documents.get(requirement=to_trinh).original_name == kept[to_trinh.pk]
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "awards-upload-rows-360")
