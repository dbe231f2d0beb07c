"""The criteria check: queue checks through the outbox so none is lost when the broker is down, gather every
nomination's facts in a fixed number of queries (`check_facts`), evaluate the campaign's criteria
with the pure engine (`awards.criteria`) outside any lock, and store each run whole in a short
transaction."""

import datetime
import hashlib
import json
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from accounts.models import User
from campaign_portal.audit import audit_record
from campaign_portal.freshness import versions_lock
from campaign_portal.outbox import outbox_enqueue_many
from campaigns.models import Campaign

from .. import criteria as engine
from ..models import (
    CheckBatch,
    Criterion,
    CriterionResult,
    Nomination,
)
from .check_facts import facts_snapshot, nomination_facts

logger = logging.getLogger("campaign_portal")


def criteria_check_queue(*, nomination_ids: Iterable[int]) -> None:
    """Record the checks as pending and their task requests in the outbox, in the caller's
    transaction: the page shows the check pending at once, and the request leaves for a worker
    when the broker takes it (`campaign_portal.outbox`), however long Redis is away."""
    ids = sorted(set(nomination_ids))
    if not ids:
        return
    # Campaign first, as every service that locks nominations takes them (`versions_lock`): a bare
    # UPDATE would lock the rows and then, through the freshness trigger, the campaign, crossing a
    # check that holds the campaign and waits for these rows.
    versions_lock(Nomination, ids)
    Nomination.objects.filter(pk__in=ids).update(check_requested_at=timezone.now())
    _enqueue_checks(ids)


# Nominations per queued task: a campaign-wide recheck shares each task's fixed cost (two phases of
# about eight queries each, a message) among this many dossiers, about a fifth of a task at 25 and a
# tenth at 50; a single submission is a chunk of one. Still small enough that two workers share a
# campaign of a hundred dossiers, and that the transaction storing a chunk's runs stays short.
CHECK_CHUNK = 50


def _enqueue_checks(ids: list[int]) -> int:
    outbox_enqueue_many(
        task_name="awards.criteria_check_nominations",
        args_list=[[ids[start : start + CHECK_CHUNK]] for start in range(0, len(ids), CHECK_CHUNK)],
    )
    return len(ids)


