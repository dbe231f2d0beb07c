from django.contrib import admin

from campaign_portal.admin import CampaignFiguresAdminMixin

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
class InitiativeAdmin(CampaignFiguresAdminMixin, admin.ModelAdmin):
    list_display = ("title", "agency", "kind", "category", "state")
    list_filter = ("state", "kind", "category", "campaign")
    search_fields = ("search_text",)
    raw_id_fields = ("agency", "implementing_units", "replicated_to")
    readonly_fields = ("state", "search_text")
    inlines = [EvidenceInline, HistoryInline]
