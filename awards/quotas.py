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

from django.db.models import F, Q
from django.utils.translation import gettext as _

from .criteria import QuotaFact, _finite
from .enums import NominationState, QuotaKind
from .models import AwardForm, Nomination

COUNTED_STATES = (
    NominationState.SUBMITTED,
    NominationState.UNDER_REVIEW,
    NominationState.RETURNED,
    NominationState.APPROVED,
    NominationState.AWARDED,
)
APPROVED_STATES = (NominationState.APPROVED, NominationState.AWARDED)


def _scope_key(award_form: AwardForm, nomination: Nomination) -> tuple:
    if award_form.quota_kind == QuotaKind.PER_LEVEL:
        return (award_form.pk, "level", nomination.agency.level)
    return (award_form.pk, "agency", nomination.agency_id)


def _scope_label(award_form: AwardForm, nomination: Nomination) -> str:
    if award_form.quota_kind == QuotaKind.PER_LEVEL:
        return _("của các cơ quan %(level)s") % {"level": nomination.agency.get_level_display().lower()}
    return _("của %(agency)s") % {"agency": nomination.agency.name}


def quota_limit(award_form: AwardForm, nomination: Nomination) -> int | None:
    """The number of dossiers the quota allows in the nomination's scope; None when the form has no
    quota or, for a share, the agency has not declared its base."""
    if not award_form.quota_kind or award_form.quota_number is None:
        return None
    if award_form.quota_kind != QuotaKind.SHARE:
        return int(award_form.quota_number)
    base = _finite((nomination.declared_metrics or {}).get(award_form.quota_base_metric))
    if base is None or base < 0:
        return None
    return math.floor(Decimal(str(base)) * award_form.quota_number / 100)


def _scope_members(nominations: list[Nomination], states: Iterable[str]) -> dict[tuple, list[tuple]]:
    """The dossiers in the scopes of `nominations`, in the given states, by scope, in receipt order.

    Only those scopes' dossiers, read as plain values: a page of the queue needs the agencies (or
    levels) of its own rows, not every dossier of every form with a quota (at 1x, 50 rows instead of
    about 1,500 models with their agency)."""
    forms = {n.award_form_id: n.award_form for n in nominations if n.award_form.quota_kind}
    if not forms:
        return {}
    per_level = {pk for pk, form in forms.items() if form.quota_kind == QuotaKind.PER_LEVEL}
    in_scope = Q()
    if per_level:
        levels = {n.agency.level for n in nominations if n.award_form_id in per_level}
        in_scope |= Q(award_form_id__in=per_level, agency__level__in=levels)
    if len(per_level) < len(forms):
        agencies = {n.agency_id for n in nominations if n.award_form_id in forms and n.award_form_id not in per_level}
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
    """Each nomination's rank among the dossiers sent in its quota's scope (0 if it is not one of
    them) and the limit; nominations of forms without a quota are left out. Needs `award_form` and
    `agency` loaded; one query for all."""
    members = _scope_members(nominations, COUNTED_STATES)
    facts = {}
    for nomination in nominations:
        award_form = nomination.award_form
        if not award_form.quota_kind:
            continue
        order = [entry[-1] for entry in members.get(_scope_key(award_form, nomination), [])]
        rank = order.index(nomination.pk) + 1 if nomination.pk in order else 0
        facts[nomination.pk] = QuotaFact(
            rank=rank, limit=quota_limit(award_form, nomination), scope=_scope_label(award_form, nomination)
        )
    return facts


def quota_exceeded_by_approval(nomination: Nomination) -> tuple[int, int] | None:
    """(approved already, limit) when approving `nomination` would pass its form's quota, else None."""
    award_form = nomination.award_form
    limit = quota_limit(award_form, nomination)
    if limit is None:
        return None
    scope = _scope_key(award_form, nomination)
    approved = [
        entry[-1]
        for entry in _scope_members([nomination], APPROVED_STATES).get(scope, [])
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
        award_form = nomination.award_form
        key = _scope_key(award_form, nomination)
        if key not in scopes:
            scopes[key] = {
                "award_form": award_form,
                "scope": _scope_label(award_form, nomination),
                "limit": quota_limit(award_form, nomination),
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
