"""A reviewer sets up a campaign in Chromium, with no admin and no shell: the form with a Quyết định
as its plan, the expected agencies by group and by search, an award form, a criterion by kind and an
indicator. Each set-up page is saved as a screenshot at 1280 px (docs/screenshots/setup-*.png are
taken from these)."""

import pytest

from awards.models import AwardForm, Criterion
from campaigns.models import Campaign
from reports.models import Indicator
from tests.conftest import browser_login, screenshot
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_browser_reviewer_sets_up_a_campaign(page, reviewer, quang_nam):
    browser_login(page, reviewer.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/phong-trao/them/")
    page.locator("[name=code]").fill("ntm2025")
    page.locator("[name=name]").fill("Thi đua xây dựng nông thôn mới năm 2025")
    page.locator("[name=issuing_authority]").fill("Ủy ban nhân dân tỉnh")
    page.locator("[name=organiser]").select_option(label="Sở Nội vụ")
    page.locator("[name=place_name]").fill("Quảng Nam")
    page.locator("[name=period_start]").fill("01/01/2024")
    page.locator("[name=period_end]").fill("30/11/2024")
    page.locator("[name=plan_doc_type]").select_option(label="Quyết định")
    page.locator("[name=plan_number_symbol]").fill("1520/QĐ-UBND")
    page.locator("[name=plan_issued_on]").fill("20/12/2023")
    page.locator("[name=plan_issuer]").fill("Ủy ban nhân dân tỉnh Quảng Nam")
    page.get_by_role("button", name="Lưu phong trào").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".invalid-feedback").first.is_visible()  # no deadline yet: the field is named
    assert "Hãy nhập hạn gửi hồ sơ đề nghị khen thưởng" in page.content()
    screenshot(page, "setup-campaign-form-1280")
    page.locator("[name=nomination_deadline]").fill("24/12/2024")
    page.get_by_role("button", name="Lưu phong trào").click()
    page.wait_for_url("**/phong-trao/ntm2025/co-quan/")

    page.locator("li", has_text="UBND huyện, thị xã, thành phố").get_by_role("button", name="Chọn cả nhóm").click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("Tìm cơ quan, đơn vị để thêm từng cái").fill("so nong nghiep")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("Sở Nông nghiệp và Phát triển nông thôn").check()
    screenshot(page, "setup-expected-agencies-search-1280")
    page.get_by_role("button", name="Lưu danh sách").click()
    page.wait_for_load_state("networkidle")
    campaign = Campaign.objects.get(code="ntm2025")
    assert campaign.plan_document.doc_type == "QĐ"
    assert campaign.expected_agencies.count() == 19  # 18 district-level units of 2024 and the department
    assert "19 cơ quan" in page.locator("#expected-count").inner_text()
    screenshot(page, "setup-expected-agencies-1280")

    page.goto(f"{page.base_url}/khen-thuong/hinh-thuc/moi/?phong-trao=ntm2025")
    page.locator("[name=name]").fill("Bằng khen của Chủ tịch UBND tỉnh")
    page.locator("[name=nominee_type]").select_option(label="Tập thể")
    page.locator("[name=requirements-0-code]").fill("to_trinh")
    page.locator("[name=requirements-0-name]").fill("Tờ trình đề nghị khen thưởng")
    screenshot(page, "setup-award-form-1280")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state("networkidle")
    assert AwardForm.objects.filter(campaign=campaign).count() == 1

    page.goto(f"{page.base_url}/khen-thuong/tieu-chi/moi/?phong-trao=ntm2025")
    page.get_by_label("Bước 1. Chọn loại kiểm tra").select_option(label="Chỉ số so với ngưỡng")
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_load_state("networkidle")
    page.locator("[name=code]").fill("ty_le_xa_ntm")
    page.locator("[name=wording]").fill("Tỷ lệ xã đạt chuẩn nông thôn mới từ 60% trở lên")
    page.locator("[name=p-metric]").fill("new_rural_pct")
    page.locator("[name=p-label]").fill("Tỷ lệ xã đạt chuẩn nông thôn mới")
    page.locator("[name=p-op]").select_option(">=")
    page.locator("[name=p-threshold]").fill("60")
    page.locator("[name=p-unit]").fill("%")
    screenshot(page, "setup-criterion-metric-1280")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state("networkidle")
    criterion = Criterion.objects.get(campaign=campaign, code="ty_le_xa_ntm")
    assert criterion.params == {
        "metric": "new_rural_pct",
        "label": "Tỷ lệ xã đạt chuẩn nông thôn mới",
        "op": ">=",
        "threshold": 60,
        "unit": "%",
    }
    screenshot(page, "setup-criteria-1280")

    page.goto(f"{page.base_url}/bao-cao/ntm2025/chi-so/them/")
    page.locator("[name=code]").fill("xa-ntm")
    page.locator("[name=name]").fill("Số xã đạt chuẩn nông thôn mới")
    page.locator("[name=unit]").fill("xã")
    page.get_by_role("button", name="Lưu chỉ số").click()
    page.wait_for_load_state("networkidle")
    assert Indicator.objects.filter(campaign=campaign, code="xa-ntm").exists()

    page.goto(f"{page.base_url}/phong-trao/ntm2025/")
    assert "Quyết định số 1520/QĐ-UBND" in page.content()
    screenshot(page, "setup-campaign-detail-1280")
