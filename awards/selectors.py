"""Reads of the awards app, filtered by what the user may see (the agency is the tenant)."""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.enums import AgencyKind, AgencyLevel
from agencies.models import Agency, AgencySuccession
from agencies.selectors import agencies_readable_by
from campaign_portal.text import vietnamese_collated, vietnamese_order, vietnamese_sort_key
from campaigns.models import Campaign

from .enums import CriterionKind, NominationState, Outcome, SendingStatus
from .models import (
    AwardForm,
    CheckBatch,
    Criterion,
    CriterionResult,
    DossierDocument,
    DossierRequirement,
    Nomination,
    NominationTransition,
    explanation_for_reader_expression,
    nominee_label,
)

SENT_STATES = [s for s in NominationState.values if s != NominationState.DRAFT]


def nominations_visible_to(*, user) -> QuerySet[Nomination]:
    # Drafts belong to their agency until it sends them.
    if getattr(user, "is_reviewer", False) or getattr(user, "is_official", False):
        return Nomination.objects.exclude(state=NominationState.DRAFT)
    if getattr(user, "is_agency_officer", False):
        return Nomination.objects.filter(Q(agency_id=user.agency_id) | Q(agency__parent_id=user.agency_id))
    return Nomination.objects.none()


def _with_flags(queryset: QuerySet[Nomination], *, campaign: Campaign | None) -> QuerySet[Nomination]:
    """`missing_component` and `is_late`. Given the campaign of every row, its deadline is a
    constant: without it the count and the page's ids of the queue would join the campaign table
    only to leave the annotation out."""
    deadline = F("campaign__nomination_deadline") if campaign is None else Value(campaign.nomination_deadline)
    missing = DossierRequirement.objects.filter(award_form=OuterRef("award_form"), required=True).filter(
        ~Exists(DossierDocument.objects.filter(nomination=OuterRef(OuterRef("pk")), requirement=OuterRef("pk")))
    )
    return queryset.annotate(
        missing_component=Exists(missing),
        is_late=Case(
            # Dates in Vietnam time on both sides: the whole deadline day is on time.
            When(received_on__gt=deadline, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )


def nomination_queue(*, user, campaign: Campaign | None = None) -> QuerySet[Nomination]:
    """The list behind the review queue and the agencies' own list, with the flags the filters
    and badges need, and every related row the table shows, in a fixed number of queries.

    Each row's unmet and undecided results are read for its page by `nomination_problems`, the
    names of the agencies its dossiers were filed for by `agency_names`: `filed_for`, empty on most
    dossiers, is not joined."""
    queryset = nominations_visible_to(user=user)
    if campaign is not None:
        queryset = queryset.filter(campaign=campaign)
    return (
        _with_flags(queryset, campaign=campaign)
        .select_related("agency", "agency__parent", "nominee_agency", "award_form")
        .order_by(F("submitted_at").desc(nulls_first=True), "-pk")
    )


class Problem(NamedTuple):
    outcome: str
    explanation: str


def nomination_problems(*, nomination_ids: list[int]) -> dict[int, list[Problem]]:
    """Each nomination's unmet and undecided results, in criterion order, with their explanation
    in the reader's language: a list's page counts them in Python rather than by two COUNT
    subqueries per row, and reads them as plain values, not a result model each."""
    problems: dict[int, list[Problem]] = defaultdict(list)
    if not nomination_ids:
        return problems
    rows = (
        CriterionResult.objects.filter(nomination_id__in=nomination_ids)
        .exclude(outcome=Outcome.MET)
        .order_by("criterion__position")
        .values_list("nomination_id", "outcome", explanation_for_reader_expression())
    )
    for nomination_id, outcome, explanation in rows:
        problems[nomination_id].append(Problem(outcome, explanation))
    return problems


def agency_names(*, agency_ids: set[int]) -> dict[int, str]:
    """The names of the agencies a page's dossiers were filed for (merged agencies, empty on most
    dossiers): no query when no row names one, and not one more join of the agencies in the rows'
    query, which PostgreSQL answered by hashing the whole agency table."""
    if not agency_ids:
        return {}
    return dict(Agency.objects.filter(pk__in=agency_ids).values_list("pk", "name"))


def nominating_agencies(*, user, campaign: Campaign) -> QuerySet[Agency]:
    """The agencies the user may read that have a nomination in the campaign, for the queue's
    filter: EXISTS, not a DISTINCT over a join with every nomination."""
    return agencies_readable_by(user=user).filter(
        Exists(Nomination.objects.filter(agency=OuterRef("pk"), campaign=campaign))
    )


def nomination_detail(*, user, pk: int) -> Nomination:
    """One nomination with its components, each with its document if any (raises DoesNotExist
    when the user may not see it); its page reads its results with `nomination_criteria` and its
    history with `nomination_history`, which the actions posted from the page do not need.

    No more joins than the page reads: PostgreSQL spends longer planning a join of seven tables
    than running it for one row (3.5 ms against 1.3 ms for five). The two links most dossiers
    leave empty (filed for a merged agency, receipt recorded by hand) are read when the page
    reads them, which costs a query only when they are set: a prefetch would build its query
    (then find it empty) even when they are not.

    The flags of `_with_flags` are read from the rows the page loads anyway (its award form's
    components with their documents, the campaign's deadline): the nested EXISTS that a list
    needs would take half the time of building this query. `tests/awards/test_views.py` checks
    that both say the same."""
    nomination = (
        nominations_visible_to(user=user)
        .select_related("agency", "nominee_agency", "award_form", "campaign")
        .get(pk=pk)
    )
    # Each component with this nomination's document for it (one at most), in one query. The
    # award form's few components are put in order here: the model's order (by award form, then
    # its campaign) would join two tables for nothing, and compiling even an ORDER BY position, id
    # costs more than sorting them.
    requirements = (
        DossierRequirement.objects.filter(award_form_id=nomination.award_form_id)
        .annotate(document=FilteredRelation("documents", condition=Q(documents__nomination_id=pk)))
        .select_related("document")
        .order_by()
    )
    # select_related sets `document` only on the components that have one.
    nomination.components = [
        (requirement, getattr(requirement, "document", None))
        for requirement in sorted(requirements, key=lambda requirement: (requirement.position, requirement.pk))
    ]
    nomination.missing_component = any(
        requirement.required and document is None for requirement, document in nomination.components
    )
    # Dates in Vietnam time on both sides: the whole deadline day is on time.
    nomination.is_late = nomination.received_on is not None and (
        nomination.received_on > nomination.campaign.nomination_deadline
    )
    return nomination


def nomination_history(*, nomination: Nomination) -> list[NominationTransition]:
    """The nomination's transitions, oldest first, with only the actor's names the history shows
    (not the whole user row); its few rows are sorted here rather than by an ORDER BY to build."""
    transitions = (
        NominationTransition.objects.filter(nomination_id=nomination.pk)
        .select_related("actor")
        .only("from_state", "to_state", "reason", "at", "actor__first_name", "actor__last_name", "actor__username")
        .order_by()
    )
    return sorted(transitions, key=lambda transition: (transition.at, transition.pk))


DECLARED_KINDS = (CriterionKind.METRIC, CriterionKind.ATTESTATION)


class NominationCriteria(NamedTuple):
    results: list[CriterionResult]
    metric_fields: list[dict]


def nomination_criteria(*, nomination: Nomination) -> NominationCriteria:
    """The nomination's latest results in criterion order, and the figures it declares
    (`metric_fields_for`), in one query: its campaign's criteria, each with this nomination's
    result for it (one at most). Its results are all of its campaign's criteria (the check reads
    no other), an inactive criterion's too while its result stands.

    A campaign has a dozen criteria: all are read and sorted here, which costs less than building
    a filter of the two cases and an ORDER BY (the model's order, by campaign first, would also
    join the campaigns)."""
    criteria = (
        Criterion.objects.filter(campaign_id=nomination.campaign_id)
        .annotate(result=FilteredRelation("results", condition=Q(results__nomination_id=nomination.pk)))
        .select_related("result")
        .order_by()
    )
    results, declared = [], []
    for criterion in sorted(criteria, key=lambda criterion: (criterion.position, criterion.pk)):
        # select_related sets `result` only on the criteria that have one.
        result = getattr(criterion, "result", None)
        if result is not None:
            results.append(result)
        if criterion.active and criterion.kind in DECLARED_KINDS:
            declared.append((criterion.kind, criterion.params, criterion.applies_to, criterion.wording))
    return NominationCriteria(results, _metric_fields(declared))


def metric_fields_for(*, campaign: Campaign) -> list[dict]:
    """The figures and statements a nomination declares: one per metric/attestation criterion.

    Read as plain values: every nomination page reads them, and needs no criterion model."""
    # Ordered within the one campaign: the model's order (by campaign first) would join the campaigns.
    criteria = (
        Criterion.objects.filter(campaign=campaign, active=True, kind__in=DECLARED_KINDS)
        .order_by("position", "pk")
        .values_list("kind", "params", "applies_to", "wording")
    )
    return _metric_fields(criteria)


def _metric_fields(criteria: Iterable[tuple[str, dict, str, str]]) -> list[dict]:
    """One field per declared key (the first criterion naming it), from the criteria's
    (kind, params, applies_to, wording) in their order."""
    fields = []
    seen = set()
    for kind, params, applies_to, wording in criteria:
        params = params or {}
        key = params.get("metric") or params.get("statement")
        if not key or key in seen:
            continue
        seen.add(key)
        fields.append(
            {
                "key": key,
                "label": params.get("label", key),
                "unit": params.get("unit", ""),
                "kind": kind,
                "applies_to": applies_to,
                "help": wording,
            }
        )
    return fields


def metric_labels_for(*, campaign: Campaign) -> dict[str, str]:
    """Each declared figure's label, by its key (for the action log)."""
    return {spec["key"]: spec["label"] for spec in metric_fields_for(campaign=campaign)}


def current_campaign() -> Campaign | None:
    return Campaign.objects.order_by("-nomination_deadline", "-pk").first()


def check_batch_progress(*, batch: CheckBatch) -> dict:
    checked = Nomination.objects.filter(campaign_id=batch.campaign_id, checked_at__gte=batch.started_at)
    done = checked.count()
    verdicts = dict(
        Nomination.objects.filter(campaign_id=batch.campaign_id).values_list("verdict").annotate(n=Count("id"))
    )
    return {
        "total": batch.total,
        "done": min(done, batch.total),
        "finished": done >= batch.total,
        "verdicts": verdicts,
    }


# --- Campaign progress ------------------------------------------------------------------------------


def campaign_filing_end(campaign: Campaign) -> datetime.date:
    """The last day of the campaign as far as filing goes: its period or its deadline, whichever
    comes later (the deadline for dossiers often falls after the period reported on)."""
    return max(campaign.period_end, campaign.nomination_deadline)


def _merged_during(campaign: Campaign) -> Q:
    """Agencies closed into a successor between the campaign's start and its filing end: they
    could not send by the deadline themselves, so their successor files for them. An agency
    closed after the deadline had the whole time to send and counts as any other."""
    return Q(
        Exists(AgencySuccession.objects.filter(predecessor=OuterRef("pk"), is_principal=True)),
        valid_to__isnull=False,
        valid_to__gte=campaign.period_start,
        valid_to__lte=campaign_filing_end(campaign),
    )


def _principal_successor(agency: Agency) -> Agency | None:
    """The successor that files and holds accounts for `agency` (prefetched as `principal_links`)."""
    links = getattr(agency, "principal_links", None)
    return links[0].successor if links else None


_PRINCIPAL_LINKS = Prefetch(
    "successor_links",
    queryset=AgencySuccession.objects.filter(is_principal=True).select_related("successor"),
    to_attr="principal_links",
)


def merged_agencies_filable_by(*, agency: Agency, campaign: Campaign, day: datetime.date) -> QuerySet[Agency]:
    """The campaign's expected agencies merged into `agency` during the campaign and closed by
    `day`: its officer files for them ("thay mặt … (đã sáp nhập)")."""
    return campaign.expected_agencies.filter(
        _merged_during(campaign),
        Exists(AgencySuccession.objects.filter(predecessor=OuterRef("pk"), successor=agency, is_principal=True)),
        valid_to__lt=day,
    ).order_by("name")


@dataclass
class AgencyProgress:
    """One expected agency on the as-of day. `merged_into` and `merged_on` (the first day under
    the successor) are set when it was merged during the campaign and closed by then; `filed_by`
    is the agency that sent its dossier when another (its successor) sent it."""

    agency: Agency
    status: SendingStatus
    first_received_on: datetime.date | None
    nominations: int
    merged_into: Agency | None = None
    merged_on: datetime.date | None = None
    filed_by: Agency | None = None

    @property
    def merged_note(self) -> str:
        """The phrase "đã sáp nhập vào UBND huyện Quế Sơn từ ngày 01/01/2025", or empty."""
        if self.merged_into is None:
            return ""
        return _merged_phrase(self.merged_into.name, self.merged_on)


def _merged_phrase(successor_name: str, merged_on: datetime.date) -> str:
    return _("đã sáp nhập vào %(successor)s từ ngày %(day)s") % {
        "successor": successor_name,
        "day": f"{merged_on:%d/%m/%Y}",
    }


@dataclass
class _GroupCounts:
    """A group of expected agencies (a level, a district) and how many of them sent, and when."""

    key: str
    label: str
    expected: int = 0
    sent_on_time: int = 0
    sent_late: int = 0
    merged: int = 0


@dataclass
class ProgressGroup(_GroupCounts):
    missing_agencies: list[Agency] = field(default_factory=list)

    @property
    def status(self) -> SendingStatus:
        """The group's best: on time when one of its agencies sent by the deadline, then late;
        merged when every agency that sent nothing was merged away."""
        if self.sent_on_time:
            return SendingStatus.ON_TIME
        if self.sent_late:
            return SendingStatus.LATE
        return SendingStatus.MERGED if self.merged and not self.missing_agencies else SendingStatus.MISSING


class _OnTime:
    """What both progress shapes say of the deadline: the report's "25/43", and the day that
    counts as on time (the deadline, or `as_of` when earlier)."""

    @property
    def sent_on_time_label(self) -> str:
        return f"{self.sent_on_time}/{self.expected}"

    @property
    def on_time_as_of(self) -> datetime.date:
        return min(self.as_of, self.campaign.nomination_deadline)


@dataclass
class CampaignProgress(_OnTime):
    """Who had sent by `as_of`, counted from the receipt dates.

    `sent_on_time` is taken at the deadline (`on_time_as_of`, or `as_of` when earlier): a
    dossier received on or before the deadline day is on time whenever its receipt was recorded.
    The totals are taken at `as_of`. An expected agency merged during the campaign counts as
    its successor's filing for it, or, with none, as merged, never as not sent."""

    campaign: Campaign
    as_of: datetime.date
    expected: int
    sent_on_time: int
    sent_late: int
    missing_agencies: list[Agency]
    late_agencies: list[Agency]
    merged_agencies: list[AgencyProgress]
    nominations_total: int
    nominations_missing_component: int
    nominations_late: int
    rows: list[AgencyProgress]
    by_level: list[ProgressGroup]
    by_district: list[ProgressGroup]

    @property
    def merged(self) -> list[AgencyProgress]:
        """Every expected agency merged by `as_of`, whether or not a dossier was sent for it."""
        return [row for row in self.rows if row.merged_into is not None]


class _ReceivedCounts(NamedTuple):
    total: int
    late: int
    missing_component: int


def _received_counts(campaign: Campaign, as_of: datetime.date) -> _ReceivedCounts:
    """How many dossiers had been received by `as_of`, how many after the deadline, and how many
    lack a required component (the `missing_component` flag of `_with_flags`).

    On PostgreSQL, in one pass over the received dossiers: each one's documents are gathered into
    an array of their components, read in the order of the documents' (nomination, component)
    index, and the form's required components must be contained in it (a form that requires
    nothing has no row in `r`, so its dossiers miss nothing). The anti-join of
    `_missing_component_count` hashes every document of the table first, which costs more than the
    rest of the query. The ORM joins no subquery in FROM: the received dossiers are the ORM's own
    query, with its parameters."""
    received = _received_nominations(campaign, as_of)
    deadline = campaign.nomination_deadline
    if connection.vendor != "postgresql":
        totals = received.aggregate(total=Count("pk"), late=Count("pk", filter=Q(received_on__gt=deadline)))
        return _ReceivedCounts(totals["total"], totals["late"], _missing_component_count(received))
    nominations, params = received.values("pk", "award_form_id", "received_on").order_by().query.sql_with_params()
    requirements = connection.ops.quote_name(DossierRequirement._meta.db_table)
    documents = connection.ops.quote_name(DossierDocument._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE n.received_on > %s),"
            " COUNT(*) FILTER (WHERE NOT r.needed <@ COALESCE(d.sent, '{}'))"
            f" FROM ({nominations}) n"
            f" LEFT JOIN (SELECT award_form_id, ARRAY_AGG(id) AS needed FROM {requirements}"
            " WHERE required GROUP BY award_form_id) r ON r.award_form_id = n.award_form_id"
            f" LEFT JOIN (SELECT nomination_id, ARRAY_AGG(requirement_id) AS sent FROM {documents}"
            " GROUP BY nomination_id) d ON d.nomination_id = n.pk",
            [connection.ops.adapt_datefield_value(deadline), *params],
        )
        return _ReceivedCounts(*cursor.fetchone())


def _missing_component_count(nominations: QuerySet[Nomination]) -> int:
    """How many of `nominations` lack a required component, in SQL every database runs: pairs
    (nomination, required component) without a document, an anti-join."""
    return nominations.filter(
        Q(award_form__requirements__required=True),
        ~Exists(
            DossierDocument.objects.filter(nomination=OuterRef("pk"), requirement=OuterRef("award_form__requirements"))
        ),
    ).aggregate(n=Count("pk", distinct=True))["n"]


def _received_nominations(campaign: Campaign, as_of: datetime.date) -> QuerySet[Nomination]:
    return Nomination.objects.filter(campaign=campaign, state__in=SENT_STATES, received_on__lte=as_of)


def _receipts_by_agency(campaign: Campaign, as_of: datetime.date) -> dict[int, dict]:
    """Per agency a dossier was sent for (the merged agency when its successor filed for it):
    first receipt, count, and the other agency that sent it."""
    grouped = (
        _received_nominations(campaign, as_of)
        .annotate(sent_for=Coalesce("filed_for_id", "agency_id"))
        .values("sent_for", "agency_id")
        .annotate(first=Min("received_on"), n=Count("id"))
        .order_by()
    )
    by_agency: dict[int, dict] = {}
    for row in grouped:
        entry = by_agency.setdefault(row["sent_for"], {"first": row["first"], "n": 0, "filed_by": None})
        entry["n"] += row["n"]
        if row["first"] < entry["first"]:
            entry["first"] = row["first"]
        if row["agency_id"] != row["sent_for"]:
            entry["filed_by"] = row["agency_id"]
    return by_agency


def campaign_progress(*, campaign: Campaign, as_of: datetime.date | None = None) -> CampaignProgress:
    """Expected agencies against those a dossier had been received from (or for) by `as_of`
    (today by default): by the deadline (on time), after it (late), not at all, or merged."""
    as_of = as_of or timezone.localdate()
    deadline = campaign.nomination_deadline
    by_agency = _receipts_by_agency(campaign, as_of)
    expected = list(
        campaign.expected_agencies.select_related("parent")
        .prefetch_related(_PRINCIPAL_LINKS)
        .annotate(merged_during=ExpressionWrapper(_merged_during(campaign), output_field=BooleanField()))
        .order_by("level", "kind", vietnamese_order("name"))
    )
    filers = Agency.objects.in_bulk({e["filed_by"] for e in by_agency.values() if e["filed_by"]})
    rows = []
    for agency in expected:
        entry = by_agency.get(agency.pk)
        merged = agency.merged_during and agency.valid_to < as_of
        if entry is not None:
            status = SendingStatus.ON_TIME if entry["first"] <= deadline else SendingStatus.LATE
        else:
            status = SendingStatus.MERGED if merged else SendingStatus.MISSING
        rows.append(
            AgencyProgress(
                agency=agency,
                status=status,
                first_received_on=entry["first"] if entry else None,
                nominations=entry["n"] if entry else 0,
                merged_into=_principal_successor(agency) if merged else None,
                merged_on=agency.valid_to + datetime.timedelta(days=1) if merged else None,
                filed_by=filers.get(entry["filed_by"]) if entry and entry["filed_by"] else None,
            )
        )
    received = _received_counts(campaign, as_of)
    by_level = {level: ProgressGroup(key=level, label=str(label)) for level, label in AgencyLevel.choices}
    by_district: dict[int, ProgressGroup] = {}
    for row in rows:
        groups = [by_level[row.agency.level]]
        district = _district_of(row.agency)
        if district is not None:
            groups.append(by_district.setdefault(district.pk, ProgressGroup(key=str(district.pk), label=district.name)))
        for group in groups:
            group.expected += 1
            if row.status == SendingStatus.ON_TIME:
                group.sent_on_time += 1
            elif row.status == SendingStatus.LATE:
                group.sent_late += 1
            elif row.status == SendingStatus.MERGED:
                group.merged += 1
            else:
                group.missing_agencies.append(row.agency)
    return CampaignProgress(
        campaign=campaign,
        as_of=as_of,
        expected=len(rows),
        sent_on_time=sum(r.status == SendingStatus.ON_TIME for r in rows),
        sent_late=sum(r.status == SendingStatus.LATE for r in rows),
        missing_agencies=[r.agency for r in rows if r.status == SendingStatus.MISSING],
        late_agencies=[r.agency for r in rows if r.status == SendingStatus.LATE],
        merged_agencies=[r for r in rows if r.status == SendingStatus.MERGED],
        nominations_total=received.total,
        nominations_missing_component=received.missing_component,
        nominations_late=received.late,
        rows=rows,
        by_level=[group for group in by_level.values() if group.expected],
        by_district=sorted(by_district.values(), key=lambda g: vietnamese_sort_key(g.label)),
    )


@dataclass
class LevelProgress(_GroupCounts):
    missing: int = 0


@dataclass
class ProgressSummary(_OnTime):
    """The counts of `campaign_progress` and the names it lists as missing or merged, for the
    dashboards: the database counts the expected agencies by level and status, so that a
    province's thousands of agencies are never built in Python."""

    campaign: Campaign
    as_of: datetime.date
    expected: int
    sent_on_time: int
    sent_late: int
    missing_agency_names: list[str]
    # (agency, "đã sáp nhập vào … từ ngày …"), one per expected agency merged by `as_of`.
    merged_notes: list[tuple[str, str]]
    nominations_total: int
    nominations_missing_component: int
    nominations_late: int
    by_level: list[LevelProgress]


def _first_receipts(campaign: Campaign, as_of: datetime.date) -> QuerySet[Nomination]:
    """The first receipt by `as_of` of a dossier from, or for, each agency (the merged agency when
    its successor filed for it)."""
    return (
        _received_nominations(campaign, as_of)
        .annotate(sent_for=Coalesce("filed_for_id", "agency_id"))
        .values("sent_for")
        .annotate(first=Min("received_on"))
        .order_by()
    )


def _progress_status_rows(campaign: Campaign, as_of: datetime.date) -> list[dict]:
    """The expected agencies counted by level, kind and status, one row per agency listed by name
    (missing or merged), in the order of `campaign_progress`.

    One pass over the campaign's received dossiers, LEFT JOINed by agency, gives each agency's first
    receipt, which says both whether it sent and whether on time (three `IN (subquery)` read the
    dossiers three times). The ORM joins no subquery in FROM, so the two inner queries are the
    ORM's own, with their parameters, and the outer one only joins and counts."""
    # The closing date first: PostgreSQL evaluates AND left to right and stops at the first false,
    # so EXISTS runs only for the few agencies closed before `as_of`.
    merged_now = Q(valid_to__isnull=False, valid_to__lt=as_of) & _merged_during(campaign)
    principal_successor = (
        AgencySuccession.objects.filter(predecessor=OuterRef("pk"), is_principal=True)
        .order_by(*AgencySuccession._meta.ordering)
        .values("successor__name")[:1]
    )
    expected = (
        campaign.expected_agencies.annotate(
            merged_now=ExpressionWrapper(merged_now, output_field=BooleanField()),
            merged_on=Case(When(merged_now, then=F("valid_to"))),
            successor_name=Case(When(merged_now, then=Subquery(principal_successor))),
            sort_name=vietnamese_collated(F("name")),
        )
        .values("pk", "level", "kind", "merged_now", "merged_on", "successor_name", "sort_name")
        .order_by()
    )
    expected_sql, expected_params = expected.query.sql_with_params()
    receipts_sql, receipts_params = _first_receipts(campaign, as_of).query.sql_with_params()
    on_time_day = connection.ops.adapt_datefield_value(min(as_of, campaign.nomination_deadline))
    statuses = [SendingStatus.ON_TIME, SendingStatus.LATE, SendingStatus.MERGED, SendingStatus.MISSING]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.level, e.kind,"
            " CASE WHEN r.first <= %s THEN %s WHEN r.first IS NOT NULL THEN %s WHEN e.merged_now THEN %s"
            " ELSE %s END AS progress_status,"
            " e.merged_now, CASE WHEN e.merged_now OR r.first IS NULL THEN e.sort_name END AS listed_name,"
            " e.merged_on, e.successor_name, COUNT(*)"
            f" FROM ({expected_sql}) e LEFT JOIN ({receipts_sql}) r ON r.sent_for = e.pk"
            " GROUP BY e.level, e.kind, progress_status, e.merged_now, listed_name, e.merged_on, e.successor_name"
            " ORDER BY e.level, e.kind, listed_name",
            [on_time_day, *statuses, *expected_params, *receipts_params],
        )
        columns = ["level", "kind", "progress_status", "merged_now", "listed_name", "merged_on", "successor_name", "n"]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    # A raw query skips the ORM's converters: SQLite gives its dates as text.
    for row in rows:
        row["merged_on"] = DateField().to_python(row["merged_on"])
    return rows


