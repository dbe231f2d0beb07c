"""Garbage posted to every form of the portal, as a user allowed to post there: text with control
characters and huge lengths, wrong types, missing fields, multiple values, random bytes and an
HTML file named .pdf in file fields. The answer is never a 500, and a form page that answers
200 or 400 says what is wrong.

The field names are read from the form page itself (GET), so a new field is posted garbage too."""

import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.enums import Role
from tests.factories import CommuneFactory, UserFactory
from tests.test_permission_matrix import (
    _award_form,
    _campaign,
    _council_campaign,
    _council_concluded_pk,
    _council_meeting_pk,
    _council_outline,
    _criterion,
    _indicator,
    _initiative,
    _nomination,
    _outline_section,
    _publication,
    _publishing_campaign,
    _registered_initiative,
    _report,
    _sent_nomination,
    _similar_match,
    _with_campaign,
)

# SECURITY_EXAMPLES=200 for a longer hunt.
SETTINGS = settings(
    max_examples=int(os.environ.get("SECURITY_EXAMPLES", 12)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
ERROR_MARKERS = ("alert-danger", "is-invalid", "invalid-feedback", "errorlist", "text-danger")
FIELD_NAME = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"[^>]*>', re.IGNORECASE)
FILE_FIELD = re.compile(
    r'<input\b[^>]*\btype="file"[^>]*\bname="([^"]+)"|<input\b[^>]*\bname="([^"]+)"[^>]*\btype="file"'
)

HUGE = ["Ư" * 20_000, "A" * 100_000, "=1+1" * 5_000, "1" * 5_000]
TRICKY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m\x7f",
    "\r\n\r\n",
    "\u202e\u200b\ufeff",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e999",
    "NaN",
    "inf",
    "3,5",
    "12.345,6",
    "31/02/2024",
    "0000-00-00",
    "9999-12-31",
    "2024-13-45",
    "true",
    "None",
    "null",
    "[]",
    "{",
    '{"op": []}',
    '{"metric": "m", "label": "x", "op": ">=", "threshold": 1e999}',
    '<script>alert(1)</script><img src="file:///etc/passwd">',
    "../../etc/passwd",
    "'; DROP TABLE initiatives_initiative; --",
    "Trà Đốc; UBND xã Trà Đốc; ;;",
    "%s%n%(x)s{0}",
]
VALUE = st.one_of(
    st.text(max_size=50),
    st.sampled_from(TRICKY),
    st.sampled_from(HUGE),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
HTML_AS_PDF = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
FILE = st.one_of(
    st.tuples(
        st.sampled_from(["a.pdf", "a.xlsx", "../../x.pdf", "a\x00.pdf", "a.png", " .pdf"]), st.binary(max_size=3000)
    ),
    st.just(("bao-cao.pdf", HTML_AS_PDF)),
    st.just(("bao-cao.xlsx", HTML_AS_PDF)),
    st.just(("anh.png", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>")),
    st.just(("rong.pdf", b"")),
    st.just(("a.pdf", b"%PDF-1.4\n<html><script>alert(1)</script>")),
)


@dataclass(frozen=True)
class Case:
    role: str
    fixture: object = None
    form_page: str | None = None  # URL name whose GET shows the form (default: the URL itself)
    known_fields: tuple[str, ...] = ()


def _last(value):
    return value[-1] if isinstance(value, list) else value


def _report_with_indicator(owner):
    from tests.factories.reports import IndicatorFactory, SummaryReportFactory

    report = SummaryReportFactory()
    IndicatorFactory(campaign=report.campaign)
    return {"code": report.campaign.code}


CASES = {
    "accounts:login": Case("anonymous", known_fields=("username", "password")),
    "accounts:password_change": Case("officer_own"),
    "initiatives:create": Case("officer_own"),
    "initiatives:update": Case("officer_own", _initiative),
    "initiatives:delete": Case("officer_own", _initiative),
    "initiatives:import": Case("officer_own"),
    "initiatives:transition": Case("officer_own", _initiative, "initiatives:detail", ("transition", "expected_state")),
    "initiatives:replication_update": Case("officer_own", _initiative, "initiatives:detail"),
    "initiatives:evidence_upload": Case("officer_own", _initiative, "initiatives:detail", ("file", "description")),
    # The decision buttons are on the detail page, whose URL has no match id: the field is named here.
    "initiatives:similar_decide": Case("reviewer", _similar_match, known_fields=("decision",)),
    "initiatives:standout": Case("reviewer", _registered_initiative, "initiatives:detail", ("standout",)),
    "campaigns:create": Case("reviewer"),
    "campaigns:update": Case("reviewer", _campaign),
    "campaigns:expected_agencies": Case("reviewer", _campaign, known_fields=("agency", "add_group", "remove_group")),
    "reports:detail": Case("reviewer", _report),
    "reports:indicator_create": Case("reviewer", _report),
    "reports:indicator_edit": Case("reviewer", _indicator),
    "reports:render_request": Case("reviewer", _report, "reports:detail", ("formats",)),
    "reports:indicators": Case("reviewer", _report_with_indicator, known_fields=("import", "file")),
    "reports:outline": Case("reviewer", _report),
    "reports:outline_section": Case("reviewer", _outline_section, known_fields=("action", "block", "kind")),
    "campaigns:categories": Case("reviewer", _campaign),
    "awards:nomination_create": Case("officer_own", _with_campaign),
    "awards:nomination_edit": Case("officer_own", _nomination),
    "awards:nomination_delete": Case("officer_own", _nomination),
    "awards:document_upload": Case("officer_own", _nomination, "awards:nomination_detail", ("requirement", "file")),
    "awards:nomination_transition": Case(
        "officer_own", _nomination, "awards:nomination_detail", ("transition", "expected_state", "reason")
    ),
    "awards:bulk_approve": Case("reviewer", _with_campaign, "awards:nomination_list", ("nomination", "next_query")),
    "awards:nomination_receipt": Case(
        "reviewer",
        _sent_nomination,
        "awards:nomination_detail",
        ("received_on", "receipt_number", "receipt_channel"),
    ),
    "awards:criterion_create": Case("reviewer", _with_campaign),
    "awards:criterion_edit": Case("reviewer", _criterion),
    "awards:award_form_create": Case("reviewer", _with_campaign),
    "awards:award_form_edit": Case("reviewer", _award_form),
    "council:campaign": Case("reviewer", _council_campaign),
    "council:meeting_create": Case("reviewer", _council_campaign),
    "council:votes": Case("reviewer", _council_meeting_pk),
    "council:outline": Case("reviewer", _council_outline),
    "council:render_request": Case("reviewer", _council_concluded_pk, "council:meeting", ("documents", "formats")),
    "council:decision": Case("reviewer", _council_concluded_pk, "council:meeting", ("number", "day")),
    "awards:register_import": Case("reviewer", None),
    "awards:register_add": Case("reviewer", None),
    "awards:publication_list": Case("reviewer", _publishing_campaign),
    "public:publication": Case("anonymous", _publication),
}
# Reviewers act on sent nominations: their transition form is posted garbage too.
REVIEWER_TRANSITION = Case("reviewer", _sent_nomination, "awards:nomination_detail", ("transition", "expected_state"))


@pytest.fixture
def world(db):
    owner = CommuneFactory()
    users = {
        "officer_own": UserFactory(role=Role.AGENCY_OFFICER, agency=owner),
        "reviewer": UserFactory(role=Role.REVIEWER),
    }
    return {"owner": owner, "users": users}


def _fields(client, url: str) -> tuple[set[str], set[str]]:
    html = client.get(url).content.decode()
    names = set(FIELD_NAME.findall(html)) - {"csrfmiddlewaretoken"}
    files = {a or b for a, b in FILE_FIELD.findall(html)}
    return names - files, files


def _post_garbage(client, url, data, page_fields, file_fields):
    payload = dict(data["values"])
    for name, (filename, content) in data["files"].items():
        payload[name] = SimpleUploadedFile(filename, content, content_type="application/pdf")
    response = client.post(url, payload)
    assert response.status_code < 500, f"{url} answered {response.status_code} to {payload!r}"[:2000]
    body = response.content.decode(errors="replace")
    if (
        response.status_code in (200, 400)
        and response.get("Content-Type", "").startswith("text/html")
        and "<form" in body
    ):
        assert any(marker in body for marker in ERROR_MARKERS), f"{url}: no error message for {payload!r}"[:2000]
    return response


def _payload(fields: set[str], files: set[str]):
    names = sorted(fields)
    keep = st.lists(st.sampled_from(names), unique=True) if names else st.just([])
    values = keep.flatmap(
        lambda chosen: st.fixed_dictionaries(
            {name: st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3)) for name in chosen},
            optional={"unexpected-field": VALUE, "id": VALUE, "pk": VALUE},
        )
    )
    file_values = st.fixed_dictionaries({}, optional={name: FILE for name in sorted(files)})
    return st.fixed_dictionaries({"values": values, "files": file_values})


def _run(client, world, name: str, case: Case, data_strategy_runner):
    kwargs = case.fixture(world["owner"]) if case.fixture else {}
    if case.role != "anonymous":
        client.force_login(world["users"][case.role])
    url = reverse(name, kwargs=kwargs)
    page = reverse(case.form_page, kwargs=kwargs) if case.form_page else url
    fields, files = _fields(client, page)
    fields |= set(case.known_fields) - files
    if name in (
        "initiatives:evidence_upload",
        "awards:document_upload",
        "reports:indicators",
        "awards:register_import",
    ):
        files |= {"file"}
        fields -= {"file"}
    assert fields or files, f"no form fields found on {page}"
    data_strategy_runner(url, fields, files)


@pytest.mark.parametrize("name", sorted(CASES))
def test_garbage_post_is_never_a_500(client, world, name):
    def runner(url, fields, files):
        @SETTINGS
        @given(data=_payload(fields, files))
        def post(data):
            _post_garbage(client, url, data, fields, files)

        post()

    case = CASES[name]
    _run(client, world, name, case, runner)


def test_garbage_reviewer_transition_is_never_a_500(client, world):
    def runner(url, fields, files):
        @SETTINGS
        @given(data=_payload(fields, files))
        def post(data):
            _post_garbage(client, url, data, fields, files)

        post()

    _run(client, world, "awards:nomination_transition", REVIEWER_TRANSITION, runner)


def test_every_form_url_is_covered():
    """A form URL of the portal without a garbage case fails here (GET-only pages are listed)."""
    from tests.test_permission_matrix import MATRIX

    read_only = {
        "home",
        "accounts:logout",
        "accounts:password_change_done",
        "agencies:directory",
        "agencies:search",
        "agencies:search_districts",
        "set_language",
        "admin:index",
        "initiatives:list",
        "initiatives:export",
        "initiatives:replication",
        "initiatives:import_template",
        "initiatives:detail",
        "initiatives:evidence_download",
        "initiatives:evidence_delete",
        "campaigns:list",
        "campaigns:detail",
        "reports:index",
        "reports:render_status",
        "reports:download",
        "awards:nomination_list",
        "awards:nomination_detail",
        "awards:nomination_checklist",
        "awards:document_open",
        "awards:check_batch_start",
        "awards:check_batch_status",
        "awards:export",
        "awards:progress",
        "awards:criteria",
        "awards:register",
        "awards:register_export",
        "awards:register_import_template",
        "awards:publication_close",
        "awards:publication_comments",
        "reports:indicator_delete",
        "council:index",
        "council:meeting",
        "council:render_status",
        "council:download",
        "council:decision_download",
        "council:certificates",
        # The read API refuses every write (405); its query strings' bad input is in tests/api/.
        "api:campaign_list",
        "api:campaign_detail",
        "api:campaign_progress",
        "api:initiative_list",
        "api:award_list",
        "api:schema",
        "api:docs",
    }
    assert set(MATRIX) - read_only == set(CASES)


# --- Uploads that lie about their type -------------------------------------------------------


def test_html_named_pdf_is_refused_as_initiative_evidence(client, world):
    from initiatives.models import InitiativeEvidence

    kwargs = _initiative(world["owner"])
    client.force_login(world["users"]["officer_own"])
    upload = SimpleUploadedFile("bao-cao.pdf", HTML_AS_PDF, content_type="application/pdf")
    response = client.post(reverse("initiatives:evidence_upload", kwargs=kwargs), {"file": upload, "description": "x"})
    assert response.status_code == 400
    assert "alert-danger" in response.content.decode() or "invalid-feedback" in response.content.decode()
    assert not InitiativeEvidence.objects.filter(initiative_id=kwargs["pk"]).exists()


def test_html_named_pdf_is_refused_as_dossier_document(client, world):
    from awards.models import DossierDocument, Nomination

    kwargs = _nomination(world["owner"])
    nomination = Nomination.objects.get(pk=kwargs["pk"])
    client.force_login(world["users"]["officer_own"])
    upload = SimpleUploadedFile("to-trinh.pdf", HTML_AS_PDF, content_type="application/pdf")
    requirement = nomination.award_form.requirements.first()
    response = client.post(
        reverse("awards:document_upload", kwargs=kwargs), {"requirement": requirement.pk, "file": upload}, follow=True
    )
    assert response.status_code == 200
    assert "alert-danger" in response.content.decode()
    assert not DossierDocument.objects.filter(nomination=nomination).exists()


# --- Bugs found by these tests, fixed, and kept as regressions -------------------------------


@pytest.mark.parametrize("nomination", ["²", "1" * 5000])
def test_bulk_approve_odd_digits_are_not_a_500(client, world, nomination):
    _with_campaign(world["owner"])
    client.raise_request_exception = False
    client.force_login(world["users"]["reviewer"])
    response = client.post(reverse("awards:bulk_approve"), {"nomination": nomination})
    assert response.status_code < 500


CRITERION_BASE = {"code": "c-garbage", "wording": "Tỷ lệ", "kind": "metric", "applies_to": "both", "position": "1"}
METRIC_PARAMS = {"p-metric": "m", "p-label": "Tỷ lệ", "p-op": ">=", "p-threshold": "5"}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("p-op", "[]", "Hãy chọn phép so sánh trong danh sách."),
        ("p-threshold", "1" + "0" * 400, "Ngưỡng quá lớn."),
        ("p-threshold", "NaN", "Ngưỡng phải là một số"),
        ("p-threshold", "1e999", "Ngưỡng"),
        ("p-threshold", "", "Hãy nhập ngưỡng."),
        ("p-metric", "Tỷ lệ trễ", "Mã số liệu chỉ gồm chữ thường không dấu"),
    ],
    ids=["op-list", "threshold-10e400", "threshold-nan", "threshold-inf", "threshold-empty", "metric-key-accents"],
)
def test_criterion_form_garbage_params_name_the_field(client, world, field, value, message):
    kwargs = _criterion(world["owner"])
    client.force_login(world["users"]["reviewer"])
    data = {**CRITERION_BASE, **METRIC_PARAMS, field: value}
    response = client.post(reverse("awards:criterion_edit", kwargs=kwargs), data)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e999"])
