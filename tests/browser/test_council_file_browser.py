"""The council's file in Chromium at 1280 px: an official opens a meeting whose campaign published its
list, reads the public's comments (shown as text) and downloads the certificates of the signed decision."""

import datetime

import pytest

from council.services import council_decision_record
from tests.browser.test_accessibility import axe_violations
from tests.conftest import ARTIFACTS, browser_login, screenshot
from tests.council.conftest import concluded, council_setup  # noqa: F401 (fixtures used by name)
from tests.council.test_public_comments import SCRIPT, published  # noqa: F401 (a fixture used by name)
from tests.factories import TEST_PASSWORD
from tests.factories.awards import pdf_upload
from tests.reports.helpers import normalise, pdf_text

pytestmark = pytest.mark.browser


def test_browser_official_reads_the_comments_and_prints_the_certificates(
    page, chromium, live_server, request, reviewer, official
):
    meeting, _put, _others = request.getfixturevalue("published")
    council_decision_record(
        meeting=meeting, user=reviewer, number="91/QĐ-UBND", day=datetime.date(2025, 2, 3), upload=pdf_upload()
    )
    browser_login(page, official.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/hoi-dong/cuoc-hop/{meeting.pk}/")
    comments = page.locator("#comments")
    assert page.locator("#comments-count").inner_text().startswith("Đến hết ngày họp đã nhận 2 ý kiến góp ý")
    assert comments.get_by_text(f"{SCRIPT} Đề nghị xem lại thành tích").is_visible()
    assert comments.get_by_text("Nguyễn Văn Góp").is_visible()
    page.locator("#gop-y").scroll_into_view_if_needed()
    screenshot(page, "council-meeting-comments-1280")
    with page.expect_download() as download:
        page.get_by_role("link", name="Bằng khen để in (PDF)").click()
    path = ARTIFACTS / "council-certificates-browser.pdf"
    download.value.save_as(path)
    text = normalise(pdf_text(path.read_bytes()))
    assert "Võ Thị Hạnh" in text and "Quyết định số 91/QĐ-UBND" in text

    # No serious accessibility violation on the page with its comments (CSP bypassed for the check only).
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", bypass_csp=True)
    checker = context.new_page()
    checker.base_url = live_server.url
    browser_login(checker, official.username, TEST_PASSWORD)
    checker.goto(f"{live_server.url}/hoi-dong/cuoc-hop/{meeting.pk}/")
    violations = axe_violations(checker)
    context.close()
    assert not violations, violations
