"""axe-core (installed from the npm registry, injected from node_modules) on the main pages of
each role, and on the review pages (queue, a dossier a reviewer can act on, the report page) at
1280 and 360 px: no serious or critical violation."""

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


@pytest.fixture
def reviewed_campaign(make_user, quang_nam):
    """A campaign made in the test: its report, an award form with the plan's criteria, a dossier
    sent by a district and checked, another under review; and an officer of that district."""
    from django.utils import timezone

    from awards.services import criteria_check_nomination, dossier_document_upload
    from tests.factories import InitiativeCategoryFactory
    from tests.factories.awards import AwardFormFactory, NominationFactory, load_plan_criteria, pdf_upload
    from tests.factories.reports import SummaryReportFactory

    campaign = SummaryReportFactory().campaign
    InitiativeCategoryFactory(campaign=campaign)
    load_plan_criteria(campaign)
    district = quang_nam.get(name="UBND huyện Bắc Trà My")
    officer = make_user(Role.AGENCY_OFFICER, agency=district)
    form = AwardFormFactory(campaign=campaign)
    sent = []
    for state in ("submitted", "under_review"):
        nomination = NominationFactory(award_form=form, agency=district)
        dossier_document_upload(
            user=officer, nomination=nomination, requirement=form.requirements.first(), upload=pdf_upload()
        )
        nomination.state, nomination.submitted_at = state, timezone.now()
        nomination.save(update_fields=["state", "submitted_at"])
        criteria_check_nomination(nomination.pk)
        sent.append(nomination)
    return {"campaign": campaign, "submitted": sent[0], "under_review": sent[1], "officer": officer}


@pytest.mark.parametrize("width", [1280, 360])
def test_review_pages_have_no_serious_violations(axe_page, make_user, reviewed_campaign, width):
    """The review queue, a dossier a reviewer can act on (start the review; then approve, return,
    reject, each with its own reason box), and the report page a reviewer edits."""
    axe_page.set_viewport_size({"width": width, "height": 900})
    browser_login(axe_page, make_user(Role.REVIEWER).username, TEST_PASSWORD)
    code = reviewed_campaign["campaign"].code
    paths = [
        f"/khen-thuong/?phong-trao={code}",
        f"/khen-thuong/ho-so/{reviewed_campaign['submitted'].pk}/",
        f"/khen-thuong/ho-so/{reviewed_campaign['under_review'].pk}/",
        f"/bao-cao/{code}/",
    ]
    found = {}
    for path in paths:
        axe_page.goto(f"{axe_page.base_url}{path}")
        assert axe_page.locator("main").is_visible(), path
        violations = axe_violations(axe_page)
        if violations:
            found[path] = violations
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_officer_forms_have_no_serious_violations(axe_page, make_user, reviewed_campaign):
    """The initiative form and the nomination form of an officer, on a campaign made in the test."""
    browser_login(axe_page, reviewed_campaign["officer"].username, TEST_PASSWORD)
    found = {}
    for path in ["/sang-kien/them/", "/khen-thuong/ho-so/moi/"]:
        axe_page.goto(f"{axe_page.base_url}{path}")
        assert axe_page.locator("form").count(), path
        violations = axe_violations(axe_page)
        if violations:
            found[path] = violations
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
