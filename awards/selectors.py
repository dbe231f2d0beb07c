"""Reads of the awards app, filtered by what the user may see (the agency is the tenant)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from agencies.enums import AgencyKind, AgencyLevel
from agencies.models import Agency
from agencies.selectors import agencies_readable_by
from campaign_portal.text import vietnamese_order, vietnamese_sort_key
from campaigns.models import Campaign

from .enums import NominationState, Outcome, SendingStatus
from .models import (
    CheckBatch,
    Criterion,
    CriterionResult,
    DossierDocument,
    DossierRequirement,
    Nomination,
    NominationTransition,
)

SENT_STATES = [s for s in NominationState.values if s != NominationState.DRAFT]


def nominations_visible_to(*, user) -> QuerySet[Nomination]:
    # Drafts belong to their agency until it sends them.
    if getattr(user, "is_reviewer", False) or getattr(user, "is_official", False):
        return Nomination.objects.exclude(state=NominationState.DRAFT)
    if getattr(user, "is_agency_officer", False):
        return Nomination.objects.filter(Q(agency_id=user.agency_id) | Q(agency__parent_id=user.agency_id))
    return Nomination.objects.none()


def _with_flags(queryset: QuerySet[Nomination]) -> QuerySet[Nomination]:
    missing = DossierRequirement.objects.filter(award_form=OuterRef("award_form"), required=True).filter(
        ~Exists(DossierDocument.objects.filter(nomination=OuterRef(OuterRef("pk")), requirement=OuterRef("pk")))
    )
    return queryset.annotate(
        missing_component=Exists(missing),
        is_late=Case(
            When(submitted_at__date__gt=F("campaign__nomination_deadline"), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )


def nomination_queue(*, user, campaign: Campaign | None = None) -> QuerySet[Nomination]:
    """The list behind the review queue and the agencies' own list, with the flags the filters
    and badges need, and every related row the table shows, in a fixed number of queries.

    `problems` holds each nomination's unmet and undecided results, in criterion order: the queue
    counts them in Python rather than by two COUNT subqueries per row."""
    queryset = nominations_visible_to(user=user)
    if campaign is not None:
        queryset = queryset.filter(campaign=campaign)
    return (
        _with_flags(queryset)
        .select_related("agency", "agency__parent", "nominee_agency", "award_form")
        .prefetch_related(
            Prefetch(
                "results",
                queryset=CriterionResult.objects.exclude(outcome=Outcome.MET)
                .only("nomination_id", "criterion_id", "outcome", "explanation")
                .order_by("criterion__position"),
                to_attr="problems",
            )
        )
        .order_by(F("submitted_at").desc(nulls_first=True), "-pk")
    )


def nominating_agencies(*, user, campaign: Campaign) -> QuerySet[Agency]:
    """The agencies the user may read that have a nomination in the campaign, for the queue's
    filter: EXISTS, not a DISTINCT over a join with every nomination."""
    return agencies_readable_by(user=user).filter(
        Exists(Nomination.objects.filter(agency=OuterRef("pk"), campaign=campaign))
    )


def nomination_detail(*, user, pk: int) -> Nomination:
    """One nomination with its documents, latest results and history (raises DoesNotExist when
    the user may not see it).

    No more joins than the page reads: PostgreSQL spends longer planning a join of seven tables
    than running it for one row."""
    return (
        _with_flags(nominations_visible_to(user=user))
        .select_related("agency", "nominee_agency", "award_form", "campaign")
        .prefetch_related(
            "documents",
            Prefetch("results", queryset=CriterionResult.objects.select_related("criterion")),
            Prefetch("transitions", queryset=NominationTransition.objects.select_related("actor")),
            Prefetch("award_form__requirements"),
        )
        .get(pk=pk)
    )


def metric_fields_for(*, campaign: Campaign) -> list[dict]:
    """The figures and statements a nomination declares: one per metric/attestation criterion."""
    fields = []
    seen = set()
    for criterion in Criterion.objects.filter(campaign=campaign, active=True, kind__in=("metric", "attestation")):
        params = criterion.params or {}
        key = params.get("metric") or params.get("statement")
        if not key or key in seen:
            continue
        seen.add(key)
        fields.append(
            {
                "key": key,
                "label": params.get("label", key),
                "unit": params.get("unit", ""),
                "kind": criterion.kind,
                "applies_to": criterion.applies_to,
                "help": criterion.wording,
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


@dataclass
class AgencyProgress:
    agency: Agency
    status: SendingStatus
    first_sent_on: datetime.date | None
    nominations: int


@dataclass
class ProgressGroup:
    key: str
    label: str
    expected: int = 0
    sent_on_time: int = 0
    sent_late: int = 0
    missing_agencies: list[Agency] = field(default_factory=list)

    @property
    def status(self) -> SendingStatus:
        """The group's best: on time when one of its agencies sent by the deadline, then late."""
        if self.sent_on_time:
            return SendingStatus.ON_TIME
        return SendingStatus.LATE if self.sent_late else SendingStatus.MISSING


