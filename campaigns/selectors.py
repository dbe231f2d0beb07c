"""Reads for campaigns: the list, one campaign, and the agencies a campaign may expect as the
hierarchy stood when it started."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, Prefetch, QuerySet, Value, When

from agencies.enums import AgencyKind
from agencies.models import Agency
from agencies.selectors import agencies_as_of

from .models import Campaign, CampaignDocument


def campaign_list() -> QuerySet[Campaign]:
    return (
        Campaign.objects.select_related("plan_document", "organiser")
        .annotate(
            expected_count=Count("expected_agencies", distinct=True),
            document_count=Count("document_links", distinct=True),
        )
        .order_by("-period_start", "code")
    )


def campaign_detail(*, code: str) -> Campaign:
    return (
        Campaign.objects.select_related("plan_document", "organiser")
        .prefetch_related(
            Prefetch("document_links", queryset=CampaignDocument.objects.select_related("document")),
            Prefetch("expected_agencies", queryset=in_group_order(Agency.objects.all())),
            "categories",
        )
        .get(code=code)
    )


# The groups a reviewer picks expected agencies by, in the order shown. A group is shown only when
# the hierarchy of the day holds agencies of its kind: after 2025 there is no district level.
EXPECTED_GROUP_KINDS = (
    AgencyKind.DEPARTMENT,
    AgencyKind.DISTRICT_COMMITTEE,
    AgencyKind.COMMUNE_COMMITTEE,
    AgencyKind.CENTRAL_AGENCY,
)
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class AgencyGroup:
    kind: str
    label: str
    agencies: list[Agency]


def in_group_order(agencies: QuerySet[Agency]) -> QuerySet[Agency]:
    """Departments, districts, communes, central agencies (the groups' order), then by name."""
    rank = Case(
        *[When(kind=kind, then=Value(position)) for position, kind in enumerate(EXPECTED_GROUP_KINDS)],
        default=Value(len(EXPECTED_GROUP_KINDS)),
    )
    return agencies.alias(group_rank=rank).order_by("group_rank", "name")


def expected_agency_candidates(*, day: datetime.date) -> QuerySet[Agency]:
    """The agencies that may be expected to report in a campaign starting on `day`: the hierarchy
    as it stood that day, without the sub-units that report through their agency."""
    return in_group_order(agencies_as_of(day).exclude(kind=AgencyKind.SUBUNIT))


def agency_groups_on(*, day: datetime.date) -> list[AgencyGroup]:
    by_kind: dict[str, list[Agency]] = {}
    for agency in expected_agency_candidates(day=day).filter(kind__in=EXPECTED_GROUP_KINDS):
        by_kind.setdefault(agency.kind, []).append(agency)
    return [
        AgencyGroup(kind=kind, label=AgencyKind(kind).label, agencies=by_kind[kind])
        for kind in EXPECTED_GROUP_KINDS
        if by_kind.get(kind)
    ]


def expected_agency_search(*, day: datetime.date, text: str, exclude_ids) -> list[Agency]:
    """Candidates whose name (accents and case folded) holds every word of `text`."""
    if not text.strip():
        return []
    found = expected_agency_candidates(day=day).search(text).exclude(pk__in=list(exclude_ids))
    return list(found.select_related("parent")[:SEARCH_LIMIT])
