import pytest

from accounts.enums import Role
from tests.browser.test_accessibility import axe_page  # noqa: F401 - the fixture, shared
from tests.conftest import browser_login, screenshot
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [360, 1280])
def test_browser_missing_page_is_in_the_portal_with_a_way_back(chromium, live_server, make_user, width):
    context = chromium.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.base_url = live_server.url
    try:
        browser_login(page, make_user(Role.REVIEWER).username, TEST_PASSWORD)
        page.goto(f"{page.base_url}/co-quan/")
        page.goto(f"{page.base_url}/khen-thuong/ho-so/999999/", referer=f"{page.base_url}/co-quan/")
        assert page.get_by_role("heading", name="Không tìm thấy trang").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"error-404-{width}")
        page.get_by_role("link", name="Quay lại trang trước").click()
        assert page.get_by_role("heading", name="Cơ quan, đơn vị, địa phương").is_visible()
        page.goto(f"{page.base_url}/khong-co/")
        page.get_by_role("link", name="Về trang chủ").click()
        assert page.url == f"{page.base_url}/"
    finally:
        context.close()


def test_error_page_has_no_serious_axe_violations(axe_page, make_user):  # noqa: F811 - the fixture
    from tests.browser.test_accessibility import axe_violations

    browser_login(axe_page, make_user(Role.AGENCY_OFFICER).username, TEST_PASSWORD)
    axe_page.goto(f"{axe_page.base_url}/khong-co/")
    assert axe_violations(axe_page) == []
