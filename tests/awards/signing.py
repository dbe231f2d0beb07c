"""A test CA and PDFs signed with pyHanko's signing API, made in the test run: no key nor
certificate is kept in the repository, and each case (intact, modified after signing, another
organisation, expired, malformed) is built from the same few steps."""

import datetime
import io
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.writer import PdfFileWriter
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

NOW = datetime.datetime.now(datetime.UTC)


@dataclass
class Identity:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate


def ca_pem(identity: Identity) -> bytes:
    return identity.cert.public_bytes(serialization.Encoding.PEM)


def ca_der(identity: Identity) -> bytes:
    return identity.cert.public_bytes(serialization.Encoding.DER)


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def make_ca(name: str = "CA thử nghiệm chuyên dùng") -> Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(name, "Ban Cơ yếu thử nghiệm")
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - datetime.timedelta(days=365))
        .not_valid_after(NOW + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Identity(key, cert)


def make_signer(ca: Identity, *, person: str, organisation: str, expired: bool = False) -> Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    start, end = (
        (NOW - datetime.timedelta(days=400), NOW - datetime.timedelta(days=35))
        if expired
        else (NOW - datetime.timedelta(days=30), NOW + datetime.timedelta(days=365))
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(person, organisation))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
        .sign(ca.key, hashes.SHA256())
    )
    return Identity(key, cert)


def _asn1_cert(identity: Identity) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(identity.cert.public_bytes(serialization.Encoding.DER))


def unsigned_pdf(text: str = "Tờ trình đề nghị khen thưởng", padding: int = 0) -> bytes:
    """A one-page PDF; `padding` bytes of an unused stream make it as large as a scanned dossier."""
    writer = PdfFileWriter()
    writer.insert_page(
        generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Page"),
                generic.NameObject("/MediaBox"): generic.ArrayObject(
                    [generic.NumberObject(n) for n in (0, 0, 595, 842)]
                ),
                generic.NameObject("/Contents"): writer.add_object(
                    generic.StreamObject(stream_data=f"% {text}\n".encode())
                ),
            }
        )
    )
    if padding:
        writer.root[generic.NameObject("/PortalPadding")] = writer.add_object(
            generic.StreamObject(stream_data=b"0" * padding)
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign_pdf(data: bytes, signer: Identity, ca: Identity, *, field: str = "ChuKy1") -> bytes:
    simple = signers.SimpleSigner(
        signing_cert=_asn1_cert(signer),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            signer.key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(ca)]),
    )
    out = signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(data), strict=False),
        signers.PdfSignatureMetadata(field_name=field),
        signer=simple,
    )
    return out.getvalue()


def modify_after_signing(signed: bytes) -> bytes:
    """An incremental update that replaces the page's content: the signed bytes stay intact, the
    document shown is another one."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    page = writer.root["/Pages"]["/Kids"][0]
    page_obj = page.get_object()
    page_obj[generic.NameObject("/Contents")] = writer.add_object(
        generic.StreamObject(stream_data=b"% Noi dung da bi thay\n")
    )
    writer.update_container(page_obj)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def tamper_signed_bytes(signed: bytes) -> bytes:
    """Change one byte inside the part the signature covers."""
    at = signed.index(b"% T")
    return signed[:at] + b"% X" + signed[at + 3 :]


def malformed_signature(signed: bytes) -> bytes:
    """The signature dictionary's /Contents replaced by garbage of the same length."""
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    end = signed.index(b">", start)
    return signed[:start] + b"AB" * ((end - start) // 2) + signed[end:]
