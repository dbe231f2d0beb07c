"""What the portal's list filters share: the form their fields are drawn from, and the search of the
lists whose rows belong to an agency."""

from django import forms

from campaign_portal.forms import QUICK_WIDGETS
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


class FilterForm(forms.Form):
    """A list's filter form with the Bootstrap classes crispy-forms would add, set once, so that the
    list's template writes its fields itself (includes/filter_fields.html) rather than render each
    through crispy's field templates, and its widgets drawn from Django's Jinja2 templates."""

    default_renderer = QUICK_WIDGETS

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
