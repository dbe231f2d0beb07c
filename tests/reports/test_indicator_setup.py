"""Indicator definitions of a campaign, created, edited and deleted in the browser by reviewers
(their values stay on the indicators page), audited, hidden from everyone else."""

import pytest
from django.urls import reverse

from accounts.enums import Role
from campaign_portal.audit import audit_events_for
from reports.models import Indicator, IndicatorValue
from tests.factories import CampaignFactory
from tests.factories.reports import IndicatorFactory, SummaryReportFactory


@pytest.fixture
def campaign(db):
    return SummaryReportFactory().campaign


def _data(**changes):
    return {"code": "dvc-toan-trinh", "name": "Dịch vụ công trực tuyến toàn trình", "unit": "dịch vụ"} | {
        "position": 1,
        **changes,
    }


def test_reviewer_adds_edits_and_deletes_an_indicator(client, reviewer, campaign):
    client.force_login(reviewer)
    response = client.post(reverse("reports:indicator_create", args=[campaign.code]), _data())
    assert response.status_code == 302
    total = Indicator.objects.get(campaign=campaign, code="dvc-toan-trinh")
    assert audit_events_for(total).filter(action="reports.indicator.create").exists()

    client.post(
        reverse("reports:indicator_create", args=[campaign.code]),
        _data(code="dvc-mot-phan", name="Một phần", parent=total.pk, position=2),
    )
    part = Indicator.objects.get(campaign=campaign, code="dvc-mot-phan")
    assert part.parent == total
    page = client.get(reverse("reports:indicators", args=[campaign.code])).content.decode()
    assert "Dịch vụ công trực tuyến toàn trình" in page and "trong đó:" in page

    url = reverse("reports:indicator_edit", args=[campaign.code, total.pk])
    assert client.post(url, _data(name="DVC toàn trình")).status_code == 302
    total.refresh_from_db()
    assert total.name == "DVC toàn trình"
    event = audit_events_for(total).get(action="reports.indicator.update")
    assert event.before["name"] == "Dịch vụ công trực tuyến toàn trình" and event.after["name"] == "DVC toàn trình"

    IndicatorValue.objects.create(indicator=total, value=12)
    assert client.post(reverse("reports:indicator_delete", args=[campaign.code, total.pk])).status_code == 302
    assert not Indicator.objects.filter(campaign=campaign).exists()
    assert not IndicatorValue.objects.exists()


def test_indicator_bad_input_names_the_field_and_saves_nothing(client, reviewer, campaign):
    IndicatorFactory(campaign=campaign, code="chu-ky-so")
    client.force_login(reviewer)
    url = reverse("reports:indicator_create", args=[campaign.code])
    response = client.post(url, _data(code="chu-ky-so"))
    assert response.status_code == 400
    assert "Mã chỉ số “chu-ky-so” đã có trong phong trào này." in response.content.decode()
    response = client.post(url, _data(name=""))
    assert "Hãy nhập tên chỉ số." in response.content.decode()
    assert Indicator.objects.filter(campaign=campaign).count() == 1


def test_parent_must_be_an_indicator_of_the_same_campaign(client, reviewer, campaign):
    elsewhere = IndicatorFactory()
    client.force_login(reviewer)
    response = client.post(reverse("reports:indicator_create", args=[campaign.code]), _data(parent=elsewhere.pk))
    assert response.status_code == 400
    assert not Indicator.objects.filter(campaign=campaign).exists()


def test_indicator_of_another_campaign_is_404(client, reviewer, campaign):
    other = IndicatorFactory()
    client.force_login(reviewer)
    assert client.get(reverse("reports:indicator_edit", args=[campaign.code, other.pk])).status_code == 404
    assert client.post(reverse("reports:indicator_delete", args=[campaign.code, other.pk])).status_code == 404
    assert Indicator.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("role", [Role.AGENCY_OFFICER, Role.OFFICIAL])
def test_indicator_set_up_is_404_for_others(client, make_user, role, campaign):
    indicator = IndicatorFactory(campaign=campaign)
    client.force_login(make_user(role))
    assert client.post(reverse("reports:indicator_create", args=[campaign.code]), _data()).status_code == 404
    assert client.post(reverse("reports:indicator_delete", args=[campaign.code, indicator.pk])).status_code == 404
    assert Indicator.objects.filter(campaign=campaign).count() == 1


def test_indicators_page_of_a_new_campaign_offers_the_generic_outline_sections(client, reviewer):
    """Set up before anyone opened the report, a new campaign's indicator can still be placed in a
    section: the page makes the generic outline, as the report and outline pages do."""
    campaign = CampaignFactory()
    indicator = IndicatorFactory(campaign=campaign, code="xa-ntm", name="Số xã đạt chuẩn nông thôn mới")
    client.force_login(reviewer)
    url = reverse("reports:indicators", args=[campaign.code])
    page = client.get(url).content.decode()
    assert "II. Kết quả thực hiện phong trào thi đua" in page
    section = campaign.outline_sections.get(key="ket-qua")
    response = client.post(url, {f"section-{indicator.pk}": section.pk, f"value-{indicator.pk}": "47"})
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.section == section