def campaign_progress_summary(*, campaign: Campaign, as_of: datetime.date | None = None) -> ProgressSummary:
    """The figures of `campaign_progress`, same definitions and same order of names, counted by
    the database: one row per level and status, and one per agency listed by name.

    The status of an expected agency: on time when a dossier was received from or for it by the
    deadline (and by `as_of`), late when only after it, merged when it was closed into a
    successor during the campaign and before `as_of`, else missing."""
    as_of = as_of or timezone.localdate()
    rows = _progress_status_rows(campaign, as_of)
    by_level = {level: LevelProgress(key=level, label=str(label)) for level, label in AgencyLevel.choices}
    counted = {
        SendingStatus.ON_TIME: "sent_on_time",
        SendingStatus.LATE: "sent_late",
        SendingStatus.MERGED: "merged",
        SendingStatus.MISSING: "missing",
    }
    missing_names, merged_notes = [], []
    for row in rows:
        group, attribute = by_level[row["level"]], counted[row["progress_status"]]
        group.expected += row["n"]
        setattr(group, attribute, getattr(group, attribute) + row["n"])
        if row["progress_status"] == SendingStatus.MISSING:
            missing_names += [row["listed_name"]] * row["n"]
        if row["merged_now"]:
            # The first day under the successor is the day after the agency's last.
            note = _merged_phrase(row["successor_name"], row["merged_on"] + datetime.timedelta(days=1))
            merged_notes += [(row["listed_name"], note)] * row["n"]
    received = _received_counts(campaign, as_of)
    groups = [group for group in by_level.values() if group.expected]
    return ProgressSummary(
        campaign=campaign,
        as_of=as_of,
        expected=sum(group.expected for group in groups),
        sent_on_time=sum(group.sent_on_time for group in groups),
        sent_late=sum(group.sent_late for group in groups),
        missing_agency_names=missing_names,
        merged_notes=merged_notes,
        nominations_total=received.total,
        nominations_missing_component=received.missing_component,
        nominations_late=received.late,
        by_level=groups,
    )


