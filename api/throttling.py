"""Rate limits per system, counted in the "api" cache (Redis shared by the web processes when
PORTAL_CACHE_URL is set, the process's memory in the embedded default). The rate is read at each
request, so that PORTAL_API_RATE (and a test's override of it) applies as set."""

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiClient


class ApiClientRateThrottle(SimpleRateThrottle):
    scope = "api_client"

    @property
    def cache(self):
        return caches["api"]

    def get_rate(self):
        return settings.PORTAL_API_RATE

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiClient):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
