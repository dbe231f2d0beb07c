"""Upload checks shared by every app: the type is decided by the file's content, never by its
name or by what the browser says; the size is limited; the stored name is sanitised."""

import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .numbers import file_size_text
from .text import fold_text


@dataclass(frozen=True)
class FileKind:
    code: str
    label: str
    extension: str
    content_type: str


PDF = FileKind("pdf", "PDF", "pdf", "application/pdf")
DOCX = FileKind(
    "docx",
    "Word (DOCX)",
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = FileKind("xlsx", "Excel (XLSX)", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
JPEG = FileKind("jpeg", "JPEG", "jpg", "image/jpeg")
PNG = FileKind("png", "PNG", "png", "image/png")
DOCUMENT_KINDS = (PDF, DOCX, XLSX, JPEG, PNG)


def _zip_kind(upload) -> FileKind | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def sniff_kind(upload) -> FileKind | None:
    """Return the kind the bytes show, or None when they show none we accept."""
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        # A PDF must also end like one: an HTML page with a PDF header line is not a PDF.
        return PDF if _looks_like_pdf_body(upload) else None
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(upload)
    return None


def _looks_like_pdf_body(upload) -> bool:
    upload.seek(0, 2)
    size = upload.tell()
    upload.seek(max(0, size - 2048))
    tail = upload.read()
    upload.seek(0)
    lowered = tail.lower()
    return b"%%eof" in lowered and b"<html" not in lowered and b"<svg" not in lowered


def validate_upload(upload, *, allowed: tuple[FileKind, ...] = DOCUMENT_KINDS) -> FileKind:
    """Raise a ValidationError that says what to fix, or return the detected kind."""
    limit = settings.PORTAL_UPLOAD_MAX_BYTES
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng. Hãy chọn lại tệp.") % {"name": upload.name})
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” nặng %(size)s, vượt giới hạn %(limit)s. Hãy nén hoặc tách tệp.")
            % {"name": upload.name, "size": file_size_text(upload.size), "limit": file_size_text(limit)}
        )
    kind = sniff_kind(upload)
    if kind is None or kind not in allowed:
        raise ValidationError(
            _(
                "Tệp “%(name)s” không phải là tệp %(kinds)s hợp lệ (nội dung tệp đã được kiểm tra, "
                "không dựa vào tên tệp). Hãy tải lên đúng định dạng."
            )
            % {"name": upload.name, "kinds": ", ".join(k.label for k in allowed)}
        )
    return kind


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, kind: FileKind) -> str:
    """An ASCII name without directories or control characters, ending in the detected extension."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = _UNSAFE.sub("-", fold_text(stem).replace(" ", "-")).strip(".-")[:80] or "tep"
    return f"{stem}.{kind.extension}"


def name_for_kind(name: str, kind: FileKind) -> str:
    """The name the user gave, with the extension of what the file is: a PNG named “x.pdf” is
    shown and downloaded as “x.png”, so that it opens with the right program."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem = base
    elif extension.lower() in {kind.extension, kind.code}:
        return base
    return f"{stem or 'tep'}.{kind.extension}"


def stored_files_delete_on_commit(files) -> None:
    """Delete these stored files (FieldFiles) once the transaction that deleted their rows commits:
    never before, so that a rollback keeps each row with its file; the names are taken now, while
    the rows are still there to give them."""
    stored = [(file.storage, file.name) for file in files if file]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in stored])
