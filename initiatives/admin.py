"""Django admin for initiatives: a read-only view for staff whom the portal's rules let read them
(the administrator is not one of them); every change goes through the portal's services."""

from django.contrib import admin

from .models import Initiative, InitiativeEvidence, InitiativeHistory


class EvidenceInline(admin.TabularInline):
    model = InitiativeEvidence
    fields = ("original_name", "kind", "size", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


class HistoryInline(admin.TabularInline):
    model = InitiativeHistory
    fields = ("at", "actor", "from_state", "to_state", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ("title", "agency", "kind", "category", "state")
    # The agency and the category (nullable, so not joined by default) in the same query as the rows.
    list_select_related = ("agency", "category")
    list_filter = ("state", "kind", "category", "campaign")
    search_fields = ("search_text",)
    raw_id_fields = ("agency", "implementing_units", "replicated_to")
    inlines = [EvidenceInline, HistoryInline]

    def has_view_permission(self, request, obj=None):
        """The portal's rule answers (with obj=None it lets only reviewers and officials read)."""
        return request.user.is_staff and request.user.has_perm("initiatives.view_initiative", obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
