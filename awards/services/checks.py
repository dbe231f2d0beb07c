"""The criteria check: queue checks through the outbox so none is lost when the broker is down, gather every
nomination's facts in a fixed number of queries, evaluate the campaign's criteria with the pure
engine (`awards.criteria`) and store each run whole."""

import datetime
import hashlib
import json
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from campaign_portal.audit import audit_record
from campaign_portal.freshness import versions_lock
from campaign_portal.outbox import outbox_enqueue
from campaign_portal.uploads import sniff_kind
from campaigns.models import Campaign

from .. import criteria as engine
from ..enums import NominationState, SignatureVerdict
from ..models import (
    CheckBatch,
    Criterion,
    CriterionResult,
    DossierDocument,
    DossierRequirement,
    Nomination,
)
from ..quotas import quota_facts
from ..register import earlier_awards_by_nomination

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


# Nominations per queued task: a campaign-wide recheck shares each task's fixed cost (a transaction,
# the criteria, one query per kind of fact) among this many dossiers; a single submission is a chunk of one.
CHECK_CHUNK = 25


def _enqueue_checks(ids: list[int]) -> int:
    for start in range(0, len(ids), CHECK_CHUNK):
        outbox_enqueue(task_name="awards.criteria_check_nominations", args=[ids[start : start + CHECK_CHUNK]])
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


def _document_readable(document: DossierDocument) -> bool:
    try:
        with document.file.open("rb") as handle:
            return sniff_kind(handle) is not None
    except (OSError, ValueError):
        return False


def _duplicate_label(other: Nomination) -> str:
    sent = timezone.localtime(other.submitted_at).strftime("%d/%m/%Y")
    return _("hồ sơ số %(pk)d của %(agency)s gửi ngày %(sent)s") % {
        "pk": other.pk,
        "agency": other.agency.name,
        "sent": sent,
    }


def _sent_before(other: Nomination, nomination: Nomination) -> bool:
    """`other` was sent before `nomination` (ties broken by id); with no date of its own,
    `nomination` comes after every other dossier."""
    if nomination.submitted_at is None:
        return True
    if other.submitted_at is None:
        return False
    return (other.submitted_at, other.pk) < (nomination.submitted_at, nomination.pk)


def _duplicates_by_pk(nominations: list[Nomination]) -> dict[int, list[str]]:
    """For each nomination, the dossiers sent earlier for the same nominee with the same award
    form in the same campaign (drafts and rejected dossiers do not count): one query for all."""
    keyed = [n for n in nominations if n.nominee_key]
    if not keyed:
        return {}
    groups: dict[tuple, list[Nomination]] = defaultdict(list)
    candidates = (
        Nomination.objects.filter(
            campaign_id__in={n.campaign_id for n in keyed},
            award_form_id__in={n.award_form_id for n in keyed},
            nominee_key__in={n.nominee_key for n in keyed},
        )
        .exclude(state__in=(NominationState.DRAFT, NominationState.REJECTED))
        .select_related("agency")
        .only("pk", "campaign_id", "award_form_id", "nominee_key", "submitted_at", "agency__name")
    )
    for other in candidates:
        groups[(other.campaign_id, other.award_form_id, other.nominee_key)].append(other)
    duplicates = {}
    for nomination in keyed:
        others = [
            other
            for other in groups[(nomination.campaign_id, nomination.award_form_id, nomination.nominee_key)]
            if other.pk != nomination.pk and _sent_before(other, nomination)
        ]
        others.sort(key=lambda o: (o.submitted_at is None, o.submitted_at or timezone.now(), o.pk))
        duplicates[nomination.pk] = [_duplicate_label(other) for other in others]
    return duplicates


def _facts_by_pk(nominations: list[Nomination]) -> dict[int, engine.NominationFacts]:
    """The facts of every nomination, gathered with one query per kind of fact, not per nomination."""
    requirements: dict[int, dict] = defaultdict(dict)
    for r in DossierRequirement.objects.filter(award_form_id__in={n.award_form_id for n in nominations}):
        requirements[r.award_form_id][r.code] = (r.name, r.required)
    documents: dict[int, dict] = defaultdict(dict)
    for d in DossierDocument.objects.filter(nomination__in=nominations).select_related("requirement"):
        documents[d.nomination_id][d.requirement.code] = engine.DocumentFact(
            requirement_name=d.requirement.name,
            original_name=d.original_name,
            readable=_document_readable(d),
            signature=d.signature_verdict,
            signature_explanation=d.signature_explanation,
            signed_by=tuple(
                s.get("organisation", "")
                for s in (d.signature_details or {}).get("signatures", [])
                if s.get("verdict") == SignatureVerdict.VALID
            ),
        )
    duplicates = _duplicates_by_pk(nominations)
    quotas = quota_facts(nominations)
    earlier = earlier_awards_by_nomination(nominations)
    facts = {}
    for nomination in nominations:
        kind_source = nomination.nominee_agency if nomination.nominee_agency_id else nomination.agency
        facts[nomination.pk] = engine.NominationFacts(
            nominee_type=nomination.nominee_type,
            agency_kind=kind_source.kind,
            deadline=nomination.campaign.nomination_deadline,
            received_on=nomination.received_on,
            metrics=dict(nomination.declared_metrics or {}),
            requirements=requirements[nomination.award_form_id],
            documents=documents[nomination.pk],
            nominee_known=bool(nomination.nominee_key),
            duplicates=tuple(duplicates.get(nomination.pk, ())),
            agency_name=nomination.agency.name,
            quota=quotas.get(nomination.pk),
            form_name=nomination.award_form.name,
            earlier_awards=tuple(award.fact for award in earlier.get(nomination.pk, ())),
        )
    return facts


