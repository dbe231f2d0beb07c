import pytest

from accounts.enums import Role
from tests.conftest import ARTIFACTS, browser_login
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.browser


def _shot(page, name: str, *, full_page: bool = True) -> None:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=full_page)


def test_browser_directory_date_picker_shows_the_map_before_and_after_the_change(page, make_user, quang_nam):
    reviewer = make_user(Role.REVIEWER, first_name="Hoa", last_name="Nguyễn Thị")
    page.set_viewport_size({"width": 1280, "height": 1200})
    browser_login(page, reviewer.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/co-quan/")
    page.get_by_label("Theo hiện trạng ngày").fill("2024-12-31")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("chính quyền địa phương 3 cấp").is_visible()
    assert page.get_by_role("heading", name="Huyện, thị xã, thành phố và cấp xã 18").is_visible()
    page.locator("summary", has_text="UBND huyện Nông Sơn").click()
    page.locator("summary", has_text="UBND huyện Nông Sơn").scroll_into_view_if_needed()
    assert page.get_by_text("→ UBND huyện Quế Sơn (từ 01/01/2025 · Nghị quyết số 1241/NQ-UBTVQH15").first.is_visible()
    _shot(page, "agencies-2024-12-31")

    page.get_by_label("Theo hiện trạng ngày").fill("2025-07-01")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("chính quyền địa phương 2 cấp").is_visible()
    assert page.get_by_role("heading", name="Tỉnh, thành phố và cấp xã 1").is_visible()
    assert page.get_by_text("(01/07/2025 · Nghị quyết số 202/2025/QH15").first.is_visible()
    _shot(page, "agencies-2025-07-01")
    page.locator("summary", has_text="Ủy ban nhân dân thành phố Đà Nẵng").click()
    page.get_by_text("UBND xã Trà Bui; UBND xã Trà Đốc").first.scroll_into_view_if_needed()
    assert page.get_by_text("UBND xã Trà Bui; UBND xã Trà Đốc").first.is_visible()
    _shot(page, "agencies-2025-07-01-communes", full_page=False)
