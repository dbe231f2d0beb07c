"""Reads of the award register (sổ khen thưởng) across campaigns and years: the portal's awarded
nominations (state AWARDED with a decision number) and the awards recorded before the portal
(`AwardRecord`), as one list: the database view read through `RegisterEntry` (awards/register_view.py),
one plain query for each reader. Nothing is copied between the two: an award decided on the portal is
read from its nomination, so the register can never disagree with it.

A nominee's earlier awards are found by the same key as the no-duplicate criterion
(`services.nominee_key_for`): the agency for a collective, the name and unit folded without
diacritics for an individual."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Func, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency
from agencies.selectors import agencies_taken_over, successions_for, taken_over_keys_sql
from campaign_portal.text import fold_text, vietnamese_sort_key

from .criteria import AwardFact
from .enums import AwardSource, NomineeType
from .models import Nomination, RegisterEntry

# What a reader of the register sees of an entry: all but the keys it is found by.
_COLUMNS = (
    "source",
    "id",
    "nominee_type",
    "form_name",
    "nominee_name",
    "nominee_position",
    "nominee_unit",
    "agency_id",
    "decision_number",
    "decision_date",
    "context",
    "campaign_code",
    "nominating_agency_id",
    "nominee_agency_id",
    "updated_at",
)


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
    entries = RegisterEntry.objects.all()
    words = fold_text(text).split()
    if words:
        # Every typed word found without diacritics, or the text as typed in the decision number.
        every_word = Q()
        for word in words:
            every_word &= Q(search_text__contains=word)
        entries = entries.filter(every_word | Q(decision_number__icontains=text.strip()))
    if nominee_type:
        entries = entries.filter(nominee_type=nominee_type)
    if form:
        entries = entries.filter(form_name=form)
    if year:
        entries = entries.filter(decision_date__year=year)
    if decision_from:
        entries = entries.filter(decision_date__gte=decision_from)
    if decision_to:
        entries = entries.filter(decision_date__lte=decision_to)
    if updated_since:
        entries = entries.filter(updated_at__gte=updated_since)
    if campaign:
        entries = entries.filter(campaign_code=campaign)
    if source:
        entries = entries.filter(source=source)
    return entries.values(*_COLUMNS).order_by("-decision_date", "source", "-id")


def register_entries_with_agencies(entries) -> list[dict]:
    """A page of entries with the agencies they name as rows (the agency as it stood), for the API:
    one query whatever the page's size."""
    entries = list(entries)
    ids = {entry[key] for entry in entries for key in ("nominating_agency_id", "nominee_agency_id") if entry[key]}
    agencies = Agency.objects.in_bulk(ids) if ids else {}
    return [
        {
            **entry,
            "nominating_agency": agencies.get(entry["nominating_agency_id"]),
            "nominee_agency": agencies.get(entry["nominee_agency_id"]),
        }
        for entry in entries
    ]


def register_forms() -> list[str]:
    """The award forms the register holds, for the filter: one name per form as a reader sees it."""
    names = RegisterEntry.objects.values_list("form_name", flat=True).distinct()
    return sorted(names, key=vietnamese_sort_key)


def register_years() -> list[int]:
    return [day.year for day in RegisterEntry.objects.dates("decision_date", "year", order="DESC")]


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
    agencies = Agency.objects.in_bulk({entry["agency_id"] for entry in entries if entry["agency_id"]})
    today = timezone.localdate()
    closed = [agency for agency in agencies.values() if not agency.is_active_on(today)]
    links = successions_for(closed) if closed else {}
    rows = []
    for entry in entries:
        agency = agencies.get(entry["agency_id"])
        now = tuple(link.successor.name for link in links.get(agency.pk, {}).get("after", ())) if agency else ()
        detail = ", ".join(part for part in (entry["nominee_position"], entry["nominee_unit"]) if part)
        url = reverse("awards:nomination_detail", args=[entry["id"]]) if entry["source"] == AwardSource.PORTAL else ""
        rows.append(
            RegisterRow(
                source=entry["source"],
                pk=entry["id"],
                nominee_type=entry["nominee_type"],
                form_name=entry["form_name"],
                nominee_name=entry["nominee_name"] or "",
                detail=detail,
                agency=agency,
                agency_now=now,
                decision_number=entry["decision_number"],
                decision_date=entry["decision_date"],
                context=entry["context"] or "",
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


_EARLIER_COLUMNS = (
    "source",
    "id",
    "nominee_key",
    "form_name",
    "decision_number",
    "decision_date",
    "context",
    "nominee_name",
)


def _awards_by_key(matches: Q) -> dict[str, list[tuple]]:
    by_key: dict[str, list[tuple]] = defaultdict(list)
    for row in RegisterEntry.objects.filter(matches).values_list(*_EARLIER_COLUMNS).order_by():
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
