"""Award-form quotas as data (`AwardForm.quota_kind`, `quota_number`, `quota_base_metric`): how
many dossiers of a form an agency, or the agencies of one level together, may send and have
approved. Read here, in a fixed number of queries, for the criteria check (`quota` criterion), the
review queue and the approval (which needs a reason past the quota).

Why the quota is counted over dossiers sent (not drafts, not rejected ones) and ranked by receipt:
the council keeps the first ones received within the quota, as it does on paper, and a dossier
rejected frees its place."""

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from django.db.models import F, Q
from django.utils.translation import gettext as _

from agencies.enums import AgencyLevel

from .criteria import QuotaFact, _finite
from .enums import NominationState, QuotaKind
from .models import Nomination

COUNTED_STATES = (
    NominationState.SUBMITTED,
    NominationState.UNDER_REVIEW,
    NominationState.RETURNED,
    NominationState.APPROVED,
    NominationState.AWARDED,
)
APPROVED_STATES = (NominationState.APPROVED, NominationState.AWARDED)


class QuotaSubject(NamedTuple):
    """What a dossier's place against its form's quota depends on, as plain values: from a
    nomination with its award form and agency loaded (`quota_subject`), or from a list's row read
    as values."""

    pk: int
    award_form_id: int
    quota_kind: str
    quota_number: Decimal | None
    quota_base_metric: str
    agency_id: int
    agency_level: str
    agency_name: str
    declared_metrics: dict | None


def quota_subject(nomination: Nomination) -> QuotaSubject:
    award_form, agency = nomination.award_form, nomination.agency
    return QuotaSubject(
        pk=nomination.pk,
        award_form_id=nomination.award_form_id,
        quota_kind=award_form.quota_kind,
        quota_number=award_form.quota_number,
        quota_base_metric=award_form.quota_base_metric,
        agency_id=nomination.agency_id,
        agency_level=agency.level,
        agency_name=agency.name,
        declared_metrics=nomination.declared_metrics,
    )


# What each field of a `QuotaSubject` is, for a nomination read as values (a list's row, with its "pk").
QUOTA_LOOKUPS = {
    "award_form_id": "award_form_id",
    "quota_kind": "award_form__quota_kind",
    "quota_number": "award_form__quota_number",
    "quota_base_metric": "award_form__quota_base_metric",
    "agency_id": "agency_id",
    "agency_level": "agency__level",
    "agency_name": "agency__name",
    "declared_metrics": "declared_metrics",
}


def quota_subject_of_row(row: dict) -> QuotaSubject:
    """`quota_subject` of a nomination read as values: its "pk" and the `QUOTA_LOOKUPS`."""
    return QuotaSubject(pk=row["pk"], **{field: row[lookup] for field, lookup in QUOTA_LOOKUPS.items()})


def _scope_key(subject: QuotaSubject) -> tuple:
    if subject.quota_kind == QuotaKind.PER_LEVEL:
        return (subject.award_form_id, "level", subject.agency_level)
    return (subject.award_form_id, "agency", subject.agency_id)


def _scope_label(subject: QuotaSubject) -> str:
    if subject.quota_kind == QuotaKind.PER_LEVEL:
        return _("của các cơ quan %(level)s") % {"level": str(AgencyLevel(subject.agency_level).label).lower()}
    return _("của %(agency)s") % {"agency": subject.agency_name}


def quota_limit(subject: QuotaSubject) -> int | None:
    """The number of dossiers the quota allows in the nomination's scope; None when the form has no
    quota or, for a share, the agency has not declared its base."""
    if not subject.quota_kind or subject.quota_number is None:
        return None
    if subject.quota_kind != QuotaKind.SHARE:
        return int(subject.quota_number)
    base = _finite((subject.declared_metrics or {}).get(subject.quota_base_metric))
    if base is None or base < 0:
        return None
    return math.floor(Decimal(str(base)) * subject.quota_number / 100)


