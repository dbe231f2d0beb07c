"""Reads of the award register (sổ khen thưởng) across campaigns and years: the portal's awarded
nominations (state AWARDED with a decision number) and the awards recorded before the portal
(`AwardRecord`), as one list. Nothing is copied between the two: an award decided on the portal is
read from its nomination, so the register can never disagree with it.

A nominee's earlier awards are found by the same key as the no-duplicate criterion
(`services.nominee_key_for`): the agency for a collective, the name and unit folded without
diacritics for an individual."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency
from agencies.selectors import agencies_taken_over, successions_for, taken_over_keys_sql
from campaign_portal.text import fold_text, vietnamese_sort_key

from .criteria import AwardFact
from .enums import AwardSource, NominationState, NomineeType
from .models import AwardRecord, Nomination

# The columns both sources give, in this order: the register is their UNION.
_COLUMNS = (
    "r_source",
    "r_pk",
    "r_type",
    "r_form",
    "r_name",
    "r_position",
    "r_unit",
    "r_agency",
    "r_number",
    "r_date",
    "r_context",
    "r_campaign",
    "r_nominating",
    "r_nominee_agency",
    "r_updated",
)


def _portal_awards(columns: tuple[str, ...] = _COLUMNS) -> QuerySet:
    """The portal's awards with the register's `columns`, and only those: the nomination page
    reads eight, and building an expression costs as much as running the query."""
    expressions = {
        "r_source": Value(AwardSource.PORTAL.value, output_field=CharField()),
        "r_pk": F("pk"),
        "r_type": F("nominee_type"),
        "r_form": F("award_form__name"),
        "r_name": Case(
            When(nominee_type=NomineeType.COLLECTIVE, then=F("nominee_agency__name")),
            default=F("nominee_name"),
            output_field=CharField(),
        ),
        "r_position": F("nominee_position"),
        "r_unit": F("nominee_unit"),
        "r_agency": Case(
            When(nominee_type=NomineeType.COLLECTIVE, then=F("nominee_agency_id")),
            default=F("agency_id"),
            output_field=IntegerField(),
        ),
        "r_number": F("decision_number"),
        "r_date": F("decision_date"),
        "r_context": F("campaign__name"),
        "r_key": F("nominee_key"),
        "r_campaign": F("campaign__code"),
        "r_nominating": F("agency_id"),
        "r_nominee_agency": F("nominee_agency_id"),
        "r_updated": F("updated_at"),
    }
    return (
        Nomination.objects.filter(state=NominationState.AWARDED, decision_date__isnull=False)
        .exclude(decision_number="")
        .annotate(**{name: expressions[name] for name in columns})
    )


def _recorded_awards(columns: tuple[str, ...] = _COLUMNS) -> QuerySet:
    expressions = {
        "r_source": Value(AwardSource.RECORD.value, output_field=CharField()),
        "r_pk": F("pk"),
        "r_type": F("nominee_type"),
        "r_form": F("form_name"),
        "r_name": Case(
            When(nominee_type=NomineeType.COLLECTIVE, then=F("agency__name")),
            default=F("nominee_name"),
            output_field=CharField(),
        ),
        "r_position": F("nominee_position"),
        "r_unit": F("nominee_unit"),
        "r_agency": F("agency_id"),
        "r_number": F("decision_number"),
        "r_date": F("decision_date"),
        "r_context": F("note"),
        "r_key": F("nominee_key"),
        # An earlier award names no campaign and no nominating agency; it is never edited once recorded.
        "r_campaign": Value(None, output_field=CharField()),
        "r_nominating": Value(None, output_field=IntegerField()),
        "r_nominee_agency": Case(
            When(nominee_type=NomineeType.COLLECTIVE, then=F("agency_id")), default=None, output_field=IntegerField()
        ),
        "r_updated": F("created_at"),
    }
    return AwardRecord.objects.annotate(**{name: expressions[name] for name in columns})


def register_entries(
    *,
    text: str = "",
    nominee_type: str = "",
    form: str = "",
    year: int | None = None,
    source: str = "",
    decision_from: datetime.date | None = None,
    decision_to: datetime.date | None = None,
    campaign: str = "",
    updated_since: datetime.datetime | None = None,
) -> QuerySet:
    """Every award matching the filters, newest decision first, as rows of `_COLUMNS`: one query,
    paginated and counted by the database. `text` is found without diacritics in the nominee's
    name, unit and agency (as it stood), and as typed in the decision number. `campaign` (a code)
    leaves the earlier awards out: they belong to none. `updated_since` reads an earlier award's
    recording time, since it is never changed afterwards."""
    portal, recorded = _portal_awards(), _recorded_awards()
    words = fold_text(text).split()
    if words:
        # Every typed word found without diacritics, or the text as typed in the decision number.
        every_word = Q()
        for word in words:
            every_word &= Q(search_text__contains=word)
        found = every_word | Q(decision_number__icontains=text.strip())
        portal, recorded = portal.filter(found), recorded.filter(found)
    if nominee_type:
        portal, recorded = portal.filter(nominee_type=nominee_type), recorded.filter(nominee_type=nominee_type)
    if form:
        portal, recorded = portal.filter(award_form__name=form), recorded.filter(form_name=form)
    if year:
        portal, recorded = portal.filter(decision_date__year=year), recorded.filter(decision_date__year=year)
    if decision_from:
        portal, recorded = (
            portal.filter(decision_date__gte=decision_from),
            recorded.filter(decision_date__gte=decision_from),
        )
    if decision_to:
        portal, recorded = (
            portal.filter(decision_date__lte=decision_to),
            recorded.filter(decision_date__lte=decision_to),
        )
    if updated_since:
        portal, recorded = portal.filter(updated_at__gte=updated_since), recorded.filter(created_at__gte=updated_since)
    if campaign:
        portal, recorded = portal.filter(campaign__code=campaign), recorded.none()
    parts = []
    if source in ("", AwardSource.PORTAL):
        parts.append(portal.values(*_COLUMNS).order_by())
    if source in ("", AwardSource.RECORD):
        parts.append(recorded.values(*_COLUMNS).order_by())
    entries = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return entries.order_by("-r_date", "r_source", "-r_pk")


def register_entries_with_agencies(entries) -> list[dict]:
    """A page of entries with the agencies they name as rows (the agency as it stood), for the API:
    one query whatever the page's size."""
    entries = list(entries)
    ids = {entry[column] for entry in entries for column in ("r_nominating", "r_nominee_agency") if entry[column]}
    agencies = Agency.objects.in_bulk(ids) if ids else {}
    return [
        {
            **entry,
            "nominating_agency": agencies.get(entry["r_nominating"]),
            "nominee_agency": agencies.get(entry["r_nominee_agency"]),
        }
        for entry in entries
    ]


