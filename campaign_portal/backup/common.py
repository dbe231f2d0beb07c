"""What the backup's parts share: the folder's file names, the signing key and the signature, the
PostgreSQL client tools' arguments and the one error every step raises."""

import hashlib
import hmac
import json
import os
import subprocess
from pathlib import Path

from django.conf import settings

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"
SIGNATURE_FILE = "manifest.sig"
FORMAT = 2
MIN_KEY_LENGTH = 32


class BackupError(Exception):
    """The backup cannot be made or restored; the message (Vietnamese) says why. Nothing changed."""


def backup_key() -> bytes:
    key = settings.PORTAL_BACKUP_KEY
    if not key and settings.PORTAL_BACKUP_KEY_FILE:
        try:
            key = Path(settings.PORTAL_BACKUP_KEY_FILE).read_text().strip()
        except OSError as error:
            raise BackupError(
                f"Không đọc được tệp khóa sao lưu {settings.PORTAL_BACKUP_KEY_FILE} ({error.strerror})."
            ) from error
    if len(key or "") < MIN_KEY_LENGTH:
        raise BackupError(
            f"Chưa đặt khóa ký bản sao lưu: PORTAL_BACKUP_KEY (hoặc PORTAL_BACKUP_KEY_FILE) phải có ít nhất "
            f"{MIN_KEY_LENGTH} ký tự và được giữ ngoài thư mục sao lưu."
        )
    return key.encode()


def manifest_sign(*, folder: Path) -> None:
    """Write manifest.sig for manifest.json as it is on disk."""
    digest = hmac.new(backup_key(), (folder / MANIFEST_FILE).read_bytes(), hashlib.sha256).hexdigest()
    (folder / SIGNATURE_FILE).write_text(digest + "\n")


def manifest_verified(folder: Path) -> dict:
    key = backup_key()
    manifest_path, signature_path = folder / MANIFEST_FILE, folder / SIGNATURE_FILE
    if not manifest_path.is_file() or not signature_path.is_file():
        raise BackupError(
            f"Thư mục {folder} không phải bản sao lưu có chữ ký (thiếu {MANIFEST_FILE} hoặc {SIGNATURE_FILE})."
        )
    content = manifest_path.read_bytes()
    expected = hmac.new(key, content, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature_path.read_text().strip()):
        raise BackupError(
            "Chữ ký của bản sao lưu không khớp: bản sao lưu đã bị sửa, hoặc được ký bằng khóa khác. Không khôi phục gì."
        )
    manifest = json.loads(content)
    if manifest.get("format") != FORMAT:
        raise BackupError("Bản sao lưu có định dạng khác phiên bản này của cổng. Không khôi phục gì.")
    return manifest


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def pg_args(*, name: str | None = None, user: str | None = None, password: str | None = None) -> tuple[list, dict]:
    db = settings.DATABASES["default"]
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
    args += ["--username", user or db.get("USER") or "postgres", "--dbname", name or db["NAME"]]
    env = {**os.environ, "PGPASSWORD": password if password is not None else db.get("PASSWORD") or ""}
    return args, env


def pg_server_args() -> tuple[list, dict]:
    """For createdb/dropdb: the server and the portal's own (administering) role."""
    args, env = pg_args()
    return args[: args.index("--dbname")], env


def run_tool(command: list, *, env: dict, what: str) -> subprocess.CompletedProcess:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{what} không thành công: {result.stderr.strip()[-800:]}")
    return result
