"""What the portal's list filters share: choices read by a plain query, and the search and
district filters of the lists whose rows belong to an agency."""

import django_filters
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django_filters.fields import ModelChoiceField

from campaign_portal.text import fold_text
from campaign_portal.widgets import FastSelect


class AgencyRowsFilterMixin:
    """For a FilterSet over rows with `agency` and a `search_text` folded by `fold_text`: every
    typed word must appear, without diacritics; a district keeps its own rows and its communes'."""

    def filter_text(self, queryset, name, value):
        for word in fold_text(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_district(self, queryset, name, value):
        return queryset.filter(Q(agency=value) | Q(agency__parent=value))


# Options read by a plain query: Django's ModelChoiceIterator opens a server-side cursor for them,
# three more round trips for a select of a few rows, and builds a model instance per option that the
# select only needs the id and name of.


class ListedChoiceIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.rows()

    def rows(self):
        for obj in self.queryset.all():
            yield self.choice(obj)


class ListedChoiceField(ModelChoiceField):
    iterator = ListedChoiceIterator
    widget = FastSelect


class ListedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = ListedChoiceField
