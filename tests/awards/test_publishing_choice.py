"""Publishing the proposed list is the campaign's choice: set on the campaign's form, off by default;
a campaign that does not ask for it is refused with a clear message and its page offers no button."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.enums import NominationState
from awards.models import Publication
from campaign_portal.audit import audit_events_for
from campaigns.models import Campaign
from tests.campaigns.test_campaign_pages import _payload
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, NominationFactory

REFUSED = "Phong trào này không công khai danh sách đề nghị khen thưởng"


@pytest.fixture
def quiet_campaign(db):
    """A campaign that does not publish, with one approved nomination (so only the choice refuses)."""
    campaign = CampaignFactory(name="Phong trào không công khai thử")
    NominationFactory(
        award_form=AwardFormFactory(campaign=campaign),
        state=NominationState.APPROVED,
        submitted_at=timezone.now(),
    )
    return campaign


def test_campaign_does_not_publish_by_default(quiet_campaign):
    assert quiet_campaign.publishes_proposed_list is False


def test_publishing_for_a_campaign_that_does_not_ask_is_refused_with_nothing_saved(quiet_campaign, reviewer):
    now = timezone.now()
    with pytest.raises(ValidationError, match=REFUSED):
        services.publication_create(
            user=reviewer,
            campaign=quiet_campaign,
            title="Danh sách",
            opens_at=now,
            closes_at=now + datetime.timedelta(days=7),
        )
    assert not Publication.objects.exists()


def test_page_of_a_campaign_that_does_not_publish_has_no_button_and_refuses_a_post(client, quiet_campaign, reviewer):
    client.force_login(reviewer)
    url = f"{reverse('awards:publication_list')}?phong-trao={quiet_campaign.code}"
    page = client.get(url).content.decode()
    assert REFUSED in page
    assert reverse("campaigns:update", args=[quiet_campaign.code]) in page
    assert 'name="opens_on"' not in page and ">Công khai</button>" not in page
    today = timezone.localdate()
    response = client.post(
        url,
        {
            "title": "Danh sách",
            "opens_on": today.strftime("%d/%m/%Y"),
            "closes_on": (today + datetime.timedelta(days=3)).strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert not Publication.objects.exists()


def test_page_of_a_campaign_that_publishes_has_the_button(client, quiet_campaign, reviewer):
    Campaign.objects.filter(pk=quiet_campaign.pk).update(publishes_proposed_list=True)
    client.force_login(reviewer)
    page = client.get(f"{reverse('awards:publication_list')}?phong-trao={quiet_campaign.code}").content.decode()
    assert REFUSED not in page and 'name="opens_on"' in page


def test_campaign_form_sets_the_choice_and_audits_it(client, reviewer):
    organiser = AgencyFactory(name="Sở Nội vụ")
    client.force_login(reviewer)
    client.post(reverse("campaigns:create"), _payload(organiser, []))
    campaign = Campaign.objects.get(code="cds2025")
    assert campaign.publishes_proposed_list is False
    url = reverse("campaigns:update", args=["cds2025"])
    assert 'name="publishes_proposed_list"' in client.get(url).content.decode()
    payload = _payload(organiser, [], publishes_proposed_list="on", **{"docs-INITIAL_FORMS": "2"})
    response = client.post(url, payload)
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.publishes_proposed_list is True
    update = audit_events_for(campaign).get(action="campaigns.campaign.update")
    assert update.before["publishes_proposed_list"] is False and update.after["publishes_proposed_list"] is True
    detail = client.get(reverse("campaigns:detail", args=["cds2025"])).content.decode()
    assert "Có, để lấy ý kiến trước khi trình Hội đồng" in detail


def test_review_queue_links_to_publishing_only_where_the_campaign_publishes(client, quiet_campaign, reviewer):
    client.force_login(reviewer)
    queue = f"{reverse('awards:nomination_list')}?phong-trao={quiet_campaign.code}"
    link = f"{reverse('awards:publication_list')}?phong-trao={quiet_campaign.code}"
    assert link not in client.get(queue).content.decode()
    Campaign.objects.filter(pk=quiet_campaign.pk).update(publishes_proposed_list=True)
    assert link in client.get(queue).content.decode()
