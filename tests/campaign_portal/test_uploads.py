import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import Workbook

from campaign_portal.uploads import DOCX, JPEG, PDF, PNG, XLSX, safe_filename, validate_upload

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def _upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def _xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("to-trinh.pdf", MINIMAL_PDF, PDF),
        ("anh.png", PNG_BYTES, PNG),
        ("anh.jpg", JPEG_BYTES, JPEG),
        ("bien-ban.docx", _docx_bytes(), DOCX),
        ("danh-sach.xlsx", _xlsx_bytes(), XLSX),
        ("named-wrong.png", MINIMAL_PDF, PDF),  # the content decides, not the name
    ],
)
def test_validate_upload_accepts_by_content(name, content, kind):
    assert validate_upload(_upload(name, content)) is kind


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("to-trinh.pdf", b"<html><body><script>alert(1)</script></body></html>"),
        ("to-trinh.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF"),
        ("to-trinh.pdf", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("to-trinh.pdf", b"%PDF-1.4 truncated without an end"),
        ("bao-cao.docx", b"PK\x03\x04 not really a zip"),
        ("virus.exe.pdf", b"MZ\x90\x00\x03\x00\x00\x00"),
    ],
)
def test_validate_upload_refuses_what_the_content_is_not(name, content):
    with pytest.raises(ValidationError) as error:
        validate_upload(_upload(name, content))
    assert "không phải là tệp" in error.value.messages[0] and name in error.value.messages[0]


def test_validate_upload_refuses_a_zip_that_is_not_an_office_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")  # no [Content_Types].xml
    with pytest.raises(ValidationError):
        validate_upload(_upload("x.docx", buffer.getvalue()))


def test_validate_upload_refuses_a_kind_not_allowed_here():
    with pytest.raises(ValidationError, match="PDF"):
        validate_upload(_upload("anh.png", PNG_BYTES), allowed=(PDF,))


def test_validate_upload_refuses_too_large_and_empty(settings):
    settings.PORTAL_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="vượt giới hạn"):
        validate_upload(_upload("lon.pdf", MINIMAL_PDF + b"0" * 2048))
    with pytest.raises(ValidationError, match="rỗng"):
        validate_upload(_upload("rong.pdf", b""))


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("../../etc/passwd", PDF, "passwd.pdf"),
        ("..\\..\\windows\\win.ini", DOCX, "win.docx"),
        ("Tờ trình số 12.PDF", PDF, "to-trinh-so-12.pdf"),
        ("bad\x00name\x1f.pdf", PDF, "badname.pdf"),
        ("ảnh.exe", PNG, "anh.png"),
        ("", JPEG, "tep.jpg"),
        ("...", PDF, "tep.pdf"),
    ],
)
def test_safe_filename_strips_paths_and_control_characters(name, kind, expected):
    assert safe_filename(name, kind) == expected
