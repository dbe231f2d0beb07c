from django.contrib import admin

from .models import Campaign, CampaignDocument, LegalDocument


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    list_display = ("number_symbol", "doc_type", "issued_on", "issuer")
    search_fields = ("number_symbol", "subject", "issuer")


class CampaignDocumentInline(admin.TabularInline):
    model = CampaignDocument
    autocomplete_fields = ("document",)
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "period_start", "period_end", "nomination_deadline")
    inlines = [CampaignDocumentInline]
    filter_horizontal = ("expected_agencies",)
