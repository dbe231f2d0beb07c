"""Reads of the hierarchy, always as of a date: the one question every list, picker and report asks.

The map changed on 01/01/2025 (the 2023–2025 rearrangement), 01/03/2025 (departments, Decree 45) and
01/07/2025 (two levels, merged provinces), so "which agencies, which levels, who issues" has one answer
per day. Nothing here assumes a district exists: the levels of a day are read from the data.

The names below are the stable API for the other apps:
`agencies_as_of`, `province_committee_as_of`, `levels_as_of`, `level_above_commune_as_of`,
`agency_parent_as_of`, `agency_successors`, `agency_history`, `agency_predecessors`,
`agencies_taken_over`, `issuer_as_of`,
`hierarchy_counts`, `hierarchy_date_check`, `agencies_readable_by` for what a user may read, and
`agency_picker_matches`, `district_picker_matches`, `districts_for_filters` for the lists' pickers.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext as _

from .data.reorganisation_2025 import HISTORY_START
from .enums import AgencyKind, AgencyLevel
from .models import Agency, AgencySuccession

COMMITTEE_KINDS = (AgencyKind.PROVINCE_COMMITTEE, AgencyKind.DISTRICT_COMMITTEE, AgencyKind.COMMUNE_COMMITTEE)
LEVEL_ORDER = (AgencyLevel.PROVINCE, AgencyLevel.DISTRICT, AgencyLevel.COMMUNE)


class DateBeforeHistory(ValueError):
    pass


def hierarchy_date_check(day: datetime.date) -> None:
    """Raise `DateBeforeHistory` (a Vietnamese message) for a day before the data begin."""
    if day < HISTORY_START:
        raise DateBeforeHistory(
            _("Ngày %(day)s trước ngày bắt đầu của dữ liệu lịch sử (%(start)s). Hãy chọn từ %(start)s trở đi.")
            % {"day": day.strftime("%d/%m/%Y"), "start": HISTORY_START.strftime("%d/%m/%Y")}
        )


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


def province_committee_as_of(province: Agency | str, day: datetime.date) -> Agency | None:
    """The People's Committee of the province on `day`, given its committee or its code: the code of
    a province merged since (49, Quảng Nam) gives the committee that stands for it (Thành phố Đà Nẵng)."""
    if isinstance(province, Agency):
        return issuer_as_of(province, day)
    committees = Agency.objects.filter(kind=AgencyKind.PROVINCE_COMMITTEE, unit_code=province)
    standing = committees.active_on(day).first()
    if standing is not None:
        return standing
    earliest = committees.order_by(F("valid_to").asc(nulls_last=True)).first()
    return issuer_as_of(earliest, day) if earliest is not None else None


def agencies_as_of(day: datetime.date, *, province: Agency | str | None = None) -> QuerySet[Agency]:
    """Every agency standing on `day` (valid_from ≤ day ≤ valid_to, open ends allowed); with `province`
    (its committee or its code) only those of that province as it stood on the day."""
    agencies = Agency.objects.active_on(day)
    if province is None:
        return agencies
    committee = province_committee_as_of(province, day)
    if committee is None:
        return agencies.none()
    return agencies.filter(Q(pk=committee.pk) | Q(province=committee))


def levels_as_of(day: datetime.date, *, province: Agency | str | None = None) -> list[AgencyLevel]:
    """The levels of local government on `day`, top down, read from the People's Committees that stood:
    province, district, commune before 01/07/2025; province, commune after."""
    present = set(
        agencies_as_of(day, province=province).filter(kind__in=COMMITTEE_KINDS).values_list("level", flat=True)
    )
    return [level for level in LEVEL_ORDER if level in present]


def level_above_commune_as_of(day: datetime.date, *, province: Agency | str | None = None) -> AgencyLevel:
    """The level directly above the communes on `day`, named as it stood (“Cấp huyện”, then “Cấp tỉnh”):
    what a “by district” breakdown groups by."""
    levels = levels_as_of(day, province=province)
    if AgencyLevel.COMMUNE in levels and levels.index(AgencyLevel.COMMUNE) > 0:
        return levels[levels.index(AgencyLevel.COMMUNE) - 1]
    return AgencyLevel.DISTRICT if AgencyLevel.DISTRICT in levels else AgencyLevel.PROVINCE


def agency_predecessors(agency: Agency) -> list[AgencySuccession]:
    """The changes that made `agency`: one row per predecessor, with date and legal basis."""
    return list(agency.predecessor_links.select_related("predecessor").order_by("effective", "predecessor__name"))


def agency_history(agency: Agency, *, until: datetime.date | None = None) -> list[AgencySuccession]:
    """What became of `agency`, transitively: every change after it (merges, splits, moves) up to
    `until`, in date order, each with its predecessor, successor, date and legal basis."""
    found: list[AgencySuccession] = []
    seen = {agency.pk}
    frontier = [agency.pk]
    while frontier:
        links = AgencySuccession.objects.filter(predecessor_id__in=frontier).select_related("predecessor", "successor")
        if until is not None:
            links = links.filter(effective__lte=until)
        frontier = []
        for link in links:
            found.append(link)
            if link.successor_id not in seen:
                seen.add(link.successor_id)
                frontier.append(link.successor_id)
    return sorted(found, key=lambda link: (link.effective, not link.is_principal, link.successor.name))


def agency_successors(agency: Agency, *, day: datetime.date) -> list[Agency]:
    """The agencies that stand for `agency` on `day`: itself while it stands, else its successors
    (transitively) that stand then — several when it was split. Empty when it ended with no successor
    (a district on 01/07/2025) or did not exist yet."""
    if agency.is_active_on(day):
        return [agency]
    standing = {
        link.successor_id: link.successor
        for link in agency_history(agency, until=day)
        if link.successor.is_active_on(day)
    }
    return sorted(standing.values(), key=lambda a: a.name)


def agencies_taken_over(agency_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each agency, the agencies it took over, transitively: those it is the principal successor
    of (merged into it, or itself in an earlier period), and theirs. What an agency earned before a
    merge counts for the agency that carries it on. One query whatever the depth of the chain (a
    recursive CTE, run alike by PostgreSQL and SQLite); UNION, not UNION ALL, so a cycle typed by
    mistake ends the walk. The table name is the model's own and every value a parameter."""
    ids = sorted({int(pk) for pk in agency_ids})
    if not ids:
        return {}
    sql, params = _taken_over_sql(ids, "origin, agency")
    found: dict[int, set[int]] = {pk: set() for pk in ids}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for origin, agency in cursor.fetchall():
            found[origin].add(agency)
    return found