def register_forms() -> list[str]:
    """The award forms the register holds, for the filter: one name per form as a reader sees it."""
    names = set(
        Nomination.objects.filter(state=NominationState.AWARDED).values_list("award_form__name", flat=True).distinct()
    )
    names |= set(AwardRecord.objects.values_list("form_name", flat=True).distinct())
    return sorted(names, key=vietnamese_sort_key)


def register_years() -> list[int]:
    years = set(
        Nomination.objects.filter(state=NominationState.AWARDED, decision_date__isnull=False)
        .annotate(y=ExtractYear("decision_date"))
        .values_list("y", flat=True)
        .distinct()
    )
    years |= set(AwardRecord.objects.annotate(y=ExtractYear("decision_date")).values_list("y", flat=True).distinct())
    return sorted(years, reverse=True)


@dataclass(frozen=True)
class RegisterRow:
    source: str
    pk: int
    nominee_type: str
    form_name: str
    nominee_name: str
    detail: str
    agency: Agency | None
    # What the agency became, when it no longer stands today (its direct successors).
    agency_now: tuple[str, ...]
    decision_number: str
    decision_date: datetime.date
    context: str
    url: str

    @property
    def source_label(self) -> str:
        return str(AwardSource(self.source).label)

    @property
    def nominee_type_label(self) -> str:
        return str(NomineeType(self.nominee_type).label)


def register_rows(entries) -> list[RegisterRow]:
    """The page's rows with each agency as it stood on the decision's date (the agency row the award
    names: history is kept one row per period) and what it is now: two queries whatever the page's size."""
    entries = list(entries)
    agencies = Agency.objects.in_bulk({entry["r_agency"] for entry in entries if entry["r_agency"]})
    today = timezone.localdate()
    closed = [agency for agency in agencies.values() if not agency.is_active_on(today)]
    links = successions_for(closed) if closed else {}
    rows = []
    for entry in entries:
        agency = agencies.get(entry["r_agency"])
        now = tuple(link.successor.name for link in links.get(agency.pk, {}).get("after", ())) if agency else ()
        detail = ", ".join(part for part in (entry["r_position"], entry["r_unit"]) if part)
        url = (
            reverse("awards:nomination_detail", args=[entry["r_pk"]]) if entry["r_source"] == AwardSource.PORTAL else ""
        )
        rows.append(
            RegisterRow(
                source=entry["r_source"],
                pk=entry["r_pk"],
                nominee_type=entry["r_type"],
                form_name=entry["r_form"],
                nominee_name=entry["r_name"] or "",
                detail=detail,
                agency=agency,
                agency_now=now,
                decision_number=entry["r_number"],
                decision_date=entry["r_date"],
                context=entry["r_context"] or "",
                url=url,
            )
        )
    return rows