def _district_of(agency: Agency) -> Agency | None:
    if agency.kind == AgencyKind.DISTRICT_COMMITTEE:
        return agency
    if agency.parent_id and agency.parent.kind == AgencyKind.DISTRICT_COMMITTEE:
        return agency.parent
    return None


def agencies_without_dossier(*, campaign: Campaign) -> list[Agency]:
    """Expected agencies still standing that nothing was sent by or for (the reminders' list)."""
    sent = (
        Nomination.objects.filter(campaign=campaign, state__in=SENT_STATES)
        .annotate(sent_for=Coalesce("filed_for_id", "agency_id"))
        .values("sent_for")
    )
    today = timezone.localdate()
    return list(
        campaign.expected_agencies.exclude(pk__in=sent)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .order_by("level", vietnamese_order("name"))
    )


def nominations_for_report(*, campaign: Campaign, as_of: datetime.date | None = None) -> QuerySet[Nomination]:
    """Sent nominations with nominee, award form, verdict, state and receipt, for the summary
    report and the council's list: ordered by award form, nominating agency, nominee; no N+1.
    With `as_of`, only those received by then, the same set `campaign_progress` counts."""
    queryset = Nomination.objects.filter(campaign=campaign, state__in=SENT_STATES)
    if as_of is not None:
        queryset = queryset.filter(received_on__lte=as_of)
    return (
        _with_flags(queryset, campaign=campaign)
        .select_related("agency", "agency__parent", "filed_for", "nominee_agency", "award_form")
        .prefetch_related(Prefetch("results", queryset=CriterionResult.objects.select_related("criterion")))
        .order_by("award_form__position", "award_form_id", "agency__level", "agency__name", "nominee_name", "pk")
    )


