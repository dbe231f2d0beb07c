"""Backup, wipe, restore: the same records and the same files come back (PostgreSQL), restored by a
role that is not a superuser. A backup that was edited, even with its checksums recomputed, or
that holds a hostile media member or SQL that the portal's migrations do not create, is refused
before anything is touched."""

import datetime
import io
import json
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.enums import Role
from accounts.models import User
from agencies.models import Agency
from campaign_portal.audit import audit_record
from campaign_portal.backup import DATABASE_FILE, MANIFEST_FILE, MEDIA_FILE, file_sha256, manifest_sign
from campaign_portal.backup.common import pg_args
from campaign_portal.models import AuditEvent
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _backup_key(settings):
    settings.PORTAL_BACKUP_KEY = "khoa-ky-ban-sao-luu-chi-dung-trong-kiem-thu-0123456789"


def _snapshot() -> dict:
    media = Path(settings.MEDIA_ROOT)
    return {
        "agencies": list(Agency.objects.order_by("pk").values()),
        "users": list(User.objects.order_by("pk").values("username", "password", "role", "agency_id")),
        "audit": list(AuditEvent.objects.order_by("pk").values("action", "object_id", "note")),
        "files": {str(p.relative_to(media)): p.read_bytes() for p in sorted(media.rglob("*")) if p.is_file()},
    }


def _backup(folder: Path) -> Path:
    call_command("backup_portal", output=folder, stdout=io.StringIO())
    return folder


def _restore(folder: Path):
    call_command("restore_portal", input=folder, stdout=io.StringIO())


def _reseal(folder: Path, *, sign: bool) -> None:
    """What someone with write access to the backup folder can do: recompute every checksum and
    size in the manifest; with the key (sign=True) the manifest is signed again too."""
    manifest = json.loads((folder / MANIFEST_FILE).read_text())
    for name in (DATABASE_FILE, MEDIA_FILE):
        manifest["files"][name] = {"sha256": file_sha256(folder / name), "size": (folder / name).stat().st_size}
    with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
        members = archive.getmembers()
    manifest["media"] = {"members": len(members), "bytes": sum(m.size for m in members)}
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2))
    if sign:
        manifest_sign(folder=folder)


def _media_files():
    media = Path(settings.MEDIA_ROOT)
    (media / "dossiers" / "2024").mkdir(parents=True)
    (media / "dossiers" / "2024" / "to-trinh.pdf").write_bytes(b"%PDF-1.4\n% to trinh\n%%EOF\n")
    (media / "bao-cao.docx").write_bytes(b"PK\x03\x04 docx bytes")


def _table_owner(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = %s", [table])
        return cursor.fetchone()[0]


def test_backup_wipe_restore_gives_back_records_and_files(transactional_db, tmp_path):
    agency = AgencyFactory(name="Sở Nội vụ", valid_to=datetime.date(2030, 1, 1))
    UserFactory(username="chuyenvien", agency=agency)
    audit_record(actor=None, action="test.backup", target=agency, note="trước sao lưu")
    _media_files()
    before = _snapshot()

    backup = _backup(tmp_path / "backup")
    Agency.objects.all().update(name="đã bị sửa")
    AuditEvent.objects.all().delete()
    User.objects.all().delete()
    media = Path(settings.MEDIA_ROOT)
    for path in media.rglob("*.pdf"):
        path.unlink()
    (media / "extra.txt").write_text("không có trong bản sao lưu")
    assert _snapshot() != before

    _restore(backup)
    assert _snapshot() == before
    # Restored by the dedicated role, which is no superuser and now owns the tables.
    assert _table_owner("agencies_agency") == settings.PORTAL_RESTORE_ROLE
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper, rolcanlogin, pg_has_role(rolname, 'pg_execute_server_program', 'MEMBER') "
            "FROM pg_roles WHERE rolname = %s",
            [settings.PORTAL_RESTORE_ROLE],
        )
        assert cursor.fetchone() == (False, False, False)


def test_restore_refuses_a_damaged_backup_and_touches_nothing(transactional_db, tmp_path):
    AgencyFactory(name="Sở Tư pháp")
    backup = _backup(tmp_path / "backup")
    with (backup / MEDIA_FILE).open("ab") as handle:
        handle.write(b"junk")
    AgencyFactory(name="Sở Y tế")
    with pytest.raises(CommandError, match="bị thiếu hoặc hỏng"):
        _restore(backup)
    assert set(Agency.objects.values_list("name", flat=True)) == {"Sở Tư pháp", "Sở Y tế"}


def test_an_edited_dump_with_recomputed_checksums_is_refused(transactional_db, tmp_path):
    """The issue's attack: an officer made a reviewer in the dump, the manifest's sums recomputed."""
    officer = UserFactory(username="canbo", role=Role.AGENCY_OFFICER, agency=AgencyFactory())
    backup = _backup(tmp_path / "backup")
    # The attacker's dump: the same database with the officer made a reviewer, dumped over the backup's.
    User.objects.filter(pk=officer.pk).update(role=Role.REVIEWER)
    args, env = pg_args()
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", *args, "--file", str(backup / DATABASE_FILE)], env=env, check=True
    )
    User.objects.filter(pk=officer.pk).update(role=Role.AGENCY_OFFICER)
    _reseal(backup, sign=False)
    with pytest.raises(CommandError, match="Chữ ký của bản sao lưu không khớp"):
        _restore(backup)
    officer.refresh_from_db()
    assert officer.role == Role.AGENCY_OFFICER


