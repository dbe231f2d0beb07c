from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaigns.services import campaign_data_changed

from .audit import action_label
from .models import AuditEvent


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


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log, read-only: nobody edits or deletes what happened, not even a superuser."""

    list_display = ("at", "actor", "action_name", "object_repr")
    list_filter = ("action", ("content_type", admin.RelatedOnlyFieldListFilter))
    search_fields = ("object_repr", "actor__username", "action", "object_id")
    date_hierarchy = "at"
    list_select_related = ("actor",)
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    @admin.display(description=_("hành động"), ordering="action")
    def action_name(self, event):
        return action_label(event.action)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
