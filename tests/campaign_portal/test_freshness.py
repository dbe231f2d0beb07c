"""The database moves a campaign's data version in the transaction of every write to a table the
cached figures read (campaign_portal/freshness.py): whatever wrote it, the next dashboard shows it.

The first test is the guard for new models: a table with neither the triggers nor a reason below
fails it, so a new model cannot be left out by forgetting."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency
from awards.enums import NominationState
from awards.models import DossierDocument, Nomination
from campaign_portal import freshness
from campaigns.models import Campaign
from initiatives.enums import InitiativeState
from initiatives.models import Initiative
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, NominationFactory

ROOT = Path(__file__).resolve().parents[2]

# Tables the cached figures never read, each with the reason. A new table goes either on its app's
# `figures_sources` (its writes then move the version) or here, with a reason a reviewer can check.
NEVER_READ = {
    "api_apiclient": "the systems that read the API and their token hashes: never counted on a dashboard",
    "campaign_portal_outboxmessage": "background work waiting for the broker: never counted on a dashboard",
    "reports_outlinesection": "the report's outline: read when a report is composed, never by the cached figures",
    "reports_outlineblock": "the computed blocks placed in the outline: read only when a report is composed",
    "campaign_portal_auditevent": "the audit log: who did what, shown on records' pages, never counted",
    "accounts_user": "the figures are counted per role, which is in the cache key, not per user",
    "accounts_user_groups": "Django's groups: permissions come from the role (rules)",
    "accounts_user_user_permissions": "Django's permissions: permissions come from the role (rules)",
    "campaigns_legaldocument": "documents are cited by the report and the campaign page, which are not cached",
    "initiatives_similarinitiative": "matches for the reviewer, shown on the initiative's page and read by the "
    "report when composed, never by the cached figures",
    "initiatives_initiativehistory": "history of transitions; the state they set is on the initiative",
    "awards_nominationtransition": "history of transitions; the state they set is on the nomination",
    "awards_criterionresult": "per-criterion results; the verdict the figures count is on the nomination, "
    "written in the same transaction",
    "awards_trustanchor": "the administrator's trusted roots for signature checks; verdicts are on the documents",
    "awards_checkbatch": "the progress of a recheck, read live from the nominations' checked_at",
    "reports_reportrender": "rendered files, listed live on the report page and the home page",
    "council_councilrule": "the council's pass rule, read when a meeting is set up, never by the cached figures",
    "council_councilmeeting": "council meetings, shown live on their own pages; the approvals and awards they "
    "make are on the nominations, written in the same transaction",
    "council_councilmember": "the members present at a meeting, shown on its page and in its minutes",
    "council_councilitem": "votes per nomination; the state they lead to is on the nomination",
    "council_councildocumentrender": "rendered council documents, listed live on the meeting page",
    "council_councildocumentoutline": "the council documents' text, read when a document is composed",
    "awards_awardrecord": "the awards made before the portal: read live by the register page and the checks, "
    "never by the cached figures",
    "awards_publication": "a list published for comment, read live by its pages, never counted on a dashboard",
    "awards_publication_nominations": "the nominations of a published list, read live by its pages",
    "awards_publiccomment": "the public's comments, read live by the reviewers' page, never counted",
}

PG_SOURCE = {f"figures_version__{event}" for event in ("insert", "update", "delete", "truncate")}


def _project_tables() -> set[str]:
    """Every table of the project's own apps, M2M tables included: a new app is counted too."""
    return {
        model._meta.db_table
        for config in apps.get_app_configs()
        if (ROOT / config.name.split(".")[0] / "apps.py").is_file()
        for model in config.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def _sent(campaign) -> Nomination:
    form = AwardFormFactory(campaign=campaign)
    return NominationFactory(award_form=form, state=NominationState.SUBMITTED, submitted_at=timezone.now())


def _version(campaign) -> int:
    return Campaign.objects.values_list("data_version", flat=True).get(pk=campaign.pk)


@pytest.mark.django_db
def test_every_table_of_the_apps_has_the_freshness_triggers_or_a_reason_why_not():
    assert connection.vendor == "postgresql"
    triggers = freshness.tables_with_triggers(connection)
    tables = _project_tables()
    assert set(NEVER_READ) <= tables, "NEVER_READ names a table that no longer exists"
    uncovered = {table for table in tables - set(NEVER_READ) if not triggers.get(table)}
    assert not uncovered, f"add them to their app's figures_sources, or to NEVER_READ with a reason: {uncovered}"
    versioned = Campaign._meta.db_table
    assert triggers.pop(versioned) == {"figures_version__row"}
    assert all(names == PG_SOURCE for names in triggers.values()), triggers
    assert not set(triggers) & set(NEVER_READ)


@pytest.fixture
def campaign(db):
    campaign = CampaignFactory()
    campaign.expected_agencies.set(AgencyFactory.create_batch(2))
    return campaign


@pytest.fixture
def other(db):
    return CampaignFactory()


@pytest.fixture
def figures(client, reviewer):
    client.force_login(reviewer)

    def read(campaign) -> dict:
        context = client.get(reverse("home"), {"phong-trao": campaign.code}).context
        assert context["campaign"] == campaign
        return {
            "progress": context["progress"],
            "waiting": {key: count for _label, count, key in context["waiting"]},
            "charts": {chart.key: dict(chart.rows) for chart in context["charts"]},
        }

    return read


def test_queryset_update_moves_only_its_campaigns_version_and_shows_at_once(figures, campaign, other):
    nomination = _sent(campaign)
    assert figures(campaign)["waiting"]["submitted"] == 1
    before, other_before = _version(campaign), _version(other)
    Nomination.objects.filter(pk=nomination.pk).update(state=NominationState.UNDER_REVIEW)
    assert _version(campaign) > before
    assert _version(other) == other_before
    assert figures(campaign)["waiting"]["submitted"] == 0


def test_bulk_create_moves_the_version_and_shows_at_once(figures, campaign):
    agency = campaign.expected_agencies.first()
    assert figures(campaign)["charts"]["initiatives-agency"] == {}
    before = _version(campaign)
    Initiative.objects.bulk_create(
        Initiative(campaign=campaign, agency=agency, title=f"Mô hình {n}", state=InitiativeState.REGISTERED)
        for n in range(3)
    )
    assert _version(campaign) > before
    assert figures(campaign)["charts"]["initiatives-agency"] == {agency.name: 3}


def test_delete_moves_the_version_and_shows_at_once(figures, campaign):
    nomination = _sent(campaign)
    assert figures(campaign)["progress"].nominations_total == 1
    before = _version(campaign)
    nomination.delete()
    assert _version(campaign) > before
    assert figures(campaign)["progress"].nominations_total == 0


def test_m2m_change_moves_the_version_and_shows_at_once(figures, campaign):
    assert len(figures(campaign)["progress"].missing_agency_names) == 2
    before = _version(campaign)
    campaign.expected_agencies.add(AgencyFactory(name="Sở Mới thêm"))
    assert _version(campaign) > before
    assert "Sở Mới thêm" in figures(campaign)["progress"].missing_agency_names
    campaign.expected_agencies.clear()
    assert figures(campaign)["progress"].missing_agency_names == []


def test_write_reaching_the_campaign_through_another_row_moves_its_version(figures, campaign, other):
    nomination = _sent(campaign)
    form = nomination.award_form
    DossierDocument.objects.bulk_create(
        DossierDocument(
            nomination=nomination,
            requirement=requirement,
            file=f"ho-so/{requirement.code}.pdf",
            original_name=f"{requirement.code}.pdf",
            file_kind="pdf",
            content_type="application/pdf",
            size=100,
        )
        for requirement in form.requirements.all()
    )
    assert figures(campaign)["progress"].nominations_missing_component == 0
    before, other_before = _version(campaign), _version(other)
    DossierDocument.objects.filter(nomination=nomination).first().delete()
    assert _version(campaign) > before
    assert _version(other) == other_before
    assert figures(campaign)["progress"].nominations_missing_component == 1


def test_agency_renamed_by_raw_sql_moves_every_campaigns_version(figures, campaign, other):
    agency = campaign.expected_agencies.order_by("pk").first()
    assert agency.name in figures(campaign)["progress"].missing_agency_names
    before, other_before = _version(campaign), _version(other)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Agency._meta.db_table} SET name = %s WHERE id = %s", ["UBND tên mới", agency.pk])
    assert _version(campaign) > before and _version(other) > other_before
    assert "UBND tên mới" in figures(campaign)["progress"].missing_agency_names


