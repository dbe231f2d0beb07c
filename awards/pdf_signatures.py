"""Read the digital signatures of one PDF with pyHanko and say, for each, what a reviewer needs:
intact or not, what part of the file it covers and whether the file changed after it, who signed
(the certificate's organisation O and person CN), when the signer says it was signed, when the
certificate expires, and whether its chain reaches one of the trust anchors the administrator
uploaded.

Why a module of its own, without Django: a PDF is hostile input and parsing one may take long or
swallow memory, so `awards.signatures` runs this module in a child process (`python -m
awards.pdf_signatures`) with a timeout and a memory limit, and a hang or a crash there becomes a
verdict instead of a stuck worker. It answers facts in JSON; the parent writes the Vietnamese."""

import datetime
import io
import json
import sys

# A PDF with more signature fields than this is not a dossier someone signed, and each one costs
# a validation: the rest are reported as not checked.
MAX_SIGNATURES = 10


def _subject_part(name, key: str) -> str:
    value = name.native.get(key, "")
    return ", ".join(value) if isinstance(value, list) else str(value or "")


def _signature_facts(embedded, anchors: dict[bytes, str], now: datetime.datetime) -> dict:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    facts: dict = {"field": embedded.field_name or ""}
    cert = embedded.signer_cert
    if cert is not None:
        subject = cert.subject
        facts.update(
            organisation=_subject_part(subject, "organization_name"),
            signer=_subject_part(subject, "common_name"),
            subject=subject.human_friendly,
            issuer=cert.issuer.human_friendly,
            not_before=cert.not_valid_before.isoformat(),
            not_after=cert.not_valid_after.isoformat(),
            expired=cert.not_valid_after < now or cert.not_valid_before > now,
        )
    # Only the administrator's anchors: an empty list trusts nothing (None would mean the OS's TLS roots).
    context = ValidationContext(
        trust_roots=[_load_cert(der) for der in anchors],
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=now,
    )
    status = validate_pdf_signature(embedded, signer_validation_context=context)
    facts.update(
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        coverage=status.coverage.name if status.coverage is not None else "",
        modification=status.modification_level.name if status.modification_level is not None else "",
        docmdp_ok=status.docmdp_ok,
        signed_at=status.signer_reported_dt.isoformat() if status.signer_reported_dt else None,
        anchor="",
    )
    if status.trusted and status.validation_path is not None:
        anchor_cert = status.validation_path.trust_anchor.authority.certificate
        if anchor_cert is not None:
            facts["anchor"] = anchors.get(anchor_cert.dump(), "")
    return facts


def _load_cert(der: bytes):
    from asn1crypto import x509

    return x509.Certificate.load(der)


def _detail(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:300]


def inspect(data: bytes, *, anchors: dict[bytes, str], now: datetime.datetime) -> dict:
    """The facts of every signature of the PDF in `data`. `anchors` maps each trust anchor's DER
    to its name. Raises nothing for a bad file: a file pyHanko cannot read is `{"error": …}`."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
    except Exception as error:  # noqa: BLE001 - any failure to parse hostile input is the answer "unreadable"
        return {"error": "unreadable", "detail": _detail(error)}
    try:
        embedded = list(reader.embedded_signatures)
    except Exception as error:  # noqa: BLE001 - a signature dictionary pyHanko cannot even list is "malformed"
        return {"error": "malformed", "detail": _detail(error)}
    signatures = []
    for sig in embedded[:MAX_SIGNATURES]:
        try:
            signatures.append(_signature_facts(sig, anchors, now))
        except Exception as error:  # noqa: BLE001 - a broken signature dictionary must be a verdict, not a crash
            signatures.append({"field": sig.field_name or "", "malformed": _detail(error)})
    return {"signatures": signatures, "not_checked": max(0, len(embedded) - MAX_SIGNATURES)}


def main() -> None:
    """Read {"path", "anchors": [[name, der_hex]…], "now"} on stdin, write the facts on stdout."""
    request = json.load(sys.stdin)
    anchors = {bytes.fromhex(der): name for name, der in request["anchors"]}
    with open(request["path"], "rb") as handle:
        data = handle.read()
    facts = inspect(data, anchors=anchors, now=datetime.datetime.fromisoformat(request["now"]))
    json.dump(facts, sys.stdout)


if __name__ == "__main__":
    main()
