"""Backup and restore of the database and the media files, as one folder:

    <folder>/database.dump   pg_dump custom format (PostgreSQL) or an SQLite copy
    <folder>/media.tar.gz    every stored file (dossiers, evidence, rendered reports)
    <folder>/manifest.json   what was saved, when, with SHA-256 checksums

Restore checks the checksums first, so a damaged backup is refused before anything is touched.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"


class BackupError(Exception):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
    args += ["--username", db.get("USER") or "postgres", "--dbname", db["NAME"]]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return args, env


def backup_create(*, folder: Path) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / DATABASE_FILE
    if connection.vendor == "postgresql":
        args, env = _pg_env()
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", *args, "--file", str(database)], env=env, check=True
        )
    elif connection.vendor == "sqlite":
        with sqlite3.connect(settings.DATABASES["default"]["NAME"]) as source, sqlite3.connect(database) as target:
            source.backup(target)
    else:
        raise BackupError(f"Unsupported database: {connection.vendor}")
    media_root = Path(settings.MEDIA_ROOT)
    media = folder / MEDIA_FILE
    with tarfile.open(media, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    manifest = {
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "database_vendor": connection.vendor,
        "files": {name: _sha256(folder / name) for name in (DATABASE_FILE, MEDIA_FILE)},
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2))
    return manifest


def backup_restore(*, folder: Path) -> dict:
    manifest_path = folder / MANIFEST_FILE
    if not manifest_path.exists():
        raise BackupError(f"No {MANIFEST_FILE} in {folder}: not a backup folder.")
    manifest = json.loads(manifest_path.read_text())
    for name, checksum in manifest["files"].items():
        if not (folder / name).exists() or _sha256(folder / name) != checksum:
            raise BackupError(f"{name} is missing or damaged (checksum differs): nothing was restored.")
    if manifest["database_vendor"] != connection.vendor:
        raise BackupError(f"The backup is of {manifest['database_vendor']}, this portal runs {connection.vendor}.")
    connection.close()
    if connection.vendor == "postgresql":
        args, env = _pg_env()
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                str(folder / DATABASE_FILE),
            ],
            env=env,
            check=True,
        )
    else:
        with (
            sqlite3.connect(folder / DATABASE_FILE) as source,
            sqlite3.connect(settings.DATABASES["default"]["NAME"]) as target,
        ):
            source.backup(target)
    media_root = Path(settings.MEDIA_ROOT)
    staging = media_root.with_name(media_root.name + ".restoring")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
        archive.extractall(staging, filter="data")
    shutil.rmtree(media_root, ignore_errors=True)
    restored = staging / "media"
    if restored.exists():
        restored.rename(media_root)
    else:
        media_root.mkdir(parents=True)
    shutil.rmtree(staging, ignore_errors=True)
    return manifest
