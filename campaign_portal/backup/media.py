"""The media part of a backup, read and written through Django's storage API only.

Why not the MEDIA_ROOT folder: the media may live on S3-compatible object storage shared by
several hosts (MEDIA_STORAGE=s3), where no folder exists. The archive has the same members either
way (`media/` and `media/<stored name>`), so a backup made on local disk restores to object storage
and back. On local disk the restore keeps swapping the whole folder by renaming (restore.py);
object storage has no rename, so there the backup's files are written before the database is
restored (the live database still finds its files) and the files the backup does not hold are
removed after it.
"""

import tarfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage, storages

from .common import BackupError


def media_on_local_disk() -> bool:
    return isinstance(storages["default"], FileSystemStorage)


def media_stored_names(folder: str = "") -> list[str]:
    """Every stored file's name, walking the storage's folders (object-storage prefixes)."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # local disk before the first upload
        return []
    names = [f"{folder}/{name}" if folder else name for name in sorted(files)]
    for sub in sorted(folders):
        names += media_stored_names(f"{folder}/{sub}" if folder else sub)
    return names


def media_archive_write(archive: tarfile.TarFile) -> None:
    """Add `media/` and each stored file as `media/<name>`, streamed from the storage."""
    root = tarfile.TarInfo("media")
    root.type, root.mode = tarfile.DIRTYPE, 0o755
    archive.addfile(root)
    for name in media_stored_names():
        member = tarfile.TarInfo(f"media/{name}")
        member.size, member.mode = default_storage.size(name), 0o644
        with default_storage.open(name, "rb") as handle:
            archive.addfile(member, handle)


def media_upload(restored: Path) -> set[str]:
    """Write every file of the extracted backup to the storage under its own name; returns the names."""
    names = set()
    for path in sorted(p for p in restored.rglob("*") if p.is_file()):
        name = path.relative_to(restored).as_posix()
        if default_storage.exists(name):
            default_storage.delete(name)
        with path.open("rb") as handle:
            saved = default_storage.save(name, File(handle))
        if saved != name:
            raise BackupError(f"Kho lưu trữ đã lưu tệp “{name}” dưới tên khác (“{saved}”); khôi phục dừng lại.")
        names.add(name)
    return names


def media_prune(*, keep: set[str]) -> None:
    """Remove the stored files the restored backup does not hold."""
    for name in media_stored_names():
        if name not in keep:
            default_storage.delete(name)