def _taken_over_sql(ids: list[int], select: str) -> tuple[str, list]:
    links = connection.ops.quote_name(AgencySuccession._meta.db_table)
    sql = f"""
        WITH RECURSIVE chain(origin, agency) AS (
            SELECT successor_id, predecessor_id FROM {links}
            WHERE is_principal = %s AND successor_id IN ({", ".join(["%s"] * len(ids))})
            UNION
            SELECT chain.origin, link.predecessor_id FROM chain
            JOIN {links} link ON link.successor_id = chain.agency AND link.is_principal = %s
        )
        SELECT {select} FROM chain WHERE origin <> agency
    """
    return sql, [True, *ids, True]


def taken_over_keys_sql(agency_id: int) -> tuple[str, list]:
    """`agencies_taken_over` of one agency as an SQL subquery of their nominee keys ("a:<id>"), for
    a query that matches them (the nomination page's earlier awards) in the same round trip."""
    return _taken_over_sql([int(agency_id)], "'a:' || CAST(agency AS TEXT)")


def issuer_as_of(agency: Agency, day: datetime.date) -> Agency | None:
    """The agency that stands for `agency` on `day` (who signs in its place): itself while it stands,
    else its principal successor then (Sở Nội vụ tỉnh Quảng Nam → Sở Nội vụ thành phố Đà Nẵng after
    01/07/2025). None when it did not exist yet or ended with no successor."""
    current = agency
    for _step in range(10):  # the longest chain of 2024–2025 is three changes long
        if current.is_active_on(day):
            return current
        if current.valid_from is not None and current.valid_from > day:
            return None
        link = (
            current.successor_links.filter(is_principal=True, effective__lte=day)
            .select_related("successor")
            .order_by("effective")
            .first()
        )
        if link is None:
            return None
        current = link.successor
    return None


def agency_parent_as_of(agency: Agency, day: datetime.date) -> Agency | None:
    """The agency directly above `agency` on `day`: its parent while the parent stands, else whoever
    stands for the parent then; None at the top, or when the level above has ended (districts)."""
    if agency.parent_id is None:
        return None
    return issuer_as_of(agency.parent, day)


