"""axe-core (installed from the npm registry, injected from node_modules) on the main pages of
each role: no serious or critical violation."""

import json

import pytest

from accounts.enums import Role
from tests.conftest import ROOT, browser_login
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.fixture
def axe_page(chromium, live_server):
    # axe is injected as a script: the page's CSP (no inline scripts) is bypassed for the check only.
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", bypass_csp=True)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


PAGES_BY_ROLE = {
    Role.REVIEWER: ["/", "/co-quan/", "/co-quan/?q=tra+doc"],
    Role.OFFICIAL: ["/"],
    Role.AGENCY_OFFICER: ["/", "/tai-khoan/doi-mat-khau/"],
}


def test_login_page_has_no_serious_violations(axe_page):
    axe_page.goto(f"{axe_page.base_url}/tai-khoan/dang-nhap/")
    assert axe_violations(axe_page) == []


@pytest.mark.parametrize("role", list(PAGES_BY_ROLE))
def test_main_pages_have_no_serious_violations(axe_page, make_user, quang_nam, role):
    agency = quang_nam.get(name="UBND huyện Bắc Trà My") if role == Role.AGENCY_OFFICER else None
    user = make_user(role, agency=agency)
    browser_login(axe_page, user.username, TEST_PASSWORD)
    found = {}
    for path in PAGES_BY_ROLE[role]:
        axe_page.goto(f"{axe_page.base_url}{path}")
        violations = axe_violations(axe_page)
        if violations:
            found[path] = violations
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_axe_check_finds_a_known_violation(axe_page):
    axe_page.set_content(
        '<html lang="vi"><head><title>x</title></head><body><main><img src="a.png"><input></main></body></html>'
    )
    assert {v["id"] for v in axe_violations(axe_page)} >= {"image-alt", "label"}
