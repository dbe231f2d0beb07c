"""The agency and district pickers in a browser: typing lists what the endpoint finds, choosing one
filters the list by it."""

import pytest
from django.urls import reverse

from awards.enums import NominationState
from awards.models import Nomination
from demo.accounts import DEMO_PASSWORD, load_accounts
from demo.campaign import load_campaign
from demo.nominations import load_nominations
from tests.conftest import browser_login, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(quang_nam):
    load_accounts()
    load_campaign()
    load_nominations()


def test_browser_agency_picker_searches_as_one_types_and_filters_the_queue(page, demo):
    browser_login(page, "chuyenvien.snv", DEMO_PASSWORD)
    page.get_by_role("link", name="Hồ sơ khen thưởng").click()
    box = page.get_by_role("combobox", name="Cơ quan đề nghị")
    box.press_sequentially("tra my", delay=30)
    listbox = page.get_by_role("listbox")
    option = listbox.locator("[role=option][data-name='UBND huyện Bắc Trà My']")
    option.wait_for()
    # "tra my" also finds the district's communes (their parent's name), each shown with it.
    communes = listbox.get_by_role("option").filter(has_text="UBND xã")
    assert communes.count() >= 1 and "UBND huyện Bắc Trà My" in communes.first.inner_text()
    screenshot(page, "agency-picker-1280")
    option.click()
    assert box.input_value() == "UBND huyện Bắc Trà My"
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state("networkidle")
    expected = (
        Nomination.objects.filter(agency__name="UBND huyện Bắc Trà My").exclude(state=NominationState.DRAFT).count()
    )
    assert expected > 0
    assert page.locator("table.nomination-table tbody tr").count() == expected
    assert page.get_by_role("combobox", name="Cơ quan đề nghị").input_value() == "UBND huyện Bắc Trà My"


def test_browser_district_picker_lists_districts_and_filters_the_initiatives(page, demo):
    browser_login(page, "chuyenvien.snv", DEMO_PASSWORD)
    page.goto(f"{page.base_url}{reverse('initiatives:list')}")
    box = page.get_by_role("combobox", name="Huyện, thị xã, thành phố")
    box.press_sequentially("tra my", delay=30)
    listbox = page.get_by_role("listbox")
    option = listbox.locator("[role=option][data-name='UBND huyện Bắc Trà My']")
    option.wait_for()
    # Districts only: not the communes whose parent's name matches too.
    assert listbox.get_by_role("option").filter(has_text="UBND xã").count() == 0
    option.click()
    assert box.input_value() == "UBND huyện Bắc Trà My"
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state("networkidle")
    assert "district=" in page.url
    assert page.get_by_role("combobox", name="Huyện, thị xã, thành phố").input_value() == "UBND huyện Bắc Trà My"
