"""What the portal's list filters share: the form their fields are drawn from, and the search of the
lists whose rows belong to an agency."""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

from campaign_portal.text import fold_text


class AgencyRowsFilterMixin:
    """For a FilterSet over rows with `agency` and a `search_text` folded by `fold_text`: every
    typed word must appear, without diacritics."""

    def filter_text(self, queryset, name, value):
        for word in fold_text(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class ListedChoiceIterator(forms.models.ModelChoiceIterator):
    """A filter's options read in one plain query. Django's iterator reads them through a
    server-side cursor (`QuerySet.iterator()`), which on PostgreSQL outside a transaction is a
    DECLARE ... WITH HOLD, a FETCH and a CLOSE: three round trips for a dozen rows."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


def _attributes(attrs: dict) -> str:
    """A widget's attributes as django/forms/widgets/attrs.html writes them."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict) -> str:
    """django/forms/widgets/input.html (text and hidden inputs)."""
    value = f' value="{escape(widget["value"])}"' if widget["value"] is not None else ""
    return (
        f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{value}{_attributes(widget["attrs"])}>'
    )


def _textarea(widget: dict) -> str:
    """django/forms/widgets/textarea.html (its line break after the opening tag included)."""
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{escape(widget["name"])}"{_attributes(widget["attrs"])}>\n{value}</textarea>'


def _select(widget: dict) -> str:
    """django/forms/widgets/select.html with its options written inline, not one template each."""
    parts = [f'<select name="{escape(widget["name"])}"{_attributes(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        parts.extend(
            f'\n  <option value="{escape(option["value"])}"{" selected" if option["selected"] else ""}>'
            f"{conditional_escape(option['label'])}</option>"
            for option in options
        )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FilterWidgetRenderer(DjangoTemplates):
    """Draws the widgets a list's filter uses (text, date and hidden inputs, selects) and the
    nomination page's text areas in Python, with the markup of Django's own templates: a list draws
    its filter on every load, and through the templates a dozen widgets cost more than the rows
    below them. Any other widget goes to the templates as usual."""

    DRAWN = {
        "django/forms/widgets/text.html": _input,
        "django/forms/widgets/hidden.html": _input,
        "django/forms/widgets/date.html": _input,
        "django/forms/widgets/textarea.html": _textarea,
        "django/forms/widgets/select.html": _select,
    }

    def render(self, template_name, context, request=None):
        draw = self.DRAWN.get(template_name)
        if draw is None:
            return super().render(template_name, context, request=request)
        return mark_safe(draw(context["widget"]))  # noqa: S308 - every value in it is escaped above


class FilterForm(forms.Form):
    """A list's filter form with the Bootstrap classes crispy-forms would add, set once, so that the
    list's template writes its fields itself (includes/filter_fields.html) rather than render each
    through crispy's field templates, and its widgets drawn by `FilterWidgetRenderer`."""

    default_renderer = FilterWidgetRenderer()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                field.iterator = ListedChoiceIterator
                field.widget.choices = field.choices
            if isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "select form-select"
            else:
                field.widget.attrs["class"] = "textinput form-control"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["class"] += " is-invalid"
