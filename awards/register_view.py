"""The award register's database view (`RegisterEntry`): the portal's awarded nominations and the awards
recorded before it as one relation, so that each reader of the register is a plain query instead of a
union the ORM builds and compiles on every call.

The view is not a migration's: it is dropped before every `migrate` that runs migrations and created
again after it, once the database stands at the latest migration. A later migration of a table it reads
(nominations, award forms, records, campaigns, agencies) then never meets it: PostgreSQL refuses to
alter the type of a column a view reads and drops the view with a dropped column, and SQLite, where
Django rebuilds a table for most changes, refuses to rename the rebuilt table while a view names it. No
migration has to remember it.

The SQL holds the values of `AwardSource` ('portal', 'record'), `NominationState.AWARDED` ('awarded')
and `NomineeType.COLLECTIVE` ('collective'): tests/awards/test_register.py reads both kinds of row back
through the view, so a changed value fails there. Each column has one type in both halves (hence the
casts of the NULLs): PostgreSQL takes a condition on the view into each half only for a column whose
type the halves agree on, and there it reaches the table's index (the nominee's key, the state)."""

from django.db import connections, transaction
from django.db.migrations.executor import MigrationExecutor

CREATE_VIEW = """
CREATE VIEW awards_register_entry AS
SELECT
    'portal' AS source,
    nomination.id AS id,
    nomination.nominee_type AS nominee_type,
    form.name AS form_name,
    CASE WHEN nomination.nominee_type = 'collective' THEN nominee.name ELSE nomination.nominee_name END
        AS nominee_name,
    nomination.nominee_position AS nominee_position,
    nomination.nominee_unit AS nominee_unit,
    CASE WHEN nomination.nominee_type = 'collective' THEN nomination.nominee_agency_id ELSE nomination.agency_id END
        AS agency_id,
    nomination.decision_number AS decision_number,
    nomination.decision_date AS decision_date,
    campaign.name AS context,
    campaign.code AS campaign_code,
    nomination.agency_id AS nominating_agency_id,
    nomination.nominee_agency_id AS nominee_agency_id,
    nomination.updated_at AS updated_at,
    nomination.nominee_key AS nominee_key,
    nomination.search_text AS search_text
FROM awards_nomination nomination
JOIN awards_awardform form ON form.id = nomination.award_form_id
JOIN campaigns_campaign campaign ON campaign.id = nomination.campaign_id
LEFT JOIN agencies_agency nominee ON nominee.id = nomination.nominee_agency_id
WHERE nomination.state = 'awarded' AND nomination.decision_date IS NOT NULL AND nomination.decision_number <> ''
UNION ALL
SELECT
    'record',
    record.id,
    record.nominee_type,
    record.form_name,
    CASE WHEN record.nominee_type = 'collective' THEN agency.name ELSE record.nominee_name END,
    record.nominee_position,
    record.nominee_unit,
    record.agency_id,
    record.decision_number,
    record.decision_date,
    record.note,
    CAST(NULL AS varchar(32)),
    CAST(NULL AS bigint),
    CASE WHEN record.nominee_type = 'collective' THEN record.agency_id END,
    record.created_at,
    record.nominee_key,
    record.search_text
FROM awards_awardrecord record
LEFT JOIN agencies_agency agency ON agency.id = record.agency_id
"""


def register_view_drop(*, connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP VIEW IF EXISTS awards_register_entry")


def register_view_create(*, connection) -> None:
    """Creates the view (again) when every migration is applied, in one transaction with dropping the
    one it replaces, so that no reader meets the register without it; a database migrated back to an
    earlier state may lack the columns it reads (its next `migrate` forward creates it)."""
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("DROP VIEW IF EXISTS awards_register_entry")
        cursor.execute(CREATE_VIEW)


def before_migrate(*, using, plan=None, **kwargs) -> None:
    """Before `migrate` runs migrations; a `migrate` with none to run (a deployment without schema
    changes) leaves the view standing."""
    if plan:
        register_view_drop(connection=connections[using])


def after_migrate(*, using, plan=None, **kwargs) -> None:
    """After `migrate` (which passes its plan); not after `flush`, which empties tables and leaves views."""
    if plan is not None:
        register_view_create(connection=connections[using])
