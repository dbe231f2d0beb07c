"""Every Django admin URL, as the administrator: for each registered model its change list, add
page, change page, delete page and history page, for one object of each. The administrator
manages users, roles and agencies and reads their audit trail; nothing answers a 500, no page
names an agency's records (initiative titles, nominees, file names, report numbers), and no POST
changes or deletes one of them. The registered models are listed here, so a new admin page is a
decision this test makes someone take."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from accounts.enums import Role
from accounts.models import User
from agencies.models import Agency, AgencySuccession
from api.services import api_client_issue
from awards import services as award_services
from awards.enums import NomineeType
from awards.models import Criterion, DossierDocument, Nomination
from campaign_portal.audit import audit_record
from campaign_portal.models import AuditEvent
from campaigns.models import Campaign
from initiatives import services as initiative_services
from initiatives.models import Initiative, InitiativeEvidence
from reports.models import SummaryReport
from tests.awards import signing
from tests.awards.conftest import make_dossier
from tests.factories import AgencyFactory, CampaignFactory, InitiativeCategoryFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria, pdf_upload
from tests.factories.initiatives import InitiativeFactory
from tests.factories.reports import SummaryReportFactory

REGISTERED = {
    "auth.Group",
    "axes.AccessAttempt",
    "axes.AccessLog",
    "axes.AccessFailureLog",
    "campaign_portal.AuditEvent",
    "accounts.User",
    "agencies.Agency",
    "agencies.AgencySuccession",
    # The systems that read the API: issued and revoked, never deleted.
    "api.ApiClient",
    # Read-only, and only for staff whom the portal's rules let read them (not the administrator).
    "initiatives.Initiative",
    "awards.Nomination",
    # The administrator's trusted roots for signed dossiers (awards/services/signatures.py).
    "awards.TrustAnchor",
}
PAGES = ("changelist", "add", "change", "delete", "history")


@pytest.fixture
def agency_records(db, make_user):
    """An agency's records of every kind, each carrying a name no admin page may show."""
    agency = AgencyFactory(name="Sở Thử Nghiệm Kín")
    officer = make_user(Role.AGENCY_OFFICER, agency=agency)
    campaign = CampaignFactory(name="Phong trào thử nghiệm kín")
    load_plan_criteria(campaign)
    initiative = InitiativeFactory(agency=agency, campaign=campaign, title="Mô hình BÍMẬT một cửa")
    initiative_services.initiative_evidence_add(
        initiative=initiative, user=officer, upload=pdf_upload("minh-chung-bimat.pdf")
    )
    individual = AwardFormFactory(campaign=campaign, nominee_type=NomineeType.INDIVIDUAL)
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=individual, nominee_name="Trần Thị Bímật")
    award_services.nomination_submit(user=officer, nomination=nomination)
    SummaryReportFactory(campaign=campaign, number_symbol="77/BC-BIMAT")
    audit_record(actor=officer, action="file.download", target=initiative, after={"file": "minh-chung-bimat.pdf"})
    return {
        "secrets": [
            initiative.title,
            "minh-chung-bimat.pdf",
            "Trần Thị Bímật",
            "77/BC-BIMAT",
            *DossierDocument.objects.values_list("original_name", flat=True),
        ],
        "officer": officer,
        "agency": agency,
    }


@pytest.fixture
def one_of_each(agency_records, administrator):
    """An object of every admin model that the records above do not already provide."""
    group = Group.objects.create(name="Nhóm thử")
    AgencySuccession.objects.create(
        predecessor=AgencyFactory(name="UBND huyện Cũ Thử", valid_to=datetime.date(2024, 12, 31)),
        successor=agency_records["agency"],
        effective=datetime.date(2025, 1, 1),
        legal_basis="Nghị quyết thử",
    )
    group.user_set.add(agency_records["officer"])
    AccessAttempt.objects.create(username="ke.gian", ip_address="203.0.113.9", failures_since_start=2)
    AccessLog.objects.create(username="ke.gian", ip_address="203.0.113.9")
    AccessFailureLog.objects.create(username="ke.gian", ip_address="203.0.113.9", locked_out=False)
    audit_record(actor=administrator, action="accounts.user.access_change", target=agency_records["officer"])
    api_client_issue(name="Nền tảng LGSP tỉnh", actor=administrator)
    award_services.trust_anchor_add(
        user=administrator, name="CA thử nghiệm", certificate=signing.ca_pem(signing.make_ca())
    )


def _records() -> dict:
    return {
        "initiatives": list(Initiative.objects.values_list("pk", "title", "state", "agency_id").order_by("pk")),
        "evidence": list(InitiativeEvidence.objects.values_list("pk", "original_name").order_by("pk")),
        "nominations": list(Nomination.objects.values_list("pk", "state", "nominee_name").order_by("pk")),
        "documents": list(DossierDocument.objects.values_list("pk", "original_name").order_by("pk")),
        "criteria": list(Criterion.objects.values_list("pk", "params", "wording").order_by("pk")),
        "campaigns": list(Campaign.objects.values_list("pk", "name").order_by("pk")),
        "reports": list(SummaryReport.objects.values_list("pk", "number_symbol").order_by("pk")),
        "agencies": Agency.objects.count(),
        "successions": AgencySuccession.objects.count(),
        "users": User.objects.count(),
        "audit": list(AuditEvent.objects.values_list("pk", "action").order_by("pk")),
    }


