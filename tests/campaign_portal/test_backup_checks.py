"""The backup checks that need no PostgreSQL server: how a pg_restore script is cut into statements
(table data is never read as SQL, psql's restrict lines and comments are skipped), and the
embedded default's SQLite copy (damaged, or holding a trigger the portal does not create)."""

import sqlite3

import pytest

from campaign_portal.backup import DATABASE_FILE, BackupError
from campaign_portal.backup.schema import _statements, dump_check

SCRIPT = [
    "--",
    "-- PostgreSQL database dump",
    "--",
    "",
    "\\restrict AbC123",
    "SET statement_timeout = 0;",
    "CREATE TABLE public.agencies_agency (",
    "    id bigint NOT NULL,",
    "    name character varying(255) NOT NULL",
    ");",
    "COPY public.agencies_agency (id, name) FROM stdin;",
    "1\tDROP TABLE x;",
    "2\tCREATE FUNCTION f();",
    "\\.",
    "SELECT pg_catalog.setval('public.agencies_agency_id_seq', 2, true);",
    "CREATE FUNCTION public.f() RETURNS int",
    "    LANGUAGE sql AS $$ SELECT 1; $$;",
    "\\unrestrict AbC123",
]


def test_statements_skip_table_data_comments_and_restrict_lines():
    statements = list(_statements(SCRIPT))
    assert statements == [
        ("sql", "SET statement_timeout = 0;"),
        (
            "sql",
            "\n".join(SCRIPT[6:10]),
        ),
        ("copy", "COPY public.agencies_agency (id, name) FROM stdin;"),
        ("sql", "SELECT pg_catalog.setval('public.agencies_agency_id_seq', 2, true);"),
        ("sql", "CREATE FUNCTION public.f() RETURNS int\n    LANGUAGE sql AS $$ SELECT 1; $$;"),
    ]


def test_an_unfinished_statement_is_still_checked():
    assert list(_statements(["COPY public.x (a) TO PROGRAM 'sh'"])) == [("sql", "COPY public.x (a) TO PROGRAM 'sh'")]


def _sqlite_backup(tmp_path, *statements):
    with sqlite3.connect(tmp_path / DATABASE_FILE) as db:
        db.execute("CREATE TABLE agencies_agency (id integer PRIMARY KEY, name text)")
        for statement in statements:
            db.execute(statement)
    return tmp_path


def test_an_sqlite_copy_without_triggers_passes(tmp_path):
    dump_check(_sqlite_backup(tmp_path), {"database_vendor": "sqlite"}, tmp_path)


def test_an_sqlite_copy_with_a_trigger_is_refused(tmp_path):
    folder = _sqlite_backup(
        tmp_path,
        "CREATE TRIGGER rename_all AFTER INSERT ON agencies_agency BEGIN UPDATE agencies_agency SET name = 'x'; END",
    )
    with pytest.raises(BackupError, match="trigger “rename_all”"):
        dump_check(folder, {"database_vendor": "sqlite"}, tmp_path)


def test_a_damaged_sqlite_copy_is_refused(tmp_path):
    (tmp_path / DATABASE_FILE).write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    with pytest.raises(BackupError, match="bị hỏng"):
        dump_check(tmp_path, {"database_vendor": "sqlite"}, tmp_path)
