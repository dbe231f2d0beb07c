"""Run by backup.py in a child process, with DATABASE_URL naming a scratch database: migrates it to
the migrations a backup was made at (JSON list of [app, migration] on stdin), so that the backup's
schema can be compared with what the portal's migrations create. A separate process, so that the
migrations' code and Django's connection touch only the scratch database, never the portal's."""

import json
import sys

import django


def main() -> None:
    django.setup()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from campaign_portal.freshness import triggers_install

    targets = [tuple(target) for target in json.loads(sys.stdin.read())]
    MigrationExecutor(connection).migrate(targets)
    # `migrate` installs the figures' triggers after its migrations (campaign_portal/freshness.py):
    # the reference is what `migrate` makes, so the backup's triggers and functions are expected.
    triggers_install()


if __name__ == "__main__":
    main()
