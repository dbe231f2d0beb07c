import pytest

from accounts.enums import Role
from tests.conftest import browser_login, screenshot
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_browser_reviewer_logs_in_and_sees_home(page, make_user, quang_nam):
    reviewer = make_user(Role.REVIEWER, first_name="Hoa", last_name="Nguyễn Thị")
    browser_login(page, reviewer.username, TEST_PASSWORD)
    assert page.get_by_role("heading", name="Thẩm định và tổng hợp").is_visible()
    assert page.get_by_role("link", name="Cơ quan", exact=True).is_visible()
    screenshot(page, "reviewer-home-1280")
    page.get_by_role("link", name="Cơ quan", exact=True).click()
    assert page.get_by_role("heading", name="Cơ quan, đơn vị, địa phương").is_visible()
    screenshot(page, "agency-directory-1280")


def test_browser_wrong_password_shows_message(page, make_user):
    officer = make_user(Role.AGENCY_OFFICER)
    browser_login(page, officer.username, "khong-dung")
    assert page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng").is_visible()
    screenshot(page, "login-error-1280")
