"""The API's documentation page in Chromium: Swagger UI, served from the portal's static files,
renders every endpoint from the schema under the portal's CSP, with no request leaving the portal
and no script refused; with a token pasted into “Authorize”, “Try it out” reads real data."""

from urllib.parse import urlparse

import pytest

from api.services import api_client_issue
from tests.conftest import screenshot
from tests.factories import CampaignFactory

pytestmark = pytest.mark.browser


def test_browser_api_docs_render_locally_and_try_a_call(page, db):
    CampaignFactory(code="4064", name="Phong trào thi đua CCHC 2023–2024")
    token = api_client_issue(name="Nền tảng LGSP tỉnh", actor=None)[1]
    errors, hosts = [], set()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto(f"{page.base_url}/api/docs/")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() == 5
    assert page.get_by_text("API đọc của Cổng thi đua – khen thưởng").first.is_visible()
    screenshot(page, "api-docs-1280")

    page.get_by_role("button", name="Authorize").first.click()
    page.locator(".modal-ux input").fill(token)
    page.locator(".modal-ux button.authorize").click()
    page.locator(".modal-ux button.btn-done").click()
    campaigns = page.locator(".opblock", has_text="/api/v1/campaigns/").first
    campaigns.locator(".opblock-summary").click()
    campaigns.get_by_role("button", name="Try it out").click()
    campaigns.get_by_role("button", name="Execute").click()
    campaigns.locator(".live-responses-table tbody .response-col_status").first.wait_for()
    assert "200" in campaigns.locator(".live-responses-table tbody .response-col_status").first.inner_text()
    assert "Phong trào thi đua CCHC 2023–2024" in campaigns.locator(".live-responses-table").inner_text()
    screenshot(page, "api-docs-try-it-1280")
    assert hosts == {urlparse(page.base_url).netloc}
    assert not errors, errors
