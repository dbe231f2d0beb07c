from django.conf import settings

from .navigation import nav_items_for


def navigation(request):
    user = getattr(request, "user", None)
    return {
        "nav_items": nav_items_for(user) if user is not None and user.is_authenticated else [],
        "runtime_mode": settings.RUNTIME_MODE,
    }
