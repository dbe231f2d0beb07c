"""Run by backup.py in a child process, with DATABASE_URL naming a scratch database: migrates it to
the migrations a backup was made at (JSON list of [app, migration] on stdin), so that the backup's
schema can be compared with what the portal's migrations create. A separate process, so that the
migrations' code and Django's connection touch only the scratch database, never the portal's."""

import json
import sys

import django


def main() -> None:
    django.setup()
    from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    targets = [tuple(target) for target in json.loads(sys.stdin.read())]
    # Sent around the migrations as `migrate` sends them, so that the reference is what `migrate` makes:
    # after them the figures' triggers and functions (campaign_portal/freshness.py) and the register's
    # view (awards/register_view.py) are installed, and the backup's are expected.
    emit_pre_migrate_signal(0, False, connection.alias)
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(targets)
    executor.migrate(targets, plan=plan)
    emit_post_migrate_signal(0, False, connection.alias, plan=plan)


if __name__ == "__main__":
    main()
