from django.contrib import admin

from .models import Agency


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "level", "parent", "unit_code", "valid_from", "valid_to")
    list_filter = ("level", "kind")
    search_fields = ("name", "short_name", "unit_code", "search_text")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent", "successor")

    def has_delete_permission(self, request, obj=None):
        """An agency is closed and linked to its successor, never deleted: reports stand on the
        hierarchy of their period, and a delete page would list the agency's records."""
        return False
