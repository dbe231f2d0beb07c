"""Bidirectional controls (a right-to-left override, U+202E, in a title) never reorder what the
portal prints: lost at the door (the form, the Excel import), and left out of the PDF, the DOCX,
the pages, the JSON answers, the spreadsheets and the e-mails for text stored before (a shell):
campaign_portal/text.py (`plain_text`), input_text.py, output_text.py and the renderers."""

import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from accounts.enums import Role
from awards.services.notifications import nomination_notify
from campaign_portal.text import BIDI_CONTROLS, plain_text
from initiatives.enums import InitiativeState
from initiatives.models import Initiative
from reports.composition import section_drafts, summary_report_compose
from reports.docx_render import docx_render
from reports.pdf import pdf_render
from tests.factories import CampaignFactory, CommuneFactory, DistrictFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.reports import SummaryReportFactory
from tests.initiatives.test_excel import _import, _workbook
from tests.reports.helpers import DocxReport, W, normalise, pdf_text

TITLE = "Một cửa điện tử"
HOSTILE_TITLE = "Một cửa \u202eđiện tử"
NEXT_TITLE = "Trợ lý số cho bộ phận một cửa"
ANY_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")


@pytest.fixture
def campaign(db):
    return CampaignFactory()


@pytest.fixture
def district(db):
    return DistrictFactory(name="UBND huyện Thử Nghiệm", short_name="Thử Nghiệm")


@pytest.fixture
def commune(district):
    return CommuneFactory(name="UBND xã Trà Đốc", short_name="Trà Đốc", parent=district)


@pytest.fixture
def district_officer(make_user, district):
    return make_user(Role.AGENCY_OFFICER, agency=district)


def _through_the_form(client, campaign, district, commune, officer):
    client.force_login(officer)
    response = client.post(
        reverse("initiatives:create"),
        {
            "campaign": campaign.pk,
            "kind": "model",
            "reform_area": "procedures",
            "title": HOSTILE_TITLE,
            "description": "Mô tả \u2067có\u2069 cô lập",
            "started_on": "15/03/2024",
            "implementing_units": [commune.pk],
            "figures_text": "",
        },
    )
    assert response.status_code == 302, response.content.decode()


def _through_the_import(client, campaign, district, commune, officer):
    client.force_login(officer)
    row = [district.name, "Mô hình", "", HOSTILE_TITLE, "Mô tả \u202bđầy đủ", "15/03/2024", "Trà Đốc", "", "", ""]
    response = _import(client, campaign, _workbook([row]))
    assert response.status_code == 302, response.content.decode()


def _stored_before(client, campaign, district, commune, officer):
    InitiativeFactory(campaign=campaign, agency=district, title=HOSTILE_TITLE, description="Mô tả \u200fcũ")


WAYS = {"form": _through_the_form, "import": _through_the_import, "stored": _stored_before}


@pytest.fixture(params=list(WAYS))
def hostile(request, client, campaign, district, commune, district_officer):
    """The hostile initiative, registered, then the next one of the same agency."""
    WAYS[request.param](client, campaign, district, commune, district_officer)
    first = Initiative.objects.get(agency=district)
    if request.param == "stored":
        assert first.title == HOSTILE_TITLE
    else:
        assert first.title == TITLE
        assert not ANY_CONTROL.search(first.description)
    Initiative.objects.filter(pk=first.pk).update(state=InitiativeState.REGISTERED)
    InitiativeFactory(campaign=campaign, agency=district, title=NEXT_TITLE, state=InitiativeState.REGISTERED)
    campaign.expected_agencies.set([district])
    client.logout()
    return first


def test_report_pdf_prints_the_next_initiative_unreversed(hostile, campaign):
    report = SummaryReportFactory(campaign=campaign, sections=section_drafts(campaign))
    doc = summary_report_compose(report=report)
    text = normalise(pdf_text(pdf_render(doc)))
    # Before the fix: "(1) Mô hình “Một cửa hnìh ôM (2) .”ửt nệiđ “Trợ lý số…”".
    assert re.search(rf"Thử Nghiệm: \(1\) Mô hình “{TITLE}”[^()]*\. \(2\) Mô hình “{NEXT_TITLE}”", text), text
    assert "hnìh ôM" not in text
    assert not ANY_CONTROL.search(text)


