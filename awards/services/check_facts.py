"""The facts of a criteria check: everything the pure engine (`awards.criteria`) reads about a
nomination, gathered for a whole batch with one query per kind of fact, and the snapshot of them
that each stored result keeps (and that the check's fingerprint is made of)."""

import datetime
from collections import defaultdict
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext as _

from campaign_portal.uploads import sniff_kind

from .. import criteria as engine
from ..enums import NominationState, SignatureVerdict
from ..models import DossierDocument, DossierRequirement, Nomination
from ..quotas import quota_facts
from ..register import earlier_awards_by_nomination


def _file_readable(name: str) -> bool:
    """For a document stored before its readability was recorded: what its content shows now."""
    try:
        with DossierDocument._meta.get_field("file").storage.open(name, "rb") as handle:
            return sniff_kind(handle) is not None
    except (OSError, ValueError):
        return False


class _Sent(NamedTuple):
    """Another dossier for the same nominee, as the duplicate criterion names it."""

    pk: int
    submitted_at: datetime.datetime | None
    agency_name: str


def _duplicate_label(other: _Sent) -> str:
    sent = timezone.localtime(other.submitted_at).strftime("%d/%m/%Y")
    return _("hồ sơ số %(pk)d của %(agency)s gửi ngày %(sent)s") % {
        "pk": other.pk,
        "agency": other.agency_name,
        "sent": sent,
    }


def _sent_before(other: _Sent, nomination: Nomination) -> bool:
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
    groups: dict[tuple, list[_Sent]] = defaultdict(list)
    candidates = (
        Nomination.objects.filter(
            campaign_id__in={n.campaign_id for n in keyed},
            award_form_id__in={n.award_form_id for n in keyed},
            nominee_key__in={n.nominee_key for n in keyed},
        )
        .exclude(state__in=(NominationState.DRAFT, NominationState.REJECTED))
        .order_by()
        .values_list("campaign_id", "award_form_id", "nominee_key", "pk", "submitted_at", "agency__name")
    )
    for campaign_id, award_form_id, nominee_key, *sent in candidates:
        groups[(campaign_id, award_form_id, nominee_key)].append(_Sent(*sent))
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


def nomination_facts(nominations: list[Nomination]) -> dict[int, engine.NominationFacts]:
    """The facts of every nomination, gathered with one query per kind of fact, not per nomination."""
    requirements: dict[int, dict] = defaultdict(dict)
    for r in DossierRequirement.objects.filter(award_form_id__in={n.award_form_id for n in nominations}):
        requirements[r.award_form_id][r.code] = (r.name, r.required)
    documents: dict[int, dict] = defaultdict(dict)
    rows = DossierDocument.objects.filter(nomination__in=nominations).values_list(
        "nomination_id",
        "requirement__code",
        "requirement__name",
        "original_name",
        "readable",
        "file",
        "signature_verdict",
        "signature_explanation",
        "signature_details",
    )
    for nomination_id, code, name, original_name, readable, file_name, verdict, explanation, details in rows:
        documents[nomination_id][code] = engine.DocumentFact(
            requirement_name=name,
            original_name=original_name,
            # Recorded when the file was stored (an upload is checked by its content).
            readable=readable if readable is not None else _file_readable(file_name),
            signature=verdict,
            signature_explanation=explanation,
            signed_by=tuple(
                s.get("organisation", "")
                for s in (details or {}).get("signatures", [])
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


def facts_snapshot(facts: engine.NominationFacts) -> dict:
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
