"""A commune officer sees the initiatives that run in the commune, registered by its district, and
reads them without editing; the district's drafts stay its own; an empty list blames no filter
that is not set."""

from django.urls import reverse

from initiatives.enums import InitiativeState
from tests.factories.initiatives import InitiativeFactory


def _district_initiative(campaign, district, commune, state):
    initiative = InitiativeFactory(campaign=campaign, agency=district, title=f"Mô hình huyện {state}", state=state)
    initiative.implementing_units.set([commune])
    return initiative


def test_commune_reads_registered_district_initiative_running_in_it(
    client, campaign, district, commune, commune_officer, other_commune_officer
):
    registered = _district_initiative(campaign, district, commune, InitiativeState.REGISTERED)
    draft = _district_initiative(campaign, district, commune, InitiativeState.DRAFT)
    client.force_login(commune_officer)
    listing = client.get(reverse("initiatives:list")).content.decode()
    assert registered.title in listing and draft.title not in listing
    detail = client.get(reverse("initiatives:detail", args=[registered.pk]))
    assert detail.status_code == 200
    assert reverse("initiatives:update", args=[registered.pk]) not in detail.content.decode()
    edit = client.get(reverse("initiatives:update", args=[registered.pk]))
    assert (edit.status_code, edit.url) == (302, reverse("initiatives:detail", args=[registered.pk]))
    assert client.get(reverse("initiatives:detail", args=[draft.pk])).status_code == 404
    client.force_login(other_commune_officer)
    assert client.get(reverse("initiatives:detail", args=[registered.pk])).status_code == 404


def test_empty_list_blames_the_filter_only_when_one_is_set(client, commune_officer):
    client.force_login(commune_officer)
    html = client.get(reverse("initiatives:list")).content.decode()
    assert 'data-testid="empty-no-filter"' in html and "khớp điều kiện lọc" not in html
    assert "khớp điều kiện lọc" in client.get(reverse("initiatives:list"), {"q": "không có"}).content.decode()
