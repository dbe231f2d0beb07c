"""The council journey in Chromium at 1280 px on the demo campaign: a reviewer sets up a meeting,
records the votes (a count beyond the members present is refused first), renders the minutes,
the proposal and the draft decision; an official downloads them; the reviewer records the signed
decision (a number already used is refused first) and every award of the list carries it."""

import datetime
import io

import pytest
from django.core.management import call_command

from accounts.enums import Role
from awards.enums import NominationState
from awards.models import Nomination
from council.models import CouncilDocumentRender, CouncilMeeting
from demo.pdf import minimal_pdf
from tests.browser.test_accessibility import axe_violations
from tests.conftest import ARTIFACTS, browser_login, screenshot
from tests.factories import TEST_PASSWORD
from tests.reports.helpers import normalise, pdf_text, pdf_to_pngs

pytestmark = pytest.mark.browser

CAMPAIGN = "Xây dựng môi trường hành chính trong sạch, lành mạnh, công khai, minh bạch"
MEMBERS = "\n".join(
    [
        "Lê Văn Dũng – Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng",
        "Nguyễn Thị Hoa – Giám đốc Sở Nội vụ, Phó Chủ tịch Hội đồng",
        "Trần Văn Minh – Chánh Văn phòng UBND tỉnh, Ủy viên",
        "Phạm Thị Lan – Giám đốc Sở Tài chính, Ủy viên",
        "Hồ Văn Nam – Trưởng ban Thi đua – Khen thưởng, Ủy viên",
        "Võ Thị Thu – Chủ tịch Liên đoàn Lao động tỉnh, Ủy viên",
        "Đặng Văn Hải – Giám đốc Sở Thông tin và Truyền thông, Ủy viên",
    ]
)


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", stdout=io.StringIO())