@dataclass(frozen=True)
class HierarchyCount:
    level: AgencyLevel
    kind: AgencyKind
    count: int


def hierarchy_counts(day: datetime.date, *, province: Agency | str | None = None) -> list[HierarchyCount]:
    """How many agencies of each level and kind stood on `day` (levels top down, kinds in enum order)."""
    rows = agencies_as_of(day, province=province).values("level", "kind").annotate(n=Count("id"))
    kinds = list(AgencyKind.values)
    counts = [HierarchyCount(AgencyLevel(row["level"]), AgencyKind(row["kind"]), row["n"]) for row in rows]
    return sorted(counts, key=lambda c: (LEVEL_ORDER.index(c.level), kinds.index(c.kind)))


def agency_counts_on(*, day: datetime.date, province: Agency | str | None = None) -> dict[str, int]:
    """How many agencies of each kind stood on that day."""
    counts = {kind: 0 for kind in AgencyKind.values}
    for row in hierarchy_counts(day, province=province):
        counts[row.kind] += row.count
    return counts


def successions_for(agencies: Iterable[Agency]) -> dict[int, dict[str, list[AgencySuccession]]]:
    """The direct predecessors and successors of many agencies in two queries, for a list page."""
    ids = [agency.pk for agency in agencies]
    found: dict[int, dict[str, list[AgencySuccession]]] = {pk: {"before": [], "after": []} for pk in ids}
    links = AgencySuccession.objects.filter(Q(predecessor_id__in=ids) | Q(successor_id__in=ids)).select_related(
        "predecessor", "successor"
    )
    for link in links:
        if link.successor_id in found:
            found[link.successor_id]["before"].append(link)
        if link.predecessor_id in found:
            found[link.predecessor_id]["after"].append(link)
    for sides in found.values():
        sides["before"].sort(key=lambda link: (link.effective, link.predecessor.name))
        sides["after"].sort(key=lambda link: (link.effective, not link.is_principal, link.successor.name))
    return found


PICKER_LIMIT = 20


def agency_picker_matches(*, user, text: str, day: datetime.date | None = None, limit: int = PICKER_LIMIT) -> dict:
    """What the agency picker offers for a typed text: at most `limit` agencies the user may read,
    every typed word found in the name, short name or parent's name without diacritics, as they
    stood on `day` when one is given; `more` says that the list was cut."""
    agencies = agencies_readable_by(user=user).search(text)
    if day is not None:
        agencies = agencies.active_on(day)
    return _picker_answer(agencies, limit=limit)


def districts_for_filters() -> QuerySet[Agency]:
    """The districts a list of agencies' rows may be filtered by (a district's rows and its
    communes'): the district-level people's committees of the province's first hierarchy, a merged
    one (Nông Sơn) kept, so that its records stay found by it. Their names are no one's secret."""
    return Agency.objects.filter(kind=AgencyKind.DISTRICT_COMMITTEE, valid_from__isnull=True)


def district_picker_matches(*, text: str, limit: int = PICKER_LIMIT) -> dict:
    """What the district picker of the lists offers for a typed text: at most `limit` of
    `districts_for_filters`, every typed word found without diacritics, in the agency picker's shape."""
    return _picker_answer(districts_for_filters().search(text), limit=limit)


def _picker_answer(agencies: QuerySet[Agency], *, limit: int) -> dict:
    rows = list(
        agencies.order_by("name", "valid_from", "pk").values("id", "name", "parent__name", "valid_from", "valid_to")[
            : limit + 1
        ]
    )
    return {
        "results": [{"id": row["id"], "name": row["name"], "parent": _picker_context(row)} for row in rows[:limit]],
        "more": len(rows) > limit,
    }


def _picker_context(row: dict) -> str:
    """The line under a name in the picker: its parent and, for a unit that did not always stand, when
    it did, so that the 2024 and the 2025 unit of one name (a commune re-formed on a merger) differ."""
    parts = [row["parent__name"] or ""]
    if row["valid_to"] is not None:
        parts.append(_("đến %(day)s") % {"day": row["valid_to"].strftime("%d/%m/%Y")})
    elif row["valid_from"] is not None:
        parts.append(_("từ %(day)s") % {"day": row["valid_from"].strftime("%d/%m/%Y")})
    return " · ".join(part for part in parts if part)
