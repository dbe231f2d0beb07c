"""What the page shows, measured in the browser: contrast of links and outline buttons, and the
nomination's documents on a 360 px phone."""

import pytest

from awards.models import DossierDocument
from demo.accounts import DEMO_PASSWORD, load_accounts
from demo.campaign import load_campaign
from demo.nominations import load_nominations
from tests.conftest import browser_login, screenshot

pytestmark = pytest.mark.browser

# WCAG 2.1 contrast of an element's text against the first opaque background behind it.
CONTRAST_JS = """
(element) => {
  const rgb = (text) => text.match(/[\\d.]+/g).map(Number);
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  let node = element, background = null;
  while (node && !background) {
    const colour = rgb(getComputedStyle(node).backgroundColor);
    if (colour.length < 4 || colour[3] === 1) background = colour;
    else if (colour[3] === 0) node = node.parentElement;
    else background = colour;
    if (!node) background = [255, 255, 255];
  }
  const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
"""

SAMPLE = """
<!DOCTYPE html><html lang="vi"><head><title>x</title>
<link rel="stylesheet" href="{base}/static/vendor/bootstrap/css/bootstrap.min.css">
<link rel="stylesheet" href="{base}/static/css/portal.css"></head>
<body><main>
  <p><a id="link-page" href="#">liên kết trên nền trang</a></p>
  {buttons_page}
  <div class="card"><div class="card-body"><a id="link-card" href="#">liên kết trong thẻ</a>{buttons_card}</div></div>
</main></body></html>
"""
OUTLINES = ["primary", "secondary", "danger", "success", "dark"]


def test_links_and_outline_buttons_have_contrast_of_at_least_4_5(page):
    def buttons(where):
        return "".join(f'<button id="{where}-{kind}" class="btn btn-outline-{kind}">Nút</button>' for kind in OUTLINES)

    page.goto(f"{page.base_url}/tai-khoan/dang-nhap/")  # same origin: the style sheets load
    page.set_content(
        SAMPLE.format(base=page.base_url, buttons_page=buttons("page"), buttons_card=buttons("card")),
        wait_until="load",
    )
    ids = ["link-page", "link-card", *(f"{where}-{kind}" for where in ("page", "card") for kind in OUTLINES)]
    ratios = {id_: round(page.locator(f"#{id_}").evaluate(CONTRAST_JS), 2) for id_ in ids}
    assert min(ratios.values()) >= 4.5, ratios
    assert page.locator("body").evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(245, 246, 248)", (
        "measured on the page's own grey"
    )


def test_browser_nomination_documents_fit_a_360_px_phone(chromium, live_server, quang_nam):
    load_accounts()
    load_campaign()
    load_nominations()
    nomination = DossierDocument.objects.order_by("pk").first().nomination
    DossierDocument.objects.filter(pk=nomination.documents.first().pk).update(
        original_name="To-trinh-de-nghi-khen-thuong-tap-the-lao-dong-xuat-sac-nam-2024-ban-chinh-thuc-da-ky.pdf"
    )
    context = chromium.new_context(viewport={"width": 360, "height": 780}, locale="vi-VN", is_mobile=True)
    page = context.new_page()
    page.base_url = live_server.url
    try:
        browser_login(page, "chuyenvien.snv", DEMO_PASSWORD)
        page.goto(f"{page.base_url}/khen-thuong/ho-so/{nomination.pk}/")
        assert page.get_by_role("heading", name="Thành phần hồ sơ").is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"the page is {width} px wide on a 360 px phone"
        rows = page.get_by_test_id("components")
        assert rows.evaluate("t => t.getBoundingClientRect().right") <= 360
        long_name = rows.get_by_text("To-trinh-de-nghi-khen-thuong", exact=False).first
        assert long_name.is_visible()
        assert long_name.evaluate("e => e.getBoundingClientRect().right") <= 360, "the long file name wraps"
        screenshot(page, "nomination-documents-360")
    finally:
        context.close()
