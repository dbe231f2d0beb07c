"""Restoring a backup: check all of it, then replace the database (one transaction, as a role
that cannot run programs) and the media (extracted beforehand, swapped in by renaming)."""

import os
import secrets
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection

from .common import DATABASE_FILE, MEDIA_FILE, BackupError, file_sha256, manifest_verified, pg_args, run_tool
from .media import media_on_local_disk, media_prune, media_upload
from .schema import dump_check


def _check_files(folder: Path, manifest: dict) -> None:
    for name in (DATABASE_FILE, MEDIA_FILE):
        expected = manifest["files"].get(name) or {}
        path = folder / name
        if (
            not path.is_file()
            or path.stat().st_size != expected.get("size")
            or file_sha256(path) != expected.get("sha256")
        ):
            raise BackupError(f"Tệp {name} bị thiếu hoặc hỏng (kích thước hay mã băm khác bản kê). Không khôi phục gì.")


def _extract_media(folder: Path, manifest: dict, staging: Path) -> Path:
    """Check every member of the archive, then extract it into `staging`; returns the media folder."""
    limit = settings.PORTAL_BACKUP_MAX_MEDIA_BYTES
    members, size = 0, 0
    with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
        checked = []
        for member in archive:
            path = PurePosixPath(member.name)
            if (
                path.is_absolute()
                or ".." in path.parts
                or "\x00" in member.name
                or path.parts[:1] != ("media",)
                or not (member.isfile() or member.isdir())
            ):
                raise BackupError(
                    f"Tệp nén tệp đính kèm có mục không hợp lệ “{member.name[:200]}” (đường dẫn tuyệt đối, “..”, "
                    "liên kết hoặc nằm ngoài thư mục media). Không khôi phục gì."
                )
            members, size = members + 1, size + member.size
            if size > limit:
                raise BackupError(f"Tệp đính kèm trong bản sao lưu vượt giới hạn {limit} byte. Không khôi phục gì.")
            checked.append(member)
        if {"members": members, "bytes": size} != manifest["media"]:
            raise BackupError("Số tệp hoặc dung lượng tệp đính kèm khác bản kê của bản sao lưu. Không khôi phục gì.")
        archive.extractall(staging, members=checked, filter="data")
    if not (staging / "media").is_dir():
        raise BackupError("Tệp nén tệp đính kèm không có thư mục media. Không khôi phục gì.")
    return staging / "media"


def _restore_role_prepare() -> str:
    """The restore role: created if missing, never a superuser nor allowed to run programs or read
    server files; it owns the portal's tables (so that it may replace them) and may log in only
    with the one-time password set here."""
    role = settings.PORTAL_RESTORE_ROLE
    password = secrets.token_urlsafe(24)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper, pg_has_role(rolname, 'pg_execute_server_program', 'MEMBER') "
            "OR pg_has_role(rolname, 'pg_read_server_files', 'MEMBER') "
            "OR pg_has_role(rolname, 'pg_write_server_files', 'MEMBER') FROM pg_roles WHERE rolname = %s",
            [role],
        )
        row = cursor.fetchone()
        if row and any(row):
            raise BackupError(
                f"Vai trò khôi phục {role} là superuser hoặc được chạy chương trình/đọc tệp của máy chủ: "
                "hãy dùng một vai trò khác (PORTAL_RESTORE_ROLE)."
            )
        quoted = connection.ops.quote_name(role)
        if not row:
            cursor.execute(f"CREATE ROLE {quoted} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS")
        cursor.execute(f"ALTER ROLE {quoted} LOGIN PASSWORD %s", [password])
        cursor.execute(
            f"GRANT CONNECT ON DATABASE {connection.ops.quote_name(connection.settings_dict['NAME'])} TO {quoted}"
        )
        cursor.execute(f"GRANT USAGE, CREATE ON SCHEMA public TO {quoted}")
        # Sequences of serial and identity columns follow their table; only free-standing ones are listed.
        cursor.execute(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT EXISTS ("
            "SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass "
            "AND d.deptype IN ('a', 'i') AND c.relkind = 'S')"
        )
        kinds = {
            "r": "TABLE",
            "p": "TABLE",
            "v": "VIEW",
            "m": "MATERIALIZED VIEW",
            "S": "SEQUENCE",
            "f": "FOREIGN TABLE",
        }
        for name, kind in cursor.fetchall():
            cursor.execute(f"ALTER {kinds[kind]} public.{connection.ops.quote_name(name)} OWNER TO {quoted}")
        # The figures' trigger functions (campaign_portal/freshness.py) are replaced with their triggers;
        # an extension's functions stay with the extension, which the restore leaves as it is.
        cursor.execute(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid "
            "AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e')"
        )
        for (signature,) in cursor.fetchall():
            cursor.execute(f"ALTER FUNCTION {signature} OWNER TO {quoted}")
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            # The portal's own (non-superuser) role keeps using and migrating the tables it no longer owns.
            cursor.execute(f"GRANT {quoted} TO current_user")
    return password


def _restore_role_close() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER ROLE {connection.ops.quote_name(settings.PORTAL_RESTORE_ROLE)} NOLOGIN PASSWORD NULL")


def _restore_database(folder: Path) -> None:
    dump = folder / DATABASE_FILE
    if connection.vendor == "sqlite":
        live = Path(settings.DATABASES["default"]["NAME"])
        incoming = live.with_name(f".{live.name}.restoring")
        with sqlite3.connect(dump) as source, sqlite3.connect(incoming) as target:
            source.backup(target)
        connection.close()
        os.replace(incoming, live)
        return
    password = _restore_role_prepare()
    connection.close()
    try:
        args, env = pg_args(user=settings.PORTAL_RESTORE_ROLE, password=password)
        flags = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
        # Extensions (pg_trgm) are the database owner's, created by the migrations in the live database
        # already: the restore role could neither drop nor create them, so their entries are left out.
        listing = run_tool(["pg_restore", "--list", str(dump)], env=env, what="Đọc mục lục bản sao lưu").stdout
        with tempfile.TemporaryDirectory() as workdir:
            entries = Path(workdir) / "restore.list"
            entries.write_text(
                "".join(line + "\n" for line in listing.splitlines() if " EXTENSION " not in line), encoding="utf-8"
            )
            run_tool(
                ["pg_restore", *flags, "--use-list", str(entries), *args, str(dump)],
                env=env,
                what="Khôi phục cơ sở dữ liệu (không có gì thay đổi)",
            )
    finally:
        _restore_role_close()


def _swap_media(restored: Path) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    retired = media_root.with_name(f".{media_root.name}.replaced-{secrets.token_hex(4)}")
    if media_root.exists():
        media_root.rename(retired)
    restored.rename(media_root)
    shutil.rmtree(retired, ignore_errors=True)


def backup_restore(*, folder: Path) -> dict:
    manifest = manifest_verified(folder)
    if manifest["database_vendor"] != connection.vendor:
        raise BackupError(
            f"Bản sao lưu là của {manifest['database_vendor']}, cổng đang chạy {connection.vendor}. Không khôi phục gì."
        )
    _check_files(folder, manifest)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    # Beside the live folder, so that the swap is a rename on the same file system.
    staging = Path(tempfile.mkdtemp(prefix=f".{media_root.name}.restoring-", dir=media_root.parent))
    try:
        restored = _extract_media(folder, manifest, staging)
        with tempfile.TemporaryDirectory() as workdir:
            dump_check(folder, manifest, Path(workdir))
        if media_on_local_disk():
            _restore_database(folder)
            _swap_media(restored)
        else:
            kept = media_upload(restored)
            _restore_database(folder)
            media_prune(keep=kept)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest
