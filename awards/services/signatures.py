"""Signature verification of dossier documents: queued when a document is uploaded, run in the
worker, stored with the document (a verdict, a Vietnamese explanation, the facts of each
signature) and shown on the nomination page; the `signed` criterion reads what is stored.

Why the PDF is read in a child process (`awards.pdf_signatures`) with a timeout and a memory
limit: an uploaded PDF is hostile input, and a malformed one must give a verdict, never hang a
worker or take the server's memory. Nothing is taken from the file's name or from what the file
claims: only the bytes, the signatures pyHanko checks and the trust anchors the administrator
uploaded (`TrustAnchor`) decide."""

import datetime
import hashlib
import json
import resource
import subprocess
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from campaign_portal.audit import audit_record
from campaign_portal.freshness import versions_lock
from campaign_portal.outbox import outbox_enqueue

from ..enums import CriterionKind, SignatureVerdict
from ..models import Criterion, DossierDocument, Nomination, TrustAnchor
from .checks import criteria_check_queue

V = SignatureVerdict

CHILD_COMMAND = [sys.executable, "-m", "awards.pdf_signatures"]

# Worst first: a document's verdict is that of its weakest signature.
_SEVERITY = [V.INVALID, V.MODIFIED, V.EXPIRED, V.UNTRUSTED, V.VALID]


def trust_anchor_read(certificate: bytes) -> x509.Certificate:
    """The one X.509 certificate in `certificate` (PEM or DER), not yet trusted; else ValidationError."""
    try:
        cert = (
            x509.load_pem_x509_certificate(certificate)
            if certificate.lstrip().startswith(b"-----BEGIN")
            else x509.load_der_x509_certificate(certificate)
        )
    except ValueError as error:
        raise ValidationError(_("Tệp chứng thư không đọc được (cần một chứng thư X.509 dạng PEM hoặc DER).")) from error
    fingerprint = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
    if TrustAnchor.objects.filter(fingerprint=fingerprint).exists():
        raise ValidationError(_("Chứng thư này đã có trong danh sách tin cậy."))
    return cert


def trust_anchor_add(*, user: User | None, name: str, certificate: bytes, active: bool = True) -> TrustAnchor:
    """Trust a root certificate given in PEM or DER (the administrator, in Django admin)."""
    cert = trust_anchor_read(certificate)
    der = cert.public_bytes(serialization.Encoding.DER)
    with transaction.atomic():
        anchor = TrustAnchor.objects.create(
            name=name.strip()[:255] or cert.subject.rfc4514_string()[:255],
            certificate=der,
            subject=cert.subject.rfc4514_string()[:500],
            fingerprint=hashlib.sha256(der).hexdigest(),
            not_after=cert.not_valid_after_utc,
            active=active,
            added_by=user,
        )
        audit_record(actor=user, action="awards.trust_anchor.add", target=anchor, after={"subject": anchor.subject})
        trust_anchors_changed()
    return anchor


def trust_anchor_set_active(*, user: User | None, anchor: TrustAnchor, name: str, active: bool) -> TrustAnchor:
    """Rename an anchor or switch it on or off; the documents it may have decided are checked again."""
    with transaction.atomic():
        # The stored row, not `anchor`: an admin form has already set the new values on it.
        anchor = TrustAnchor.objects.select_for_update().get(pk=anchor.pk)
        before = {"name": anchor.name, "active": anchor.active}
        anchor.name, anchor.active = name.strip()[:255] or anchor.name, active
        anchor.save(update_fields=["name", "active"])
        audit_record(
            actor=user,
            action="awards.trust_anchor.change",
            target=anchor,
            before=before,
            after={"name": anchor.name, "active": anchor.active},
        )
        if before["active"] != active:
            trust_anchors_changed()
    return anchor


# Verdicts that hang on the trust anchors: a change of the anchors checks these documents again.
_ANCHOR_DEPENDENT = (V.VALID, V.UNTRUSTED, V.EXPIRED)


def trust_anchors_changed() -> int:
    """Mark the documents whose verdict depends on the anchors as pending again; the beat task
    (`document_signatures_requeue_pending`) verifies them anew. Returns how many."""
    return DossierDocument.objects.filter(signature_verdict__in=_ANCHOR_DEPENDENT).update(signature_verdict=V.PENDING)


