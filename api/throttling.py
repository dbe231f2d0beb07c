"""Rate limits per system, counted in the default cache (shared Redis in production, the
process's memory in the embedded default). The rate is read at each request so that a change of
PORTAL_API_RATE (and a test's override) applies without a restart of the class."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiClient


class ApiClientRateThrottle(SimpleRateThrottle):
    scope = "api_client"

    def get_rate(self):
        return settings.PORTAL_API_RATE

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiClient):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
