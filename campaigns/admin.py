from django.contrib import admin

from agencies.admin import AgencyAdmin
from agencies.models import Agency

from .models import Campaign, CampaignDocument, LegalDocument
from .services import campaign_data_changed


class CampaignFiguresAdminMixin:
    """For models whose rows the dashboards count or name: a save or delete in the admin moves the
    data version of every campaign (admin edits are rare; one UPDATE), after the write itself."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        campaign_data_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        campaign_data_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        campaign_data_changed()


# `agencies` may import no other app, yet agency names and levels are in the campaigns' figures:
# the campaigns app puts the refresh on the agency admin here.
admin.site.unregister(Agency)


@admin.register(Agency)
class AgencyFiguresAdmin(CampaignFiguresAdminMixin, AgencyAdmin):
    pass


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    list_display = ("number_symbol", "doc_type", "issued_on", "issuer")
    search_fields = ("number_symbol", "subject", "issuer")


class CampaignDocumentInline(admin.TabularInline):
    model = CampaignDocument
    autocomplete_fields = ("document",)
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(CampaignFiguresAdminMixin, admin.ModelAdmin):
    list_display = ("code", "name", "period_start", "period_end", "nomination_deadline")
    inlines = [CampaignDocumentInline]
    filter_horizontal = ("expected_agencies",)
