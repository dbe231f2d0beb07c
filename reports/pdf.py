"""The PDF renderer: the composed document as HTML + CSS, laid out by WeasyPrint with the font
shipped in reports/fonts. The URL fetcher serves those four files (and the footnote rule of
reports/assets) and refuses everything else,
so nothing in the document (staff text included) can make the renderer read a local file or
open a network connection."""

from pathlib import Path

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from campaign_portal.text import plain_text

from .composition import ReportDocument

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_SCHEME = "report-font:"
FONT_FACES = [
    {"file": "LiberationSerif-Regular.ttf", "weight": "normal", "style": "normal"},
    {"file": "LiberationSerif-Bold.ttf", "weight": "bold", "style": "normal"},
    {"file": "LiberationSerif-Italic.ttf", "weight": "normal", "style": "italic"},
    {"file": "LiberationSerif-BoldItalic.ttf", "weight": "bold", "style": "italic"},
]
FONT_URLS = {f"{FONT_SCHEME}{face['file']}": FONT_DIR / face["file"] for face in FONT_FACES}
# The rule above the footnotes, as an image: WeasyPrint 70 misplaces footnotes when their area has a
# border or padding, and it paints a gradient background over the whole area whatever its size.
FOOTNOTE_RULE_URL = f"{FONT_SCHEME}footnote-rule.svg"
SHIPPED = {
    **{url: (path, "font/ttf") for url, path in FONT_URLS.items()},
    FOOTNOTE_RULE_URL: (Path(__file__).resolve().parent / "assets" / "footnote-rule.svg", "image/svg+xml"),
}


class RefusedURL(ValueError):
    """A URL the report renderer will not fetch."""


class FontOnlyFetcher(URLFetcher):
    """WeasyPrint's url_fetcher: the shipped fonts (and the footnote rule), nothing else (no protocol
    is allowed to reach urllib). Keeps every URL it was asked for, so tests can prove what the
    renderer tried to reach."""

    def __init__(self):
        super().__init__(allowed_protocols=(), allow_redirects=False)
        self.requested: list[str] = []

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        self.requested.append(url)
        if url not in SHIPPED:
            raise RefusedURL(f"Refused URL in report: {url[:200]}")
        path, content_type = SHIPPED[url]
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})


def font_faces() -> list[dict]:
    """The shipped faces with the URLs the fetcher serves, for a template's @font-face rules."""
    return [{**face, "url": f"{FONT_SCHEME}{face['file']}"} for face in FONT_FACES]


def html_pdf(html: str, *, fetcher: FontOnlyFetcher | None = None) -> bytes:
    """Any page drawn by this renderer: WeasyPrint with the shipped fonts and nothing else fetched."""
    fetcher = fetcher or FontOnlyFetcher()
    return HTML(string=html, url_fetcher=fetcher, base_url=FONT_SCHEME).write_pdf(font_config=FontConfiguration())


def report_html(doc: ReportDocument, template: str = "reports/pdf/report.html") -> str:
    faces = font_faces()
    # Composed text (NFC) without bidirectional controls in the PDF, whatever was stored before input was
    # cleaned: a right-to-left override in one title would print the next initiative's name backwards.
    return plain_text(render_to_string(template, {"doc": doc, "font_faces": faces, "footnote_rule": FOOTNOTE_RULE_URL}))


def pdf_render(
    doc: ReportDocument, *, fetcher: FontOnlyFetcher | None = None, template: str = "reports/pdf/report.html"
) -> bytes:
    """The report, or with `template` another drawing of the same tree (the annexes apart)."""
    return html_pdf(report_html(doc, template), fetcher=fetcher)
