"""Tokens per system: no token, an unknown, malformed or revoked one answers 401 on every data
endpoint, a portal session is no token, only a hash is stored, the administrator issues (shown
once) and revokes in the admin, both audited; each system has its own rate limit."""

import hashlib
import io

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.urls import reverse

from accounts.enums import Role
from api.models import ApiClient
from api.services import api_client_issue
from campaign_portal.models import AuditEvent
from tests.api.conftest import bearer
from tests.conftest import _broker_url
from tests.factories import CampaignFactory

pytestmark = pytest.mark.django_db

DATA_URLS = [
    "api:campaign_list",
    "api:campaign_detail",
    "api:campaign_progress",
    "api:initiative_list",
    "api:award_list",
]


def _url(name: str) -> str:
    kwargs = {"code": CampaignFactory().code} if name in ("api:campaign_detail", "api:campaign_progress") else {}
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("name", DATA_URLS)
def test_each_endpoint_answers_no_token_revoked_token_valid_token(client, token, revoked_token, name):
    url = _url(name)
    missing = client.get(url)
    assert missing.status_code == 401 and missing["WWW-Authenticate"] == 'Bearer realm="api"'
    assert "Authorization: Bearer" in missing.json()["detail"]
    revoked = client.get(url, **bearer(revoked_token))
    assert revoked.status_code == 401 and revoked.json()["detail"] == "Mã truy cập: không hợp lệ hoặc đã bị thu hồi."
    assert client.get(url, **bearer(token)).status_code == 200


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer ctd_khongco", "Bearer a b", "Bearer ctd_" + "x" * 5000, "Token abc", "Basic dXNlcjpwYXNz"],
)
def test_malformed_or_unknown_tokens_are_401(client, header):
    assert client.get(reverse("api:campaign_list"), HTTP_AUTHORIZATION=header).status_code == 401


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.OFFICIAL, Role.ADMINISTRATOR, Role.AGENCY_OFFICER])
def test_a_portal_session_is_not_a_token(client, make_user, role):
    client.force_login(make_user(role))
    assert client.get(reverse("api:campaign_list")).status_code == 401


def test_only_a_hash_of_the_token_is_stored_and_its_use_is_recorded(client, db):
    client_row, token = api_client_issue(name="CSDL thi đua khen thưởng quốc gia", actor=None)
    stored = ApiClient.objects.filter(pk=client_row.pk).values().get()
    assert token not in str(stored)
    assert stored["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert stored["last_used_at"] is None
    client.get(reverse("api:campaign_list"), **bearer(token))
    assert ApiClient.objects.get(pk=client_row.pk).last_used_at is not None


def test_each_system_has_its_own_rate_limit(client, settings, token):
    settings.PORTAL_API_RATE = "3/min"
    other = api_client_issue(name="Hệ thống một cửa điện tử", actor=None)[1]
    url = reverse("api:campaign_list")
    assert [client.get(url, **bearer(token)).status_code for _ in range(3)] == [200, 200, 200]
    throttled = client.get(url, **bearer(token))
    assert throttled.status_code == 429 and "Retry-After" in throttled
    assert throttled.json()["detail"].startswith("Quá nhiều yêu cầu từ hệ thống này")
    assert client.get(url, **bearer(other)).status_code == 200


def test_admin_issues_a_token_shown_once_and_revokes_it(client, administrator):
    client.force_login(administrator)
    page = client.post(reverse("admin:api_apiclient_add"), {"name": "Nền tảng LGSP tỉnh Quảng Nam"})
    assert page.status_code == 200
    api_client = ApiClient.objects.get(name="Nền tảng LGSP tỉnh Quảng Nam")
    token = page.context["token"]
    assert token in page.content.decode() and "no-store" in page["Cache-Control"]
    assert api_client.created_by == administrator
    assert client.get(reverse("api:campaign_list"), **bearer(token)).status_code == 200
    change = client.get(reverse("admin:api_apiclient_change", args=[api_client.pk])).content.decode()
    assert token not in change and api_client.token_prefix in change
    duplicate = client.post(reverse("admin:api_apiclient_add"), {"name": "nền tảng lgsp tỉnh quảng nam"})
    assert duplicate.status_code == 200 and "Đã có hệ thống tên" in duplicate.content.decode()

    client.post(
        reverse("admin:api_apiclient_changelist"),
        {"action": "revoke", "_selected_action": [api_client.pk]},
    )
    api_client.refresh_from_db()
    assert not api_client.active and api_client.revoked_by == administrator and api_client.revoked_at
    assert client.get(reverse("api:campaign_list"), **bearer(token)).status_code == 401
    actions = list(AuditEvent.objects.filter(object_id=str(api_client.pk)).values_list("action", "actor"))
    assert actions == [("api.client.revoke", administrator.pk), ("api.client.issue", administrator.pk)]
    assert client.get(reverse("admin:api_apiclient_delete", args=[api_client.pk])).status_code == 403


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.OFFICIAL])
def test_only_the_administrator_manages_api_clients(client, make_user, role):
    client.force_login(make_user(role, is_staff=True))
    assert client.get(reverse("admin:api_apiclient_changelist")).status_code == 403
    assert client.post(reverse("admin:api_apiclient_add"), {"name": "Kẻ lạ"}).status_code == 403
    assert not ApiClient.objects.exists()


def test_the_command_issues_and_revokes(client, db):
    out, err = io.StringIO(), io.StringIO()
    call_command("issue_api_token", "Hệ thống quản lý văn bản", stdout=out, stderr=err)
    token = out.getvalue().strip()
    assert "chỉ hiện một lần" in err.getvalue()
    assert client.get(reverse("api:campaign_list"), **bearer(token)).status_code == 200
    call_command("issue_api_token", "Hệ thống quản lý văn bản", "--revoke", stdout=io.StringIO())
    assert client.get(reverse("api:campaign_list"), **bearer(token)).status_code == 401
    assert list(AuditEvent.objects.filter(action__startswith="api.").values_list("action", flat=True)) == [
        "api.client.revoke",
        "api.client.issue",
    ]


@pytest.mark.integration
def test_rate_counts_are_shared_through_redis_when_configured(client, settings, token):
    """With the cache on Redis, as in production, another web process (here a second connection
    of its own) sees the same counts, so three gunicorn workers do not triple a system's rate."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _broker_url()}}
    settings.PORTAL_API_RATE = "2/min"
    key = f"throttle_api_client_{ApiClient.objects.get(active=True).pk}"
    # Only this key: the database is the test broker's, which a worker process may be reading.
    caches["default"].delete(key)
    try:
        url = reverse("api:campaign_list")
        assert [client.get(url, **bearer(token)).status_code for _ in range(3)] == [200, 200, 429]
        assert len(RedisCache(_broker_url(), {}).get(key)) == 2
    finally:
        caches["default"].delete(key)
