"""Checking a database dump against what the portal's migrations create, before it is restored.

A scratch database is migrated to the migrations the backup was made at and dumped the same way;
every statement of the backup outside its table data must be one of the scratch dump's. Table data
is allowed only as `COPY public.<a portal table> (…) FROM stdin` and sequence positions only as
`setval` of a portal sequence. Anything else (a function, a trigger, an extension, a CHECK the
models do not declare, `COPY … PROGRAM`, a psql meta-command) refuses the backup. Comparing with a
dump of the migrations, rather than listing forbidden words, derives the whitelist from the code."""

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db.migrations.loader import MigrationLoader

from .common import DATABASE_FILE, BackupError, pg_args, pg_server_args, run_tool


def _applied_targets(manifest: dict) -> list[tuple[str, str]]:
    """The last applied migration of each app at backup time (all of them must exist in this code)."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    applied = {tuple(key) for key in manifest["migrations"]}
    unknown = sorted(key for key in applied if key not in graph.nodes)
    if unknown:
        raise BackupError(
            f"Bản sao lưu được tạo ở phiên bản cổng có bước chuyển đổi dữ liệu {unknown[0][0]}.{unknown[0][1]} "
            "mà phiên bản này không có. Hãy khôi phục bằng đúng phiên bản đã sao lưu."
        )
    return sorted(
        key
        for key in applied
        if not any(child.key in applied and child.key[0] == key[0] for child in graph.node_map[key].children)
    )


def _script(dump: Path):
    """The SQL that pg_restore would send for `dump`, with the flags the restore uses, line by line
    (a dump's data can be larger than memory)."""
    flags = ["--clean", "--if-exists", "--no-owner", "--no-privileges"]
    command = ["pg_restore", *flags, "--file", "-", str(dump)]
    with (
        tempfile.TemporaryFile("w+") as errors,
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True) as process,
    ):
        for line in process.stdout:
            yield line.rstrip("\n")
        process.wait()
        errors.seek(0)
        if process.returncode != 0:
            raise BackupError(f"Không đọc được bản sao lưu cơ sở dữ liệu: {errors.read().strip()[-800:]}")


_COPY = re.compile(r'^COPY public\.("?[a-z0-9_]+"?) \([^;]*\) FROM stdin;$')
_SETVAL = re.compile(r"^SELECT pg_catalog\.setval\('public\.([a-z0-9_]+)', \d+, (true|false)\);$")
_TABLE = re.compile(r"^CREATE TABLE public\.([a-z0-9_]+) \($")
_SEQUENCE = re.compile(r"(?:SEQUENCE NAME|CREATE SEQUENCE) public\.([a-z0-9_]+)")
_META = re.compile(r"^\\(un)?restrict [A-Za-z0-9]+$")


def _statements(lines):
    """Yields ("sql", statement) and ("copy", header); COPY data lines are skipped (they are data)."""
    buffer: list[str] = []
    copying = False
    for line in lines:
        if copying:
            copying = line != "\\."
            continue
        if not buffer and (not line.strip() or line.startswith("--") or _META.match(line)):
            continue
        buffer.append(line)
        if line.endswith(";"):
            statement = "\n".join(buffer)
            buffer = []
            if _COPY.match(statement):
                copying = True
                yield "copy", statement
            else:
                yield "sql", statement
    if buffer:
        yield "sql", "\n".join(buffer)


def _reference_script(manifest: dict, workdir: Path) -> list[str]:
    """A scratch database migrated to the backup's migrations, dumped the same way."""
    db = settings.DATABASES["default"]
    scratch = f"{db['NAME']}_restore_check"[:63]
    admin, env = pg_server_args()
    run_tool(["dropdb", "--if-exists", *admin, scratch], env=env, what="Xoá cơ sở dữ liệu đối chiếu")
    run_tool(["createdb", *admin, scratch], env=env, what="Tạo cơ sở dữ liệu đối chiếu")
    try:
        user = f"{quote(db.get('USER') or 'postgres', safe='')}:{quote(db.get('PASSWORD') or '', safe='')}"
        url = f"postgres://{user}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{scratch}"
        child_env = {**os.environ, "DATABASE_URL": url, "CELERY_BROKER_URL": ""}
        targets = json.dumps(_applied_targets(manifest))
        result = subprocess.run(
            [sys.executable, "-m", "campaign_portal.backup.reference"],
            input=targets,
            env=child_env,
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BackupError(f"Không dựng được lược đồ đối chiếu: {result.stderr.strip()[-800:]}")
        reference = workdir / "reference.dump"
        scratch_args, scratch_env = pg_args(name=scratch)
        run_tool(
            ["pg_dump", "--format=custom", "--schema-only", *scratch_args, "--file", str(reference)],
            env=scratch_env,
            what="pg_dump",
        )
        return _script(reference)
    finally:
        run_tool(["dropdb", "--if-exists", *admin, scratch], env=env, what="Xoá cơ sở dữ liệu đối chiếu")


def dump_check(folder: Path, manifest: dict, workdir: Path) -> None:
    """Raises BackupError naming the first statement the migrations do not create. An SQLite copy
    (the embedded default: no server to take over) is checked for damage, triggers and views."""
    dump = folder / DATABASE_FILE
    if manifest["database_vendor"] == "sqlite":
        damaged = BackupError("Tệp cơ sở dữ liệu trong bản sao lưu bị hỏng. Không khôi phục gì.")
        try:
            with sqlite3.connect(f"file:{dump}?mode=ro", uri=True) as db:
                if db.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                    raise damaged
                extra = db.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchone()
        except sqlite3.DatabaseError as error:
            raise damaged from error
        if extra:
            raise BackupError(f"Bản sao lưu chứa {extra[0]} “{extra[1]}” mà cổng không tạo ra. Không khôi phục gì.")
        return
    reference = {statement for kind, statement in _statements(_reference_script(manifest, workdir)) if kind == "sql"}
    tables = {m.group(1) for s in reference if (m := _TABLE.match(s.splitlines()[0]))}
    sequences = set(_SEQUENCE.findall("\n".join(reference)))
    for kind, statement in _statements(_script(dump)):
        if kind == "copy":
            allowed = _COPY.match(statement).group(1).strip('"') in tables
        else:
            setval = _SETVAL.match(statement)
            allowed = statement in reference or bool(setval and setval.group(1) in sequences)
        if allowed:
            continue
        raise BackupError(
            "Bản sao lưu chứa câu lệnh mà các bước chuyển đổi dữ liệu của cổng không tạo ra (hàm, trigger, ràng buộc "
            f"CHECK, COPY … PROGRAM…): “{statement[:300]}”. Không khôi phục gì."
        )
