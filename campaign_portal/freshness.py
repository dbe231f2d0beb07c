"""Cached figures stay fresh through database triggers, so no write can forget to refresh them.

The dashboards cache their figures under a version number kept on the row the figures belong to
(`Campaign.data_version`). The database moves that number in the transaction of every write to a
table the figures read: a service, a `QuerySet.update()`, a `bulk_create`, a cascade delete, an M2M
change, the admin, a Django shell, raw SQL. A reader that sees the new data sees the new version, so
figures cached under the old version are never shown again. Nothing in Python has to remember it.

Who declares what. `campaign_portal` imports no app, so the apps declare their own tables on their
AppConfig and this module only turns the declarations into SQL for SQLite and PostgreSQL:

- the app owning the versioned row: `figures_version = ("Campaign", "data_version")`;
- every app, for each of its tables the figures read, the way from a row to the versioned row, as
  a lookup path of foreign keys (`None`: the rows reach no versioned row, e.g. an agency's name
  shows in every campaign's figures, so a write moves every version):

      figures_sources = {"Nomination": "campaign", "DossierDocument": "nomination__campaign"}

  Covering a new table is one line there; the next `manage.py migrate` installs its triggers, and
  `tests/campaign_portal/test_freshness.py` fails for any table that has neither the triggers nor a
  reason in its list of tables the figures never read.

Why `migrate` installs them (pre_migrate/post_migrate) rather than a migration per table: SQLite
cannot alter most columns in place, so Django rebuilds the table (create a copy, drop, rename). The
drop takes the table's triggers with it, and the rename fails outright while a trigger elsewhere
names the dropped table ("error in trigger …: no such table"). Every trigger here names the
campaigns' table, and the dossier documents' triggers name the nominations' table, so a later
AddField on either would break `migrate` on the embedded default. So on SQLite every trigger is
dropped before migrating, and on both vendors the declared set is installed after it (replacing
what was there, dropping what is no longer declared), then every version is moved, since
migrations may have written data while the triggers were away. On PostgreSQL (14 or later) the
triggers stay through migrations and are replaced in place, which stops no reader.

Precision, contention, deadlocks. A write moves only the versions its rows reach (per campaign),
in one UPDATE per statement on PostgreSQL (statement-level triggers over transition tables, so a
bulk write of 2,000 rows moves each campaign once). The moved row stays locked until commit, so
writers to one campaign take turns from their first such write to their commit. The hand-written
call this replaces took the same lock, though usually at the end of the transaction; the services'
transactions are short. A single global version row would make every campaign's writers take
turns and drop every campaign's cached figures at each write; a version per campaign keeps an old
campaign's cache while the current one is busy. So that two statements never lock the same
campaigns crosswise, a statement locks its campaigns in key order before moving them (a write to
agencies locks them all, in that order). Two transactions that each write to several campaigns in
separate statements, in opposite orders, can still deadlock: PostgreSQL then cancels one. No
service writes that way. A service that locks a record before writing it takes the record's
campaign first (`versions_lock`), so that it and a transaction that wrote elsewhere in the campaign
wait in one order. SQLite has one writer at a time and no such risk.

The version never falls below the database clock in microseconds, so after a restore of an older
backup the next write takes a number that no figure cached before the restore was stored under.
A full save of a stale `Campaign` instance cannot set it back either: an UPDATE that does not
raise the version is raised past the stored one by a trigger on the versioned table itself.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import connections, transaction

PREFIX = "figures_version"
# PostgreSQL truncates longer identifiers silently, which would make two tables share a function.
MAX_NAME = 63


@dataclass(frozen=True)
class Versioned:
    """The table and column that hold the versions, and the table's key."""

    table: str
    column: str
    key: str


@dataclass(frozen=True)
class Hop:
    """From a row, through `column`, to the row of `table` whose `key` it holds."""

    column: str
    table: str
    key: str


@dataclass(frozen=True)
class Source:
    """A table the figures read; its hops lead to the versioned row (none: every versioned row)."""

    table: str
    hops: tuple[Hop, ...]


def declarations() -> tuple[Versioned | None, list[Source]]:
    """What the installed apps declare on their AppConfig (see the module's docstring)."""
    versioned_model = versioned = None
    for config in apps.get_app_configs():
        declared = getattr(config, "figures_version", None)
        if declared:
            if versioned is not None:
                raise ImproperlyConfigured("Only one app may declare figures_version.")
            versioned_model = config.get_model(declared[0])
            versioned = Versioned(
                table=versioned_model._meta.db_table,
                column=versioned_model._meta.get_field(declared[1]).column,
                key=versioned_model._meta.pk.column,
            )
    sources = []
    for config in apps.get_app_configs():
        for model_name, path in getattr(config, "figures_sources", {}).items():
            if versioned_model is None:
                raise ImproperlyConfigured(f"{config.label} declares figures_sources, yet no app figures_version.")
            model = config.get_model(model_name)
            sources.append(Source(table=model._meta.db_table, hops=_hops(model, path, versioned_model)))
    return versioned, sources


def _hops(model, path: str | None, versioned_model) -> tuple[Hop, ...]:
    if path is None:
        return ()
    hops = []
    for name in path.split("__"):
        field = model._meta.get_field(name)
        if not (field.many_to_one or field.one_to_one) or not field.concrete:
            raise ImproperlyConfigured(f"figures_sources: {model.__name__}.{name} is not a foreign key.")
        model = field.related_model
        hops.append(Hop(column=field.column, table=model._meta.db_table, key=field.target_field.column))
    if model is not versioned_model:
        raise ImproperlyConfigured(f"figures_sources: {path!r} does not lead to {versioned_model.__name__}.")
    return tuple(hops)


def _name(*parts: str) -> str:
    return "__".join((PREFIX, *parts))


def _pg_name(*parts: str) -> str:
    name = _name(*parts)
    if len(name) > MAX_NAME:
        raise ImproperlyConfigured(f"{name!r} is longer than {MAX_NAME} characters: give the table a shorter name.")
    return name


# The clock floor, in microseconds since 1970. SQLite's 'now' is exact to the millisecond.
PG_CLOCK = "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint"
SQLITE_CLOCK = "CAST((julianday('now') - 2440587.5) * 86400000000.0 AS INTEGER)"


def _ids_query(source: Source, q, rows: str, alias: str) -> str:
    """SELECT of the versioned keys reached by the rows of `rows` (a table name, aliased `alias`);
    only the hops before the last are joined, the last column holds the versioned key."""
    joins, current = [], alias
    for index, hop in enumerate(source.hops[:-1], start=1):
        joins.append(f"JOIN {q(hop.table)} h{index} ON h{index}.{q(hop.key)} = {current}.{q(hop.column)}")
        current = f"h{index}"
    return f"SELECT {current}.{q(source.hops[-1].column)} FROM {rows} {alias} {' '.join(joins)}".strip()


# --- PostgreSQL ----------------------------------------------------------------------------------


def _pg_move_function(versioned: Versioned, q) -> str:
    table, column, key = q(versioned.table), q(versioned.column), q(versioned.key)
    return f"""
CREATE OR REPLACE FUNCTION {_pg_name("move")}(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $body$
BEGIN
    -- Locked in key order first: two statements moving the same rows never wait crosswise.
    PERFORM 1 FROM {table} WHERE ids IS NULL OR {key} = ANY(ids) ORDER BY {key} FOR NO KEY UPDATE;
    UPDATE {table} SET {column} = GREATEST({column} + 1, {PG_CLOCK}) WHERE ids IS NULL OR {key} = ANY(ids);
END
$body$"""


def _pg_versioned_function(versioned: Versioned, q) -> str:
    column = q(versioned.column)
    return f"""
CREATE OR REPLACE FUNCTION {_pg_name(versioned.table)}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.{column} := GREATEST(NEW.{column}, {PG_CLOCK});
    ELSIF NEW.{column} <= OLD.{column} THEN
        NEW.{column} := GREATEST(OLD.{column} + 1, {PG_CLOCK});
    END IF;
    RETURN NEW;
END
$body$"""


def _pg_source_function(source: Source, q) -> str:
    move = _pg_name("move")
    if source.hops:

        def moved(*tables: str) -> str:
            union = " UNION ".join(_ids_query(source, q, table, "r") for table in tables)
            return f"PERFORM {move}(ARRAY({union})::bigint[]);"
    else:

        def moved(*tables: str) -> str:
            changed = " OR ".join(f"EXISTS (SELECT FROM {table})" for table in tables)
            return f"IF {changed} THEN PERFORM {move}(NULL); END IF;"

    return f"""
CREATE OR REPLACE FUNCTION {_pg_name(source.table)}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM {move}(NULL);
    ELSIF TG_OP = 'INSERT' THEN
        {moved("new_rows")}
    ELSIF TG_OP = 'UPDATE' THEN
        {moved("new_rows", "old_rows")}
    ELSE
        {moved("old_rows")}
    END IF;
    RETURN NULL;
END
$body$"""