def test_a_backup_signed_with_another_key_or_unsigned_is_refused(transactional_db, tmp_path, settings):
    backup = _backup(tmp_path / "backup")
    settings.PORTAL_BACKUP_KEY = "mot-khoa-khac-hoan-toan-cua-ke-gian-0123456789abcdef"
    with pytest.raises(CommandError, match="Chữ ký"):
        _restore(backup)
    (backup / "manifest.sig").unlink()
    with pytest.raises(CommandError, match="không phải bản sao lưu có chữ ký"):
        _restore(backup)


def test_no_backup_without_a_key(transactional_db, tmp_path, settings):
    settings.PORTAL_BACKUP_KEY = ""
    with pytest.raises(CommandError, match="PORTAL_BACKUP_KEY"):
        _backup(tmp_path / "backup")


@pytest.mark.parametrize("member", ["../ngoai.txt", "/etc/cron.d/portal", "media/../../ngoai.txt", "media/link"])
def test_a_hostile_media_member_is_refused_before_the_database_is_touched(transactional_db, tmp_path, member):
    AgencyFactory(name="Sở Công Thương")
    _media_files()
    backup = _backup(tmp_path / "backup")
    with tarfile.open(backup / MEDIA_FILE, "r:gz") as archive:
        kept = [(m, archive.extractfile(m).read() if m.isfile() else None) for m in archive.getmembers()]
    with tarfile.open(backup / MEDIA_FILE, "w:gz") as archive:
        for info, data in kept:
            archive.addfile(info, io.BytesIO(data) if data is not None else None)
        hostile = tarfile.TarInfo(member)
        if member.endswith("link"):
            hostile.type, hostile.linkname = tarfile.SYMTYPE, "/etc/passwd"
            archive.addfile(hostile)
        else:
            hostile.size = 3
            archive.addfile(hostile, io.BytesIO(b"xin"))
    _reseal(backup, sign=True)
    Agency.objects.update(name="Sở Công Thương (đổi tên sau sao lưu)")
    before = _snapshot()
    with pytest.raises(CommandError, match="mục không hợp lệ"):
        _restore(backup)
    assert _snapshot() == before
    assert not (tmp_path / "ngoai.txt").exists()
    leftovers = [p.name for p in Path(settings.MEDIA_ROOT).parent.iterdir() if ".restoring-" in p.name]
    assert leftovers == []


HOSTILE_SQL = {
    "check calling a function": (
        # The attack: the function runs a program on the database server when a row is checked.
        "CREATE FUNCTION public.portal_hook(text) RETURNS boolean LANGUAGE plpgsql AS "
        "$$ BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''cat > /dev/null'''; RETURN true; END $$;"
        "ALTER TABLE public.agencies_agency ADD CONSTRAINT agency_hook CHECK (public.portal_hook(name));",
        "ALTER TABLE public.agencies_agency DROP CONSTRAINT IF EXISTS agency_hook;"
        "DROP FUNCTION IF EXISTS public.portal_hook(text);",
    ),
    "trigger": (
        "CREATE FUNCTION public.portal_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
        "CREATE TRIGGER portal_trigger BEFORE INSERT ON public.accounts_user "
        "FOR EACH ROW EXECUTE FUNCTION public.portal_trigger();",
        "DROP TRIGGER IF EXISTS portal_trigger ON public.accounts_user;"
        "DROP FUNCTION IF EXISTS public.portal_trigger();",
    ),
    "plain CHECK the migrations do not create": (
        "ALTER TABLE public.agencies_agency ADD CONSTRAINT agency_name_long CHECK (length(name) > 0);",
        "ALTER TABLE public.agencies_agency DROP CONSTRAINT IF EXISTS agency_name_long;",
    ),
}


@pytest.mark.parametrize("case", HOSTILE_SQL)
def test_a_dump_holding_sql_the_migrations_do_not_create_is_refused(transactional_db, tmp_path, case):
    """Made by backup_portal itself (so correctly signed) from a database someone altered."""
    create, drop = HOSTILE_SQL[case]
    AgencyFactory(name="Sở Xây dựng")
    with connection.cursor() as cursor:
        cursor.execute(create)
    try:
        backup = _backup(tmp_path / "backup")
    finally:
        with connection.cursor() as cursor:
            cursor.execute(drop)
    Agency.objects.update(name="Sở Xây dựng (sau sao lưu)")
    before = _snapshot()
    with pytest.raises(CommandError, match="câu lệnh mà các bước chuyển đổi dữ liệu của cổng không tạo ra"):
        _restore(backup)
    assert _snapshot() == before
