"""An API client with its token, and the header that carries it."""

import pytest

from api.services import api_client_issue, api_client_revoke


@pytest.fixture
def token(db) -> str:
    return api_client_issue(name="Nền tảng LGSP tỉnh", actor=None)[1]


@pytest.fixture
def revoked_token(db) -> str:
    client, token = api_client_issue(name="Hệ thống quản lý văn bản cũ", actor=None)
    api_client_revoke(client=client, actor=None)
    return token


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def api_get(client, token):
    """GET with the valid token."""

    def get(url, data=None, **extra):
        return client.get(url, data or {}, **bearer(token), **extra)

    return get
