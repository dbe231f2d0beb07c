import pytest
from django.urls import reverse
from django.utils.cache import get_max_age

from accounts.enums import Role
from tests.factories import DistrictFactory
from tests.factories.initiatives import InitiativeFactory


def test_pages_carry_a_csp_without_inline_scripts(client):
    response = client.get(reverse("accounts:login"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response.content.decode()


def test_media_url_serves_nothing(client, reviewer, settings, tmp_path):
    client.force_login(reviewer)
    (tmp_path / "media").mkdir(exist_ok=True)
    (tmp_path / "media" / "secret.pdf").write_bytes(b"%PDF-1.4 secret")
    assert client.get(f"{settings.MEDIA_URL}secret.pdf").status_code == 404
    assert client.get("/media/secret.pdf").status_code == 404


def _cache_directives(response) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize("page", ["home", "initiatives:list", "initiatives:detail", "awards:nomination_list"])
def test_pages_for_a_signed_in_user_are_private_and_not_stored(client, make_user, page):
    """Shared proxies and the browser's disk keep none of an agency's pages (nor the lists)."""
    initiative = InitiativeFactory(agency=DistrictFactory())
    user = make_user(Role.REVIEWER) if page.startswith("awards") else make_user(agency=initiative.agency)
    client.force_login(user)
    response = client.get(reverse(page, args=[initiative.pk]) if page.endswith("detail") else reverse(page))
    assert response.status_code == 200
    assert {"private", "no-store"} <= _cache_directives(response)
    assert "Cookie" in response.headers["Vary"] and get_max_age(response) is None
