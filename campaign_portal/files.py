"""Serving stored files: callers check permission first; the response is always an attachment
(or inline for PDF and images when asked), with nosniff, and the download is audited."""

from django.http import FileResponse

from .audit import audit_record


def protected_file_response(*, user, target, field_file, filename: str, content_type: str, inline: bool = False):
    audit_record(actor=user, action="file.download", target=target, after={"file": filename})
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=not inline,
        filename=filename,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
