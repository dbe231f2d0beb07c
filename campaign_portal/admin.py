from django.contrib import admin
from django.db.models import Q
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from .audit import action_label
from .audit_display import readable_changes
from .models import AuditEvent

# The apps whose records the administrator manages: accounts (and Django's groups), agencies, and
# the systems that read the API.
ADMINISTERED_APPS = ("accounts", "auth", "agencies", "api")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log, read-only: nobody edits or deletes what happened, not even a superuser. The
    admin shows what the administrator is for: the events about accounts and agencies (and those
    with no target). The rest name agencies' records and files; reviewers read them on each
    record's page in the portal."""

    list_display = ("at", "actor", "action_name", "object_repr")
    list_filter = ("action", ("content_type", admin.RelatedOnlyFieldListFilter))
    search_fields = ("object_repr", "actor__username", "action", "object_id")
    date_hierarchy = "at"
    list_select_related = ("actor",)
    readonly_fields = ["action_name", "changes_in_words", *(f.name for f in AuditEvent._meta.fields)]

    @admin.display(description=_("hành động"), ordering="action")
    def action_name(self, event):
        return action_label(event.action)

    def get_queryset(self, request):
        administered = Q(content_type__isnull=True) | Q(content_type__app_label__in=ADMINISTERED_APPS)
        return super().get_queryset(request).filter(administered)

    @admin.display(description=_("trước → sau"))
    def changes_in_words(self, event):
        rows = readable_changes([event], target=event.target)[0]
        return format_html_join(
            "",
            "<div>{}{}{}</div>",
            (
                (
                    f"{row['field']}: " if row["field"] else "",
                    f"{row['before']} → " if row["has_before"] else "",
                    row["after"] if row["has_after"] else "",
                )
                for row in rows
            ),
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
