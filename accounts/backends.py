from django.contrib.auth import get_user_model
from django.contrib.auth.backends import AllowAllUsersModelBackend


class PortalModelBackend(AllowAllUsersModelBackend):
    """Passwords as Django checks them. Inactive users still reach the log-in form, which says the
    account is disabled rather than "wrong password" (accounts/forms.py refuses them there).

    The user of a session is read with their agency (every page names it: one query less a page),
    and a session of an account disabled since it logged in ends at its next request."""

    def get_user(self, user_id):
        model = get_user_model()
        try:
            user = model._default_manager.select_related("agency").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if user.is_active else None
