import datetime

import pytest
from django.urls import reverse

from accounts.enums import Role
from campaign_portal.audit import audit_events_for
from campaigns.models import Campaign, LegalDocument
from tests.factories import AgencyFactory, CampaignFactory, DistrictFactory, LegalDocumentFactory


def _payload(organiser, expected, **changes):
    data = {
        "code": "cds2025",
        "name": "Thi đua chuyển đổi số năm 2025",
        "issuing_authority": "Ủy ban nhân dân thành phố",
        "organiser": organiser.pk,
        "place_name": "Đà Nẵng",
        "period_start": "01/01/2025",
        "period_end": "31/10/2025",
        "nomination_deadline": "30/11/2025",
        "plan_doc_type": "KH",
        "plan_number_symbol": "120/KH-UBND",
        "plan_issued_on": "15/12/2024",
        "plan_issuer": "Ủy ban nhân dân thành phố",
        "plan_subject": "về phong trào thi đua chuyển đổi số",
        "docs-TOTAL_FORMS": "3",
        "docs-INITIAL_FORMS": "0",
        "docs-MIN_NUM_FORMS": "0",
        "docs-MAX_NUM_FORMS": "1000",
        "docs-0-doc_type": "CV",
        "docs-0-number_symbol": "55/SNV-CCHC",
        "docs-0-issued_on": "10/01/2025",
        "docs-0-issuer": "Sở Nội vụ",
        "docs-0-subject": "về việc triển khai",
        "docs-1-doc_type": "QĐ",
        "docs-1-number_symbol": "9/QĐ-UBND",
        "docs-1-issued_on": "05/01/2025",
        "docs-1-issuer": "Ủy ban nhân dân thành phố",
        "docs-1-subject": "",
        "docs-2-doc_type": "CV",
    }
    data.update(changes)
    return data


@pytest.fixture
def agencies(db):
    return AgencyFactory(name="Sở Nội vụ"), [DistrictFactory(), DistrictFactory(), AgencyFactory()]


def test_reviewer_creates_second_campaign_with_documents_and_agencies(client, reviewer, agencies):
    CampaignFactory(code="4064")
    organiser, expected = agencies
    client.force_login(reviewer)
    response = client.post(reverse("campaigns:create"), _payload(organiser, expected))
    assert response.status_code == 302, (response.context["form"].errors, response.context["formset"].errors)
    # The expected agencies come next: they are picked from the hierarchy of the period just entered.
    assert response["Location"] == reverse("campaigns:expected_agencies", args=["cds2025"])
    campaign = Campaign.objects.get(code="cds2025")
    assert campaign.plan_document.number_symbol == "120/KH-UBND"
    assert campaign.plan_document.doc_type == "KH"
    assert not campaign.expected_agencies.exists()
    assert [link.document.number_symbol for link in campaign.document_links.all()] == ["55/SNV-CCHC", "9/QĐ-UBND"]
    assert audit_events_for(campaign).filter(action="campaigns.campaign.create").exists()
    detail = client.get(reverse("campaigns:detail", args=["cds2025"]))
    content = detail.content.decode()
    assert "55/SNV-CCHC" in content and "120/KH-UBND" in content and "Thi đua chuyển đổi số năm 2025" in content


def test_reviewer_edits_campaign_documents(client, reviewer, agencies):
    organiser, expected = agencies
    client.force_login(reviewer)
    client.post(reverse("campaigns:create"), _payload(organiser, expected))
    url = reverse("campaigns:update", args=["cds2025"])
    form = client.get(url)
    assert form.context["form"].initial["plan_number_symbol"] == "120/KH-UBND"
    assert len(form.context["formset"].initial) == 2
    changes = {
        "docs-0-DELETE": "on",
        "name": "Tên mới",
        "docs-INITIAL_FORMS": "2",
    }
    response = client.post(url, _payload(organiser, expected, **changes))
    assert response.status_code == 302
    campaign = Campaign.objects.get(code="cds2025")
    assert campaign.name == "Tên mới"
    assert [link.document.number_symbol for link in campaign.document_links.all()] == ["9/QĐ-UBND"]
    assert LegalDocument.objects.filter(number_symbol="55/SNV-CCHC").exists()


def test_campaign_form_keeps_input_and_says_what_to_fix(client, reviewer, agencies):
    organiser, expected = agencies
    client.force_login(reviewer)
    response = client.post(
        reverse("campaigns:create"), _payload(organiser, expected, period_end="01/12/2024", plan_issued_on="32/13/2024")
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Ngày kết thúc phải sau ngày bắt đầu." in content
    assert "Thi đua chuyển đổi số năm 2025" in content
    assert not Campaign.objects.filter(code="cds2025").exists()


@pytest.mark.parametrize("role", [Role.AGENCY_OFFICER, Role.OFFICIAL])
def test_only_reviewers_create_or_edit_campaigns(client, make_user, role):
    campaign = CampaignFactory()
    client.force_login(make_user(role))
    assert client.get(reverse("campaigns:create")).status_code == 404
    assert client.get(reverse("campaigns:update", args=[campaign.code])).status_code == 404
    assert client.get(reverse("campaigns:expected_agencies", args=[campaign.code])).status_code == 404
    assert client.get(reverse("campaigns:detail", args=[campaign.code])).status_code == 200


def test_campaign_list_same_query_count_with_1_and_3_rows(client, reviewer, assert_same_query_count):
    def add():
        campaign = CampaignFactory()
        campaign.expected_agencies.set([AgencyFactory(), AgencyFactory()])
        campaign.document_links.create(document=LegalDocumentFactory(), position=1)
        return campaign

    add()
    client.force_login(reviewer)
    url = reverse("campaigns:list")
    assert_same_query_count(lambda: client.get(url), lambda: [add(), add()])
    response = client.get(url)
    assert len(response.context["campaigns"]) == 3
    assert all(c.expected_count == 2 and c.document_count == 1 for c in response.context["campaigns"])


@pytest.mark.parametrize(
    ("language", "cited"),
    [("vi", "Kế hoạch số 77/KH-UBND ngày 08/01/2025 của"), ("en", "Plan 77/KH-UBND dated 08/01/2025 of")],
)
def test_campaign_page_cites_its_plan_in_the_readers_language(client, reviewer, language, cited):
    plan = LegalDocumentFactory(doc_type="KH", number_symbol="77/KH-UBND", issued_on=datetime.date(2025, 1, 8))
    campaign = CampaignFactory(plan_document=plan)
    client.force_login(reviewer)
    client.post(reverse("set_language"), {"language": language})
    html = client.get(reverse("campaigns:detail", args=[campaign.code])).content.decode()
    assert cited in html
    assert "Plan số" not in html and "KH-UBND dated" not in html if language == "vi" else " số 77" not in html
