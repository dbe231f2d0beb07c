import datetime

from django.db.models import Count, Q, QuerySet

from .enums import AgencyKind
from .models import Agency


def agencies_readable_by(*, user) -> QuerySet[Agency]:
    """Agencies whose records the user may read: everything for Home Affairs staff and leaders;
    its own agency and, for a district, its communes for an agency officer."""
    if (
        getattr(user, "is_reviewer", False)
        or getattr(user, "is_official", False)
        or getattr(user, "is_administrator", False)
    ):
        return Agency.objects.all()
    if getattr(user, "is_agency_officer", False):
        return Agency.objects.filter(Q(pk=user.agency_id) | Q(parent_id=user.agency_id))
    return Agency.objects.none()


def agency_counts_on(*, day: datetime.date) -> dict[str, int]:
    """How many agencies of each kind stood on that day."""
    rows = Agency.objects.active_on(day).values("kind").annotate(n=Count("id"))
    counts = {kind: 0 for kind in AgencyKind.values}
    counts.update({row["kind"]: row["n"] for row in rows})
    return counts


def agency_directory(*, day: datetime.date) -> QuerySet[Agency]:
    return (
        Agency.objects.active_on(day)
        .select_related("parent", "successor")
        .annotate(
            children_count=Count("children", filter=Q(children__valid_to__isnull=True) | Q(children__valid_to__gte=day))
        )
    )


PICKER_LIMIT = 20


def agency_picker_matches(*, user, text: str, day: datetime.date | None = None, limit: int = PICKER_LIMIT) -> dict:
    """What the agency picker offers for a typed text: at most `limit` agencies the user may read,
    every typed word found in the name, short name or parent's name without diacritics, as they
    stood on `day` when one is given; `more` says that the list was cut."""
    agencies = agencies_readable_by(user=user).search(text)
    if day is not None:
        agencies = agencies.active_on(day)
    rows = list(agencies.order_by("name", "pk").values("id", "name", "parent__name")[: limit + 1])
    return {
        "results": [
            {"id": row["id"], "name": row["name"], "parent": row["parent__name"] or ""} for row in rows[:limit]
        ],
        "more": len(rows) > limit,
    }
