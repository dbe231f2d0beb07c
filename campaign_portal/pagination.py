from django.core.paginator import EmptyPage, InvalidPage, PageNotAnInteger, Paginator
from django.db.models import Count, Window


class IdsFirstPaginator(Paginator):
    """Cuts the page on the ids alone, then loads only that page's rows with their joins and
    annotations: sorting every visible row with all its joined columns cost a list most of its
    SQL time (make bench 1×: 9 ms → 2 + 2 ms for 5,000 initiatives).

    The ids come with the total (COUNT(*) OVER ()), so a page in range scans the table once, not
    once for COUNT and again for the ids (make bench 10×, 18,000 nominations: 9 ms saved)."""

    def get_page(self, number):
        # Paginator.get_page validates the number first, which runs COUNT on its own.
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            return self.page(self.num_pages)

    def page(self, number):
        ids = self._page_ids(number)
        if ids is None:
            number = self.validate_number(number)
            bottom = (number - 1) * self.per_page
            top = bottom + self.per_page
            if top + self.orphans >= self.count:
                top = self.count
            ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        else:
            number = int(number)
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids).order_by()} if ids else {}
        # A row deleted between the two reads is left out rather than failing the page.
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)

    def _page_ids(self, number) -> list | None:
        """The page's ids, counting the rows in the same query; None when that cannot tell
        (a page out of range, an empty list, DISTINCT rows): the plain way then decides."""
        if "count" in self.__dict__ or self.object_list.query.distinct:
            return None
        try:
            number = int(number)
        except (TypeError, ValueError):
            return None
        if number < 1:
            return None
        bottom = (number - 1) * self.per_page
        rows = list(
            self.object_list.annotate(_total=Window(Count("pk"))).values_list("pk", "_total")[
                bottom : bottom + self.per_page + self.orphans
            ]
        )
        if not rows:
            return None
        self.count = rows[0][1]  # sets the cached property
        try:
            self.validate_number(number)
        except InvalidPage:
            return None
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return [pk for pk, _total in rows[: top - bottom]]
