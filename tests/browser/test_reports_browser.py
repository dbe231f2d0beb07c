"""The summary report pages in Chromium at 1280 px: a reviewer edits and renders, the page polls
the status endpoint until the file is ready, an official downloads."""

import io

import pytest
from django.core.management import call_command

from accounts.enums import Role
from reports.enums import RenderStatus
from reports.models import ReportRender, SummaryReport
from reports.services import report_render_perform
from tests.conftest import browser_login, screenshot
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", stdout=io.StringIO())
    return SummaryReport.objects.get(campaign__code="4064")


def test_browser_reviewer_edits_renders_and_sees_progress(page, make_user, demo):
    reviewer = make_user(Role.REVIEWER, first_name="Hoa", last_name="Nguyễn Thị")
    browser_login(page, reviewer.username, TEST_PASSWORD)
    page.get_by_role("link", name="Báo cáo tổng kết").first.click()
    page.get_by_role("link", name="Xây dựng môi trường hành chính trong sạch, lành mạnh, công khai, minh bạch").click()
    screenshot(page, "report-detail-1280")

    page.get_by_label("IV. Bài học kinh nghiệm").fill("Bài học <b>một</b>.\n- Kiểm tra thường xuyên.")
    page.get_by_role("button", name="Lưu nội dung").click()
    assert page.get_by_text("Đã lưu nội dung báo cáo.").is_visible()
    assert page.get_by_label("IV. Bài học kinh nghiệm").input_value() == "Bài học <b>một</b>.\n- Kiểm tra thường xuyên."

    # A render waiting for a worker: the page shows its progress and polls until it is done.
    render = ReportRender.objects.create(report=demo, format="pdf", requested_by=reviewer)
    page.reload()
    assert page.locator("#renders progress").count() == 1
    screenshot(page, "report-render-queued-1280")
    report_render_perform(render_id=render.pk)
    page.locator("#renders").get_by_role("link", name="Tải về").wait_for(timeout=20000)
    assert page.locator("#renders progress").count() == 0
    assert ReportRender.objects.get(pk=render.pk).status == RenderStatus.DONE

    # Leaving with an edit not saved asks first (beforeunload); "Tạo tệp báo cáo" saves the edit, then renders.
    page.get_by_label("IV. Bài học kinh nghiệm").fill("Bài học sửa rồi tạo tệp ngay.")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Số liệu chỉ số").click()
    assert asked == ["beforeunload"] and page.url.endswith("/bao-cao/4064/")
    page.get_by_role("button", name="Tạo tệp báo cáo").click()
    assert page.get_by_text("Đã gửi yêu cầu tạo báo cáo").is_visible()
    assert page.get_by_text("Đã lưu nội dung báo cáo.").is_visible()
    assert page.get_by_label("IV. Bài học kinh nghiệm").input_value() == "Bài học sửa rồi tạo tệp ngay."
    assert page.locator("#renders").get_by_role("link", name="Tải về").count() == 3
    with page.expect_download() as download:
        page.locator("#renders").get_by_role("link", name="Tải về").first.click()
    assert download.value.suggested_filename.startswith("bao-cao-tong-ket-4064-")
    screenshot(page, "report-renders-1280")

    page.get_by_role("link", name="Số liệu chỉ số").click()
    assert page.get_by_label("Chứng thư số đã cấp", exact=True).input_value() == "8630"
    screenshot(page, "report-indicators-1280")


def test_browser_official_downloads_but_cannot_edit(page, make_user, demo):
    ReportRender.objects.create(report=demo, format="docx")
    report_render_perform(render_id=ReportRender.objects.get().pk)
    official = make_user(Role.OFFICIAL)
    browser_login(page, official.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/bao-cao/4064/")
    assert page.get_by_role("button", name="Lưu nội dung").count() == 0
    assert page.get_by_role("button", name="Tạo tệp báo cáo").count() == 0
    with page.expect_download() as download:
        page.locator("#renders").get_by_role("link", name="Tải về").click()
    assert download.value.suggested_filename.endswith(".docx")
    screenshot(page, "report-official-1280")