def _admin_urls(request):
    """One object of each model: the first the model's admin shows, else the first there is."""
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        obj = model_admin.get_queryset(request).order_by("pk").first() or model._default_manager.order_by("pk").first()
        assert obj is not None, f"no {model._meta.label} to walk"
        for page in PAGES:
            args = [] if page in ("changelist", "add") else [obj.pk]
            try:
                yield model, page, reverse(f"admin:{info[0]}_{info[1]}_{page}", args=args)
            except NoReverseMatch:
                continue


def test_the_admin_registers_only_what_the_administrator_is_for():
    assert {model._meta.label for model in admin.site._registry} == REGISTERED


def test_every_admin_page_as_the_administrator_leaks_no_record_and_writes_nothing(
    client, rf, administrator, agency_records, one_of_each
):
    client.force_login(administrator)
    request = rf.get("/")
    request.user = administrator
    before = _records()
    walked = 0
    for model, page, url in _admin_urls(request):
        response = client.get(url)
        assert response.status_code in (200, 302, 403), (url, response.status_code)
        body = response.content.decode()
        for secret in agency_records["secrets"]:
            assert secret not in body, (url, secret)
        if model in (Initiative, Nomination):
            assert response.status_code == 403, url
        if page in ("add", "change", "delete"):
            post = client.post(url, {"post": "yes"})
            assert post.status_code in (200, 302, 403), (url, post.status_code)
        walked += 1
    assert walked >= 4 * len(REGISTERED)
    after = _records()
    for key in ("initiatives", "evidence", "nominations", "documents", "criteria", "campaigns", "reports"):
        assert after[key] == before[key], key
    # Accounts and agencies are disabled or closed, never deleted; the audit trail only grows.
    assert after["agencies"] == before["agencies"] and after["users"] == before["users"]
    assert after["successions"] == before["successions"]
    assert set(before["audit"]) <= set(after["audit"])


def test_delete_pages_of_accounts_and_agencies_are_refused(client, administrator, agency_records):
    client.force_login(administrator)
    officer, agency = agency_records["officer"], agency_records["agency"]
    assert client.get(reverse("admin:accounts_user_delete", args=[officer.pk])).status_code == 403
    assert client.get(reverse("admin:agencies_agency_delete", args=[agency.pk])).status_code == 403
    changelist = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "delete_selected" not in changelist


def test_the_audit_log_in_the_admin_shows_accounts_and_agencies_only(client, administrator, agency_records):
    client.force_login(administrator)
    listing = client.get(reverse("admin:campaign_portal_auditevent_changelist")).content.decode()
    assert "minh-chung-bimat.pdf" not in listing and "Mô hình BÍMẬT" not in listing
    hidden = AuditEvent.objects.filter(action="file.download").first()
    assert client.get(reverse("admin:campaign_portal_auditevent_change", args=[hidden.pk])).status_code == 302


def test_a_reviewer_with_staff_access_reads_initiatives_and_nominations_read_only(client, make_user, agency_records):
    reviewer = make_user(Role.REVIEWER, is_staff=True)
    client.force_login(reviewer)
    initiative = Initiative.objects.get()
    assert client.get(reverse("admin:initiatives_initiative_changelist")).status_code == 200
    page = client.get(reverse("admin:initiatives_initiative_change", args=[initiative.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:initiatives_initiative_delete", args=[initiative.pk])).status_code == 403


ENGLISH_LEFT_BY_DJANGO = ("Skip to main content", "Model name", "Show counts", "content type", "Access attempts")


def test_the_admin_speaks_vietnamese_and_english(client, administrator, agency_records, one_of_each):
    client.force_login(administrator)
    officer = agency_records["officer"]
    pages = [
        reverse("admin:index"),
        reverse("admin:accounts_user_change", args=[officer.pk]),
        reverse("admin:campaign_portal_auditevent_changelist"),
        reverse("admin:axes_accessattempt_changelist"),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        assert "Quản trị cổng thi đua" in body
        for english in ENGLISH_LEFT_BY_DJANGO:
            assert english not in body, (url, english)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("admin:index")).content.decode()
    assert "Campaign portal administration" in body and "Users, agencies and the audit log" in body
    assert "Emulation portal" in body and "Cổng thi đua" not in body


def test_the_initiative_change_list_reads_its_rows_in_constant_queries(client, make_user):
    """The change list's columns (agency, a nullable category) come with the rows: the same number of
    queries for one initiative as for five, each with its own category."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    reviewer = make_user(Role.REVIEWER, is_staff=True)
    client.force_login(reviewer)
    campaign = CampaignFactory()
    url = reverse("admin:initiatives_initiative_changelist")

    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    InitiativeFactory(campaign=campaign, category=InitiativeCategoryFactory(campaign=campaign))
    one = count()
    for _ in range(4):
        InitiativeFactory(campaign=campaign, category=InitiativeCategoryFactory(campaign=campaign))
    assert count() == one
