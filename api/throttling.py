"""Rate limits per system, counted in Django's cache: each process's memory in the embedded
default, Redis shared by every web process in production. The rate is read at each request, so
that PORTAL_API_RATE (and a test's override of it) applies as set."""

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
