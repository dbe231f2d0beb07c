"""The three users' journeys end to end in Chromium, against a live server on PostgreSQL with a
real Celery worker on Redis: what a commune officer, a Home Affairs reviewer and a provincial
leader do. Each journey saves screenshots of its main pages."""

import datetime
import io
import subprocess

import pytest
from docx import Document

from accounts.enums import Role
from awards import services as award_services
from awards.models import Nomination
from initiatives.models import Initiative
from reports.models import ReportRender
from tests.awards.conftest import make_dossier
from tests.conftest import browser_login, screenshot, wait_for
from tests.factories import TEST_PASSWORD, CampaignFactory, InitiativeCategoryFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria
from tests.factories.reports import SummaryReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.integration]
GOOD = {"task_completion_pct": "100", "par_index_rank": "3", "late_dossier_rate_pct": "1,2"}


@pytest.fixture
def campaign(real_worker, quang_nam):
    campaign = CampaignFactory(
        code="pt2026",
        name="Cải cách hành chính năm 2026",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 11, 30),
        nomination_deadline=datetime.date(2030, 12, 31),
    )
    campaign.expected_agencies.set(quang_nam.filter(kind="district_committee", valid_from__isnull=True))
    InitiativeCategoryFactory(campaign=campaign, name="Chính phủ điện tử, chuyển đổi số")
    AwardFormFactory(campaign=campaign)
    load_plan_criteria(campaign)
    return campaign


@pytest.fixture
def officer(make_user, quang_nam):
    return make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="UBND huyện Bắc Trà My"), last_name="Hồ Thị")


def _pdf(tmp_path, name: str) -> str:
    from demo.pdf import minimal_pdf

    path = tmp_path / name
    path.write_bytes(minimal_pdf([name]))
    return str(path)


def test_journey_officer_registers_an_initiative_and_sends_a_dossier(page, campaign, officer, tmp_path):
    browser_login(page, officer.username, TEST_PASSWORD)
    screenshot(page, "journey1-officer-home-1280")

    page.get_by_role("link", name="Sáng kiến, mô hình").click()
    page.get_by_role("link", name="Đăng ký mới").click()
    page.locator("#id_campaign").select_option(label=campaign.name)
    page.locator("#id_title").fill("Tổ công nghệ số cộng đồng tại thôn")
    page.locator("#id_category").select_option(label="Chính phủ điện tử, chuyển đổi số")
    page.get_by_label("Ngày bắt đầu thực hiện").fill("15/02/2026")
    page.locator(".implementing-units").get_by_label("Trà Đốc").check()
    page.get_by_role("button", name="Lưu bản nháp").click()
    page.get_by_label("Tệp minh chứng").set_input_files(_pdf(tmp_path, "minh-chung.pdf"))
    page.get_by_role("button", name="Tải lên").click()
    page.get_by_role("button", name="Gửi đăng ký").click()
    assert page.get_by_text("Đã chuyển sang trạng thái “Đã đăng ký”").is_visible()
    initiative = Initiative.objects.get(title="Tổ công nghệ số cộng đồng tại thôn")
    assert [u.short_name for u in initiative.implementing_units.all()] == ["Trà Đốc"]
    assert initiative.evidence.count() == 1
    screenshot(page, "journey1-initiative-1280")

    page.goto(f"{page.base_url}/khen-thuong/ho-so/moi/?phong-trao={campaign.code}")
    page.locator("#id_nominee_agency").select_option(label="UBND huyện Bắc Trà My")
    page.locator("#id_achievement_summary").fill("Hoàn thành 100% nhiệm vụ cải cách hành chính năm 2026.")
    for key, value in GOOD.items():
        page.locator(f"[name=metric_{key}]").fill(value)
    page.locator("[name=metric_rated_leading]").select_option("yes")
    page.get_by_role("button", name="Lưu hồ sơ").click()
    nomination = Nomination.objects.get(agency=officer.agency, campaign=campaign)
    for requirement in nomination.award_form.requirements.order_by("position"):
        row = page.locator(f"#thanh-phan-{requirement.pk}")
        row.locator("input[type=file]").set_input_files(_pdf(tmp_path, f"{requirement.code}.pdf"))
        row.locator("button[type=submit]").click()
    screenshot(page, "journey1-dossier-1280")
    page.get_by_role("button", name="Gửi hồ sơ").click()
    # The worker checks the dossier; the checklist updates on its own.
    checklist = page.locator("#checklist")
    checklist.get_by_text("Đủ điều kiện").first.wait_for(timeout=30000)
    assert checklist.get_by_text("Hồ sơ gửi về Sở Nội vụ đúng thời gian quy định").is_visible()
    assert Nomination.objects.get(pk=nomination.pk).verdict == "eligible"
    assert page.locator("[data-verdict-badge]", has_text="Đủ điều kiện").count() == 2  # header and checklist
    screenshot(page, "journey1-verdict-1280")


