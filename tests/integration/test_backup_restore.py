"""Backup, wipe, restore: the same records and the same files come back (PostgreSQL)."""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from accounts.models import User
from agencies.models import Agency
from campaign_portal.audit import audit_record
from campaign_portal.models import AuditEvent
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.integration


def _snapshot() -> dict:
    media = Path(settings.MEDIA_ROOT)
    return {
        "agencies": list(Agency.objects.order_by("pk").values()),
        "users": list(User.objects.order_by("pk").values("username", "password", "role", "agency_id")),
        "audit": list(AuditEvent.objects.order_by("pk").values("action", "object_id", "note")),
        "files": {str(p.relative_to(media)): p.read_bytes() for p in sorted(media.rglob("*")) if p.is_file()},
    }


def test_backup_wipe_restore_gives_back_records_and_files(transactional_db, tmp_path):
    agency = AgencyFactory(name="Sở Nội vụ", valid_to=datetime.date(2030, 1, 1))
    UserFactory(username="chuyenvien", agency=agency)
    audit_record(actor=None, action="test.backup", target=agency, note="trước sao lưu")
    media = Path(settings.MEDIA_ROOT)
    (media / "dossiers" / "2024").mkdir(parents=True)
    (media / "dossiers" / "2024" / "to-trinh.pdf").write_bytes(b"%PDF-1.4\n% to trinh\n%%EOF\n")
    (media / "bao-cao.docx").write_bytes(b"PK\x03\x04 docx bytes")
    before = _snapshot()

    call_command("backup_portal", output=tmp_path / "backup", stdout=io.StringIO())
    Agency.objects.all().update(name="đã bị sửa")
    AuditEvent.objects.all().delete()
    User.objects.all().delete()
    for path in media.rglob("*.pdf"):
        path.unlink()
    (media / "extra.txt").write_text("không có trong bản sao lưu")
    assert _snapshot() != before

    call_command("restore_portal", input=tmp_path / "backup", stdout=io.StringIO())
    assert _snapshot() == before


def test_restore_refuses_a_damaged_backup_and_touches_nothing(transactional_db, tmp_path):
    AgencyFactory(name="Sở Tư pháp")
    call_command("backup_portal", output=tmp_path / "backup", stdout=io.StringIO())
    with (tmp_path / "backup" / "media.tar.gz").open("ab") as handle:
        handle.write(b"junk")
    AgencyFactory(name="Sở Y tế")
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore_portal", input=tmp_path / "backup", stdout=io.StringIO())
    assert set(Agency.objects.values_list("name", flat=True)) == {"Sở Tư pháp", "Sở Y tế"}
