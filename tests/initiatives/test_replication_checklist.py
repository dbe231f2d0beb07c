"""“Nhân rộng đến” is a checklist of agencies, not a multiple select needing Ctrl-click (issue 17):
every agency is a checkbox that works without JavaScript; the script only adds a filter box."""

import re

import pytest
from django.urls import reverse

from initiatives.enums import InitiativeState
from tests.factories import DistrictFactory
from tests.factories.initiatives import InitiativeFactory


@pytest.fixture
def elsewhere(db):
    return [DistrictFactory(name="UBND thành phố Hội An"), DistrictFactory(name="UBND huyện Đại Lộc")]


def test_initiative_form_offers_each_agency_as_a_checkbox(client, district_officer, campaign, elsewhere):
    client.force_login(district_officer)
    html = client.get(reverse("initiatives:create")).content.decode()
    assert not re.search(r"<select[^>]*name=\"replicated_to\"", html), "no multiple select"
    for agency in elsewhere:
        assert re.search(rf'<input type="checkbox"[^>]*name="replicated_to" value="{agency.pk}"', html), agency.name
    assert 'class="agency-checklist"' in html and "Giữ phím Ctrl" not in html


def test_replication_ticked_on_the_page_is_saved(client, commune_officer, commune, campaign, elsewhere):
    initiative = InitiativeFactory(campaign=campaign, agency=commune, state=InitiativeState.REGISTERED)
    client.force_login(commune_officer)
    html = client.get(reverse("initiatives:detail", args=[initiative.pk])).content.decode()
    assert f'name="replicated_to" value="{elsewhere[0].pk}"' in html
    response = client.post(
        reverse("initiatives:replication_update", args=[initiative.pk]),
        {"replicated_to": [agency.pk for agency in elsewhere]},
    )
    assert response.status_code == 302
    assert set(initiative.replicated_to.all()) == set(elsewhere)
