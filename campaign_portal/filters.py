"""What the portal's list filters share: the search and district filters of the lists whose rows
belong to an agency."""

from django.db.models import Q

from campaign_portal.text import fold_text


class AgencyRowsFilterMixin:
    """For a FilterSet over rows with `agency` and a `search_text` folded by `fold_text`: every
    typed word must appear, without diacritics; a district keeps its own rows and its communes'."""

    def filter_text(self, queryset, name, value):
        for word in fold_text(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_district(self, queryset, name, value):
        return queryset.filter(Q(agency=value) | Q(agency__parent=value))