def criteria_check_requeue_pending(*, older_than: datetime.timedelta = datetime.timedelta(minutes=2)) -> int:
    """Queue again the checks asked for a while ago that never ran (a worker lost them, or Redis
    lost its queue). A check that runs twice stores one run: the check is idempotent."""
    before = timezone.now() - older_than
    ids = list(
        Nomination.objects.filter(check_requested_at__lt=before)
        .filter(Q(checked_at__isnull=True) | Q(checked_at__lt=F("check_requested_at")))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    with transaction.atomic():
        return _enqueue_checks(ids)


def criteria_check_queue_for_nominee(nomination: Nomination) -> None:
    """A submission can make another dossier for the same nominee a duplicate: check both."""
    same = Nomination.objects.filter(
        campaign_id=nomination.campaign_id, award_form_id=nomination.award_form_id, nominee_key=nomination.nominee_key
    ).values_list("pk", flat=True)
    criteria_check_queue(nomination_ids={nomination.pk, *same} if nomination.nominee_key else {nomination.pk})


def criteria_check_nomination(nomination_id: int) -> Nomination:
    """Check one nomination; see `criteria_check_nominations`. Raises DoesNotExist for an unknown id."""
    checked = criteria_check_nominations([nomination_id])
    if not checked:
        raise Nomination.DoesNotExist(f"Nomination {nomination_id} does not exist")
    return checked[0]


def criteria_check_nominations(nomination_ids: Iterable[int]) -> list[Nomination]:
    """Check nominations against their campaigns' active criteria and store each one's run.

    Two phases, so that two workers checking chunks of one campaign work at the same time. First,
    without any lock, the facts are gathered and every criterion evaluated. Then, in a short
    transaction that takes the campaign and then the nomination rows (in id order, as every writer
    does: `versions_lock`), each nomination's previous results are replaced by its new run, so
    readers see either the old run or the new one, never a mix. A nomination whose inputs may have
    moved between the two phases is read and evaluated again inside the lock: a write that changes
    a nomination's facts asks for its check in its own transaction (`criteria_check_queue` moves
    `check_requested_at`), a change of the criteria shows in the criteria, another check's run in
    the stored fingerprint.

    The facts, criteria and results of the whole batch are read and written with a fixed number of
    queries, whatever its size. Idempotent: when neither a nomination's facts nor the criteria
    changed since its last run, nothing of it is rewritten (only `checked_at` moves). Ids of
    nominations deleted meanwhile are skipped."""
    ids = sorted(set(nomination_ids))
    nominations = _nominations_read(ids)
    if not nominations:
        return []
    criteria = _active_criteria({n.campaign_id for n in nominations})
    prepared = _prepare(nominations, criteria)
    with transaction.atomic():
        versions_lock(Nomination, ids)
        stored = {
            pk: rest
            for pk, *rest in Nomination.objects.select_for_update()
            .filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", "check_requested_at", "check_input_hash", "check_run")
        }
        nominations = [n for n in nominations if n.pk in stored]
        if not nominations:
            return []
        current = _active_criteria({n.campaign_id for n in nominations})
        stale = [
            n.pk
            for n in nominations
            if _criteria_key(current, n.campaign_id) != _criteria_key(criteria, n.campaign_id)
            or stored[n.pk] != [n.check_requested_at, n.check_input_hash, n.check_run]
        ]
        if stale:
            again = {n.pk: n for n in _nominations_read(stale)}
            prepared.update(_prepare(list(again.values()), current))
            nominations = [again.get(n.pk, n) for n in nominations]
        _runs_store(nominations, prepared, now=timezone.now())
    return nominations


def _nominations_read(ids: list[int]) -> list[Nomination]:
    return list(
        Nomination.objects.select_related("campaign", "agency", "nominee_agency", "award_form")
        .filter(pk__in=ids)
        .order_by("pk")
    )


def _active_criteria(campaign_ids: set[int]) -> dict[int, list[Criterion]]:
    criteria: dict[int, list[Criterion]] = defaultdict(list)
    for criterion in Criterion.objects.filter(campaign_id__in=campaign_ids, active=True).order_by("position", "pk"):
        criteria[criterion.campaign_id].append(criterion)
    return criteria


def _criteria_key(criteria: dict[int, list[Criterion]], campaign_id: int) -> list:
    return [[c.pk, c.kind, c.params, c.wording, c.applies_to, c.agency_kinds] for c in criteria[campaign_id]]


@dataclass
class _Prepared:
    """One nomination's check, evaluated: its fingerprint and, unless its stored run stands
    (`results` None), its new verdict and results, not yet given their run."""

    fingerprint: str
    verdict: str = ""
    results: list[CriterionResult] | None = None


def _prepare(nominations: list[Nomination], criteria_by_campaign: dict[int, list[Criterion]]) -> dict[int, _Prepared]:
    facts_by_pk = nomination_facts(nominations)
    prepared, pending = {}, []
    for nomination in nominations:
        facts = facts_by_pk[nomination.pk]
        snapshot = facts_snapshot(facts)
        criteria = [
            c
            for c in criteria_by_campaign[nomination.campaign_id]
            if engine.criterion_applies(applies_to=c.applies_to, agency_kinds=c.agency_kinds, facts=facts)
        ]
        fingerprint = hashlib.sha256(
            json.dumps(
                {
                    "facts": snapshot,
                    "criteria": [[c.pk, c.kind, c.params, c.wording] for c in criteria],
                    "languages": [code for code, _name in settings.LANGUAGES],
                },
                sort_keys=True,
                default=str,
            ).encode()
        ).hexdigest()
        prepared[nomination.pk] = _Prepared(fingerprint=fingerprint)
        if fingerprint != nomination.check_input_hash or nomination.check_run is None:
            prepared[nomination.pk].results = []
            pending.extend((nomination.pk, criterion, facts, snapshot) for criterion in criteria)
    evaluations = _evaluate_in_each_language([(criterion, facts) for _pk, criterion, facts, _s in pending])
    outcomes: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for (pk, criterion, _facts, snapshot), (evaluation, explanations) in zip(pending, evaluations, strict=True):
        outcomes[pk].append((criterion.kind, evaluation.outcome))
        prepared[pk].results.append(
            CriterionResult(
                nomination_id=pk,
                criterion=criterion,
                outcome=evaluation.outcome,
                explanation=evaluation.explanation[:500],
                explanations=explanations,
                input_snapshot=snapshot,
            )
        )
    for pk, run in prepared.items():
        if run.results is not None:
            run.verdict = engine.verdict_for(outcomes[pk])
    return prepared


def _evaluate_in_each_language(
    pairs: list[tuple[Criterion, engine.NominationFacts]],
) -> list[tuple[engine.Evaluation, dict[str, str]]]:
    """Each evaluation in Vietnamese, whatever language the request that ran the check in process
    speaks, and its explanation in each other language of the portal (the engine is pure: cheap).
    One language at a time for the whole batch: switching languages costs more than an evaluation."""
    with translation.override(settings.LANGUAGE_CODE):
        evaluations = [engine.evaluate(kind=c.kind, params=c.params, facts=facts) for c, facts in pairs]
    explanations: list[dict[str, str]] = [{} for _pair in pairs]
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            with translation.override(code):
                for index, (c, facts) in enumerate(pairs):
                    evaluation = engine.evaluate(kind=c.kind, params=c.params, facts=facts)
                    explanations[index][code] = evaluation.explanation[:500]
    return list(zip(evaluations, explanations, strict=True))


def _runs_store(nominations: list[Nomination], prepared: dict[int, _Prepared], *, now: datetime.datetime) -> None:
    """Replace the results of the nominations that have a new run, and move every `checked_at`."""
    changed, results = [], []
    for nomination in nominations:
        nomination.checked_at = now
        run = prepared[nomination.pk]
        if run.results is None:
            continue
        nomination.check_run = uuid.uuid4()
        nomination.verdict = run.verdict
        nomination.check_input_hash = run.fingerprint
        for result in run.results:
            result.run_id, result.checked_at = nomination.check_run, now
        results.extend(run.results)
        changed.append(nomination)
    changed_pks = {n.pk for n in changed}
    if changed:
        CriterionResult.objects.filter(nomination__in=changed).delete()
    if connection.vendor == "postgresql":
        _runs_store_postgresql(nominations, results, changed=changed_pks, now=now)
        return
    CriterionResult.objects.bulk_create(results)
    if changed:
        Nomination.objects.bulk_update(changed, ["verdict", "check_run", "checked_at", "check_input_hash"])
    unchanged = [n.pk for n in nominations if n.pk not in changed_pks]
    if unchanged:
        Nomination.objects.filter(pk__in=unchanged).update(checked_at=now)


def _runs_store_postgresql(
    nominations: list[Nomination], results: list[CriterionResult], *, changed: set[int], now: datetime.datetime
) -> None:
    """The same writes on PostgreSQL, in two statements that each carry one JSON document, expanded
    into rows by the database. Django's bulk insert sends each column as an array, whose elements
    psycopg escapes in Python quote by quote: with a facts snapshot in every result, that was a third
    of a check's time; `bulk_update` builds a CASE per field and row, another fifth. One UPDATE for
    every nomination also moves the campaign's data version once (`campaign_portal.freshness`)."""
    rows = [
        {
            "nomination_id": r.nomination_id,
            "criterion_id": r.criterion_id,
            "outcome": r.outcome,
            "explanation": r.explanation,
            "explanations": r.explanations,
            "run_id": str(r.run_id),
            "input_snapshot": r.input_snapshot,
        }
        for r in results
    ]
    # A nomination whose stored run stands keeps its verdict, run and fingerprint (absent: null).
    runs = [
        {"id": n.pk, "verdict": n.verdict, "check_run": str(n.check_run), "check_input_hash": n.check_input_hash}
        if n.pk in changed
        else {"id": n.pk}
        for n in nominations
    ]
    with connection.cursor() as cursor:
        if rows:
            cursor.execute(
                f"INSERT INTO {CriterionResult._meta.db_table} (nomination_id, criterion_id, outcome, explanation, "
                "explanations, checked_at, run_id, input_snapshot) "
                "SELECT nomination_id, criterion_id, outcome, explanation, explanations, %s, run_id, input_snapshot "
                "FROM jsonb_to_recordset(%s::jsonb) AS r(nomination_id bigint, criterion_id bigint, outcome text, "
                "explanation text, explanations jsonb, run_id uuid, input_snapshot jsonb)",
                [now, json.dumps(rows, cls=DjangoJSONEncoder)],
            )
        cursor.execute(
            f"UPDATE {Nomination._meta.db_table} AS n SET checked_at = %s, verdict = coalesce(v.verdict, n.verdict), "
            "check_run = coalesce(v.check_run, n.check_run), "
            "check_input_hash = coalesce(v.check_input_hash, n.check_input_hash) "
            "FROM jsonb_to_recordset(%s::jsonb) AS v(id bigint, verdict text, check_run uuid, check_input_hash text) "
            "WHERE n.id = v.id",
            [now, json.dumps(runs)],
        )


def check_batch_start(*, user: User | None, campaign: Campaign) -> CheckBatch:
    """Queue a check of every nomination of the campaign; progress is read from `checked_at`."""
    with transaction.atomic():
        ids = list(Nomination.objects.filter(campaign=campaign).order_by("pk").values_list("pk", flat=True))
        batch = CheckBatch.objects.create(
            campaign=campaign, requested_by=user, started_at=timezone.now(), total=len(ids)
        )
        audit_record(actor=user, action="awards.check_batch", target=campaign, after={"total": len(ids)})
        criteria_check_queue(nomination_ids=ids)
    return batch
