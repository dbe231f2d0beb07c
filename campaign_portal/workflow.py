"""One way to run a workflow: a table of transitions (from, to, who may, what it needs) and one
function that applies a transition atomically.

The row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions serialise
writers), the state is re-read under the lock, so when two reviewers act at once exactly one
wins and the other gets a clear message. Every transition writes the app's own history row and
an audit row in the same transaction; `record_history` also records the work the transition asks
for (checks, e-mail) in the outbox (`campaign_portal.outbox`), so that work commits with it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from .audit import audit_record
from .freshness import versions_lock


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    allowed: Callable[[Any, Any], bool]
    label: str
    reason_required: bool = False
    required_fields: tuple[str, ...] = field(default_factory=tuple)


class WorkflowError(Exception):
    """A transition that may not happen now; the message says why, in Vietnamese."""


def transitions_available(*, transitions: dict[str, Transition], obj, user, state_field: str = "state"):
    state = getattr(obj, state_field)
    return [t for t in transitions.values() if state in t.sources and t.allowed(user, obj)]


def transition_apply(
    *,
    obj: models.Model,
    name: str,
    transitions: dict[str, Transition],
    user,
    reason: str = "",
    values: dict | None = None,
    record_history: Callable[[models.Model, str, str], Any],
    state_field: str = "state",
    expected_state: str | None = None,
) -> models.Model:
    """Apply transition `name` to `obj` for `user`, or raise WorkflowError.

    `values` are extra fields set with the transition (e.g. a decision number); the transition's
    `required_fields` must be among them. `expected_state` is the state the user saw when acting
    (from the form): if it has changed since, the action is refused rather than applied twice.
    """
    transition = transitions.get(name)
    if transition is None:
        raise WorkflowError(_("Thao tác không hợp lệ."))
    reason = (reason or "").strip()
    values = values or {}
    if transition.reason_required and not reason:
        raise WorkflowError(_("Hãy ghi lý do cho thao tác “%(label)s”.") % {"label": transition.label})
    missing = [name for name in transition.required_fields if values.get(name) in (None, "")]
    if missing:
        labels = ", ".join(str(obj._meta.get_field(name).verbose_name) for name in missing)
        raise WorkflowError(_("Hãy nhập: %(fields)s.") % {"fields": labels})
    with transaction.atomic():
        versions_lock(type(obj), [obj.pk])
        locked = type(obj).objects.select_for_update().get(pk=obj.pk)
        current = getattr(locked, state_field)
        if expected_state is not None and current != expected_state:
            raise WorkflowError(
                _("Hồ sơ vừa được người khác xử lý (trạng thái hiện tại: %(state)s). Hãy tải lại trang.")
                % {"state": _state_label(locked, state_field)}
            )
        if current not in transition.sources:
            raise WorkflowError(
                _("Không thể “%(label)s” khi hồ sơ đang ở trạng thái “%(state)s”.")
                % {"label": transition.label, "state": _state_label(locked, state_field)}
            )
        if not transition.allowed(user, locked):
            raise WorkflowError(_("Anh/chị không có quyền “%(label)s” hồ sơ này.") % {"label": transition.label})
        setattr(locked, state_field, transition.target)
        for key, value in values.items():
            setattr(locked, key, value)
        locked.save(update_fields=[state_field, *values.keys(), *_auto_now_fields(locked)])
        record_history(locked, current, transition.target)
        audit_record(
            actor=user,
            action=f"{locked._meta.label_lower}.{transition.name}",
            target=locked,
            before={state_field: current},
            after={state_field: transition.target, **{k: _jsonable(v) for k, v in values.items()}},
            note=reason,
        )
    for key in (state_field, *values.keys()):
        setattr(obj, key, getattr(locked, key))
    return locked


def _state_label(obj, state_field: str) -> str:
    display = getattr(obj, f"get_{state_field}_display", None)
    return str(display()) if display else str(getattr(obj, state_field))


def _auto_now_fields(obj) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if getattr(f, "auto_now", False)]


def _jsonable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
