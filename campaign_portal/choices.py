"""Filters on a model whose options are read by a plain query: Django's ModelChoiceIterator opens a
server-side cursor for them, three more round trips (make bench 1×: 1.9 ms for a select of two
award forms), and renders each option through the template engine (campaign_portal/widgets.py)."""

import django_filters
from django.forms.models import ModelChoiceIterator
from django_filters.fields import ModelChoiceField

from campaign_portal.widgets import FastSelect


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