def _facts_snapshot(facts: engine.NominationFacts) -> dict:
    return {
        "nominee_type": facts.nominee_type,
        "agency_kind": facts.agency_kind,
        "deadline": facts.deadline.isoformat(),
        "received_on": facts.received_on.isoformat() if facts.received_on else None,
        "metrics": facts.metrics,
        "documents": {
            code: [d.original_name, d.readable, d.signature, list(d.signed_by)]
            for code, d in sorted(facts.documents.items())
        },
        "requirements": {code: [name, required] for code, (name, required) in sorted(facts.requirements.items())},
        "duplicates": list(facts.duplicates),
        "quota": [facts.quota.rank, facts.quota.limit] if facts.quota else None,
        "form": facts.form_name,
        "earlier_awards": [
            [a.form_name, a.decision_number, a.decision_date.isoformat(), a.awarded_as] for a in facts.earlier_awards
        ],
    }


def criteria_check_nomination(nomination_id: int) -> Nomination:
    """Check one nomination; see `criteria_check_nominations`. Raises DoesNotExist for an unknown id."""
    checked = criteria_check_nominations([nomination_id])
    if not checked:
        raise Nomination.DoesNotExist(f"Nomination {nomination_id} does not exist")
    return checked[0]


def criteria_check_nominations(nomination_ids: Iterable[int]) -> list[Nomination]:
    """Check nominations against their campaigns' active criteria and store each one's run.

    The nomination rows are locked (in id order) for the whole run and each one's previous results
    are replaced in the same transaction, so readers see either the old run or the new one, never a
    mix. The facts, criteria and results of the whole batch are read and written with a fixed number
    of queries, whatever its size. Idempotent: when neither a nomination's facts nor the criteria
    changed since its last run, nothing of it is rewritten (only `checked_at` moves). Ids of
    nominations deleted meanwhile are skipped."""
    ids = sorted(set(nomination_ids))
    with transaction.atomic():
        versions_lock(Nomination, ids)
        nominations = list(
            Nomination.objects.select_for_update(of=("self",))
            .select_related("campaign", "agency", "nominee_agency", "award_form")
            .filter(pk__in=ids)
            .order_by("pk")
        )
        if not nominations:
            return []
        facts_by_pk = _facts_by_pk(nominations)
        criteria_by_campaign: dict[int, list[Criterion]] = defaultdict(list)
        for criterion in Criterion.objects.filter(
            campaign_id__in={n.campaign_id for n in nominations}, active=True
        ).order_by("position", "pk"):
            criteria_by_campaign[criterion.campaign_id].append(criterion)
        now = timezone.now()
        changed, results = [], []
        for nomination in nominations:
            facts = facts_by_pk[nomination.pk]
            snapshot = _facts_snapshot(facts)
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
            nomination.checked_at = now
            if fingerprint == nomination.check_input_hash and nomination.check_run is not None:
                continue
            run_id = uuid.uuid4()
            outcomes = []
            for criterion in criteria:
                evaluation, explanations = _evaluate_in_each_language(criterion=criterion, facts=facts)
                outcomes.append((criterion.kind, evaluation.outcome))
                results.append(
                    CriterionResult(
                        nomination=nomination,
                        criterion=criterion,
                        outcome=evaluation.outcome,
                        explanation=evaluation.explanation[:500],
                        explanations=explanations,
                        checked_at=now,
                        run_id=run_id,
                        input_snapshot=snapshot,
                    )
                )
            nomination.verdict = engine.verdict_for(outcomes)
            nomination.check_run = run_id
            nomination.check_input_hash = fingerprint
            changed.append(nomination)
        if changed:
            CriterionResult.objects.filter(nomination__in=changed).delete()
            CriterionResult.objects.bulk_create(results)
            Nomination.objects.bulk_update(changed, ["verdict", "check_run", "checked_at", "check_input_hash"])
        changed_pks = {n.pk for n in changed}
        unchanged = [n.pk for n in nominations if n.pk not in changed_pks]
        if unchanged:
            Nomination.objects.filter(pk__in=unchanged).update(checked_at=now)
    return nominations


def _evaluate_in_each_language(*, criterion: Criterion, facts) -> tuple[engine.Evaluation, dict[str, str]]:
    """The evaluation in Vietnamese, whatever language the request that ran the check in process
    speaks, and its explanation in each other language of the portal (the engine is pure: cheap)."""
    with translation.override(settings.LANGUAGE_CODE):
        evaluation = engine.evaluate(kind=criterion.kind, params=criterion.params, facts=facts)
    explanations = {}
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            with translation.override(code):
                explanations[code] = engine.evaluate(
                    kind=criterion.kind, params=criterion.params, facts=facts
                ).explanation[:500]
    return evaluation, explanations


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