@dataclass
class CampaignProgress:
    campaign: Campaign
    as_of: datetime.date
    expected: int
    sent_on_time: int
    sent_late: int
    missing_agencies: list[Agency]
    late_agencies: list[Agency]
    nominations_total: int
    nominations_missing_component: int
    nominations_late: int
    rows: list[AgencyProgress]
    by_level: list[ProgressGroup]
    by_district: list[ProgressGroup]

    @property
    def sent_on_time_label(self) -> str:
        """The report's "25/43"."""
        return f"{self.sent_on_time}/{self.expected}"


def _sent_nominations(campaign: Campaign, as_of: datetime.date) -> QuerySet[Nomination]:
    return Nomination.objects.filter(
        campaign=campaign, state__in=SENT_STATES, submitted_at__isnull=False, submitted_at__date__lte=as_of
    )


def campaign_progress(*, campaign: Campaign, as_of: datetime.date | None = None) -> CampaignProgress:
    """Expected agencies against those that sent at least one nomination, by the deadline (on
    time), after it (late) or not at all, as of a day (today by default)."""
    as_of = as_of or timezone.localdate()
    deadline = campaign.nomination_deadline
    sent = _sent_nominations(campaign, as_of)
    by_agency = list(
        sent.values("agency_id")
        .annotate(first=Min("submitted_at"), n=Count("id"), late=Count("id", filter=Q(submitted_at__date__gt=deadline)))
        .order_by()
    )
    first_sent = {row["agency_id"]: (timezone.localtime(row["first"]).date(), row["n"]) for row in by_agency}
    expected = list(
        campaign.expected_agencies.select_related("parent").order_by("level", "kind", vietnamese_order("name"))
    )
    rows = []
    for agency in expected:
        first, count = first_sent.get(agency.pk, (None, 0))
        if first is None:
            status = SendingStatus.MISSING
        else:
            status = SendingStatus.ON_TIME if first <= deadline else SendingStatus.LATE
        rows.append(AgencyProgress(agency=agency, status=status, first_sent_on=first, nominations=count))
    # The flag in WHERE, not per row in SELECT: PostgreSQL then runs it as a semi-join.
    missing_component = _with_flags(sent).filter(missing_component=True).count()
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
        nominations_total=sum(row["n"] for row in by_agency),
        nominations_missing_component=missing_component,
        nominations_late=sum(row["late"] for row in by_agency),
        rows=rows,
        by_level=[group for group in by_level.values() if group.expected],
        by_district=sorted(by_district.values(), key=lambda g: vietnamese_sort_key(g.label)),
    )


def _district_of(agency: Agency) -> Agency | None:
    if agency.kind == AgencyKind.DISTRICT_COMMITTEE:
        return agency
    if agency.parent_id and agency.parent.kind == AgencyKind.DISTRICT_COMMITTEE:
        return agency.parent
    return None


def agencies_without_dossier(*, campaign: Campaign) -> list[Agency]:
    sent = Nomination.objects.filter(campaign=campaign, state__in=SENT_STATES).values("agency_id")
    return list(campaign.expected_agencies.exclude(pk__in=sent).order_by("level", vietnamese_order("name")))


def nominations_for_report(*, campaign: Campaign) -> QuerySet[Nomination]:
    """Sent nominations with nominee, award form, verdict and state, for the summary report and
    the council's list: ordered by award form, nominating agency, nominee; no N+1."""
    return (
        _with_flags(Nomination.objects.filter(campaign=campaign, state__in=SENT_STATES))
        .select_related("agency", "agency__parent", "nominee_agency", "award_form")
        .prefetch_related(Prefetch("results", queryset=CriterionResult.objects.select_related("criterion")))
        .order_by("award_form__position", "award_form_id", "agency__level", "agency__name", "nominee_name", "pk")
    )
