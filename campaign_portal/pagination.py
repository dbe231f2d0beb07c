from collections.abc import Callable

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.functional import cached_property

# A primary key no row has, to find where a URL pattern puts the key.
_KEY_MARK = str(2**62)


def row_url(name: str) -> Callable[[int], str]:
    """The URL of a list's row from its primary key, reversed once for the page rather than once
    per row: `row_url("awards:nomination_detail")(pk)` is `reverse("awards:nomination_detail",
    args=[pk])`."""
    before, after = reverse(name, args=[_KEY_MARK]).split(_KEY_MARK)
    return lambda pk: f"{before}{pk}{after}"


class IdsFirstPaginator(Paginator):
    """Cuts the page on the ids alone, then loads only that page's rows with their joins and
    annotations: otherwise the database sorts every visible row with all its joined columns to
    keep twenty of them. Given `columns`, the page's rows are read as plain values of those columns
    and "pk" (a dict each), not as models: the filters, the count and the ids still work on the
    queryset as it is, without the joins those columns would add.

    The total stays a separate COUNT: counting in the ids' query (COUNT(*) OVER ()) makes
    PostgreSQL sort every row instead of keeping only the top of the page. Given `count_limit`, it
    counts no further than that many rows (`count_capped` tells the page there are more): a list of a
    province's tens of thousands of rows is browsed by filtering it, not by paging to its end, and
    counting every row would cost each page load as much as reading the page itself."""

    def __init__(
        self, object_list, per_page, *, columns: tuple[str, ...] = (), count_limit: int | None = None, **kwargs
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.columns = columns
        self.count_limit = count_limit

    @cached_property
    def _counted(self) -> int:
        """The rows' number, or one past the limit when there are more."""
        if self.count_limit is None:
            return self.object_list.count()
        return self.object_list.order_by().values("pk")[: self.count_limit + 1].count()

    @cached_property
    def count(self) -> int:
        return self._counted if self.count_limit is None else min(self._counted, self.count_limit)

    @property
    def count_capped(self) -> bool:
        return self.count_limit is not None and self._counted > self.count_limit

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {}
        if ids:
            page_rows = self.object_list.filter(pk__in=ids).order_by()
            if self.columns:
                rows = {row["pk"]: row for row in page_rows.values("pk", *self.columns)}
            else:
                rows = {row.pk: row for row in page_rows}
        # A row deleted between the two reads is left out rather than failing the page.
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
