"""The award register and the published list in the browser: a reviewer finds earlier awards, sees
the repeat flagged on a demo dossier, publishes the approved list; a visitor reads it without
logging in and comments; the reviewer reads the comment, shown as text."""

import pytest

from awards.models import Nomination, PublicComment
from demo.accounts import DEMO_PASSWORD, load_accounts
from demo.campaign import load_campaign
from demo.nominations import load_nominations
from demo.register import load_register
from tests.conftest import browser_login, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(quang_nam):
    load_accounts()
    load_campaign()
    load_register()
    load_nominations()


def test_browser_register_interval_flag_and_public_list(page, chromium, demo):
    browser_login(page, "chuyenvien.snv", DEMO_PASSWORD)
    page.get_by_role("link", name="Hồ sơ khen thưởng").click()
    page.get_by_role("link", name="Sổ khen thưởng").click()
    assert page.get_by_role("heading", name="Sổ khen thưởng").is_visible()
    table = page.get_by_test_id("register-table")
    # Three awards decided on the portal (215/QĐ-UBND) and six recorded before it (demo data).
    assert table.locator("tbody tr").count() == 9
    assert table.get_by_text("nay là UBND huyện Quế Sơn").is_visible()
    screenshot(page, "awards-register-1280")

    page.get_by_label("Tìm").fill("tien phuoc")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_load_state("networkidle")
    assert table.locator("tbody tr").count() == 1
    assert table.get_by_text("1520/QĐ-UBND").is_visible()

    repeat = Nomination.objects.get(agency__name="UBND huyện Tiên Phước")
    page.goto(f"{page.base_url}/khen-thuong/ho-so/{repeat.pk}/")
    checklist = page.locator("section.checklist")
    assert checklist.get_by_text("theo Quyết định số 1520/QĐ-UBND ngày 12/06/2023; chưa đủ 2 năm").is_visible()
    assert page.get_by_test_id("earlier-awards").get_by_text("Quyết định số 1520/QĐ-UBND ngày 12/06/2023").is_visible()
    screenshot(page, "awards-interval-flag-1280")

    page.goto(f"{page.base_url}/khen-thuong/cong-khai/?phong-trao=4064")
    page.get_by_role("button", name="Công khai", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Đã công khai danh sách đề nghị khen thưởng.").is_visible()
    public_url = page.get_by_role("link", name="Trang công khai").get_attribute("href")

    visitor = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    visitor.goto(f"{page.base_url}{public_url}")
    listing = visitor.get_by_test_id("public-list")
    assert listing.locator("tbody tr").count() == Nomination.objects.filter(state="approved").count() == 5
    assert listing.get_by_text("UBND thành phố Tam Kỳ").first.is_visible()
    screenshot(visitor, "awards-public-list-1280")
    visitor.get_by_label("Góp ý về").select_option(label="UBND thành phố Tam Kỳ")
    visitor.get_by_label("Nội dung góp ý").fill("<b>Đề nghị</b> làm rõ số liệu thủ tục hành chính đúng hạn.")
    visitor.get_by_role("button", name="Gửi góp ý").click()
    visitor.wait_for_load_state("networkidle")
    assert visitor.get_by_test_id("comment-sent").is_visible()
    visitor.context.close()
    assert PublicComment.objects.get().nomination.nominee_agency.name == "UBND thành phố Tam Kỳ"

    page.reload()
    page.get_by_role("link", name="1 ý kiến góp ý").click()
    comments = page.get_by_test_id("comments")
    assert comments.get_by_text("<b>Đề nghị</b> làm rõ số liệu").is_visible()
    screenshot(page, "awards-public-comments-1280")
