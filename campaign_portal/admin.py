from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .audit import action_label
from .models import AuditEvent


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
