"""The report's shape at scale in Chromium at 1280 px: a reviewer marks an initiative as standing out
on its page, and downloads the annexes workbook from the report page."""

import pytest
from django.test import override_settings
from openpyxl import load_workbook

from accounts.enums import Role
from initiatives.enums import InitiativeState
from reports.enums import RenderFormat, RenderStatus
from reports.models import ReportRender
from reports.services import report_render_perform
from tests.conftest import browser_login, screenshot
from tests.factories import TEST_PASSWORD, AgencyFactory, CampaignFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.reports import SummaryReportFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def campaign(transactional_db):
    campaign = CampaignFactory(code="toan-tinh", name="Thi đua cải cách hành chính toàn tỉnh")
    agency = AgencyFactory(name="Sở Tư pháp")
    items = [
        InitiativeFactory(campaign=campaign, agency=agency, title=f"Pháp lý số {n}", state=InitiativeState.REGISTERED)
        for n in range(1, 5)
    ]
    report = SummaryReportFactory(campaign=campaign)
    return {"report": report, "items": items}


@override_settings(PORTAL_REPORT_FULL_LISTS_UP_TO=2)
def test_browser_reviewer_marks_a_standout_and_downloads_the_annexes(page, make_user, campaign):
    reviewer = make_user(Role.REVIEWER, first_name="Hoa", last_name="Nguyễn Thị")
    browser_login(page, reviewer.username, TEST_PASSWORD)
    item = campaign["items"][2]
    page.goto(f"{page.base_url}/sang-kien/{item.pk}/")
    page.get_by_role("button", name="Chọn là tiêu biểu").click()
    assert page.get_by_text("Đã chọn là mô hình, sáng kiến tiêu biểu").is_visible()
    assert page.get_by_role("button", name="Bỏ chọn tiêu biểu").is_visible()
    screenshot(page, "initiative-standout-1280")

    render = ReportRender.objects.create(
        report=campaign["report"], format=RenderFormat.ANNEXES_XLSX, requested_by=reviewer
    )
    assert report_render_perform(render_id=render.pk).status == RenderStatus.DONE
    page.goto(f"{page.base_url}/bao-cao/toan-tinh/")
    assert page.get_by_label("Phụ lục (Excel)").first.is_visible()
    screenshot(page, "report-annexes-1280")
    with page.expect_download() as download:
        page.locator("#renders").get_by_role("link", name="Tải về").first.click()
    assert download.value.suggested_filename.startswith("phu-luc-bao-cao-tong-ket-toan-tinh-")
    with open(download.value.path(), "rb") as handle:  # a download's path has no extension: openpyxl wants one
        rows = list(load_workbook(handle, read_only=True)["Phụ lục II"].iter_rows(values_only=True))
    assert sorted(row[3] for row in rows[4:]) == [f"Pháp lý số {n}" for n in range(1, 5)]
    assert [row[10] for row in rows[4:] if row[3] == "Pháp lý số 3"] == ["Tiêu biểu"]
