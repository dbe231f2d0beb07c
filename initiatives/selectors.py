"""Reads, filtered by who asks: the agency is the tenant."""

import datetime
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from agencies.enums import AgencyKind
from agencies.models import Agency
from campaign_portal.text import vietnamese_sort_key

from .enums import InitiativeState, SimilarityDecision
from .models import Initiative, InitiativeHistory, SimilarInitiative


def initiatives_visible_to(*, user) -> QuerySet[Initiative]:
    """Everything for reviewers and officials; for an agency officer its own agency's
    initiatives, for a district its communes', and for a commune those that run in it once
    registered by another agency (the district's own drafts stay its own)."""
    base = Initiative.objects.all()
    if getattr(user, "is_reviewer", False) or getattr(user, "is_official", False):
        return base
    if getattr(user, "is_agency_officer", False) and user.agency_id:
        runs_here = Exists(
            Initiative.implementing_units.through.objects.filter(initiative_id=OuterRef("pk"), agency_id=user.agency_id)
        )
        return base.filter(
            Q(agency_id=user.agency_id)
            | Q(agency__parent_id=user.agency_id)
            | (runs_here & ~Q(state=InitiativeState.DRAFT))
        )
    return base.none()


def replication_count() -> Coalesce:
    """The number of units an initiative spread to, as a subquery per row: a COUNT over a join
    would group every visible row before the page is cut, the subquery counts only the page's."""
    links = (
        Initiative.replicated_to.through.objects.filter(initiative_id=OuterRef("pk"))
        .order_by()
        .values("initiative_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(links, output_field=IntegerField()), Value(0))


def _initiative_rows(*, user) -> QuerySet[Initiative]:
    return (
        initiatives_visible_to(user=user)
        .select_related("agency", "agency__parent", "category")
        .annotate(
            replication_count=replication_count(),
            state_rank=Case(
                *(When(state=state, then=Value(rank)) for rank, state in enumerate(InitiativeState.values)),
                output_field=IntegerField(),
            ),
        )
    )


# What a page of the list shows of its rows, read as plain values (`IdsFirstPaginator(columns=...)`):
# not the long texts, nor the agencies' search texts, nor a model for each row, its agency, the
# agency's parent and its category.
INITIATIVE_LIST_COLUMNS = (
    "title",
    "kind",
    "state",
    "started_on",
    "assessment_effective",
    "replication_count",
    "agency__name",
    "agency__level",
    "agency__parent__name",
    "category__name",
)


def initiative_list(*, user) -> QuerySet[Initiative]:
    """Rows for the list, whose pages read `INITIATIVE_LIST_COLUMNS`; the names of the units that
    implement a page's rows come from `implementing_unit_names`."""
    return _initiative_rows(user=user)


def implementing_unit_names(*, initiative_ids: list[int]) -> dict[int, list[str]]:
    """The short names (else names) of the units implementing each initiative, by name: one query
    of plain values for a page of the list, rather than an Agency object for every unit."""
    names: dict[int, list[str]] = defaultdict(list)
    links = (
        Initiative.implementing_units.through.objects.filter(initiative_id__in=initiative_ids)
        .order_by("agency__name", "agency_id")
        .values_list("initiative_id", "agency__short_name", "agency__name")
    )
    for initiative_id, short_name, name in links:
        names[initiative_id].append(short_name or name)
    return names


def initiative_export_list(*, user) -> QuerySet[Initiative]:
    """Rows for the export and the replication page: the list's, with every text, the units that
    implement each and the units each spread to."""
    return _initiative_rows(user=user).prefetch_related(
        Prefetch("implementing_units", queryset=Agency.objects.only("name", "short_name").order_by("name")),
        Prefetch("replicated_to", queryset=Agency.objects.order_by("name")),
    )


def initiative_detail(*, user, pk: int) -> Initiative:
    return (
        initiatives_visible_to(user=user)
        .select_related("agency", "agency__parent", "campaign", "category", "created_by")
        .prefetch_related(
            Prefetch("implementing_units", queryset=Agency.objects.order_by("name")),
            Prefetch("replicated_to", queryset=Agency.objects.select_related("parent").order_by("name")),
            "evidence",
            Prefetch("history", queryset=InitiativeHistory.objects.select_related("actor")),
        )
        .get(pk=pk)
    )


def is_known_before() -> Exists:
    """A reviewer decided the initiative is the same as one registered earlier."""
    return Exists(SimilarInitiative.objects.filter(initiative_id=OuterRef("pk"), decision=SimilarityDecision.SAME))


def initiatives_for_report(*, campaign) -> list[tuple[Agency, list[Initiative]]]:
    """The report counts and lists new initiatives only: one found to be the same as an earlier
    registration was counted then, under its first name, and is left out rather than named
    twice (the report states what the campaign brought; the reviewer's page keeps the link)."""
    return initiatives_by_agency(campaign=campaign, new_only=True)


def similar_initiatives_for(*, user, initiative: Initiative) -> QuerySet[SimilarInitiative]:
    """The matches shown on an initiative's page: to reviewers only, both ways round (the
    earlier initiative's page shows the later ones that resemble it too)."""
    if not user.has_perm("initiatives.decide_similarity", initiative):
        return SimilarInitiative.objects.none()
    return (
        SimilarInitiative.objects.filter(Q(initiative=initiative) | Q(similar_to=initiative))
        .select_related(
            "initiative__agency", "initiative__campaign", "similar_to__agency", "similar_to__campaign", "decided_by"
        )
        .order_by("-score", "pk")
    )


def has_replication() -> Exists:
    return Exists(Initiative.replicated_to.through.objects.filter(initiative_id=OuterRef("pk")))


def replication_list(*, user) -> QuerySet[Initiative]:
    """Initiatives that spread to other units, the widest first."""
    return (
        initiative_export_list(user=user)
        .filter(has_replication())
        .order_by("-replication_count", "agency__name", "title")
    )


_KIND_ORDER = {
    AgencyKind.DISTRICT_COMMITTEE: 0,
    AgencyKind.COMMUNE_COMMITTEE: 0,
    AgencyKind.DEPARTMENT: 1,
    AgencyKind.PROVINCE_COMMITTEE: 1,
    AgencyKind.SUBUNIT: 2,
    AgencyKind.CENTRAL_AGENCY: 2,
}


def _report_key(agency: Agency) -> tuple:
    """Districts first (each district's communes after it), then departments, then central
    agencies; a sub-unit sits with the agency it belongs to."""
    top = agency
    if agency.kind in (AgencyKind.COMMUNE_COMMITTEE, AgencyKind.SUBUNIT) and agency.parent is not None:
        top = agency.parent
    return (
        _KIND_ORDER.get(top.kind, 3),
        vietnamese_sort_key(top.name),
        0 if top.pk == agency.pk else 1,
        vietnamese_sort_key(agency.name),
    )


def _reported(*, campaign, new_only: bool) -> QuerySet[Initiative]:
    """The campaign's registered initiatives (drafts left out); `new_only` leaves out those a
    reviewer found to be the same as an earlier one."""
    initiatives = Initiative.objects.filter(campaign=campaign).exclude(state=InitiativeState.DRAFT)
    return initiatives.exclude(is_known_before()) if new_only else initiatives


def _with_report_lists(initiatives: QuerySet[Initiative], units_named: int | None = None) -> QuerySet[Initiative]:
    """What a report row names, in a fixed number of queries: the owning agency, the category,
    implementing units and replication links as the lists `implementing_unit_list` and
    `replicated_to_list`. With `units_named`, each list holds at most that many units (by name) and
    `implementing_unit_count` and `replicated_to_count` say how many there are in all, so a model run in
    every commune of a province reads a few rows, not thousands."""
    units = Agency.objects.only("pk", "name", "unit_type").order_by("name")
    replicated = Agency.objects.only("pk", "name").order_by("name")
    if units_named is not None:
        units, replicated = units[:units_named], replicated[:units_named]
        through = Initiative.implementing_units.through.objects.filter(initiative_id=OuterRef("pk"))
        spread = Initiative.replicated_to.through.objects.filter(initiative_id=OuterRef("pk"))
        initiatives = initiatives.annotate(
            implementing_unit_count=_count_of(through, "initiative_id"),
            replicated_to_count=_count_of(spread, "initiative_id"),
        )
    return (
        initiatives.select_related("agency", "agency__parent", "category")
        # The report names units and quotes titles and figures: the long texts stay in the database.
        .defer("description", "results", "assessment_comment", "search_text", "match_text")
        # As plain lists (to_attr): a related manager built per initiative and relation costs more
        # than the rows themselves when the report names every initiative of a province.
        .prefetch_related(
            Prefetch(
                "implementing_units",
                # unit_type: the report counts a district's units by type ("4 xã, 9 phường").
                queryset=units,
                to_attr="implementing_unit_list",
            ),
            Prefetch("replicated_to", queryset=replicated, to_attr="replicated_to_list"),
        )
    )


def _count_of(rows: QuerySet, key: str) -> Coalesce:
    """How many `rows` there are, as a subquery grouped on `key` (zero when there are none)."""
    counted = rows.order_by().values(key).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _grouped(rows) -> list[tuple[Agency, list[Initiative]]]:
    groups: dict[int, tuple[Agency, list[Initiative]]] = {}
    for initiative in rows:
        groups.setdefault(initiative.agency_id, (initiative.agency, []))[1].append(initiative)
    return sorted(groups.values(), key=lambda group: _report_key(group[0]))


def initiatives_by_agency(*, campaign, new_only: bool = False) -> list[tuple[Agency, list[Initiative]]]:
    """The campaign's registered initiatives (drafts left out) grouped by owning agency, in
    report order, with implementing units and replication links prefetched as the lists
    `implementing_unit_list` and `replicated_to_list`. `new_only` leaves out those a reviewer
    found to be the same as an earlier one."""
    rows = _with_report_lists(_reported(campaign=campaign, new_only=new_only)).order_by("started_on", "pk")
    return _grouped(rows)


def initiatives_for_report_count(*, campaign) -> int:
    """How many initiatives the report counts: whether it lists them all or names a few per agency."""
    return _reported(campaign=campaign, new_only=True).count()


def initiatives_for_report_totals(*, campaign) -> dict[int, int]:
    """How many initiatives the report counts per agency (by id): their sum decides the report's shape."""
    reported = _reported(campaign=campaign, new_only=True).order_by()
    return dict(reported.values("agency_id").annotate(n=Count("pk")).values_list("agency_id", "n"))


@dataclass
class ReportNamed:
    """The report's shape at province scale: the agencies it gives a line, each with the initiatives it
    names and the number it registered in all, and how many agencies and initiatives it sums up."""

    groups: list[tuple[Agency, list[Initiative], int]]
    other_agencies: int
    other_initiatives: int


def initiatives_for_report_named(
    *,
    campaign,
    per_agency: int,
    unmarked_agencies: int,
    standout_agencies: int,
    standouts_per_agency: int,
    totals: dict[int, int] | None = None,
    units_named: int | None = None,
) -> ReportNamed:
    """The agencies with an initiative a reviewer marked as standing out, those with the most marked
    first, up to `standout_agencies`, each with its first `standouts_per_agency` of them; and the
    `unmarked_agencies` others that registered the most, each with its first `per_agency` (by start
    date); in report order. The rest is summed up, and listed by the annexes. A fixed number of
    queries, and rows only for the agencies named, whatever the size of the province and however
    many initiatives reviewers mark. `totals`: `initiatives_for_report_totals`, when already read;
    `units_named`: see `_with_report_lists`."""
    reported = _reported(campaign=campaign, new_only=True)
    if totals is None:
        totals = initiatives_for_report_totals(campaign=campaign)
    marks = dict(
        reported.filter(is_standout=True)
        .order_by()
        .values("agency_id")
        .annotate(n=Count("pk"))
        .values_list("agency_id", "n")
    )
    marked = sorted(marks, key=lambda pk: (-marks[pk], -totals[pk], pk))[:standout_agencies]
    most = sorted((pk for pk in totals if pk not in marks), key=lambda pk: (-totals[pk], pk))[:unmarked_agencies]
    # Ranked within the agency's standouts, or within its unmarked ones: one window serves both.
    rank = Window(
        RowNumber(), partition_by=[F("agency_id"), F("is_standout")], order_by=[F("started_on").asc(), F("pk").asc()]
    )
    named = (
        reported.filter(agency_id__in=[*marked, *most])
        .annotate(report_rank=rank)
        .filter(
            Q(is_standout=True, report_rank__lte=standouts_per_agency)
            | Q(agency_id__in=most, report_rank__lte=per_agency)
        )
        .order_by("started_on", "pk")
    )
    groups = [(agency, items, totals[agency.pk]) for agency, items in _grouped(_with_report_lists(named, units_named))]
    given = {*marked, *most}
    others = [pk for pk in totals if pk not in given]
    return ReportNamed(groups, len(others), sum(totals[pk] for pk in others))


def _annex_agency_batches(reported: QuerySet[Initiative], batch_size: int) -> Iterator[list[Agency]]:
    """The agencies that registered an initiative, in report order, in batches holding about
    `batch_size` initiatives (two queries): what an annex reads at a time, whatever the province."""
    counts = dict(reported.order_by().values("agency_id").annotate(n=Count("pk")).values_list("agency_id", "n"))
    agencies = sorted(Agency.objects.filter(pk__in=list(counts)).select_related("parent"), key=_report_key)
    batch: list[Agency] = []
    size = 0
    for agency in agencies:
        batch.append(agency)
        size += counts[agency.pk]
        if size >= batch_size:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def initiatives_for_annex(*, campaign, batch_size: int = 2000) -> Iterator[Initiative]:
    """Every initiative the report counts, in report order, for the annex: read in batches of
    agencies holding about `batch_size` initiatives, so memory stays flat at province scale
    (three queries per batch, plus two for the agencies)."""
    reported = _reported(campaign=campaign, new_only=True)
    for batch in _annex_agency_batches(reported, batch_size):
        position = {agency.pk: place for place, agency in enumerate(batch)}
        rows = list(_with_report_lists(reported.filter(agency_id__in=list(position))).order_by("started_on", "pk"))
        rows.sort(key=lambda initiative: position[initiative.agency_id])
        yield from rows


class AnnexInitiative(NamedTuple):
    """An initiative as the annex workbook lists it: plain values, for a province's 50,000 rows
    cost what a tuple costs, not a model instance with its related ones."""

    agency_name: str
    kind: str
    title: str
    category_name: str | None
    started_on: datetime.date | None
    implementing_units: list[str]
    replicated_to: list[str]
    result_figures: list
    state: str
    is_standout: bool


def _unit_names(through, initiatives: QuerySet[Initiative]) -> dict[int, list[str]]:
    """Each initiative's linked agencies' names, by name: one query of pairs."""
    names: dict[int, list[str]] = defaultdict(list)
    pairs = through.objects.filter(initiative__in=initiatives.values("pk")).order_by("agency__name", "agency_id")
    for initiative_id, name in pairs.values_list("initiative_id", "agency__name"):
        names[initiative_id].append(name)
    return names


def initiative_rows_for_annex(*, campaign, batch_size: int = 2000) -> Iterator[AnnexInitiative]:
    """The rows of `initiatives_for_annex`, in its order, as plain values (see AnnexInitiative):
    three queries of values per batch of agencies, plus two for the agencies."""
    reported = _reported(campaign=campaign, new_only=True)
    for batch in _annex_agency_batches(reported, batch_size):
        position = {agency.pk: place for place, agency in enumerate(batch)}
        names = {agency.pk: agency.name for agency in batch}
        chosen = reported.filter(agency_id__in=list(position))
        units = _unit_names(Initiative.implementing_units.through, chosen)
        replicated = _unit_names(Initiative.replicated_to.through, chosen)
        fields = ("pk", "agency_id", "kind", "title", "category__name", "started_on", "result_figures", "state")
        rows = list(chosen.order_by("started_on", "pk").values_list(*fields, "is_standout"))
        rows.sort(key=lambda row: position[row[1]])
        for pk, agency_id, kind, title, category, started_on, figures, state, standout in rows:
            yield AnnexInitiative(
                names[agency_id],
                kind,
                title,
                category,
                started_on,
                units.get(pk, []),
                replicated.get(pk, []),
                figures,
                state,
                standout,
            )


def initiatives_published() -> QuerySet[Initiative]:
    """What the province's other systems may read (the API): registered initiatives and those
    further on, never drafts, with what a row shows; evidence files stay behind the portal."""
    return (
        Initiative.objects.exclude(state=InitiativeState.DRAFT)
        .select_related("agency", "campaign", "category")
        .prefetch_related(
            Prefetch("implementing_units", queryset=Agency.objects.order_by("name")),
            Prefetch("replicated_to", queryset=Agency.objects.order_by("name")),
        )
    )
