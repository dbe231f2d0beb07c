from django.contrib import admin

from .models import Agency


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "level", "parent", "unit_code", "valid_from", "valid_to")
    list_filter = ("level", "kind")
    search_fields = ("name", "short_name", "unit_code", "search_text")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent", "successor")
