from django import template
from django.utils.html import format_html

from campaign_portal import numbers, text
from campaign_portal.audit import action_label, audit_events_for
from campaign_portal.audit_display import readable_changes

register = template.Library()


# The one way templates write numbers (campaign_portal/numbers.py): instead of floatformat,
# filesizeformat and a literal " %".
@register.filter
def number(value, decimals=None):
    if value in (None, ""):
        return ""
    return numbers.number_text(value, decimals=None if decimals in (None, "") else int(decimals))


@register.filter
def percent(value, decimals=None):
    if value in (None, ""):
        return ""
    return numbers.percent_text(value, decimals=None if decimals in (None, "") else int(decimals))


@register.filter
def file_size(value):
    return numbers.file_size_text(value)


@register.filter
def quoted(value):
    """“…” around the text, its own quotations single: “Mô hình ‘Một chạm’”."""
    return text.quoted(str(value))


@register.filter
def inner_quotes(value):
    """For a text put between “ ” by the template's own sentence."""
    return text.inner_quotes(str(value))


@register.inclusion_tag("campaign_portal/audit_trail.html", takes_context=True)
def audit_trail(context, obj, limit: int = 50):
    """The audit log of one object, for reviewers: who did what, when, before and after."""
    user = context["request"].user
    visible = bool(getattr(user, "is_reviewer", False) or getattr(user, "is_administrator", False))
    # Only what the rows show: the actor's names, not the whole user row.
    events = (
        list(
            audit_events_for(obj).only(
                "at",
                "action",
                "note",
                "content_type_id",
                "before",
                "after",
                "actor__first_name",
                "actor__last_name",
                "actor__username",
            )[:limit]
        )
        if visible
        else []
    )
    rows = [
        {"event": event, "label": action_label(event.action), "changes": changes}
        for event, changes in zip(events, readable_changes(events, target=obj), strict=True)
    ]
    return {"rows": rows, "visible": visible}


@register.filter
def badge(member) -> str:
    """A state (or verdict) drawn as a badge: its label and its colour both come from the enum
    member (`label`, `badge`), so it looks the same on every page."""
    return format_html('<span class="badge text-bg-{}">{}</span>', member.badge, member.label)
