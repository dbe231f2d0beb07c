from django import template
from django.utils.html import format_html

from campaign_portal.audit import action_label, audit_events_for, changes

register = template.Library()


@register.inclusion_tag("campaign_portal/audit_trail.html", takes_context=True)
def audit_trail(context, obj, limit: int = 50):
    """The audit log of one object, for reviewers: who did what, when, before and after."""
    user = context["request"].user
    visible = bool(getattr(user, "is_reviewer", False) or getattr(user, "is_administrator", False))
    events = list(audit_events_for(obj)[:limit]) if visible else []
    rows = [{"event": event, "label": action_label(event.action), "changes": changes(event)} for event in events]
    return {"rows": rows, "visible": visible}


@register.filter
def badge(member) -> str:
    """A state (or verdict) drawn as a badge: its label and its colour both come from the enum
    member (`label`, `badge`), so it looks the same on every page."""
    return format_html('<span class="badge text-bg-{}">{}</span>', member.badge, member.label)