def test_browser_council_meeting_documents_and_signed_decision(page, chromium, live_server, make_user, demo):
    reviewer = make_user(Role.REVIEWER, first_name="Hoa", last_name="Nguyễn Thị")
    browser_login(page, reviewer.username, TEST_PASSWORD)
    page.get_by_role("link", name="Hội đồng TĐKT").first.click()
    page.get_by_role("link", name=CAMPAIGN).click()
    page.get_by_role("link", name="Tạo cuộc họp").click()
    page.locator("#id_held_on").fill("10/01/2025")
    page.locator("#id_place").fill("Phòng họp số 1, trụ sở UBND tỉnh")
    page.locator("#id_chair_name").fill("Lê Văn Dũng")
    page.locator("#id_chair_position").fill("Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng")
    page.locator("#id_secretary_name").fill("Ngô Thị Mai")
    page.locator("#id_members_total").fill("9")
    page.locator("#id_members_text").fill(MEMBERS)
    screenshot(page, "council-meeting-form-1280")
    page.get_by_role("button", name="Tạo cuộc họp").click()
    assert page.get_by_text("Đã tạo cuộc họp Hội đồng").is_visible()
    meeting = CouncilMeeting.objects.get()
    items = list(meeting.items.select_related("nomination").order_by("order", "pk"))
    considered = {item.nomination_id for item in items}
    assert considered == set(
        Nomination.objects.filter(
            campaign__code="4064",
            state__in=[NominationState.SUBMITTED, NominationState.UNDER_REVIEW, NominationState.APPROVED],
        ).values_list("pk", flat=True)
    )
    assert len(items) >= 2

    # 8 votes from 7 members present: refused, nothing saved.
    for item in items:
        page.locator(f"input[name=for_{item.pk}]").fill("5")
        page.locator(f"input[name=against_{item.pk}]").fill("2")
        page.locator(f"input[name=abstain_{item.pk}]").fill("0")
    page.locator(f"input[name=abstain_{items[0].pk}]").fill("1")
    page.get_by_role("button", name="Ghi kết quả và kết luận").click()
    assert page.get_by_text("nhiều hơn 7 thành viên có mặt").is_visible()
    screenshot(page, "council-votes-refused-1280")
    assert not meeting.items.filter(votes_for__isnull=False).exists()

    # The last nomination gets 3 of 7: not more than half, not passed.
    page.locator(f"input[name=abstain_{items[0].pk}]").fill("0")
    page.locator(f"input[name=for_{items[-1].pk}]").fill("3")
    page.locator(f"input[name=against_{items[-1].pk}]").fill("4")
    page.get_by_role("button", name="Ghi kết quả và kết luận").click()
    assert page.get_by_text("Đã ghi kết quả biểu quyết").is_visible()
    assert page.locator("#conclusion").inner_text() == f"Hội đồng thông qua {len(items) - 1}/{len(items)} hồ sơ."
    failing = Nomination.objects.get(pk=items[-1].nomination_id)
    assert failing.state == NominationState.REJECTED
    passed = [Nomination.objects.get(pk=item.nomination_id) for item in items[:-1]]
    assert all(nomination.state == NominationState.APPROVED for nomination in passed)

    page.get_by_role("button", name="Tạo văn bản").click()
    assert page.get_by_text("Đã gửi yêu cầu tạo văn bản").is_visible()
    page.wait_for_function("document.querySelectorAll('#renders a').length === 6", timeout=60000)
    assert CouncilDocumentRender.objects.filter(status="done").count() == 6
    screenshot(page, "council-meeting-1280")

    # An official downloads the three documents.
    official = make_user(Role.OFFICIAL)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True)
    reader = context.new_page()
    reader.set_default_timeout(15000)
    reader.base_url = live_server.url
    browser_login(reader, official.username, TEST_PASSWORD)
    reader.goto(f"{live_server.url}/hoi-dong/cuoc-hop/{meeting.pk}/")
    assert reader.get_by_role("button", name="Tạo văn bản").count() == 0
    downloads = {}
    for link in reader.locator("#renders").get_by_role("link", name="Tải về").all():
        with reader.expect_download() as download:
            link.click()
        downloads[download.value.suggested_filename] = download.value.path().read_bytes()
    context.close()
    stems = {"bien-ban-hop-hoi-dong", "to-trinh-de-nghi-khen-thuong", "du-thao-quyet-dinh-khen-thuong"}
    assert {name.rsplit("-4064-", 1)[0] for name in downloads} == stems
    assert {name.rsplit(".", 1)[1] for name in downloads} == {"pdf", "docx"}
    for name, content in downloads.items():
        if not name.endswith(".pdf"):
            continue
        text = normalise(pdf_text(content))
        assert failing.nominee_label.split(",")[0] in text if name.startswith("bien-ban") else True
        for nomination in passed:
            assert nomination.nominee_label.split(",")[0] in text, (name, nomination.nominee_label)
        stem = name.split("-4064-")[0]
        pdf_to_pngs(content, ARTIFACTS / "council-pages", f"demo-{stem}")

    # The signed decision: a number already used in 2025 is refused, then the right one awards the list.
    page.reload()
    signed = ARTIFACTS / "quyet-dinh-da-ky.pdf"
    signed.write_bytes(minimal_pdf(["Quyet dinh 230/QD-UBND da ky"]))
    page.locator("#id_number").fill("215/QĐ-UBND")
    page.locator("#id_day").fill("24/01/2025")
    page.locator("#id_signed_file").set_input_files(str(signed))
    page.get_by_role("button", name="Ghi quyết định").click()
    assert page.get_by_text("Số quyết định 215/QĐ-UBND đã được dùng trong năm 2025").is_visible()
    assert not Nomination.objects.filter(pk__in=[n.pk for n in passed], decision_number="215/QĐ-UBND").exists()
    page.locator("#id_number").fill("230/QĐ-UBND")
    page.locator("#id_day").fill("24/01/2025")
    page.locator("#id_signed_file").set_input_files(str(signed))
    page.get_by_role("button", name="Ghi quyết định").click()
    assert page.get_by_text("Đã ghi quyết định số 230/QĐ-UBND").is_visible()
    for nomination in passed:
        nomination.refresh_from_db()
        assert nomination.state == NominationState.AWARDED
        assert (nomination.decision_number, nomination.decision_date) == ("230/QĐ-UBND", datetime.date(2025, 1, 24))
    failing.refresh_from_db()
    assert failing.state == NominationState.REJECTED and not failing.decision_number
    assert page.locator("#items").get_by_text("QĐ 230/QĐ-UBND").count() == len(passed)
    screenshot(page, "council-decision-recorded-1280")

    # No serious accessibility violation on the council's pages (axe-core; CSP bypassed for the check only).
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", bypass_csp=True)
    checker = context.new_page()
    checker.base_url = live_server.url
    browser_login(checker, reviewer.username, TEST_PASSWORD)
    found = {}
    for path in (
        "/hoi-dong/",
        "/hoi-dong/4064/",
        "/hoi-dong/4064/hop-moi/",
        "/hoi-dong/4064/van-ban/decision/",
        f"/hoi-dong/cuoc-hop/{meeting.pk}/bieu-quyet/",
        f"/hoi-dong/cuoc-hop/{meeting.pk}/",
    ):
        checker.goto(f"{live_server.url}{path}")
        violations = axe_violations(checker)
        if violations:
            found[path] = violations
    context.close()
    assert not found, found