def test_indicator_non_finite_value_is_not_a_500(client, world, value):
    from reports.models import Indicator

    kwargs = _report_with_indicator(world["owner"])
    indicator = Indicator.objects.get(campaign__code=kwargs["code"])
    client.raise_request_exception = False
    client.force_login(world["users"]["reviewer"])
    response = client.post(reverse("reports:indicators", kwargs=kwargs), {f"value-{indicator.pk}": value})
    assert response.status_code < 500


# --- One garbage field in an otherwise valid form --------------------------------------------


class _FormValues(HTMLParser):
    """The values a browser would post for each form of a page: inputs, checked boxes, selected
    options, textareas."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, list[tuple[str, str]]]] = []
        self._select = None
        self._textarea = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append((a.get("action") or "", []))
        elif not self.forms:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "file", "button"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.forms[-1][1].append((a["name"], a.get("value") or ("on" if a.get("type") == "checkbox" else "")))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.forms[-1][1].append((self._select, a.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), []

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea and self.forms:
            self.forms[-1][1].append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def _prefilled(client, url: str) -> dict[str, list[str]]:
    parser = _FormValues()
    parser.feed(client.get(url).content.decode())
    path = url.split("?")[0]
    candidates = [fields for action, fields in parser.forms if action in ("", path)]
    values: dict[str, list[str]] = {}
    for name, value in max(candidates, key=len):
        values.setdefault(name, []).append(value)
    return values


PREFILLED = {
    "initiatives:update": Case("officer_own", _initiative),
    "campaigns:update": Case("reviewer", _campaign),
    "campaigns:expected_agencies": Case("reviewer", _campaign),
    "reports:detail": Case("reviewer", _report),
    "reports:indicator_edit": Case("reviewer", _indicator),
    "awards:nomination_edit": Case("officer_own", _nomination),
    "awards:criterion_edit": Case("reviewer", _criterion),
    "awards:award_form_edit": Case("reviewer", _award_form),
    "council:campaign": Case("reviewer", _council_campaign),
    "council:outline": Case("reviewer", _council_outline),
}


@pytest.mark.parametrize("name", sorted(PREFILLED))
def test_one_garbage_field_in_a_valid_form_is_never_a_500(client, world, name):
    case = PREFILLED[name]
    kwargs = case.fixture(world["owner"])
    client.force_login(world["users"][case.role])
    url = reverse(name, kwargs=kwargs)
    valid = _prefilled(client, url)
    assert valid, f"no prefilled form on {url}"
    response = client.post(url, valid)
    assert response.status_code == 302, f"{url}: the prefilled form itself was refused"

    @SETTINGS
    @given(field=st.sampled_from(sorted(valid)), value=st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3)))
    def post(field, value):
        values = {**valid, field: value}
        _post_garbage(client, url, {"values": values, "files": {}}, set(valid), set())

    post()


@pytest.mark.parametrize("field", ["requirements-0-award_form", "requirements-0-id"])
def test_award_form_tampered_hidden_field_says_what_is_wrong(client, world, field):
    kwargs = _award_form(world["owner"])
    client.force_login(world["users"]["reviewer"])
    url = reverse("awards:award_form_edit", kwargs=kwargs)
    valid = _prefilled(client, url)
    _post_garbage(client, url, {"values": {**valid, field: "0"}, "files": {}}, set(valid), set())


def test_award_form_stale_management_form_is_not_a_500(client, world):
    kwargs = _award_form(world["owner"])
    client.force_login(world["users"]["reviewer"])
    client.raise_request_exception = False
    url = reverse("awards:award_form_edit", kwargs=kwargs)
    valid = _prefilled(client, url)
    response = client.post(url, {**valid, "requirements-INITIAL_FORMS": "0"})
    assert response.status_code < 500
