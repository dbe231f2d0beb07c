from django.contrib import admin

from .models import Agency, AgencySuccession


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "level", "parent", "unit_code", "valid_from", "valid_to")
    list_filter = ("level", "kind")
    search_fields = ("name", "short_name", "unit_code", "search_text")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent", "province")

    def has_delete_permission(self, request, obj=None):
        """An agency is closed and linked to its successor, never deleted: reports stand on the
        hierarchy of their period, and a delete page would list the agency's records."""
        return False


@admin.register(AgencySuccession)
class AgencySuccessionAdmin(admin.ModelAdmin):
    list_display = ("predecessor", "successor", "effective", "is_principal", "legal_basis", "source")
    list_filter = ("effective", "is_principal")
    search_fields = ("predecessor__name", "successor__name", "legal_basis")
    list_select_related = ("predecessor", "successor")
    autocomplete_fields = ("predecessor", "successor")

    def has_delete_permission(self, request, obj=None):
        """A change of the map is history: it is corrected, never deleted."""
        return False
