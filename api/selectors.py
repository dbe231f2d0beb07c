"""The API's own read: the client a token names, if it may still read."""

from .models import ApiClient
from .services import TOKEN_PREFIX, token_hash


def api_client_for_token(token: str) -> ApiClient | None:
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    return ApiClient.objects.filter(token_hash=token_hash(token), active=True).first()