def _scope_members(subjects: list[QuotaSubject], states: Iterable[str]) -> dict[tuple, list[tuple]]:
    """The dossiers in the scopes of `subjects`, in the given states, by scope, in receipt order.

    Only those scopes' dossiers, read as plain values: a page of the queue needs the agencies (or
    levels) of its own rows, not every dossier of every form with a quota (at 1x, 50 rows instead of
    about 1,500 models with their agency)."""
    forms = {s.award_form_id: s.quota_kind for s in subjects if s.quota_kind}
    if not forms:
        return {}
    per_level = {pk for pk, kind in forms.items() if kind == QuotaKind.PER_LEVEL}
    in_scope = Q()
    if per_level:
        levels = {s.agency_level for s in subjects if s.award_form_id in per_level}
        in_scope |= Q(award_form_id__in=per_level, agency__level__in=levels)
    if len(per_level) < len(forms):
        agencies = {s.agency_id for s in subjects if s.award_form_id in forms and s.award_form_id not in per_level}
        in_scope |= Q(award_form_id__in=set(forms) - per_level, agency_id__in=agencies)
    rows = Nomination.objects.filter(in_scope, state__in=list(states)).values_list(
        "pk", "award_form_id", "agency_id", "agency__level" if per_level else "agency_id", "received_on", "submitted_at"
    )
    members: dict[tuple, list[tuple]] = defaultdict(list)
    for pk, award_form_id, agency_id, level, received_on, submitted_at in rows:
        scope = (award_form_id, "level", level) if award_form_id in per_level else (award_form_id, "agency", agency_id)
        sent = submitted_at.timestamp() if submitted_at else math.inf
        members[scope].append((received_on or datetime.date.max, sent, pk))
    for entries in members.values():
        entries.sort()
    return members


def quota_facts(nominations: list[Nomination]) -> dict[int, QuotaFact]:
    """`subjects_quota_facts` of nominations with their `award_form` and `agency` loaded."""
    return subjects_quota_facts([quota_subject(nomination) for nomination in nominations])


def subjects_quota_facts(subjects: list[QuotaSubject]) -> dict[int, QuotaFact]:
    """Each dossier's rank among the dossiers sent in its quota's scope (0 if it is not one of
    them) and the limit; dossiers of forms without a quota are left out. One query for all."""
    members = _scope_members(subjects, COUNTED_STATES)
    facts = {}
    for subject in subjects:
        if not subject.quota_kind:
            continue
        order = [entry[-1] for entry in members.get(_scope_key(subject), [])]
        rank = order.index(subject.pk) + 1 if subject.pk in order else 0
        facts[subject.pk] = QuotaFact(rank=rank, limit=quota_limit(subject), scope=_scope_label(subject))
    return facts


def quota_exceeded_by_approval(nomination: Nomination) -> tuple[int, int] | None:
    """(approved already, limit) when approving `nomination` would pass its form's quota, else None."""
    subject = quota_subject(nomination)
    limit = quota_limit(subject)
    if limit is None:
        return None
    approved = [
        entry[-1]
        for entry in _scope_members([subject], APPROVED_STATES).get(_scope_key(subject), [])
        if entry[-1] != nomination.pk
    ]
    return (len(approved), limit) if len(approved) + 1 > limit else None


def quota_standings(*, campaign_id: int) -> list[dict]:
    """For the council: each quota scope of the campaign's award forms that has dossiers, with the
    dossiers sent, those approved and the limit (for a share, from the first dossier's base), the
    scopes past their quota first."""
    nominations = list(
        Nomination.objects.filter(campaign_id=campaign_id, state__in=COUNTED_STATES)
        .exclude(award_form__quota_kind="")
        .select_related("award_form", "agency")
        .order_by(F("received_on").asc(nulls_last=True), F("submitted_at").asc(nulls_last=True), "pk")
    )
    scopes: dict[tuple, dict] = {}
    for nomination in nominations:
        subject = quota_subject(nomination)
        key = _scope_key(subject)
        if key not in scopes:
            scopes[key] = {
                "award_form": nomination.award_form,
                "scope": _scope_label(subject),
                "limit": quota_limit(subject),
                "sent": 0,
                "approved": 0,
            }
        scopes[key]["sent"] += 1
        scopes[key]["approved"] += nomination.state in APPROVED_STATES
    standings = list(scopes.values())
    for standing in standings:
        limit = standing["limit"]
        standing["over_sent"] = limit is not None and standing["sent"] > limit
        standing["over_approved"] = limit is not None and standing["approved"] > limit
    # The scopes past their quota first: what the council has to decide on.
    standings.sort(
        key=lambda s: (
            not (s["over_sent"] or s["over_approved"]),
            s["award_form"].position,
            s["award_form"].pk,
            s["scope"],
        )
    )
    return standings