@dataclass(frozen=True)
class EarlierAward:
    """An earlier award of a nominee, as the nomination page and the interval rule read it.
    `awarded_as` names the agency awarded when it is one the nominee took over (merged into it)."""

    source: str
    pk: int
    form_name: str
    decision_number: str
    decision_date: datetime.date
    context: str
    awarded_as: str = ""

    @property
    def fact(self) -> AwardFact:
        return AwardFact(
            form_name=self.form_name,
            decision_number=self.decision_number,
            decision_date=self.decision_date,
            awarded_as=self.awarded_as,
        )

    @property
    def source_label(self) -> str:
        return str(AwardSource(self.source).label)


def earlier_awards_by_nomination(nominations: list[Nomination]) -> dict[int, list[EarlierAward]]:
    """Each nomination's awards in the register (its own award left out), newest first, matched by
    the nominee's key; a collective's also by the keys of the agencies it took over
    (`agencies_taken_over`), so an award made to a district before it merged counts for the district
    it merged into. Two queries for the whole batch: the takeovers, and the awards."""
    keyed = [n for n in nominations if n.nominee_key]
    if not keyed:
        return {}
    collectives = [n for n in keyed if n.nominee_type == NomineeType.COLLECTIVE and n.nominee_agency_id]
    taken_over = agencies_taken_over(n.nominee_agency_id for n in collectives) if collectives else {}
    # nomination → the keys it answers to: its own first, then those of the agencies it took over
    keys_of = {n.pk: [n.nominee_key] for n in keyed}
    for nomination in collectives:
        keys_of[nomination.pk] += [f"a:{pk}" for pk in sorted(taken_over.get(nomination.nominee_agency_id, ()))]
    by_key = _awards_by_key(Q(nominee_key__in={key for found in keys_of.values() for key in found}))
    return {nomination.pk: _earlier_of(nomination, keys_of[nomination.pk], by_key) for nomination in keyed}


def earlier_awards_for(nomination: Nomination) -> list[EarlierAward]:
    """`earlier_awards_by_nomination` of one nomination in one query: the takeovers' keys are a
    subquery of the awards' query. Every key but the nominee's own is then one it took over."""
    if not nomination.nominee_key:
        return []
    matches = Q(nominee_key=nomination.nominee_key)
    if nomination.nominee_type == NomineeType.COLLECTIVE and nomination.nominee_agency_id:
        taken_over, params = taken_over_keys_sql(nomination.nominee_agency_id)
        if connection.vendor == "postgresql":
            # `key = ANY(array)`, not `key = own OR key IN (subquery)`: PostgreSQL builds the array
            # once and looks its keys up in the key's index, where the OR had it step over every
            # awarded nomination (1,022 at 10×: 1.2 ms -> 0.24 ms).
            keys = RawSQL(f"ARRAY[%s]::text[] || ARRAY({taken_over})", [nomination.nominee_key, *params])
            any_key = Func(F("nominee_key"), keys, arg_joiner=" = ANY(", template="%(expressions)s)")
            matches = Q(ExpressionWrapper(any_key, output_field=BooleanField()))
        else:
            matches |= Q(nominee_key__in=RawSQL(taken_over, params))
    by_key = _awards_by_key(matches)
    keys = [nomination.nominee_key, *sorted(key for key in by_key if key != nomination.nominee_key)]
    return _earlier_of(nomination, keys, by_key)


_EARLIER_COLUMNS = ("r_source", "r_pk", "r_key", "r_form", "r_number", "r_date", "r_context", "r_name")


def _awards_by_key(matches: Q) -> dict[str, list[tuple]]:
    portal = _portal_awards(_EARLIER_COLUMNS).filter(matches).values_list(*_EARLIER_COLUMNS).order_by()
    recorded = _recorded_awards(_EARLIER_COLUMNS).filter(matches).values_list(*_EARLIER_COLUMNS).order_by()
    by_key: dict[str, list[tuple]] = defaultdict(list)
    for row in portal.union(recorded, all=True):
        by_key[row[2]].append(row)
    return by_key


def _earlier_of(nomination: Nomination, keys: list[str], by_key: dict[str, list[tuple]]) -> list[EarlierAward]:
    own_name = nomination.nominee_agency.name if len(keys) > 1 else ""
    awards = []
    for key in keys:
        for source, pk, _key, form, number, day, context, name in by_key.get(key, ()):
            if source == AwardSource.PORTAL and pk == nomination.pk:
                continue
            # An agency's earlier period under the same name is the same agency to a reader.
            awarded_as = (name or "") if key != nomination.nominee_key and name != own_name else ""
            awards.append(EarlierAward(source, pk, form, number, day, context or "", awarded_as))
    return sorted(awards, key=lambda a: (a.decision_date, a.pk), reverse=True)
