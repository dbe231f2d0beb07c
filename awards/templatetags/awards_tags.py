from django import template

register = template.Library()

_VERDICT = {"eligible": "success", "not_eligible": "danger", "incomplete": "warning", "pending": "secondary"}
_STATE = {
    "draft": "secondary",
    "submitted": "primary",
    "under_review": "info",
    "returned": "warning",
    "approved": "success",
    "rejected": "danger",
    "awarded": "success",
}
_OUTCOME = {
    "met": ("check-circle-fill", "text-success"),
    "not_met": ("x-circle-fill", "text-danger"),
    "cannot_tell": ("question-circle-fill", "text-warning"),
}


@register.filter
def verdict_class(value: str) -> str:
    return _VERDICT.get(value, "secondary")


@register.filter
def state_class(value: str) -> str:
    return _STATE.get(value, "secondary")


@register.filter
def outcome_icon(value: str) -> str:
    return _OUTCOME.get(value, _OUTCOME["cannot_tell"])[0]


@register.filter
def outcome_class(value: str) -> str:
    return _OUTCOME.get(value, _OUTCOME["cannot_tell"])[1]


@register.filter
def vn_number(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value)
    text = f"{float(value):.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
