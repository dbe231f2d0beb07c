"""The README's screenshots of an error page, a dossier's upload rows and a confirmation, at 1280 and
360 px, on a campaign made in the test. Each run saves them under test-artifacts/screenshots/;
`DOCS_SCREENSHOTS=1` also writes them into docs/screenshots/, where the README links them."""

import os

import pytest
from django.utils import timezone

from accounts.enums import Role
from awards.enums import NominationState, NomineeType, Verdict
from awards.models import Nomination
from awards.services import dossier_document_upload
from tests.conftest import ROOT, browser_login, screenshot
from tests.factories import TEST_PASSWORD
from tests.factories.awards import AwardFormFactory, NominationFactory, pdf_upload

pytestmark = pytest.mark.browser
WIDTHS = [1280, 360]


def _keep(page, name: str, element=None) -> None:
    """Save the page (or one element of it) for the test's artefacts, and for the README on demand."""
    path = screenshot(page, name)
    if element is not None:
        element.screenshot(path=str(path))
    if os.environ.get("DOCS_SCREENSHOTS") == "1":
        (ROOT / "docs" / "screenshots" / path.name).write_bytes(path.read_bytes())


@pytest.fixture
def phone_or_desktop(chromium, live_server, request):
    width = request.param
    context = chromium.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    page.width = width
    yield page
    context.close()


@pytest.fixture
def district(quang_nam):
    return quang_nam.get(name="UBND huyện Bắc Trà My")


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.width, "no sideways scrolling"


@pytest.mark.parametrize("phone_or_desktop", WIDTHS, indirect=True)
def test_screenshot_error_page(phone_or_desktop, make_user, district):
    page = phone_or_desktop
    browser_login(page, make_user(Role.AGENCY_OFFICER, agency=district).username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/sang-kien/")
    page.goto(f"{page.base_url}/bao-cao/", referer=f"{page.base_url}/sang-kien/")
    assert page.get_by_role("heading", name="Không có quyền truy cập").is_visible()
    assert page.get_by_role("link", name="Quay lại trang trước").is_visible()
    assert page.get_by_role("link", name="Về trang chủ").is_visible()
    _fits(page)
    _keep(page, f"error-403-{page.width}")


@pytest.mark.parametrize("phone_or_desktop", WIDTHS, indirect=True)
def test_screenshot_upload_rows(phone_or_desktop, make_user, district, tmp_path):
    """A draft with the Tờ trình attached, and a text file named .pdf refused in its own row."""
    page = phone_or_desktop
    officer = make_user(Role.AGENCY_OFFICER, agency=district)
    form = AwardFormFactory()
    nomination = NominationFactory(award_form=form, agency=district)
    first, second = form.requirements.order_by("position")[:2]
    dossier_document_upload(user=officer, nomination=nomination, requirement=first, upload=pdf_upload())
    fake = tmp_path / "danh-sach.pdf"
    fake.write_text("Danh sách đề nghị khen thưởng, không phải tệp PDF")

    browser_login(page, officer.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/khen-thuong/ho-so/{nomination.pk}/")
    row = page.locator(f"#thanh-phan-{second.pk}")
    row.locator("input[type=file]").set_input_files(str(fake))
    row.get_by_role("button", name="Tải lên").click()
    page.wait_for_load_state("networkidle")
    row = page.locator(f"#thanh-phan-{second.pk}")
    assert row.locator(".invalid-feedback, .text-danger").first.is_visible(), "the refusal is in its own row"
    assert page.locator(f"#thanh-phan-{first.pk} [data-state=attached]").is_visible()
    _fits(page)
    rows = page.locator("section", has=page.locator("[data-testid=components]")).first
    _keep(page, f"upload-rows-{page.width}", element=rows)


@pytest.mark.parametrize("phone_or_desktop", WIDTHS, indirect=True)
def test_screenshot_bulk_approval_confirmation(phone_or_desktop, make_user, district, quang_nam):
    """The reviewer ticks the three eligible dossiers among four: the confirmation lists what it will
    approve; nothing is approved yet."""
    page = phone_or_desktop
    collective = AwardFormFactory()
    individual = AwardFormFactory(campaign=collective.campaign, nominee_type=NomineeType.INDIVIDUAL)
    chosen = []
    for form, agency_name, verdict in [
        (collective, "UBND huyện Bắc Trà My", Verdict.ELIGIBLE),
        (individual, "UBND thành phố Tam Kỳ", Verdict.ELIGIBLE),
        (collective, "UBND thành phố Hội An", Verdict.ELIGIBLE),
        (collective, "UBND huyện Núi Thành", Verdict.INCOMPLETE),
    ]:
        nomination = NominationFactory(
            award_form=form,
            agency=quang_nam.get(name=agency_name),
            state=NominationState.UNDER_REVIEW,
            submitted_at=timezone.now(),
        )
        nomination.verdict = verdict
        nomination.save(update_fields=["verdict"])
        chosen.append(nomination)

    browser_login(page, make_user(Role.REVIEWER).username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/khen-thuong/?phong-trao={collective.campaign.code}")
    boxes = page.locator("input[name=nomination]")
    assert boxes.count() == 3, "only the eligible dossiers can be ticked"
    for index in range(boxes.count()):
        boxes.nth(index).check()
    page.get_by_role("button", name="Duyệt các hồ sơ đủ điều kiện đã chọn").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Xác nhận duyệt hàng loạt").is_visible()
    assert page.locator("[data-testid=to-approve] li").count() == 3
    assert page.get_by_text("Trần Văn Bình").is_visible(), "an individual is named, not only the agency"
    assert page.get_by_role("button", name="Xác nhận duyệt 3 hồ sơ").is_visible()
    assert not Nomination.objects.filter(pk__in=[n.pk for n in chosen]).exclude(state=NominationState.UNDER_REVIEW)
    _fits(page)
    _keep(page, f"confirm-bulk-approve-{page.width}")
