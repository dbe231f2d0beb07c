"""Signature verification of dossier documents, on PDFs signed in the test by a CA made in the
test: each case gets its verdict and a Vietnamese explanation naming the evidence; the `signed`
criterion compares the signer's organisation with the nominating agency; the administrator's
trust anchors decide what is trusted; a hostile file gives a verdict, never an error."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from awards import services
from awards.enums import CriterionKind, Outcome, SignatureVerdict
from awards.models import DossierDocument, TrustAnchor
from campaign_portal.models import AuditEvent
from tests.factories.awards import CriterionFactory

from . import signing

V = SignatureVerdict


@pytest.fixture(scope="module")
def ca():
    return signing.make_ca()


@pytest.fixture
def anchor(ca, administrator):
    return services.trust_anchor_add(user=administrator, name="Root CA thử nghiệm", certificate=signing.ca_pem(ca))


@pytest.fixture(scope="module")
def agency_signer(ca):
    return signing.make_signer(ca, person="Nguyễn Văn An", organisation="Sở Giao thông vận tải thử")


def _upload(dossier, officer, data: bytes, *, code: str = "to_trinh", name: str = "to-trinh-da-ky.pdf"):
    requirement = dossier.award_form.requirements.get(code=code)
    services.dossier_document_upload(
        user=officer,
        nomination=dossier,
        requirement=requirement,
        upload=SimpleUploadedFile(name, data, content_type="application/pdf"),
    )
    document = DossierDocument.objects.get(nomination=dossier, requirement=requirement)
    return services.document_signature_verify(document_id=document.pk)


def test_signed_and_intact_with_trusted_root_is_valid(dossier, officer, ca, anchor, agency_signer):
    document = _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca))
    assert document.signature_verdict == V.VALID
    assert "Nguyễn Văn An – Sở Giao thông vận tải thử" in document.signature_explanation
    assert "hợp lệ, tài liệu không bị sửa sau khi ký" in document.signature_explanation
    assert "Root CA thử nghiệm" in document.signature_explanation
    (signature,) = document.signature_details["signatures"]
    assert signature["organisation"] == "Sở Giao thông vận tải thử"
    assert signature["signer"] == "Nguyễn Văn An"
    assert signature["signed_at"] and signature["anchor"] == "Root CA thử nghiệm"


def test_signed_without_the_root_installed_is_untrusted(dossier, officer, ca, agency_signer):
    document = _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca))
    assert document.signature_verdict == V.UNTRUSTED
    assert "không dẫn tới chứng thư gốc tin cậy" in document.signature_explanation


def test_an_inactive_anchor_is_not_trusted(dossier, officer, ca, anchor, agency_signer):
    TrustAnchor.objects.filter(pk=anchor.pk).update(active=False)
    document = _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca))
    assert document.signature_verdict == V.UNTRUSTED


def test_modified_after_signing_by_incremental_update(dossier, officer, ca, anchor, agency_signer):
    signed = signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca)
    document = _upload(dossier, officer, signing.modify_after_signing(signed))
    assert document.signature_verdict == V.MODIFIED
    assert "chỉ bao phủ một phần tệp: tài liệu đã bị sửa sau khi ký" in document.signature_explanation


def test_bytes_changed_inside_the_signed_part_is_invalid(dossier, officer, ca, anchor, agency_signer):
    signed = signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca)
    document = _upload(dossier, officer, signing.tamper_signed_bytes(signed))
    assert document.signature_verdict == V.INVALID
    assert "không khớp với nội dung" in document.signature_explanation


def test_expired_certificate(dossier, officer, ca, anchor):
    expired = signing.make_signer(ca, person="Lê Thị Cũ", organisation="Sở Giao thông vận tải thử", expired=True)
    document = _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), expired, ca))
    assert document.signature_verdict == V.EXPIRED
    assert "Chứng thư số của Lê Thị Cũ – Sở Giao thông vận tải thử đã hết hạn ngày" in document.signature_explanation


def test_unsigned_pdf(dossier, officer, anchor):
    document = _upload(dossier, officer, signing.unsigned_pdf(), name="da-ky-so-hop-le.pdf")
    assert document.signature_verdict == V.UNSIGNED
    assert document.signature_explanation == "Tệp không có chữ ký số."


def test_malformed_signature_dictionary(dossier, officer, ca, anchor, agency_signer):
    signed = signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca)
    document = _upload(dossier, officer, signing.malformed_signature(signed))
    assert document.signature_verdict == V.INVALID
    assert "từ điển chữ ký bị hỏng" in document.signature_explanation


@override_settings(PORTAL_SIGNATURE_TIMEOUT=1)
def test_a_verification_that_runs_too_long_is_stopped_with_a_verdict(dossier, officer, ca, agency_signer, monkeypatch):
    document = _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca))
    # A child that never answers stands for a PDF whose parsing loops.
    monkeypatch.setattr("awards.services.signatures.CHILD_COMMAND", ["sleep", "5"])
    document = services.document_signature_verify(document_id=document.pk)
    assert document.signature_verdict == V.UNREADABLE
    assert "quá 1 giây" in document.signature_explanation


def test_a_50_mb_signed_pdf_is_verified(dossier, officer, ca, anchor, agency_signer, settings):
    settings.PORTAL_UPLOAD_MAX_BYTES = 60 * 1024 * 1024
    big = signing.sign_pdf(signing.unsigned_pdf(padding=50 * 1024 * 1024), agency_signer, ca)
    assert len(big) > 50 * 1024 * 1024
    document = _upload(dossier, officer, big)
    assert document.signature_verdict == V.VALID


def test_an_unsigned_pdf_is_told_unsigned_without_the_child_process(dossier, officer, monkeypatch):
    monkeypatch.setattr("awards.services.signatures.CHILD_COMMAND", ["false"])  # would answer "crashed"
    document = _upload(dossier, officer, signing.unsigned_pdf(padding=3 * 1024 * 1024))
    assert document.signature_verdict == V.UNSIGNED


def test_a_file_over_the_verification_limit_gets_a_verdict(dossier, officer, settings):
    settings.PORTAL_SIGNATURE_MAX_BYTES = 1024
    document = _upload(dossier, officer, signing.unsigned_pdf(padding=4096))
    assert document.signature_verdict == V.UNREADABLE
    assert "quá lớn để kiểm tra chữ ký" in document.signature_explanation


def _signed_criterion(campaign):
    return CriterionFactory(
        campaign=campaign,
        code="to_trinh_ky_so",
        kind=CriterionKind.SIGNED,
        params={"requirement": "to_trinh"},
        wording="Tờ trình có chữ ký số của cơ quan đề nghị",
    )


def _result(dossier, criterion):
    services.criteria_check_nomination(dossier.pk)
    return dossier.results.get(criterion=criterion)


def test_signed_criterion_met_by_the_agency_own_signature(dossier, officer, campaign, ca, anchor, agency_signer):
    criterion = _signed_criterion(campaign)
    _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca))
    result = _result(dossier, criterion)
    assert result.outcome == Outcome.MET
    assert "có chữ ký số hợp lệ của Sở Giao thông vận tải thử" in result.explanation


def test_signed_criterion_ignores_case_and_diacritics_of_the_organisation(dossier, officer, campaign, ca, anchor):
    signer = signing.make_signer(ca, person="Nguyễn Văn An", organisation="SO GIAO THONG VAN TAI THU")
    criterion = _signed_criterion(campaign)
    _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), signer, ca))
    assert _result(dossier, criterion).outcome == Outcome.MET


def test_signed_criterion_not_met_when_another_organisation_signed(dossier, officer, campaign, ca, anchor):
    other = signing.make_signer(ca, person="Phạm Văn Khác", organisation="Sở Tài chính thử")
    criterion = _signed_criterion(campaign)
    document = _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), other, ca))
    assert document.signature_verdict == V.VALID
    result = _result(dossier, criterion)
    assert result.outcome == Outcome.NOT_MET
    assert "được ký bởi Sở Tài chính thử, không phải cơ quan đề nghị Sở Giao thông vận tải thử" in result.explanation


def test_signed_criterion_not_met_for_an_unsigned_component_and_waits_for_a_pending_check(
    dossier, officer, campaign, anchor
):
    criterion = _signed_criterion(campaign)
    assert _result(dossier, criterion).outcome == Outcome.CANNOT_TELL
    _upload(dossier, officer, signing.unsigned_pdf())
    result = _result(dossier, criterion)
    assert result.outcome == Outcome.NOT_MET
    assert "Không có chữ ký số" in result.explanation


def test_signed_criterion_needs_its_component_code():
    from awards.criteria import params_errors

    assert params_errors(CriterionKind.SIGNED, {}) == [
        "Thiếu tham số “requirement” (Thành phần hồ sơ phải có chữ ký số)."
    ]


def test_upload_queues_the_verification_and_the_page_shows_the_panel(
    client, dossier, officer, ca, anchor, agency_signer, django_capture_on_commit_callbacks
):
    requirement = dossier.award_form.requirements.get(code="to_trinh")
    with django_capture_on_commit_callbacks(execute=True):
        services.dossier_document_upload(
            user=officer,
            nomination=dossier,
            requirement=requirement,
            upload=SimpleUploadedFile(
                "to-trinh.pdf", signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca), "application/pdf"
            ),
        )
    document = DossierDocument.objects.get(nomination=dossier, requirement=requirement)
    assert document.signature_verdict == V.VALID and document.signature_checked_at is not None
    client.force_login(officer)
    page = client.get(reverse("awards:nomination_detail", args=[dossier.pk])).content.decode()
    assert "Chữ ký hợp lệ" in page and "Nguyễn Văn An" in page and "Sở Giao thông vận tải thử" in page


def test_trust_anchor_refuses_what_is_not_a_certificate_and_a_duplicate(ca, anchor):
    with pytest.raises(ValidationError, match="không đọc được"):
        services.trust_anchor_add(user=None, name="Rác", certificate=b"-----BEGIN CERTIFICATE-----\nxx")
    with pytest.raises(ValidationError, match="đã có trong danh sách"):
        services.trust_anchor_add(user=None, name="Lần hai", certificate=signing.ca_der(ca))
    assert AuditEvent.objects.filter(action="awards.trust_anchor.add").count() == 1


def test_admin_adds_a_trust_anchor_from_a_file_and_refuses_garbage(client, administrator, reviewer, ca):
    client.force_login(reviewer)
    assert client.get(reverse("admin:awards_trustanchor_changelist")).status_code == 302
    client.force_login(administrator)
    url = reverse("admin:awards_trustanchor_add")
    response = client.post(
        url, {"name": "Rác", "active": "on", "certificate_file": SimpleUploadedFile("goc.cer", b"\x00garbage")}
    )
    assert response.status_code == 200 and "không đọc được" in response.content.decode()
    response = client.post(
        url,
        {
            "name": "Root CA chuyên dùng",
            "active": "on",
            "certificate_file": SimpleUploadedFile("goc.pem", signing.ca_pem(ca)),
        },
    )
    assert response.status_code == 302
    anchor = TrustAnchor.objects.get()
    assert anchor.name == "Root CA chuyên dùng" and anchor.added_by == administrator and anchor.active


def test_adding_an_anchor_checks_the_untrusted_documents_again(
    dossier, officer, ca, agency_signer, administrator, django_capture_on_commit_callbacks
):
    document = _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca))
    assert document.signature_verdict == V.UNTRUSTED
    services.trust_anchor_add(user=administrator, name="Root CA thử nghiệm", certificate=signing.ca_pem(ca))
    document.refresh_from_db()
    assert document.signature_verdict == V.PENDING
    # the dossier's other components were never checked: the requeue takes them too
    with django_capture_on_commit_callbacks(execute=True):
        queued = services.document_signatures_requeue_pending(older_than=datetime.timedelta(0))
    assert queued == dossier.documents.count()
    document.refresh_from_db()
    assert document.signature_verdict == V.VALID


def test_switching_an_anchor_off_in_admin_is_audited_and_rechecks(
    client, dossier, officer, ca, anchor, agency_signer, administrator, django_capture_on_commit_callbacks
):
    document = _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca))
    assert document.signature_verdict == V.VALID
    client.force_login(administrator)
    response = client.post(reverse("admin:awards_trustanchor_change", args=[anchor.pk]), {"name": anchor.name})
    assert response.status_code == 302
    anchor.refresh_from_db()
    assert not anchor.active
    assert AuditEvent.objects.filter(action="awards.trust_anchor.change").exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.document_signatures_requeue_pending(older_than=datetime.timedelta(0))
    document.refresh_from_db()
    assert document.signature_verdict == V.UNTRUSTED


def test_a_verification_that_runs_out_of_memory_gets_a_verdict(dossier, officer, ca, agency_signer, settings):
    # 32 MB is too little for the interpreter and pyHanko: the child dies as on a PDF that swells.
    settings.PORTAL_SIGNATURE_MAX_MEMORY = 32 * 1024 * 1024
    document = _upload(dossier, officer, signing.sign_pdf(signing.unsigned_pdf(), agency_signer, ca))
    assert document.signature_verdict == V.UNREADABLE
    assert document.signature_explanation == "Không đọc được tệp PDF để kiểm tra chữ ký."
    assert document.signature_details["error"] == "crashed"