def test_truncate_moves_every_campaigns_version(campaign, other):
    before, other_before = _version(campaign), _version(other)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {DossierDocument._meta.db_table}")
    assert _version(campaign) > before and _version(other) > other_before


def test_version_never_falls_below_the_clock_in_microseconds(campaign):
    Campaign.objects.filter(pk=campaign.pk).update(data_version=5)
    assert _version(campaign) > 5
    clock = time.time_ns() // 1000
    campaign.expected_agencies.add(AgencyFactory())
    # The database's clock, not this process's: the two may differ by a little.
    assert _version(campaign) > clock - 60_000_000


def test_statement_without_rows_moves_nothing(campaign):
    before = _version(campaign)
    Nomination.objects.filter(campaign=campaign).update(state=NominationState.APPROVED)
    assert _version(campaign) == before


# On SQLite the triggers are per row, and `migrate` must drop them before it rebuilds a table
# (which SQLite does to alter most columns) and put them back after: checked in a fresh process.
SQLITE_PROBE = """
import json
from django.db import connection, models
from agencies.models import Agency
from awards.models import Nomination
from campaign_portal import freshness
from campaigns.models import Campaign
from initiatives.models import Initiative
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.initiatives import InitiativeFactory

campaign, other = CampaignFactory(), CampaignFactory()
agency, unit = AgencyFactory(), AgencyFactory()
version = lambda c: Campaign.objects.values_list("data_version", flat=True).get(pk=c.pk)
moved = {}

def step(name, write):
    before, other_before = version(campaign), version(other)
    write()
    moved[name] = [version(campaign) > before, version(other) > other_before]

step("m2m", lambda: campaign.expected_agencies.add(agency))
initiative = InitiativeFactory(campaign=campaign, agency=agency)
step("update", lambda: Initiative.objects.filter(pk=initiative.pk).update(title="Mới"))
step("through", lambda: initiative.implementing_units.add(unit))
step("agency", lambda: Agency.objects.update(name="Tên mới"))
step("delete", lambda: initiative.delete())
stale = Campaign.objects.get(pk=campaign.pk)
step("stale save", lambda: stale.save())

field = models.IntegerField(default=1)
field.set_attributes_from_name("probe")
# What `migrate` does around a migration that rebuilds the nominations' table.
from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db.migrations.executor import MigrationExecutor
back = MigrationExecutor(connection).migration_plan([("awards", "0014_nomination_queue_sent")])
emit_pre_migrate_signal(0, False, "default", plan=back)
with connection.schema_editor() as editor:
    editor.add_field(Nomination, field)
emit_post_migrate_signal(0, False, "default", plan=[])
nomination_triggers = freshness.tables_with_triggers(connection)[Nomination._meta.db_table]
step("after rebuild", lambda: InitiativeFactory(campaign=campaign, agency=agency))
print(json.dumps({"moved": moved, "tables": sorted(freshness.tables_with_triggers(connection)),
                  "nomination": sorted(nomination_triggers)}))
"""


def test_sqlite_triggers_cover_the_same_tables_and_survive_a_table_rebuild(tmp_path):
    env = {**os.environ, "DATABASE_URL": "", "PORTAL_VAR_DIR": str(tmp_path), "CELERY_BROKER_URL": ""}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, cwd=ROOT, check=True, capture_output=True)
    done = subprocess.run(
        [*manage, "shell", "-c", SQLITE_PROBE], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["moved"] == {
        "m2m": [True, False],
        "update": [True, False],
        "through": [True, False],
        "agency": [True, True],
        "delete": [True, False],
        "stale save": [True, False],
        "after rebuild": [True, False],
    }
    _versioned, sources = freshness.declarations()
    assert result["tables"] == sorted({source.table for source in sources} | {Campaign._meta.db_table})
    assert result["nomination"] == [f"figures_version__awards_nomination__{e}" for e in ("delete", "insert", "update")]
