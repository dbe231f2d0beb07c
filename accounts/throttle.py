"""Log-in throttling with one limit per dimension (django-axes keeps a single limit for all).

Guesses are counted three ways: the same account from the same address, the same account from any
address (an attacker who changes address), and the same address against any account (an attacker
who tries a few passwords on each of many accounts). Offices share one NAT address and staff mistype,
so the two wide counts get higher limits than the pair; axes compares one number with
AXES_FAILURE_LIMIT, so each count is scaled to that limit (rounded down: a count reaches
it exactly when it reaches its own limit) and the largest one decides.

A successful log-in forgets only its own account-and-address failures: the owner logging in does
not wipe an attacker's count from elsewhere, and an attacker's own account cannot reset his address."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def _limit(parameter) -> int:
    """The limit of one entry of AXES_LOCKOUT_PARAMETERS (a combination is the strict pair limit)."""
    wide = {
        "username": settings.PORTAL_LOGIN_FAILURES_PER_ACCOUNT,
        "ip_address": settings.PORTAL_LOGIN_FAILURES_PER_ADDRESS,
    }
    return wide[parameter] if isinstance(parameter, str) else settings.AXES_FAILURE_LIMIT


class PortalAxesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        scaled = 0
        # axes returns one queryset per entry of AXES_LOCKOUT_PARAMETERS, in its order.
        counted = zip(self.get_user_attempts(request, credentials), settings.AXES_LOCKOUT_PARAMETERS, strict=True)
        for attempts, parameter in counted:
            limit = _limit(parameter)
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            scaled = max(scaled, failures * settings.AXES_FAILURE_LIMIT // limit)
        return scaled

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        deleted, _ = AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address).delete()
        return deleted


def client_address(request) -> str | None:
    """Each trusted proxy appends the address it received from; the entry added by the outermost one
    (counted from the right) is the client's, whatever the client put in the header itself."""
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    proxies = settings.PORTAL_TRUSTED_PROXIES
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