PG_SOURCE_TRIGGERS = (
    ("insert", "AFTER INSERT", "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT"),
    ("update", "AFTER UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT"),
    ("delete", "AFTER DELETE", "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT"),
    ("truncate", "AFTER TRUNCATE", "FOR EACH STATEMENT"),
)


def postgresql_statements(versioned: Versioned, sources: list[Source], q) -> list[tuple[str, str, str, str]]:
    """(kind, name, table, SQL) of the functions and triggers for PostgreSQL 14 or later (CREATE OR
    REPLACE TRIGGER: re-installing takes no lock that stops readers)."""
    function = _pg_name(versioned.table)
    statements = [
        ("function", _pg_name("move"), "", _pg_move_function(versioned, q)),
        ("function", function, "", _pg_versioned_function(versioned, q)),
        (
            "trigger",
            _pg_name("row"),
            versioned.table,
            f"CREATE OR REPLACE TRIGGER {_pg_name('row')} BEFORE INSERT OR UPDATE ON {q(versioned.table)} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        ),
    ]
    for source in sources:
        function = _pg_name(source.table)
        statements.append(("function", function, "", _pg_source_function(source, q)))
        for event, when, how in PG_SOURCE_TRIGGERS:
            trigger = _pg_name(event)
            sql = f"CREATE OR REPLACE TRIGGER {trigger} {when} ON {q(source.table)} {how} EXECUTE FUNCTION {function}()"
            statements.append(("trigger", trigger, source.table, sql))
    return statements


def versions_lock(model, pks) -> None:
    """Lock, in key order, the version rows that the rows `pks` of `model` reach, before the caller
    locks those rows themselves.

    The triggers lock a version row at a transaction's first write to its campaign. A service that
    locks a record first (a nomination, for its transition) and writes it next takes the record,
    then the campaign; a transaction that wrote elsewhere in the campaign first (a criteria check, a
    reviewer's other action) holds the campaign and may then want the record: each would wait for
    the other, and PostgreSQL would cancel one with a deadlock error. Taking the campaign first, in
    the services that lock records, gives every writer one order: campaign, then record. SQLite has
    one writer at a time, so nothing is needed there; a model the figures never read locks nothing."""
    connection = connections["default"]
    if connection.vendor != "postgresql":
        return
    versioned, sources = declarations()
    source = next((s for s in sources if s.table == model._meta.db_table), None)
    if versioned is None or source is None:
        return
    q = connection.ops.quote_name
    key = q(versioned.key)
    where = ""
    params: list = []
    if source.hops:
        rows = f"(SELECT * FROM {q(source.table)} WHERE {q(model._meta.pk.column)} = ANY(%s))"
        where = f" WHERE {key} IN ({_ids_query(source, q, rows, 'r')})"
        params = [list(pks)]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {q(versioned.table)}{where} ORDER BY {key} FOR NO KEY UPDATE", params)


# --- SQLite --------------------------------------------------------------------------------------


def _sqlite_move(versioned: Versioned, q, where: str) -> str:
    column = q(versioned.column)
    return f"UPDATE {q(versioned.table)} SET {column} = max({column} + 1, {SQLITE_CLOCK}){where};"


def _sqlite_where(source: Source, versioned: Versioned, q, refs: tuple[str, ...]) -> str:
    if not source.hops:
        return ""
    values = ", ".join(f"{ref}.{q(source.hops[0].column)}" for ref in refs)
    if len(source.hops) == 1:
        return f" WHERE {q(versioned.key)} IN ({values})"
    first = source.hops[0]
    nested = Source(table=first.table, hops=source.hops[1:])
    query = _ids_query(nested, q, q(first.table), "h0")
    return f" WHERE {q(versioned.key)} IN ({query} WHERE h0.{q(first.key)} IN ({values}))"


def sqlite_statements(versioned: Versioned, sources: list[Source], q) -> list[tuple[str, str, str, str]]:
    """(kind, name, table, SQL) of the row triggers for SQLite (the only kind it has)."""
    table, column, key = q(versioned.table), q(versioned.column), q(versioned.key)
    statements = [
        (
            _name(versioned.table, "insert"),
            versioned.table,
            f"CREATE TRIGGER {_name(versioned.table, 'insert')} AFTER INSERT ON {table} FOR EACH ROW BEGIN "
            f"UPDATE {table} SET {column} = max(NEW.{column}, {SQLITE_CLOCK}) WHERE {key} = NEW.{key}; END",
        ),
        (
            _name(versioned.table, "update"),
            versioned.table,
            # The inner UPDATE raises the version, so the WHEN clause stops it from firing this again.
            f"CREATE TRIGGER {_name(versioned.table, 'update')} AFTER UPDATE ON {table} FOR EACH ROW "
            f"WHEN NEW.{column} <= OLD.{column} BEGIN "
            f"UPDATE {table} SET {column} = max(OLD.{column} + 1, {SQLITE_CLOCK}) WHERE {key} = NEW.{key}; END",
        ),
    ]
    for source in sources:
        for event, refs in (("insert", ("NEW",)), ("update", ("NEW", "OLD")), ("delete", ("OLD",))):
            name = _name(source.table, event)
            where = _sqlite_where(source, versioned, q, refs)
            sql = (
                f"CREATE TRIGGER {name} AFTER {event.upper()} ON {q(source.table)} "
                f"FOR EACH ROW BEGIN {_sqlite_move(versioned, q, where)} END"
            )
            statements.append((name, source.table, sql))
    return [("trigger", name, table, sql) for name, table, sql in statements]


# --- Installing ----------------------------------------------------------------------------------


def _existing(connection) -> list[tuple[str, str, str]]:
    """(kind, name, table) of every trigger and function of ours in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT 'trigger', name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{PREFIX}%"],
            )
        else:
            cursor.execute(
                "SELECT 'trigger', t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND t.tgname LIKE %s AND c.relnamespace = current_schema()::regnamespace "
                "UNION ALL SELECT 'function', p.proname, '' FROM pg_proc p "
                "WHERE p.proname LIKE %s AND p.pronamespace = current_schema()::regnamespace",
                [f"{PREFIX}%", f"{PREFIX}%"],
            )
        return cursor.fetchall()


def tables_with_triggers(connection) -> dict[str, set[str]]:
    """The names of our triggers on each table, for the tests and for a look by hand."""
    tables: dict[str, set[str]] = {}
    for kind, name, table in _existing(connection):
        if kind == "trigger":
            tables.setdefault(table, set()).add(name)
    return tables


def _drop(connection, objects) -> None:
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        for kind, name, table in objects:
            if kind == "function":
                cursor.execute(f"DROP FUNCTION IF EXISTS {q(name)} CASCADE")
            elif connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {q(name)}")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {q(name)} ON {q(table)}")


def triggers_install(*, using: str = "default") -> None:
    """Make the database's triggers exactly the declared ones (tables not created yet are left
    out), then move every version: the data may have changed while they were away."""
    connection = connections[using]
    versioned, sources = declarations()
    tables = set(connection.introspection.table_names())
    q = connection.ops.quote_name
    with transaction.atomic(using=using):
        if versioned is None or versioned.table not in tables:
            _drop(connection, _existing(connection))
            return
        sources = [source for source in sources if source.table in tables and _reachable(source, tables)]
        if connection.vendor == "sqlite":
            wanted = sqlite_statements(versioned, sources, q)
            _drop(connection, _existing(connection))
        else:
            wanted = postgresql_statements(versioned, sources, q)
            declared = {(kind, name, table) for kind, name, table, _sql in wanted}
            _drop(connection, [found for found in _existing(connection) if tuple(found) not in declared])
        with connection.cursor() as cursor:
            for *_what, sql in wanted:
                cursor.execute(sql)
            if connection.vendor == "sqlite":
                cursor.execute(_sqlite_move(versioned, q, ""))
            else:
                cursor.execute(f"SELECT {_pg_name('move')}(NULL)")


def _reachable(source: Source, tables: set[str]) -> bool:
    return all(hop.table in tables for hop in source.hops)


def on_pre_migrate(sender, using: str = "default", **kwargs) -> None:
    """SQLite rebuilds tables to alter them, which a trigger naming the table would break."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        with transaction.atomic(using=using):
            _drop(connection, _existing(connection))


def on_post_migrate(sender, using: str = "default", plan=None, **kwargs) -> None:
    # `flush` sends post_migrate too, without a plan: it empties tables and keeps their triggers.
    if plan is not None:
        triggers_install(using=using)
