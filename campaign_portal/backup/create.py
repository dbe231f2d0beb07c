"""Making a backup: the database dump, the media archive, the manifest of both and its signature."""

import datetime
import json
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from .common import (
    DATABASE_FILE,
    FORMAT,
    MANIFEST_FILE,
    MEDIA_FILE,
    BackupError,
    backup_key,
    file_sha256,
    manifest_sign,
    pg_args,
    run_tool,
)


def backup_create(*, folder: Path) -> dict:
    backup_key()
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / DATABASE_FILE
    if connection.vendor == "postgresql":
        args, env = pg_args()
        run_tool(["pg_dump", "--format=custom", "--no-owner", *args, "--file", str(database)], env=env, what="pg_dump")
    elif connection.vendor == "sqlite":
        with sqlite3.connect(settings.DATABASES["default"]["NAME"]) as source, sqlite3.connect(database) as target:
            source.backup(target)
    else:
        raise BackupError(f"Không hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")
    media_root = Path(settings.MEDIA_ROOT)
    members, size = 0, 0
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive, tempfile.TemporaryDirectory() as empty:
        archive.add(media_root if media_root.exists() else empty, arcname="media")
    with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
        for member in archive:
            members, size = members + 1, size + member.size
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "database_vendor": connection.vendor,
        "migrations": sorted(map(list, MigrationRecorder(connection).applied_migrations())),
        "files": {
            name: {"sha256": file_sha256(folder / name), "size": (folder / name).stat().st_size}
            for name in (DATABASE_FILE, MEDIA_FILE)
        },
        "media": {"members": members, "bytes": size},
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2))
    manifest_sign(folder=folder)
    return manifest
