import datetime

from django import template

from .. import criteria as engine
from ..enums import NominationState, Outcome, SignatureVerdict, Verdict

register = template.Library()


@register.filter
def nomination_state(value: str) -> NominationState:
    """The stored state as its enum member, whose `label` and `badge` the templates read."""
    return NominationState(value)


@register.filter
def verdict(value: str) -> Verdict:
    return Verdict(value)


@register.filter
def signature_verdict(value: str) -> SignatureVerdict:
    return SignatureVerdict(value)


@register.filter
def from_iso(value: str | None) -> datetime.datetime | None:
    """A timestamp stored as ISO text in JSON (the signature details) as a datetime for `|date`."""
    try:
        return datetime.datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


@register.filter
def outcome(value: str) -> Outcome:
    return Outcome(value)


@register.filter
def vn_number(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value)
    text = f"{float(value):.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


@register.filter
def criterion_params(criterion) -> str:
    """A criterion's parameters as the reviewer entered them, by their labels (never as JSON)."""
    stored = criterion.params or {}
    parts = [
        f"{param.label}: {stored[param.name]}"
        for param in engine.PARAMS.get(criterion.kind, ())
        if stored.get(param.name) not in (None, "")
    ]
    return " · ".join(parts)
