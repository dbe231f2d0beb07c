"""Response headers every page carries. Content Security Policy: scripts and styles only from the
portal itself; no inline scripts, no framing, no plugins. Style attributes stay allowed (Bootstrap
progress bars set widths). Cache-Control: what a signed-in user sees is an agency's data, which
no shared cache (a proxy at the agency, the province's gateway) nor the browser's disk may keep."""

from django.utils.cache import patch_cache_control, patch_vary_headers

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response


class PrivateCacheMiddleware:
    """After AuthenticationMiddleware: every answer to a signed-in user is `private, no-store`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ("Cookie",))
        return response
