"""Issuing and revoking the tokens of the systems that read the API, each audited in the same
transaction. The token is returned once, to be shown once; only its hash is kept."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaign_portal.audit import audit_record

from .models import ApiClient

TOKEN_PREFIX = "ctd_"


class ApiClientError(Exception):
    """A refusal the admin or the command shows as it is."""


def token_hash(token: str) -> str:
    """A plain SHA-256 is enough: the token is 256 random bits, not a password to guess."""
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_client_issue(*, name: str, actor) -> tuple[ApiClient, str]:
    name = " ".join(name.split())
    if not name:
        raise ApiClientError(_("Tên hệ thống: không được để trống."))
    if ApiClient.objects.filter(name__iexact=name).exists():
        raise ApiClientError(_("Tên hệ thống: đã có hệ thống “%(name)s”.") % {"name": name})
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    client = ApiClient.objects.create(
        name=name, token_hash=token_hash(token), token_prefix=token[:12], created_by=_user_or_none(actor)
    )
    audit_record(actor=actor, action="api.client.issue", target=client, after={"name": name, "scope": client.scope})
    return client, token


@transaction.atomic
def api_client_revoke(*, client: ApiClient, actor) -> ApiClient:
    client = ApiClient.objects.select_for_update().get(pk=client.pk)
    if not client.active:
        return client
    client.active = False
    client.revoked_at = timezone.now()
    client.revoked_by = _user_or_none(actor)
    client.save(update_fields=["active", "revoked_at", "revoked_by"])
    audit_record(
        actor=actor, action="api.client.revoke", target=client, before={"active": True}, after={"active": False}
    )
    return client


def api_client_mark_used(*, client: ApiClient) -> None:
    """Not audited (it is a read); written at most once a minute per client so that a busy system
    does not turn every read into a write."""
    now = timezone.now()
    if client.last_used_at is None or (now - client.last_used_at).total_seconds() >= 60:
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
        client.last_used_at = now


def _user_or_none(actor):
    return actor if getattr(actor, "is_authenticated", False) else None
