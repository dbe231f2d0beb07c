"""Backup and restore of the database and the media files, as one folder:

    <folder>/database.dump   pg_dump custom format (PostgreSQL) or an SQLite copy
    <folder>/media.tar.gz    every stored file (dossiers, evidence, rendered reports)
    <folder>/manifest.json   what was saved, when, at which migrations, with sizes and SHA-256
    <folder>/manifest.sig    HMAC-SHA256 of manifest.json under PORTAL_BACKUP_KEY

Why a signature and not only checksums: whoever can write the backup folder can recompute
checksums, so an edited dump (an officer made a reviewer, a constraint that runs a program) would
restore. The key lives outside the backup (environment or a secret file). HMAC rather than an
Ed25519 signature: the same operator makes and restores backups on the portal's own hosts, so a
shared secret suffices and no new dependency is needed; a copy of the backups off the host
cannot be forged without the key.

Restore checks the whole backup before it touches anything: the signature, every file's size and
checksum, every member of the media archive (regular files and folders under `media/` only: no
absolute path, no `..`, no link or device, sizes as the manifest says), and the database dump:
every statement outside the table data must be one that the portal's migrations produce (a
scratch database is migrated to the backup's migrations and dumped to compare), so a function, a
trigger, an extension, a CHECK constraint or a `COPY … PROGRAM` that the migrations do not create
refuses the whole backup. Only then is the database restored, in one transaction, connected as a
dedicated role that is not a superuser (it cannot run programs nor read server files), and the
media, already extracted beside the live folder, swapped in by renaming: both or neither.
"""

from .common import DATABASE_FILE, MANIFEST_FILE, MEDIA_FILE, SIGNATURE_FILE, BackupError, file_sha256, manifest_sign
from .create import backup_create
from .restore import backup_restore

__all__ = [
    "DATABASE_FILE",
    "MANIFEST_FILE",
    "MEDIA_FILE",
    "SIGNATURE_FILE",
    "BackupError",
    "backup_create",
    "backup_restore",
    "file_sha256",
    "manifest_sign",
]
