"""Writes: every change of an initiative is one function here, atomic and audited."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from campaign_portal.audit import audit_record
from campaign_portal.freshness import versions_lock
from campaign_portal.outbox import outbox_enqueue
from campaign_portal.uploads import DOCUMENT_KINDS, safe_filename, stored_files_delete_on_commit, validate_upload
from campaign_portal.workflow import transition_apply
from campaigns.models import Campaign, InitiativeCategory

from .enums import InitiativeState, SimilarityDecision
from .models import Initiative, InitiativeEvidence, InitiativeHistory, SimilarInitiative
from .similarity import similar_initiatives_score
from .workflow import INITIATIVE_TRANSITIONS

CONTENT_FIELDS = ("campaign", "kind", "category", "title", "description", "started_on", "results", "result_figures")


def _snapshot(initiative: Initiative) -> dict:
    data = {name: getattr(initiative, name) for name in CONTENT_FIELDS}
    data["campaign"] = initiative.campaign_id
    data["category"] = initiative.category_id
    data["started_on"] = initiative.started_on.isoformat() if initiative.started_on else None
    if initiative.pk:
        data["implementing_units"] = sorted(initiative.implementing_units.values_list("pk", flat=True))
        data["replicated_to"] = sorted(initiative.replicated_to.values_list("pk", flat=True))
    return data


def _category_of(campaign: Campaign, category: InitiativeCategory | None) -> InitiativeCategory | None:
    """An initiative's category must be one of its own campaign's."""
    if category is not None and category.campaign_id != campaign.pk:
        raise ValidationError(
            {"category": _("Lĩnh vực “%(name)s” không thuộc phong trào đã chọn.") % {"name": category.name}}
        )
    return category


def initiative_create(
    *,
    user,
    agency: Agency,
    campaign: Campaign,
    kind: str,
    category: InitiativeCategory | None = None,
    title: str,
    description: str = "",
    started_on: datetime.date | None = None,
    results: str = "",
    result_figures: list[dict] | None = None,
    implementing_units: Iterable[Agency] = (),
    replicated_to: Iterable[Agency] = (),
    state: str = InitiativeState.DRAFT,
) -> Initiative:
    with transaction.atomic():
        initiative = Initiative.objects.create(
            agency=agency,
            campaign=campaign,
            kind=kind,
            category=_category_of(campaign, category),
            title=title.strip(),
            description=description,
            started_on=started_on,
            results=results,
            result_figures=result_figures or [],
            state=state,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        initiative.implementing_units.set(implementing_units)
        initiative.replicated_to.set(replicated_to)
        initiative.save(update_fields=["search_text"])
        audit_record(actor=user, action="initiatives.initiative.create", target=initiative, after=_snapshot(initiative))
    return initiative


def initiative_update(
    *,
    initiative: Initiative,
    user,
    implementing_units: Iterable[Agency] | None = None,
    replicated_to: Iterable[Agency] | None = None,
    **values,
) -> Initiative:
    """Change the content of a draft of the user's own agency."""
    if not user.has_perm("initiatives.change_initiative", initiative):
        raise PermissionDenied(_("Chỉ cơ quan sở hữu được sửa mô hình, sáng kiến khi còn là bản nháp."))
    unknown = set(values) - set(CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        versions_lock(Initiative, [initiative.pk])
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if locked.state != InitiativeState.DRAFT:
            raise PermissionDenied(_("Mô hình, sáng kiến đã được gửi đăng ký nên không sửa được nữa."))
        before = _snapshot(locked)
        for key, value in values.items():
            setattr(initiative, key, value)
        _category_of(initiative.campaign, initiative.category)
        initiative.save()
        if implementing_units is not None:
            initiative.implementing_units.set(implementing_units)
        if replicated_to is not None:
            initiative.replicated_to.set(replicated_to)
        initiative.save(update_fields=["search_text"])
        audit_record(
            actor=user,
            action="initiatives.initiative.update",
            target=initiative,
            before=before,
            after=_snapshot(initiative),
        )
    return initiative


def initiative_replication_set(*, initiative: Initiative, user, replicated_to: Iterable[Agency]) -> Initiative:
    """The owning agency reports where its initiative spread, in any state."""
    if not (user.is_agency_officer and user.agency_id == initiative.agency_id):
        raise PermissionDenied(_("Chỉ cơ quan sở hữu được cập nhật nơi nhân rộng."))
    with transaction.atomic():
        before = sorted(initiative.replicated_to.values_list("pk", flat=True))
        initiative.replicated_to.set(replicated_to)
        after = sorted(initiative.replicated_to.values_list("pk", flat=True))
        audit_record(
            actor=user,
            action="initiatives.initiative.replication",
            target=initiative,
            before={"replicated_to": before},
            after={"replicated_to": after},
        )
    return initiative


def initiative_standout_set(*, initiative: Initiative, user, standout: bool) -> Initiative:
    """A reviewer marks a registered initiative as standing out (tiêu biểu), or takes the mark
    back: at province scale the summary report names these for their agency."""
    if not user.has_perm("initiatives.mark_standout", initiative):
        raise PermissionDenied(_("Chỉ cán bộ thẩm định được chọn mô hình, sáng kiến tiêu biểu đã đăng ký."))
    with transaction.atomic():
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if locked.is_standout != standout:
            before = {"is_standout": locked.is_standout}
            locked.is_standout = standout
            locked.save(update_fields=["is_standout", "updated_at"])
            audit_record(
                actor=user,
                action="initiatives.initiative.standout",
                target=locked,
                before=before,
                after={"is_standout": standout},
            )
    initiative.is_standout = standout
    return initiative


def _history_recorder(user, reason: str):
    def record(initiative: Initiative, from_state: str, to_state: str) -> InitiativeHistory:
        history = InitiativeHistory.objects.create(
            initiative=initiative, actor=user, from_state=from_state, to_state=to_state, note=reason
        )
        return history

    return record


def initiative_transition(
    *,
    initiative: Initiative,
    name: str,
    user,
    reason: str = "",
    expected_state: str | None = None,
    assessment_effective: bool | None = None,
    assessment_comment: str = "",
) -> Initiative:
    """Apply one transition of INITIATIVE_TRANSITIONS; raises WorkflowError with the reason."""
    values = {}
    if name == "evaluate":
        values = {"assessment_effective": assessment_effective, "assessment_comment": assessment_comment.strip()}
    record = _history_recorder(user, reason or assessment_comment)

    def record_history(obj, from_state, to_state):
        history = record(obj, from_state, to_state)
        if name == "register":
            # Recorded with the registration, so the search is not lost to a broker outage.
            similar_initiatives_queue(initiative_ids=[obj.pk])
        return history

    return transition_apply(
        obj=initiative,
        name=name,
        transitions=INITIATIVE_TRANSITIONS,
        user=user,
        reason=reason or assessment_comment,
        values=values,
        record_history=record_history,
        expected_state=expected_state,
    )


def initiative_evidence_add(*, initiative: Initiative, user, upload, description: str = "") -> InitiativeEvidence:
    """Store an evidence file after checking its content; raises ValidationError with what to fix."""
    if not user.has_perm("initiatives.add_evidence", initiative):
        raise PermissionDenied(_("Anh/chị không được tải minh chứng cho mô hình, sáng kiến này."))
    kind = validate_upload(upload, allowed=DOCUMENT_KINDS)
    name = safe_filename(upload.name, kind)
    with transaction.atomic():
        evidence = InitiativeEvidence(
            initiative=initiative,
            original_name=(upload.name or name)[:255],
            kind=kind.code,
            content_type=kind.content_type,
            size=upload.size,
            description=description.strip()[:255],
            uploaded_by=user,
        )
        evidence.file.save(name, upload, save=False)
        evidence.save()
        audit_record(
            actor=user,
            action="initiatives.evidence.add",
            target=initiative,
            after={"file": evidence.original_name, "kind": kind.code, "size": evidence.size},
        )
    return evidence


def initiative_evidence_delete(*, evidence: InitiativeEvidence, user) -> None:
    initiative = evidence.initiative
    if not user.has_perm("initiatives.delete_evidence", initiative):
        raise PermissionDenied(_("Chỉ xóa được minh chứng của bản nháp thuộc cơ quan mình."))
    with transaction.atomic():
        audit_record(
            actor=user, action="initiatives.evidence.delete", target=initiative, before={"file": evidence.original_name}
        )
        stored_files_delete_on_commit([evidence.file])
        evidence.delete()


def initiative_draft_delete(*, initiative: Initiative, user) -> None:
    """Delete a draft of the user's own agency with its evidence files; the audit row keeps what it was."""
    with transaction.atomic():
        versions_lock(Initiative, [initiative.pk])
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if not user.has_perm("initiatives.delete_initiative", locked):
            raise PermissionDenied(_("Chỉ xóa được bản nháp của cơ quan mình, khi chưa gửi đăng ký."))
        evidence = list(locked.evidence.all())
        audit_record(
            actor=user,
            action="initiatives.initiative.delete",
            target=locked,
            before={"title": locked.title, "evidence": [e.original_name for e in evidence]},
        )
        stored_files_delete_on_commit(e.file for e in evidence)
        locked.delete()


def parse_figures(text: str) -> list[dict]:
    """One figure per line (or ';'): "Thời gian giải quyết: 10 ngày, rút ngắn 01 ngày". The one
    parser of figures: the page's form and the Excel import (through the same form) both use it."""
    figures = []
    for line in (text or "").replace(";", "\n").splitlines():
        line = line.strip()
        if not line:
            continue
        label, sep, value = line.partition(":")
        if not sep or not label.strip() or not value.strip():
            raise ValidationError(
                _("Số liệu “%(line)s” cần dạng “Tên chỉ tiêu: giá trị”, ví dụ “Thời gian giải quyết: 9 ngày”.")
                % {"line": line}
            )
        figures.append({"label": label.strip(), "value": value.strip()})
    return figures


def figures_as_text(figures: list[dict]) -> str:
    return "\n".join(f"{f.get('label', '')}: {f.get('value', '')}" for f in figures or [])


def similar_initiatives_find(*, initiative_id: int) -> list[SimilarInitiative]:
    """Store the registered initiatives like this one. Idempotent: a match found again keeps its
    decision and gets the new score; a match no longer similar (its text changed) and still
    undecided is removed, a decided one stays as the reviewer's word."""
    initiative = Initiative.objects.filter(pk=initiative_id).first()
    if initiative is None:
        return []
    now = timezone.now()
    with transaction.atomic():
        scores = dict(similar_initiatives_score(initiative))
        initiative.similar_matches.filter(decision=SimilarityDecision.PENDING).exclude(
            similar_to_id__in=scores
        ).delete()
        matches = []
        for similar_to_id, score in scores.items():
            match, _created = SimilarInitiative.objects.update_or_create(
                initiative=initiative,
                similar_to_id=similar_to_id,
                defaults={"score": round(score, 4), "found_at": now},
            )
            matches.append(match)
    return matches


def similar_initiatives_queue(*, initiative_ids: Iterable[int]) -> None:
    """Look for similar initiatives in the worker once the registration or import is committed
    (through the outbox, in the caller's transaction)."""
    ids = list(initiative_ids)
    if ids:
        outbox_enqueue(task_name="initiatives.similar_initiatives_find", args=[ids])


def similar_initiative_decide(*, match: SimilarInitiative, user, decision: str) -> SimilarInitiative:
    """A reviewer says whether the initiative is the same as the earlier one; "same" keeps it out
    of the report's count of new initiatives."""
    if not user.has_perm("initiatives.decide_similarity", match.initiative):
        raise PermissionDenied(_("Chỉ cán bộ thẩm định được kết luận về mô hình, sáng kiến tương tự."))
    if decision not in (SimilarityDecision.SAME, SimilarityDecision.DIFFERENT):
        raise ValidationError({"decision": _("Kết luận phải là “Là cùng một mô hình” hoặc “Khác nhau”.")})
    with transaction.atomic():
        locked = SimilarInitiative.objects.select_for_update().get(pk=match.pk)
        before = {"decision": locked.decision}
        locked.decision = decision
        locked.decided_by = user
        locked.decided_at = timezone.now()
        locked.save(update_fields=["decision", "decided_by", "decided_at"])
        audit_record(
            actor=user,
            action="initiatives.initiative.similarity",
            target=locked.initiative,
            before=before,
            after={
                "decision": decision,
                "similar_to": locked.similar_to_id,
                "similar_to_title": locked.similar_to.title,
                "score": locked.score,
            },
        )
    return locked
