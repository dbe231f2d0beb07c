"""The audit log as people read it: each change names the field by its label and says the values
in words ("Trạng thái: Đã gửi → Trả lại bổ sung", "Được xếp loại dẫn đầu: Không → Có").

Services record plain JSON (`state: "submitted"`, an agency's id, `{"rated_leading": true}`,
a date as ISO text); this module turns it back into words with the target model's own
metadata — verbose names, choice labels, the related objects' names — and local time. Keys a
model does not describe (a JSON field's own keys, a service's extra facts) get their labels from
the registries below, filled by the apps that know them, so this floor module imports no app."""

import datetime
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import AuditEvent
from .numbers import number_text

# Facts services record that are not fields of the target model.
EXTRA_FIELD_LABELS: dict[str, Any] = {
    "file": gettext_lazy("tệp"),
    "requirement": gettext_lazy("thành phần hồ sơ"),
    "replaced": gettext_lazy("thay tệp đã có"),
    "format": gettext_lazy("định dạng"),
    "hash": gettext_lazy("dấu kiểm dữ liệu"),
    "total": gettext_lazy("số hồ sơ"),
    "agencies": gettext_lazy("số cơ quan, đơn vị"),
    "rows": gettext_lazy("số dòng"),
    "size": gettext_lazy("dung lượng (byte)"),
    "kind": gettext_lazy("loại"),
}

# The labels of the keys inside a JSON field, per target: `(model label, field) → f(target) → {key: label}`.
JSON_KEY_LABELS: dict[tuple[str, str], Callable[[models.Model], dict[str, str]]] = {}

LONG_TEXT_CHARS = 160


def register_json_key_labels(model_label: str, field: str, labels: Callable[[models.Model], dict[str, str]]) -> None:
    """Name the keys of a JSON field of `model_label` (e.g. a nomination's declared figures by
    the labels of the campaign's criteria) in the log of one target."""
    JSON_KEY_LABELS[(model_label, field)] = labels


def _model_field(model, name: str):
    try:
        return model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        return None


def _field_label(model, name: str) -> str:
    field = _model_field(model, name)
    label = getattr(field, "verbose_name", None) or EXTRA_FIELD_LABELS.get(name) or name.replace("_", " ")
    return capfirst(str(label))