class ReportNomination(NamedTuple):
    """A nomination as the report's annex lists it: plain values, so a province's 20,000 rows cost
    what a tuple costs, not a model instance with its related ones."""

    nominee: str
    agency_name: str
    award_form: str
    received_on: datetime.date | None
    is_late: bool
    missing_component: bool
    verdict: str
    state: str
    decision_number: str
    decision_date: datetime.date | None


def nomination_rows_for_report(
    *, campaign: Campaign, as_of: datetime.date | None = None, batch_size: int = 2000
) -> Iterator[ReportNomination]:
    """The nominations of `nominations_for_report`, in its order, as plain values: one query read
    through a cursor `batch_size` rows at a time, plus one for the award forms' names."""
    forms = {form.pk: str(form) for form in AwardForm.objects.filter(campaign=campaign)}
    rows = (
        nominations_for_report(campaign=campaign, as_of=as_of)
        .prefetch_related(None)
        .values_list(
            "nominee_type",
            "nominee_agency__name",
            "nominee_name",
            "nominee_position",
            "nominee_unit",
            "agency__name",
            "award_form_id",
            "received_on",
            "is_late",
            "missing_component",
            "verdict",
            "state",
            "decision_number",
            "decision_date",
        )
    )
    for kind, collective, name, position, unit, agency, form, *rest in rows.iterator(chunk_size=batch_size):
        yield ReportNomination(nominee_label(kind, collective, name, position, unit), agency, forms[form], *rest)
