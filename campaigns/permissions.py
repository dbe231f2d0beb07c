"""Permission checks through the rules alone.

Django's ModelBackend answers yes to every permission for a superuser, and the portal's
administrator is a superuser so as to reach the admin site; yet DESIGN.md gives the administrator
users and agencies only, never an agency's records. These checks ask the rules directly."""

import rules
from rules.contrib.views import PermissionRequiredMixin


def can(user, perm: str, obj=None) -> bool:
    return bool(getattr(user, "is_active", False)) and rules.has_perm(perm, user, obj)


class RulesPermissionRequiredMixin(PermissionRequiredMixin):
    def has_permission(self) -> bool:
        obj = self.get_permission_object()
        return all(can(self.request.user, perm, obj) for perm in self.get_permission_required())