def _plain_text(value) -> str:
    """A value with no field to describe it: booleans, numbers, dates and times in words."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, int | float | Decimal):
        return number_text(value)
    if isinstance(value, list):
        return ", ".join(_plain_text(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_plain_text(item)}" for key, item in value.items())
    text = str(value)
    moment = parse_datetime(text) if "T" in text or " " in text else None
    if moment is not None:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, datetime.UTC)
        return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")
    try:
        day = parse_date(text)
    except ValueError:
        day = None
    if day is not None:
        return day.strftime("%d/%m/%Y")
    return Truncator(text).chars(LONG_TEXT_CHARS)


def _name_of(obj: models.Model) -> str:
    """A person by the name the pages show (the user's full name), anything else by its own text."""
    return getattr(obj, "display_name", None) or str(obj)


class _Names:
    """The names of the related objects the log refers to by id, read once per related model."""

    def __init__(self):
        self.wanted: dict[type[models.Model], set] = {}
        self.found: dict[tuple[type[models.Model], str], str] = {}

    def seed(self, target: models.Model | None) -> None:
        """The target's related objects the page has already read cost no query."""
        for field in target._meta.concrete_fields if target is not None else ():
            if field.many_to_one and field.is_cached(target) and getattr(target, field.name) is not None:
                self.found[(field.related_model, str(getattr(target, field.attname)))] = _name_of(
                    getattr(target, field.name)
                )

    def want(self, model, ids: Iterable) -> None:
        self.wanted.setdefault(model, set()).update(
            i for i in ids if i not in (None, "") and (model, str(i)) not in self.found
        )

    def load(self) -> None:
        for model, ids in self.wanted.items():
            if ids:
                for obj in model._default_manager.filter(pk__in=ids):
                    self.found[(model, str(obj.pk))] = _name_of(obj)

    def name(self, model, pk) -> str:
        return self.found.get((model, str(pk)), f"#{pk}")


def _related(field):
    if field is not None and field.is_relation and (field.many_to_one or field.many_to_many or field.one_to_one):
        return field.related_model
    return None


def _value_text(field, value, names: _Names) -> str:
    if value is None or value == "":
        return "—"
    if field is not None and field.choices:
        labels = {str(key): label for key, label in field.flatchoices}
        if isinstance(value, list):
            return ", ".join(str(labels.get(str(item), item)) for item in value)
        return str(labels.get(str(value), value))
    related = _related(field)
    if related is not None:
        if isinstance(value, list):
            return ", ".join(names.name(related, item) for item in value) or "—"
        return names.name(related, value)
    return _plain_text(value)


def _sides(event: AuditEvent) -> tuple[dict, dict, bool, bool]:
    before, after = event.before, event.after
    if before is not None and not isinstance(before, dict):
        before = {"": before}
    if after is not None and not isinstance(after, dict):
        after = {"": after}
    return before or {}, after or {}, event.before is not None, event.after is not None


def readable_changes(events: list[AuditEvent], target: models.Model | None = None) -> list[list[dict]]:
    """For each event, one row per field that changed (or was recorded, for a creation): the
    field's label and the values before and after in words. `target` is the object the events
    are about, for the JSON keys its app names (register_json_key_labels)."""
    names = _Names()
    names.seed(target)
    prepared = []
    for event in events:
        model = ContentType.objects.get_for_id(event.content_type_id).model_class() if event.content_type_id else None
        before, after, has_before, has_after = _sides(event)
        for key in {*before, *after}:
            related = _related(_model_field(model, key))
            if related is not None:
                for side in (before, after):
                    value = side.get(key)
                    names.want(related, value if isinstance(value, list) else [value])
        prepared.append((event, model, before, after, has_before, has_after))
    names.load()
    json_labels: dict[tuple[str, str], dict[str, str]] = {}
    return [_rows(*item, names=names, target=target, json_labels=json_labels) for item in prepared]


def _rows(event, model, before, after, has_before, has_after, *, names: _Names, target, json_labels) -> list[dict]:
    rows = []
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key), after.get(key)
        if has_before and has_after and key in before and key in after and old == new:
            continue
        if not has_before and new in (None, "", [], {}):
            continue
        if isinstance(old, dict) or isinstance(new, dict):
            rows.extend(_json_rows(model, key, old or {}, new or {}, has_before, target, json_labels))
            continue
        field = _model_field(model, key)
        rows.append(
            {
                "field": _field_label(model, key) if key else "",
                "before": _value_text(field, old, names),
                "after": _value_text(field, new, names),
                "has_before": has_before and key in before,
                "has_after": has_after and key in after,
            }
        )
    return rows


def _json_rows(model, key, old: dict, new: dict, has_before: bool, target, json_labels: dict) -> list[dict]:
    """A JSON field's keys as rows of their own, each named by its label where the app gives one
    (asked once per page: `json_labels` keeps the answer)."""
    registry_key = (model._meta.label_lower if model else "", key)
    if registry_key not in json_labels:
        labels_for = JSON_KEY_LABELS.get(registry_key)
        json_labels[registry_key] = labels_for(target) if labels_for is not None and target is not None else {}
    labels = json_labels[registry_key]
    parent = _field_label(model, key)
    rows = []
    for sub in dict.fromkeys([*old, *new]):
        if has_before and sub in old and sub in new and old[sub] == new[sub]:
            continue
        rows.append(
            {
                "field": f"{parent} – {labels.get(sub, sub)}",
                "before": _plain_text(old.get(sub)),
                "after": _plain_text(new.get(sub)),
                "has_before": has_before,
                "has_after": sub in new or not has_before,
            }
        )
    return rows
