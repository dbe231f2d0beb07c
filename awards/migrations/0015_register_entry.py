"""The award register as one database view, read through the unmanaged `RegisterEntry`: the portal's
awarded nominations and the awards recorded before it, so that each reader of the register is a plain
query on one relation instead of a union the ORM builds and compiles on every call.

The SQL holds the values of `AwardSource` ('portal', 'record'), `NominationState.AWARDED` ('awarded') and
`NomineeType.COLLECTIVE` ('collective') as a migration must, frozen: tests/awards/test_register.py reads
both kinds of row back through the view, so a changed value fails there. Each column has one type in
both halves (hence the casts of the NULLs): PostgreSQL takes a condition on the view into each half
only for a column whose type the halves agree on, and there it reaches the table's index (the nominee's
key, the nomination's state).

A later migration of a table the view reads (nominations, award forms, records, campaigns, agencies)
drops the view first and creates it again: PostgreSQL refuses to alter the type of a column a view
reads (and drops the view with a dropped column), and SQLite, where Django rebuilds a table for most
changes, refuses to rename the rebuilt table while a view names it."""

from django.db import migrations, models

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

DROP_VIEW = "DROP VIEW awards_register_entry"


class Migration(migrations.Migration):
    # The newest migrations of the tables it reads, so that none of them runs after the view exists.
    dependencies = [
        ("agencies", "0003_agency_name_index"),
        ("awards", "0014_nomination_queue_sent"),
        ("campaigns", "0006_campaign_publishes_proposed_list"),
    ]

    operations = [
        migrations.CreateModel(
            name="RegisterEntry",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "source", "id", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[("portal", "Cổng thi đua"), ("record", "Ghi nhận trước khi có cổng")], max_length=16
                    ),
                ),
                ("id", models.BigIntegerField()),
                (
                    "nominee_type",
                    models.CharField(choices=[("collective", "Tập thể"), ("individual", "Cá nhân")], max_length=16),
                ),
                ("form_name", models.CharField(max_length=255)),
                ("nominee_name", models.CharField(max_length=255)),
                ("nominee_position", models.CharField(max_length=255)),
                ("nominee_unit", models.CharField(max_length=255)),
                ("decision_number", models.CharField(max_length=64)),
                ("decision_date", models.DateField()),
                ("context", models.CharField(max_length=500)),
                ("campaign_code", models.CharField(max_length=32, null=True)),
                ("updated_at", models.DateTimeField()),
                ("nominee_key", models.CharField(max_length=400)),
                ("search_text", models.CharField(max_length=800)),
            ],
            options={
                "db_table": "awards_register_entry",
                "managed": False,
            },
        ),
        migrations.RunSQL(CREATE_VIEW, reverse_sql=DROP_VIEW),
    ]
