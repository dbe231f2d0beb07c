"""Django admin for awards: only a read-only view of nominations, for staff whom the portal's rules
let read them (the administrator is not one of them). Criteria and award forms are edited in the
portal's own pages, which check them and write the audit log."""

from django.contrib import admin

from .models import Nomination


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    """Read-only: every change of a nomination goes through the services (workflow, audit)."""

    list_display = [
        "pk",
        "agency",
        "nominee_name",
        "nominee_agency",
        "award_form",
        "state",
        "verdict",
        "received_on",
        "receipt_channel",
    ]
    list_filter = ["campaign", "state", "verdict"]
    list_select_related = ["agency", "nominee_agency", "award_form"]

    def has_view_permission(self, request, obj=None):
        """The portal's rules answer for the admin too (they refuse obj=None): staff who may read the
        review queue see the list, and each nomination as the portal's rule allows."""
        if obj is None:
            return request.user.is_staff and request.user.has_perm("awards.view_nomination_list")
        return request.user.has_perm("awards.view_nomination", obj)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
