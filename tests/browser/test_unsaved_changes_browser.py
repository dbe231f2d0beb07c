"""Unsaved-changes protection on the long forms (issue 17): leaving the initiative form or the
nomination form after typing asks first; leaving an untouched form does not ask."""

import pytest

from accounts.enums import Role
from tests.conftest import browser_login
from tests.factories import TEST_PASSWORD, InitiativeCategoryFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria

pytestmark = pytest.mark.browser


@pytest.fixture
def officer(make_user, quang_nam):
    form = AwardFormFactory()
    InitiativeCategoryFactory(campaign=form.campaign)
    load_plan_criteria(form.campaign)
    user = make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="UBND huyện Bắc Trà My"))
    user.award_form = form
    return user


def _asks_before_leaving(page) -> bool:
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Trang chủ").first.click()
    page.wait_for_timeout(300)
    return asked == ["beforeunload"]


@pytest.mark.parametrize("path", ["/sang-kien/them/", "/khen-thuong/ho-so/moi/?hinh-thuc={award_form}"])
def test_browser_long_form_asks_before_losing_typed_text(page, officer, path):
    url = f"{page.base_url}{path.format(award_form=officer.award_form.pk)}"
    browser_login(page, officer.username, TEST_PASSWORD)
    page.goto(url)
    page.locator("form[data-protect] textarea").first.fill("Nội dung đang soạn dở")
    assert _asks_before_leaving(page), "typed text is not lost without a word"
    assert page.url == url

    page.goto(url)
    page.locator("form[data-protect] textarea").first.click()
    page.get_by_role("link", name="Trang chủ").first.click()
    page.wait_for_url(f"{page.base_url}/")
