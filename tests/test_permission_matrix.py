"""The permission matrix, generated from the URL configuration: every named URL, every role,
own agency versus another agency, and the answer expected. A new URL without an entry here fails
`test_every_url_has_an_entry`.

Roles: anonymous; officer_own (officer of the agency that owns the object); officer_parent (officer
of the owning agency's district); officer_other (officer of an unrelated agency); reviewer;
official; administrator. An entry's `fixture` builds the object the URL needs for that owner and
returns the URL kwargs.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.enums import Role
from tests.factories import CommuneFactory, UserFactory

ROLES = ("anonymous", "officer_own", "officer_parent", "officer_other", "reviewer", "official", "administrator")
LOGIN_REDIRECT = 302


@dataclass(frozen=True)
class Entry:
    expected: dict[str, int]
    fixture: Callable[[object], dict] | None = None
    method: str = "get"
    data: dict = field(default_factory=dict)

    def status_for(self, role: str) -> int:
        return self.expected.get(role, self.expected.get("*"))


def everyone(status: int = 200, anonymous: int = LOGIN_REDIRECT) -> dict[str, int]:
    return {"anonymous": anonymous, "*": status}


STAFF_READERS = {
    "anonymous": LOGIN_REDIRECT,
    "officer_own": 403,
    "officer_parent": 403,
    "officer_other": 403,
    "reviewer": 200,
    "official": 200,
    "administrator": 200,
}

MATRIX: dict[str, Entry] = {
    "home": Entry(everyone()),
    "accounts:login": Entry(
        {
            "*": 200,
            "anonymous": 200,
            "officer_own": 302,
            "officer_parent": 302,
            "officer_other": 302,
            "reviewer": 302,
            "official": 302,
            "administrator": 302,
        }
    ),
    "accounts:logout": Entry({"*": 302}, method="post"),
    "accounts:password_change": Entry(everyone()),
    "accounts:password_change_done": Entry(everyone()),
    "agencies:directory": Entry(STAFF_READERS),
    "agencies:search": Entry({"anonymous": LOGIN_REDIRECT, "*": 200, "administrator": 403}),
    "agencies:search_districts": Entry({"anonymous": LOGIN_REDIRECT, "*": 200, "administrator": 403}),
    "set_language": Entry({"*": 302}, method="post", data={"language": "vi"}),
    "admin:index": Entry({"*": 302, "administrator": 200}),
}


def _initiative(owner, **values):
    from tests.factories.initiatives import InitiativeFactory

    return {"pk": InitiativeFactory(agency=owner, **values).pk}


def _registered_initiative(owner):
    from initiatives.enums import InitiativeState

    return _initiative(owner, state=InitiativeState.REGISTERED)


def _evidence(owner):
    from django.core.files.base import ContentFile

    from initiatives.models import InitiativeEvidence
    from tests.factories.initiatives import InitiativeFactory

    initiative = InitiativeFactory(agency=owner)
    evidence = InitiativeEvidence(
        initiative=initiative, original_name="a.pdf", kind="pdf", content_type="application/pdf", size=9
    )
    evidence.file.save("a.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return {"pk": initiative.pk, "evidence_pk": evidence.pk}


def _similar_match(owner):
    from initiatives.enums import InitiativeState
    from initiatives.models import SimilarInitiative
    from tests.factories.initiatives import InitiativeFactory

    earlier = InitiativeFactory(state=InitiativeState.REGISTERED)
    initiative = InitiativeFactory(agency=owner, state=InitiativeState.REGISTERED)
    match = SimilarInitiative.objects.create(
        initiative=initiative, similar_to=earlier, score=0.8, found_at=timezone.now()
    )
    return {"pk": initiative.pk, "match_pk": match.pk}


def _campaign(owner):
    from tests.factories import CampaignFactory

    return {"code": CampaignFactory().code}


INITIATIVE_READERS = {"anonymous": LOGIN_REDIRECT, "*": 200, "administrator": 403}
OFFICERS_ONLY = {"anonymous": LOGIN_REDIRECT, "*": 403, "officer_own": 200, "officer_parent": 200, "officer_other": 200}
OFFICERS_AND_REVIEWERS = {**OFFICERS_ONLY, "reviewer": 200}
REVIEWERS_ONLY = {"anonymous": LOGIN_REDIRECT, "*": 403, "reviewer": 200}
# A campaign's set-up pages are Home Affairs staff business: to everyone else they do not exist.
SETUP_PAGES = {"anonymous": LOGIN_REDIRECT, "*": 404, "reviewer": 200}
DRAFT_READERS = {"anonymous": LOGIN_REDIRECT, "*": 200, "officer_other": 404, "administrator": 404}
DRAFT_ACTIONS = {"anonymous": LOGIN_REDIRECT, "*": 302, "officer_other": 404, "administrator": 404}
MATRIX.update(
    {
        "initiatives:list": Entry(INITIATIVE_READERS),
        "initiatives:export": Entry(INITIATIVE_READERS),
        "initiatives:replication": Entry(INITIATIVE_READERS),
        "initiatives:create": Entry(OFFICERS_ONLY),
        "initiatives:import": Entry(OFFICERS_AND_REVIEWERS),
        "initiatives:import_template": Entry(OFFICERS_AND_REVIEWERS),
        "initiatives:detail": Entry(DRAFT_READERS, fixture=_initiative),
        "initiatives:update": Entry({**DRAFT_ACTIONS, "officer_own": 200}, fixture=_initiative),
        # Only the owning agency deletes its draft; those who read it are refused, the others do not see it.
        "initiatives:delete": Entry({**DRAFT_ACTIONS, "*": 403, "officer_own": 200}, fixture=_initiative),
        "initiatives:transition": Entry(
            DRAFT_ACTIONS,
            fixture=_initiative,
            method="post",
            data={"transition": "register", "expected_state": "draft", "confirm_no_evidence": "on"},
        ),
        "initiatives:replication_update": Entry(DRAFT_ACTIONS, fixture=_initiative, method="post"),
        "initiatives:evidence_upload": Entry(
            {**DRAFT_ACTIONS, "*": 403, "officer_own": 400}, fixture=_initiative, method="post"
        ),
        "initiatives:evidence_download": Entry(DRAFT_READERS, fixture=_evidence),
        # Officers may read the initiative but not the matches: the mark URL is hidden from them too.
        "initiatives:similar_decide": Entry(
            {"anonymous": LOGIN_REDIRECT, "*": 404, "reviewer": 302},
            fixture=_similar_match,
            method="post",
            data={"decision": "different"},
        ),
        "initiatives:evidence_delete": Entry(DRAFT_ACTIONS, fixture=_evidence, method="post"),
        # Reviewers mark standout initiatives; those who read it may not (403), the others do not see it.
        "initiatives:standout": Entry(
            {**DRAFT_ACTIONS, "*": 403, "reviewer": 302},
            fixture=_registered_initiative,
            method="post",
            data={"standout": "1"},
        ),
        "campaigns:list": Entry(everyone()),
        "campaigns:detail": Entry(everyone(), fixture=_campaign),
        "campaigns:create": Entry(SETUP_PAGES),
        "campaigns:update": Entry(SETUP_PAGES, fixture=_campaign),
        "campaigns:expected_agencies": Entry(SETUP_PAGES, fixture=_campaign),
        "campaigns:categories": Entry(REVIEWERS_ONLY, fixture=_campaign),
    }
)


def _report(owner):
    from tests.factories.reports import SummaryReportFactory

    return {"code": SummaryReportFactory().campaign.code}


def _render(owner):
    from django.core.files.base import ContentFile

    from reports.models import ReportRender
    from tests.factories.reports import SummaryReportFactory

    render = ReportRender.objects.create(report=SummaryReportFactory(), format="pdf", status="done", progress=100)
    render.file.save("bao-cao.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return {"pk": render.pk}


def _indicator(owner):
    from tests.factories.reports import IndicatorFactory, SummaryReportFactory

    indicator = IndicatorFactory(campaign=SummaryReportFactory().campaign)
    return {"code": indicator.campaign.code, "pk": indicator.pk}


def _outline_section(owner):
    from reports.models import OutlineSection
    from tests.factories.reports import SummaryReportFactory

    campaign = SummaryReportFactory().campaign
    return {"code": campaign.code, "pk": OutlineSection.objects.filter(campaign=campaign).first().pk}


REPORT_READERS = {"anonymous": LOGIN_REDIRECT, "*": 403, "reviewer": 200, "official": 200}
OUTLINE_EDITORS = {"anonymous": LOGIN_REDIRECT, "*": 404, "reviewer": 200}
MATRIX.update(
    {
        "reports:index": Entry(REPORT_READERS),
        "reports:detail": Entry(REPORT_READERS, fixture=_report),
        "reports:render_status": Entry(REPORT_READERS, fixture=_report),
        "reports:download": Entry(REPORT_READERS, fixture=_render),
        "reports:indicators": Entry(SETUP_PAGES, fixture=_report),
        "reports:indicator_create": Entry(SETUP_PAGES, fixture=_report),
        "reports:indicator_edit": Entry(SETUP_PAGES, fixture=_indicator),
        "reports:indicator_delete": Entry({**SETUP_PAGES, "reviewer": 302}, fixture=_indicator, method="post"),
        "reports:outline": Entry(OUTLINE_EDITORS, fixture=_report),
        "reports:outline_section": Entry(OUTLINE_EDITORS, fixture=_outline_section),
        "reports:render_request": Entry(
            {"anonymous": LOGIN_REDIRECT, "*": 403, "reviewer": 302},
            fixture=_report,
            method="post",
            data={"formats": ["pdf"]},
        ),
    }
)


def _with_campaign(owner):
    """Award pages work on the current campaign: one must exist."""
    from tests.factories.awards import AwardFormFactory

    AwardFormFactory()
    return {}


def _publishing_campaign(owner):
    """A campaign that publishes its proposed list for comment, so its page has the form."""
    from tests.factories import CampaignFactory
    from tests.factories.awards import AwardFormFactory

    AwardFormFactory(campaign=CampaignFactory(publishes_proposed_list=True))
    return {}


def _nomination(owner, **values):
    from tests.factories.awards import NominationFactory

    return {"pk": NominationFactory(agency=owner, **values).pk}


def _sent_nomination(owner):
    return _nomination(owner, state="submitted", submitted_at=timezone.now())


def _dossier_document(owner):
    from django.core.files.base import ContentFile

    from awards.models import DossierDocument, Nomination
    from tests.factories.awards import NominationFactory

    nomination: Nomination = NominationFactory(agency=owner)
    document = DossierDocument(
        nomination=nomination,
        requirement=nomination.award_form.requirements.first(),
        original_name="to-trinh.pdf",
        file_kind="pdf",
        content_type="application/pdf",
        size=15,
    )
    document.file.save("to-trinh.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return {"pk": document.pk}


def _check_batch(owner):
    from awards.models import CheckBatch
    from tests.factories import CampaignFactory

    return {"pk": CheckBatch.objects.create(campaign=CampaignFactory(), started_at=timezone.now(), total=0).pk}


def _criterion(owner):
    from tests.factories.awards import CriterionFactory

    return {"pk": CriterionFactory().pk}


def _award_form(owner):
    from tests.factories.awards import AwardFormFactory

    return {"pk": AwardFormFactory().pk}


def _publication(owner):
    """A list published for comment, open now, with one approved nomination."""
    import datetime

    from awards.services import publication_create
    from tests.factories.awards import NominationFactory

    nomination = NominationFactory(agency=owner, state="approved", submitted_at=timezone.now())
    campaign = nomination.campaign
    campaign.publishes_proposed_list = True
    campaign.save(update_fields=["publishes_proposed_list"])
    now = timezone.now()
    publication = publication_create(
        user=None,
        campaign=nomination.campaign,
        title="Danh sách công khai thử",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=7),
    )
    return {"pk": publication.pk}


# A dossier the user may not see answers 404, as an initiative does: a 403 would reveal that it exists.
NOT_ADMIN = {"anonymous": LOGIN_REDIRECT, "*": 200, "administrator": 403}
SENT_STAFF = {"anonymous": LOGIN_REDIRECT, "*": 403, "reviewer": 200, "official": 200}
DRAFT_OWNERS = {"anonymous": LOGIN_REDIRECT, "*": 404, "officer_own": 200, "officer_parent": 200}
MATRIX.update(
    {
        "awards:nomination_list": Entry(NOT_ADMIN, fixture=_with_campaign),
        "awards:nomination_create": Entry(OFFICERS_ONLY, fixture=_with_campaign),
        "awards:nomination_detail": Entry(DRAFT_OWNERS, fixture=_nomination),
        "awards:nomination_edit": Entry({**DRAFT_OWNERS, "officer_parent": 403}, fixture=_nomination),
        "awards:nomination_delete": Entry({**DRAFT_OWNERS, "officer_parent": 403}, fixture=_nomination),
        "awards:document_upload": Entry(
            {**DRAFT_OWNERS, "officer_own": 302, "officer_parent": 403}, fixture=_nomination, method="post"
        ),
        # Visible to the agency, its district and staff; the service refuses whoever may not act
        # (tests/awards/test_workflow.py), and the page redirects with the reason.
        "awards:nomination_transition": Entry(
            {"anonymous": LOGIN_REDIRECT, "*": 302, "officer_other": 404, "administrator": 404},
            fixture=_sent_nomination,
            method="post",
            data={"transition": "start_review", "expected_state": "submitted"},
        ),
        # Reviewers only; the agency and its district see the dossier, so they get 403, not 404.
        "awards:nomination_receipt": Entry(
            {"anonymous": LOGIN_REDIRECT, "*": 403, "officer_other": 404, "administrator": 404, "reviewer": 302},
            fixture=_sent_nomination,
            method="post",
            data={"received_on": "01/07/2023", "receipt_number": "15", "receipt_channel": "paper"},
        ),
        "awards:nomination_checklist": Entry(DRAFT_OWNERS, fixture=_nomination),
        "awards:document_open": Entry(DRAFT_OWNERS, fixture=_dossier_document),
        "awards:bulk_approve": Entry({**REVIEWERS_ONLY, "reviewer": 302}, fixture=_with_campaign, method="post"),
        "awards:check_batch_start": Entry({**REVIEWERS_ONLY, "reviewer": 302}, fixture=_with_campaign, method="post"),
        "awards:check_batch_status": Entry(REVIEWERS_ONLY, fixture=_check_batch),
        "awards:export": Entry(SENT_STAFF, fixture=_with_campaign),
        "awards:progress": Entry(SENT_STAFF, fixture=_with_campaign),
        "awards:criteria": Entry({**SENT_STAFF, "administrator": 200}, fixture=_with_campaign),
        "awards:criterion_create": Entry(SETUP_PAGES, fixture=_with_campaign),
        "awards:criterion_edit": Entry(SETUP_PAGES, fixture=_criterion),
        "awards:award_form_create": Entry(SETUP_PAGES, fixture=_with_campaign),
        "awards:award_form_edit": Entry(SETUP_PAGES, fixture=_award_form),
        "awards:register": Entry(SENT_STAFF),
        "awards:register_export": Entry(SENT_STAFF),
        "awards:register_import": Entry(REVIEWERS_ONLY),
        "awards:register_add": Entry(REVIEWERS_ONLY),
        "awards:register_import_template": Entry(REVIEWERS_ONLY),
        "awards:publication_list": Entry(SENT_STAFF, fixture=_publishing_campaign),
        "awards:publication_close": Entry({**REVIEWERS_ONLY, "reviewer": 302}, fixture=_publication, method="post"),
        "awards:publication_comments": Entry(SENT_STAFF, fixture=_publication),
        # The published list is open to anyone, logged in or not, while its period runs.
        "public:publication": Entry({"*": 200}, fixture=_publication),
    }
)

# The read API answers systems holding a token, never a portal session: every role gets 401 on its
# data; the schema and its page describe the API, not its data, and are open.
# `test_api_token_matrix` below checks the data endpoints with no token, a revoked one and a valid one.
API_DATA = {"*": 401}
MATRIX.update(
    {
        "api:campaign_list": Entry(API_DATA),
        "api:campaign_detail": Entry(API_DATA, fixture=_campaign),
        "api:campaign_progress": Entry(API_DATA, fixture=_campaign),
        "api:initiative_list": Entry(API_DATA),
        "api:award_list": Entry(API_DATA),
        "api:schema": Entry({"*": 200}),
        "api:docs": Entry({"*": 200}),
    }
)

# Django admin's own pages check is_staff themselves; admin:index above stands for them.
EXCLUDED_NAMESPACES = {"admin"}


def _named_urls(patterns=None, namespace: str = "") -> set[str]:
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def _council_campaign(owner):
    from tests.factories.awards import AwardFormFactory, NominationFactory

    form = AwardFormFactory()
    NominationFactory(award_form=form, state="submitted", submitted_at=timezone.now())
    return {"code": form.campaign.code}


def _council_outline(owner):
    return {**_council_campaign(owner), "document": "proposal"}


def _council_meeting(owner, *, concluded: bool = False):
    from campaigns.models import Campaign
    from council.services import Votes, council_votes_record
    from tests.council.conftest import meeting_create

    reviewer = UserFactory(role=Role.REVIEWER)
    meeting = meeting_create(Campaign.objects.get(code=_council_campaign(owner)["code"]), reviewer)
    if concluded:
        votes = {item.pk: Votes(4, 1, 0) for item in meeting.items.all()}
        council_votes_record(meeting=meeting, user=reviewer, votes=votes)
        meeting.refresh_from_db()
    return meeting


def _council_meeting_pk(owner):
    return {"pk": _council_meeting(owner).pk}


def _council_concluded_pk(owner):
    return {"pk": _council_meeting(owner, concluded=True).pk}


def _council_render(owner):
    from django.core.files.base import ContentFile

    from council.models import CouncilDocumentRender

    meeting = _council_meeting(owner, concluded=True)
    render = CouncilDocumentRender.objects.create(
        meeting=meeting, document="minutes", format="pdf", status="done", progress=100
    )
    render.file.save("bien-ban.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return {"pk": render.pk}


def _council_decision(owner):
    import datetime

    from council.services import council_decision_record
    from tests.factories.awards import pdf_upload

    meeting = _council_meeting(owner, concluded=True)
    council_decision_record(
        meeting=meeting,
        user=meeting.votes_recorded_by,
        number=f"{meeting.pk}/QĐ-UBND",
        day=datetime.date(2025, 2, 3),
        upload=pdf_upload("quyet-dinh.pdf"),
    )
    return {"pk": meeting.pk}


COUNCIL_ACTIONS = {"anonymous": LOGIN_REDIRECT, "*": 404, "reviewer": 302}
MATRIX.update(
    {
        "council:index": Entry(REPORT_READERS),
        "council:campaign": Entry(REPORT_READERS, fixture=_council_campaign),
        "council:meeting_create": Entry(SETUP_PAGES, fixture=_council_campaign),
        "council:outline": Entry(SETUP_PAGES, fixture=_council_outline),
        "council:meeting": Entry(REPORT_READERS, fixture=_council_meeting_pk),
        "council:votes": Entry(SETUP_PAGES, fixture=_council_meeting_pk),
        "council:render_status": Entry(REPORT_READERS, fixture=_council_concluded_pk),
        "council:render_request": Entry(
            COUNCIL_ACTIONS,
            fixture=_council_concluded_pk,
            method="post",
            data={"documents": ["minutes"], "formats": ["pdf"]},
        ),
        "council:decision": Entry({**COUNCIL_ACTIONS, "reviewer": 400}, fixture=_council_concluded_pk, method="post"),
        "council:download": Entry(REPORT_READERS, fixture=_council_render),
        "council:decision_download": Entry(REPORT_READERS, fixture=_council_decision),
        "council:certificates": Entry(REPORT_READERS, fixture=_council_decision),
    }
)


def test_every_url_has_an_entry():
    names = {name for name in _named_urls() if name.split(":")[0] not in EXCLUDED_NAMESPACES or name in MATRIX}
    missing = sorted(names - set(MATRIX))
    assert not missing, f"URLs without a permission-matrix entry: {missing}"
    assert not sorted(set(MATRIX) - names), "Entries for URLs that no longer exist"


@pytest.fixture
def world(db):
    """An owning commune under a district, and an unrelated agency, with one officer each."""
    owner = CommuneFactory()
    other = CommuneFactory()
    users = {
        "officer_own": UserFactory(role=Role.AGENCY_OFFICER, agency=owner),
        "officer_parent": UserFactory(role=Role.AGENCY_OFFICER, agency=owner.parent),
        "officer_other": UserFactory(role=Role.AGENCY_OFFICER, agency=other),
        "reviewer": UserFactory(role=Role.REVIEWER),
        "official": UserFactory(role=Role.OFFICIAL),
        "administrator": UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True),
    }
    return {"owner": owner, "users": users}


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, name, role):
    entry = MATRIX[name]
    kwargs = entry.fixture(world["owner"]) if entry.fixture else {}
    if role != "anonymous":
        client.force_login(world["users"][role])
    url = reverse(name, kwargs=kwargs)
    response = getattr(client, entry.method)(url, entry.data)
    expected = entry.status_for(role)
    assert response.status_code == expected, (
        f"{role} {entry.method.upper()} {url}: {response.status_code} != {expected}"
    )


API_TOKENS = ("none", "revoked", "valid")


@pytest.mark.parametrize("name", sorted(name for name, entry in MATRIX.items() if entry.expected == API_DATA))
@pytest.mark.parametrize("token_state", API_TOKENS)
def test_api_token_matrix(client, world, name, token_state):
    from api.services import api_client_issue, api_client_revoke

    entry = MATRIX[name]
    kwargs = entry.fixture(world["owner"]) if entry.fixture else {}
    api_client, token = api_client_issue(name="Hệ thống thử", actor=None)
    if token_state == "revoked":
        api_client_revoke(client=api_client, actor=None)
    headers = {} if token_state == "none" else {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = client.get(reverse(name, kwargs=kwargs), **headers)
    assert response.status_code == (200 if token_state == "valid" else 401), (token_state, name)
