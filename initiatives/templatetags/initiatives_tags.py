"""Template filters of the initiatives app: the stored state as its enum, so templates read its
label and colour from the enum instead of comparing strings."""

from django import template

from ..enums import InitiativeState

register = template.Library()


@register.filter
def initiative_state(value: str) -> InitiativeState:
    return InitiativeState(value)