def test_report_docx_holds_no_bidi_control(hostile, campaign):
    report = SummaryReportFactory(campaign=campaign, sections=section_drafts(campaign))
    word = DocxReport(docx_render(summary_report_compose(report=report)))
    texts = [t.text or "" for root in (word.document.element.body, word.footnotes_root) for t in root.iter(f"{W}t")]
    assert not [text for text in texts if ANY_CONTROL.search(text)]
    assert re.search(rf"\(1\) Mô hình “{TITLE}”[^()]*\. \(2\) Mô hình “{NEXT_TITLE}”", word.body_text)
    assert not ANY_CONTROL.search(word.document.core_properties.title)


def test_pages_show_no_bidi_control(hostile, client, reviewer):
    client.force_login(reviewer)
    for url in (reverse("initiatives:list"), reverse("initiatives:detail", args=[hostile.pk])):
        response = client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert TITLE in page
        assert not ANY_CONTROL.search(page), url
        assert int(response["Content-Length"]) == len(response.content)


def test_excel_export_cells_hold_no_bidi_control(hostile, client, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("initiatives:export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert TITLE in values
    assert not [value for value in values if ANY_CONTROL.search(value)]


def test_json_answer_holds_neither_the_control_nor_its_escape(client, reviewer, district, commune):
    commune.name = "UBND xã \u202eTrà Đốc"
    commune.save()
    client.force_login(reviewer)
    response = client.get(reverse("agencies:search"), {"q": "tra doc"})
    assert [row["name"] for row in response.json()["results"]] == ["UBND xã Trà Đốc"]
    assert b"\\u202e" not in response.content.lower()


def test_read_api_answers_the_title_without_the_control(hostile, client, db):
    from api.services import api_client_issue
    from tests.api.conftest import bearer

    token = api_client_issue(name="Nền tảng LGSP tỉnh", actor=None)[1]
    response = client.get(reverse("api:initiative_list"), **bearer(token))
    assert response.status_code == 200
    assert TITLE in {row["title"] for row in response.json()["results"]}
    assert not ANY_CONTROL.search(response.content.decode())


def test_search_box_loses_the_controls(client, reviewer, campaign, district):
    InitiativeFactory(campaign=campaign, agency=district, title=TITLE)
    client.force_login(reviewer)
    page = client.get(reverse("initiatives:list"), {"q": "điện\u202e tử"})
    assert [item["title"] for item in page.context["page_obj"]] == [TITLE]


def test_return_e_mail_holds_no_bidi_control(db, settings, make_user):
    from tests.factories.awards import NominationFactory

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    nomination = NominationFactory(last_reason="Thiếu \u202etờ trình")
    make_user(Role.AGENCY_OFFICER, agency=nomination.agency, email="vanthu@example.vn")
    nomination.agency.name = "UBND \u202ehuyện"
    nomination.agency.save()
    assert nomination_notify(nomination_id=nomination.pk, event="return") == 1
    message = mail.outbox[0]
    assert "Lý do: Thiếu tờ trình" in message.body
    assert not ANY_CONTROL.search(message.body + message.subject)


@pytest.mark.parametrize("control", list(BIDI_CONTROLS))
def test_plain_text_drops_every_control_and_composes(control):
    assert plain_text(f"Tra\u0300 {control}Đốc") == "Trà Đốc"


def test_plain_text_keeps_clean_text_as_it_is():
    clean = "Mô hình “Một cửa”"
    assert plain_text(clean) is clean


def test_json_keeps_an_escaped_backslash_followed_by_the_same_letters(rf):
    from django.http import HttpResponse

    from campaign_portal.output_text import BidiFreeOutputMiddleware

    body = rb'{"a": "x\u202Ey \\u202e z \\\u202e w"}'
    middleware = BidiFreeOutputMiddleware(lambda request: HttpResponse(body, content_type="application/json"))
    assert middleware(rf.get("/")).content == rb'{"a": "xy \\u202e z \\ w"}'
