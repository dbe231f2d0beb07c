"""A reviewer shapes a new campaign's report in Chromium: the campaign's categories, then the
outline (a section added, a computed block placed, a section moved), without the admin."""

import datetime

import pytest

from accounts.enums import Role
from reports.models import OutlineSection
from tests.conftest import browser_login, screenshot
from tests.factories import TEST_PASSWORD, CampaignFactory, LegalDocumentFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def campaign(transactional_db):
    plan = LegalDocumentFactory(
        doc_type="QĐ", number_symbol="2218/QĐ-UBND", issued_on=datetime.date(2025, 3, 4), issuer="UBND thành phố"
    )
    return CampaignFactory(code="ntm-2025", name="Chung sức xây dựng nông thôn mới", plan_document=plan)


def test_browser_reviewer_sets_categories_and_shapes_the_outline(page, make_user, campaign):
    reviewer = make_user(Role.REVIEWER, first_name="Hoa", last_name="Nguyễn Thị")
    browser_login(page, reviewer.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/phong-trao/{campaign.code}/")
    page.get_by_role("link", name="Lĩnh vực, nhóm mô hình").click()
    page.locator("#id_cat-0-code").fill("giao-thong")
    page.locator("#id_cat-0-name").fill("Giao thông nông thôn")
    page.locator("#id_cat-1-code").fill("moi-truong")
    page.locator("#id_cat-1-name").fill("Môi trường xanh")
    page.get_by_role("button", name="Lưu lĩnh vực, nhóm").click()
    assert page.get_by_text("Đã lưu lĩnh vực, nhóm mô hình của phong trào.").is_visible()
    screenshot(page, "campaign-categories-1280")
    assert list(campaign.categories.values_list("name", flat=True)) == ["Giao thông nông thôn", "Môi trường xanh"]

    page.goto(f"{page.base_url}/bao-cao/{campaign.code}/")
    assert page.get_by_text("Quyết định 2218/QĐ-UBND").is_visible()
    page.get_by_role("link", name="Đề cương báo cáo").click()
    assert page.get_by_role("heading", name="Đề cương báo cáo tổng kết").is_visible()
    page.get_by_label("Số mục").fill("VI")
    page.get_by_label("Tên mục").fill("Phương hướng năm 2026")
    page.get_by_label("Cấp").select_option(label="Mục lớn (I, II, …)")
    page.get_by_label("Mã mục").fill("phuong-huong")
    page.get_by_role("button", name="Thêm mục").click()
    assert page.get_by_text("Đã thêm mục “VI. Phương hướng năm 2026” vào cuối đề cương.").is_visible()
    page.get_by_role("button", name="Chuyển lên VI. Phương hướng năm 2026").click()
    screenshot(page, "report-outline-1280")
    keys = list(OutlineSection.objects.filter(campaign=campaign).values_list("key", flat=True))
    assert keys[-2:] == ["phuong-huong", "ket-thuc"]

    page.get_by_role("link", name="Sửa VI. Phương hướng năm 2026").click()
    page.locator("#id_kind").select_option(label="Số mô hình, sáng kiến và số cơ quan triển khai")
    page.get_by_role("button", name="Thêm khối").click()
    assert page.get_by_text("Đã thêm khối tính toán vào mục.").is_visible()
    screenshot(page, "report-outline-section-1280")
    section = OutlineSection.objects.get(campaign=campaign, key="phuong-huong")
    assert list(section.blocks.values_list("kind", flat=True)) == ["initiatives_count"]
