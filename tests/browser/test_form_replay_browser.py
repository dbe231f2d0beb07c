import pytest
from django.contrib.sessions.models import Session

from accounts.enums import Role
from demo.campaign import load_campaign
from tests.conftest import browser_login, screenshot
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_browser_form_sent_after_expiry_comes_back_filled_after_log_in(page, make_user, quang_nam):
    from initiatives.models import Initiative

    load_campaign()
    officer = make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="UBND huyện Bắc Trà My"))
    browser_login(page, officer.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/sang-kien/them/")
    page.locator("#id_title").fill("Một cửa thân thiện vùng cao")
    page.get_by_label("Số liệu kết quả").fill("Thời gian giải quyết: 9 ngày")
    page.locator(".implementing-units").get_by_label("Trà Đốc").check()
    Session.objects.all().delete()  # the session expires while the officer types

    page.get_by_role("button", name="Lưu bản nháp").click()
    assert page.get_by_text("Phiên làm việc đã hết hạn nên biểu mẫu chưa được gửi").is_visible()
    page.get_by_label("Tên đăng nhập").fill(officer.username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")

    assert page.url.endswith("/sang-kien/them/")
    assert page.get_by_text("chưa có gì được gửi").is_visible()
    assert page.locator("#id_title").input_value() == "Một cửa thân thiện vùng cao"
    assert page.get_by_label("Số liệu kết quả").input_value() == "Thời gian giải quyết: 9 ngày"
    assert page.locator(".implementing-units").get_by_label("Trà Đốc").is_checked()
    assert not Initiative.objects.filter(title="Một cửa thân thiện vùng cao").exists()
    screenshot(page, "form-replayed-after-login-1280")
