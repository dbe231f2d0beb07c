"""The signature panel of a dossier and the quota on the review queue and progress page, in
Chromium, on the demo campaign: components signed by the agency, by another organisation, and
not signed; the screenshots are the README's."""

import io
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards import services
from awards.enums import NominationState, QuotaKind, SignatureVerdict
from awards.models import DossierDocument, Nomination
from demo.accounts import DEMO_PASSWORD, load_accounts
from demo.campaign import load_campaign
from demo.nominations import load_nominations
from tests.awards import signing
from tests.conftest import browser_login, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def signed_dossier(quang_nam, administrator):
    load_accounts()
    load_campaign()
    load_nominations()
    nomination = (
        Nomination.objects.filter(state=NominationState.SUBMITTED, nominee_type="collective")
        .select_related("agency", "award_form")
        .order_by("pk")
        .first()
    )
    ca = signing.make_ca("CA chuyên dùng thử nghiệm")
    services.trust_anchor_add(user=administrator, name="CA chuyên dùng thử nghiệm", certificate=signing.ca_pem(ca))
    own = signing.make_signer(ca, person="Nguyễn Văn Thủ Trưởng", organisation=nomination.agency.name)
    other = signing.make_signer(ca, person="Trần Thị Khác", organisation="Sở Tài chính")

    def make_files():
        return {
            "to_trinh": signing.sign_pdf(signing.unsigned_pdf(), own, ca),
            "danh_sach": signing.sign_pdf(signing.unsigned_pdf(), other, ca),
            "bien_ban": signing.modify_after_signing(signing.sign_pdf(signing.unsigned_pdf(), own, ca)),
            "bao_cao_thanh_tich": signing.unsigned_pdf(),
        }

    # pyHanko signs through asyncio.run, which cannot run in Playwright's event loop: another thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        files = pool.submit(make_files).result()
    for code, data in files.items():
        document = DossierDocument.objects.get(nomination=nomination, requirement__code=code)
        document.file.save(f"{code}.pdf", SimpleUploadedFile(f"{code}.pdf", io.BytesIO(data).read()), save=False)
        DossierDocument.objects.filter(pk=document.pk).update(file=document.file.name, size=len(data))
        services.document_signature_verify(document_id=document.pk)
    nomination.award_form.quota_kind, nomination.award_form.quota_number = QuotaKind.PER_AGENCY, 1
    nomination.award_form.save()
    return nomination


def test_browser_signature_panel_and_quota(page, signed_dossier):
    verdicts = dict(
        DossierDocument.objects.filter(nomination=signed_dossier).values_list("requirement__code", "signature_verdict")
    )
    assert verdicts == {
        "to_trinh": SignatureVerdict.VALID,
        "danh_sach": SignatureVerdict.VALID,
        "bien_ban": SignatureVerdict.MODIFIED,
        "bao_cao_thanh_tich": SignatureVerdict.UNSIGNED,
    }
    browser_login(page, "chuyenvien.snv", DEMO_PASSWORD)
    page.goto(f"{page.base_url}{reverse('awards:nomination_detail', args=[signed_dossier.pk])}")
    panel = page.locator("section[aria-labelledby=dossier-heading]")
    assert panel.get_by_text("Nguyễn Văn Thủ Trưởng").first.is_visible()
    assert panel.get_by_text("Tài liệu bị sửa sau khi ký").is_visible()
    assert panel.get_by_text("Không có chữ ký số").first.is_visible()
    panel.screenshot(path=str(screenshot(page, "signatures-panel-1280").with_name("signatures-panel-section-1280.png")))

    page.goto(f"{page.base_url}{reverse('awards:progress')}?phong-trao={signed_dossier.campaign.code}")
    assert page.get_by_role("heading", name="Chỉ tiêu khen thưởng").is_visible()
    page.locator("[data-testid=quotas]").screenshot(
        path=str(screenshot(page, "quota-progress-1280").with_name("quota-progress-section-1280.png"))
    )