def test_journey_reviewer_returns_officer_fixes_reviewer_approves_and_awards(
    page, campaign, officer, make_user, tmp_path
):
    award_form = campaign.award_forms.get()
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=award_form, left_out=("to_trinh",))
    award_services.nomination_submit(user=officer, nomination=nomination)
    wait_for(lambda: not Nomination.objects.get(pk=nomination.pk).check_pending)
    reviewer = make_user(Role.REVIEWER, last_name="Nguyễn Thị", first_name="Hoa")

    browser_login(page, reviewer.username, TEST_PASSWORD)
    page.get_by_role("link", name="Hồ sơ khen thưởng").click()
    page.get_by_label("Thiếu thành phần").select_option("yes")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state("networkidle")
    screenshot(page, "journey2-queue-1280")
    page.get_by_role("link", name="UBND huyện Bắc Trà My").first.click()
    form = page.locator("form.action-form", has=page.get_by_role("button", name="Trả lại bổ sung"))
    form.get_by_label("Lý do, ý kiến").fill("Thiếu tờ trình đề nghị khen thưởng.")
    form.get_by_role("button", name="Trả lại bổ sung").click()
    assert page.get_by_text("Trả lại, yêu cầu bổ sung").first.is_visible()
    page.context.clear_cookies()

    browser_login(page, officer.username, TEST_PASSWORD)
    page.get_by_text("bị trả lại: hãy bổ sung và gửi lại").click()
    assert page.get_by_text("Thiếu tờ trình đề nghị khen thưởng.").first.is_visible()
    row = page.locator(f"#thanh-phan-{award_form.requirements.get(code='to_trinh').pk}")
    row.locator("input[type=file]").set_input_files(_pdf(tmp_path, "to-trinh.pdf"))
    row.locator("button[type=submit]").click()
    page.get_by_role("button", name="Gửi hồ sơ").click()
    page.locator("#checklist").get_by_text("Đủ điều kiện").first.wait_for(timeout=30000)
    screenshot(page, "journey2-resubmitted-1280")
    page.context.clear_cookies()

    browser_login(page, reviewer.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/khen-thuong/ho-so/{nomination.pk}/")
    page.get_by_role("button", name="Duyệt đề nghị").click()
    page.get_by_label("Số quyết định").fill("125/QĐ-UBND")
    page.get_by_label("Ngày quyết định").fill("20/12/2026")
    page.get_by_role("button", name="Ghi quyết định khen thưởng").click()
    page.wait_for_load_state("networkidle")
    stored = Nomination.objects.get(pk=nomination.pk)
    assert (stored.state, stored.decision_number) == ("awarded", "125/QĐ-UBND")
    assert [t.to_state for t in stored.transitions.order_by("at", "pk")] == [
        "submitted",
        "returned",
        "submitted",
        "approved",
        "awarded",
    ]
    screenshot(page, "journey2-awarded-1280")


def test_journey_reviewer_renders_the_report_and_an_official_downloads_it(page, campaign, make_user, tmp_path):
    SummaryReportFactory(campaign=campaign, number_symbol="88/BC-SNV")
    reviewer, official = make_user(Role.REVIEWER), make_user(Role.OFFICIAL)
    lesson = "Bài học: đối thoại với người dân mỗi quý."

    browser_login(page, reviewer.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/bao-cao/{campaign.code}/")
    page.get_by_label("IV. Bài học kinh nghiệm").fill(lesson)
    page.get_by_role("button", name="Lưu nội dung").click()
    page.get_by_role("button", name="Tạo tệp báo cáo").click()
    screenshot(page, "journey3-render-requested-1280")
    page.locator("#renders").get_by_role("link", name="Tải về").nth(1).wait_for(timeout=90000)
    screenshot(page, "journey3-render-done-1280")
    page.context.clear_cookies()

    browser_login(page, official.username, TEST_PASSWORD)
    screenshot(page, "journey3-official-home-1280")
    files = {}
    for link in page.locator("a.btn", has_text="Tải").all():
        with page.expect_download() as download:
            link.click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        files[path.suffix] = path
    assert set(files) == {".pdf", ".docx"}
    text = subprocess.run(["pdftotext", str(files[".pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    assert lesson in " ".join(text.split())
    assert lesson in "\n".join(p.text for p in Document(io.BytesIO(files[".docx"].read_bytes())).paragraphs)
    assert ReportRender.objects.filter(status="done").count() == 2