def document_signatures_requeue_pending(
    *, older_than: datetime.timedelta = datetime.timedelta(minutes=2), limit: int = 200
) -> int:
    """Queue again the verifications still pending a while after upload (a worker lost them, the
    anchors changed, or the document predates verification), a bounded number per run so that a
    change of anchors does not flood the queue. Through the outbox, as every request: with the
    broker away they wait there and leave when it is back."""
    ids = list(
        DossierDocument.objects.filter(signature_verdict=V.PENDING, uploaded_at__lt=timezone.now() - older_than)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    with transaction.atomic():
        for document_id in ids:
            outbox_enqueue(task_name="awards.document_signature_verify", args=[document_id])
    return len(ids)


def document_signature_queue(*, document: DossierDocument) -> None:
    """Ask for the verification in the upload's transaction (`campaign_portal.outbox`): it leaves
    for a worker when the broker takes it, so an upload during a Redis outage neither fails nor
    loses its check; until it runs the document shows "pending"."""
    if document.file_kind != "pdf":
        DossierDocument.objects.filter(pk=document.pk).update(
            signature_verdict=V.NOT_PDF, signature_explanation="", signature_details={}
        )
        return
    outbox_enqueue(task_name="awards.document_signature_verify", args=[document.pk])


def _run_child(path: str, anchors: list[TrustAnchor], now: datetime.datetime) -> dict:
    memory = settings.PORTAL_SIGNATURE_MAX_MEMORY

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    request = {
        "path": path,
        "anchors": [[a.name, bytes(a.certificate).hex()] for a in anchors],
        "now": now.isoformat(),
    }
    completed = subprocess.run(  # noqa: S603 - our own interpreter and module, the request on stdin
        CHILD_COMMAND,
        input=json.dumps(request).encode(),
        capture_output=True,
        timeout=settings.PORTAL_SIGNATURE_TIMEOUT,
        cwd=Path(settings.BASE_DIR),
        preexec_fn=limit_memory,  # noqa: PLW1509 - runs before exec, touches no lock of ours
        check=False,
    )
    if completed.returncode != 0:
        # Out of memory, killed, or a crash inside pyHanko: the file could not be checked.
        return {"error": "crashed", "detail": completed.stderr.decode(errors="replace")[-300:]}
    try:
        return json.loads(completed.stdout)
    except ValueError:
        return {"error": "crashed", "detail": completed.stdout[:300].decode(errors="replace")}


SIGNATURE_VALUE_MARK = b"/ByteRange"


def _may_hold_signature(file) -> bool:
    """Whether the file holds a signature value at all. A PDF signature's dictionary carries the
    byte range it signs, and cannot sit in a compressed object stream (the range is counted over the
    file as written), so a file without "/ByteRange" holds no signature for pyHanko to verify: it is
    unsigned, known without starting the child process (the seed and the tests upload hundreds of
    such files). A name spelt with #-escapes to hide the mark only makes a file read as unsigned,
    never as signed."""
    overlap = len(SIGNATURE_VALUE_MARK) - 1
    tail = b""
    with file.open("rb") as stream:
        while chunk := stream.read(1024 * 1024):
            if SIGNATURE_VALUE_MARK in tail + chunk:
                return True
            tail = chunk[-overlap:]
    return False


def _date(value: str | None) -> str:
    if not value:
        return ""
    return timezone.localtime(datetime.datetime.fromisoformat(value)).strftime("%d/%m/%Y %H:%M")


def _signature_verdict(sig: dict) -> tuple[str, str]:
    """One signature's verdict and its sentence; the sentence names the signer and the evidence."""
    if "malformed" in sig:
        return V.INVALID, _("Chữ ký “%(field)s” hỏng, không đọc được (%(detail)s).") % {
            "field": sig["field"],
            "detail": sig["malformed"],
        }
    who = _("%(signer)s – %(organisation)s") % {
        "signer": sig.get("signer") or _("không rõ người ký"),
        "organisation": sig.get("organisation") or _("chứng thư không ghi tổ chức"),
    }
    values = {"who": who, "at": _date(sig.get("signed_at")) or _("không ghi"), "until": _date(sig.get("not_after"))}
    if not sig.get("intact") or not sig.get("valid"):
        return V.INVALID, _(
            "Chữ ký của %(who)s không khớp với nội dung: tệp đã bị thay đổi trong phần được ký, hoặc chữ ký giả."
        ) % values
    if sig.get("coverage") != "ENTIRE_FILE" and sig.get("modification") not in ("NONE", "LTA_UPDATES"):
        return V.MODIFIED, _(
            "Chữ ký của %(who)s (ký lúc %(at)s) chỉ bao phủ một phần tệp: tài liệu đã bị sửa sau khi ký."
        ) % values
    if sig.get("expired"):
        return V.EXPIRED, _("Chứng thư số của %(who)s đã hết hạn ngày %(until)s.") % values
    if not sig.get("trusted"):
        return V.UNTRUSTED, _(
            "Chữ ký của %(who)s (ký lúc %(at)s) nguyên vẹn, nhưng chứng thư không dẫn tới chứng thư gốc tin cậy "
            "nào do quản trị hệ thống cài đặt."
        ) % values
    return V.VALID, _(
        "Chữ ký của %(who)s (ký lúc %(at)s) hợp lệ, tài liệu không bị sửa sau khi ký; chứng thư dẫn tới “%(anchor)s”."
    ) % {**values, "anchor": sig.get("anchor", "")}


def signature_verdict_for(facts: dict) -> tuple[str, str, dict]:
    """The document's verdict, its explanation and the details to store, from the child's facts."""
    error = facts.get("error")
    if error == "malformed":
        return V.INVALID, _("Tệp có chữ ký số nhưng từ điển chữ ký bị hỏng, không kiểm tra được."), facts
    if error:
        return V.UNREADABLE, _("Không đọc được tệp PDF để kiểm tra chữ ký."), facts
    signatures = facts.get("signatures", [])
    if not signatures:
        return V.UNSIGNED, _("Tệp không có chữ ký số."), facts
    judged = [_signature_verdict(sig) for sig in signatures]
    for sig, (verdict, sentence) in zip(signatures, judged, strict=True):
        sig.update(verdict=verdict, explanation=sentence)
    worst = min(judged, key=lambda pair: _SEVERITY.index(pair[0]))[0]
    explanation = " ".join(sentence for _verdict, sentence in judged)
    return worst, explanation, facts


def _campaign_reads_signatures(nomination_id: int) -> bool:
    """Only a `signed` criterion reads the verdict: without one, a new verdict changes no check."""
    return Criterion.objects.filter(
        campaign__nominations=nomination_id, kind=CriterionKind.SIGNED, active=True
    ).exists()


def document_signature_verify(*, document_id: int) -> DossierDocument | None:
    """Verify one document's signatures and store the verdict; re-queue its nomination's criteria
    check when the campaign has a `signed` criterion, which reads it. Idempotent; a document deleted
    meanwhile is skipped (None)."""
    document = DossierDocument.objects.filter(pk=document_id).first()
    if document is None:
        return None
    if document.file_kind != "pdf":
        verdict, explanation, details = V.NOT_PDF, "", {}
    elif document.size > settings.PORTAL_SIGNATURE_MAX_BYTES:
        verdict, details = V.UNREADABLE, {"error": "too_large"}
        explanation = _("Tệp quá lớn để kiểm tra chữ ký (%(size)d MB, tối đa %(limit)d MB).") % {
            "size": document.size // (1024 * 1024),
            "limit": settings.PORTAL_SIGNATURE_MAX_BYTES // (1024 * 1024),
        }
    else:
        anchors = list(TrustAnchor.objects.filter(active=True))
        try:
            if _may_hold_signature(document.file):
                facts = _run_child(document.file.path, anchors, timezone.now())
            else:
                facts = {"signatures": []}
        except subprocess.TimeoutExpired:
            facts = {"error": "timeout"}
        verdict, explanation, details = signature_verdict_for(facts)
        if facts.get("error") == "timeout":
            explanation = _("Kiểm tra chữ ký quá %(seconds)d giây, đã dừng: tệp có thể bị hỏng.") % {
                "seconds": settings.PORTAL_SIGNATURE_TIMEOUT
            }
    with transaction.atomic():
        # The campaign, then the nomination, as an upload and the criteria check lock them: the
        # document's write then finds both taken in the one order, and the two never deadlock.
        versions_lock(Nomination, [document.nomination_id])
        Nomination.objects.select_for_update().filter(pk=document.nomination_id).first()
        updated = DossierDocument.objects.filter(pk=document_id).update(
            signature_verdict=verdict,
            signature_explanation=explanation[:1000],
            signature_details=details,
            signature_checked_at=timezone.now(),
        )
        if updated and _campaign_reads_signatures(document.nomination_id):
            criteria_check_queue(nomination_ids=[document.nomination_id])
    if not updated:
        return None
    document.refresh_from_db()
    return document
