"""The dashboards' figures are cached under the campaign's data version: every kind of write they
count moves it in its own transaction, so the next request shows the write (never a stale figure)."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.enums import Role
from awards import services as awards_services
from awards.enums import NomineeType
from campaigns.models import Campaign
from campaigns.services import campaign_save
from initiatives import services as initiatives_services
from initiatives.enums import InitiativeKind, InitiativeState
from tests.awards.conftest import make_dossier
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria, pdf_upload


@pytest.fixture
def campaign(db):
    campaign = CampaignFactory(nomination_deadline=datetime.date(2024, 12, 24))
    campaign.expected_agencies.set(AgencyFactory.create_batch(2))
    return campaign


@pytest.fixture
def award_form(campaign):
    return AwardFormFactory(campaign=campaign, nominee_type=NomineeType.COLLECTIVE)


@pytest.fixture
def officer(make_user, campaign):
    return make_user(Role.AGENCY_OFFICER, agency=campaign.expected_agencies.order_by("pk").first())


@pytest.fixture
def dashboard(client, reviewer):
    client.force_login(reviewer)

    def figures() -> dict:
        context = client.get(reverse("home")).context
        return {
            "progress": context["progress"],
            "waiting": {key: count for _label, count, key in context["waiting"]},
            "charts": {chart.key: dict(chart.rows) for chart in context["charts"]},
        }

    return figures


def _version(campaign) -> int:
    return Campaign.objects.values_list("data_version", flat=True).get(pk=campaign.pk)


def _without_csrf(body: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body.decode())


def test_dashboard_cached_figures_render_the_same_page_in_fewer_queries(
    client, campaign, officer, award_form, reviewer
):
    awards_services.nomination_submit(
        user=officer, nomination=make_dossier(officer=officer, campaign=campaign, award_form=award_form)
    )
    client.force_login(reviewer)
    with CaptureQueriesContext(connection) as cold:
        first = client.get(reverse("home"))
    with CaptureQueriesContext(connection) as warm:
        second = client.get(reverse("home"))
    assert _without_csrf(second.content) == _without_csrf(first.content)
    assert len(warm.captured_queries) < len(cold.captured_queries) <= 12


def test_dashboard_cache_key_holds_role_and_language(client, campaign, reviewer, official):
    client.force_login(reviewer)
    assert "Việc chờ xử lý" in client.get(reverse("home")).content.decode()
    client.force_login(official)
    assert "Việc chờ xử lý" not in client.get(reverse("home")).content.decode()
    assert len({key for key in cache._cache if "dashboard" in key}) == 2  # noqa: SLF001 -- locmem's store, to count keys


def test_campaign_save_of_a_stale_instance_never_sets_the_data_version_back(campaign, award_form):
    stale = Campaign.objects.get(pk=campaign.pk)
    award_form.requirements.update(required=False)
    moved = _version(campaign)
    assert moved > stale.data_version
    stale.name = "Tên mới"
    stale.save()
    assert _version(campaign) > moved


def test_dashboard_shows_a_submitted_nomination_at_once(dashboard, campaign, officer, award_form):
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=award_form)
    assert dashboard()["progress"].nominations_total == 0
    awards_services.nomination_submit(user=officer, nomination=nomination)
    after = dashboard()
    assert after["progress"].nominations_total == 1
    assert after["waiting"]["submitted"] == 1
    assert officer.agency.name not in after["progress"].missing_agency_names


def test_dashboard_shows_a_review_transition_at_once(dashboard, campaign, officer, award_form, reviewer):
    nomination = awards_services.nomination_submit(
        user=officer, nomination=make_dossier(officer=officer, campaign=campaign, award_form=award_form)
    )
    assert dashboard()["waiting"]["submitted"] == 1
    awards_services.nomination_transition(user=reviewer, nomination=nomination, name="start_review")
    assert dashboard()["waiting"] == {"submitted": 0, "under_review": 1, "approved": 0, "initiatives": 0}


def test_dashboard_shows_an_uploaded_missing_component_at_once(dashboard, campaign, officer, award_form, reviewer):
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=award_form, left_out=("bien_ban",))
    awards_services.nomination_submit(user=officer, nomination=nomination)
    awards_services.nomination_transition(user=reviewer, nomination=nomination, name="start_review")
    awards_services.nomination_transition(user=reviewer, nomination=nomination, name="return", reason="Thiếu biên bản")
    assert dashboard()["progress"].nominations_missing_component == 1
    requirement = award_form.requirements.get(code="bien_ban")
    awards_services.dossier_document_upload(
        user=officer, nomination=nomination, requirement=requirement, upload=pdf_upload("bien-ban.pdf")
    )
    assert dashboard()["progress"].nominations_missing_component == 0


def test_dashboard_shows_criteria_check_verdicts_at_once(dashboard, campaign, officer, award_form):
    load_plan_criteria(campaign)
    nomination = awards_services.nomination_submit(
        user=officer, nomination=make_dossier(officer=officer, campaign=campaign, award_form=award_form)
    )
    before = dashboard()["charts"]["nominations-verdict"]
    assert before["Chưa kiểm tra"] == 1
    awards_services.criteria_check_nominations([nomination.pk])  # bulk_update: no signal
    assert dashboard()["charts"]["nominations-verdict"]["Chưa kiểm tra"] == 0


def test_dashboard_shows_a_required_component_change_at_once(dashboard, campaign, officer, award_form, reviewer):
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=award_form, left_out=("bien_ban",))
    awards_services.nomination_submit(user=officer, nomination=nomination)
    assert dashboard()["progress"].nominations_missing_component == 1
    award_form.requirements.filter(code="bien_ban").update(required=False)
    awards_services.award_form_save(user=reviewer, award_form=award_form)
    assert dashboard()["progress"].nominations_missing_component == 0


def test_dashboard_shows_initiative_writes_at_once(dashboard, campaign, officer, reviewer):
    initiative = initiatives_services.initiative_create(
        user=officer,
        agency=officer.agency,
        campaign=campaign,
        kind=InitiativeKind.MODEL,
        title="Một cửa liên thông",
        state=InitiativeState.REGISTERED,
    )
    assert dashboard()["charts"]["initiatives-agency"] == {officer.agency.name: 1}
    initiatives_services.initiative_transition(initiative=initiative, name="start_practice", user=reviewer)
    assert dashboard()["waiting"]["initiatives"] == 1


def test_dashboard_shows_expected_agencies_changed_by_campaign_save_at_once(dashboard, campaign, reviewer):
    assert len(dashboard()["progress"].missing_agency_names) == 2
    plan = campaign.plan_document
    campaign_save(
        user=reviewer,
        campaign=campaign,
        plan={
            "number_symbol": plan.number_symbol,
            "issued_on": plan.issued_on,
            "issuer": plan.issuer,
            "subject": plan.subject,
        },
        expected_agencies=[*campaign.expected_agencies.all(), AgencyFactory()],
        documents=[],
    )
    assert len(dashboard()["progress"].missing_agency_names) == 3


def test_dashboard_shows_an_agency_renamed_in_the_admin_at_once(client, dashboard, campaign, administrator):
    agency = campaign.expected_agencies.order_by("pk").first()
    assert agency.name in dashboard()["progress"].missing_agency_names
    version = _version(campaign)
    admin_client = client.__class__()
    admin_client.force_login(administrator)
    url = reverse("admin:agencies_agency_change", args=[agency.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(name="UBND tên mới", kind=agency.kind, level=agency.level)
    response = admin_client.post(url, {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in data.items()})
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    assert _version(campaign) > version
    assert "UBND tên mới" in dashboard()["progress"].missing_agency_names
