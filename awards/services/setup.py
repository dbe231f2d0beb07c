"""Reviewers' set-up of a campaign's award forms (with their dossier components) and criteria, and
the copy of both into a new campaign."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.rules import is_reviewer
from campaign_portal.audit import audit_record

from .. import criteria as engine
from ..enums import CriterionKind
from ..models import AwardForm, Criterion, DossierRequirement


def _criterion_snapshot(criterion: Criterion) -> dict:
    return {"code": criterion.code, "kind": criterion.kind, "params": criterion.params, "active": criterion.active}


def criterion_save(*, user: User, criterion: Criterion) -> Criterion:
    if not is_reviewer.test(user):
        raise PermissionDenied
    if criterion.kind not in CriterionKind.values:
        raise ValidationError({"kind": _("Loại kiểm tra không có trong danh sách.")})
    errors = engine.params_errors(criterion.kind, criterion.params)
    if errors:
        raise ValidationError({"params": errors})
    with transaction.atomic():
        created = criterion.pk is None
        before = None if created else _criterion_snapshot(Criterion.objects.get(pk=criterion.pk))
        criterion.save()
        audit_record(
            actor=user,
            action="awards.criterion.create" if created else "awards.criterion.update",
            target=criterion,
            before=before,
            after=_criterion_snapshot(criterion),
        )
    return criterion


def award_form_save(*, user: User, award_form: AwardForm, requirements_formset=None) -> AwardForm:
    if not is_reviewer.test(user):
        raise PermissionDenied
    with transaction.atomic():
        created = award_form.pk is None
        award_form.save()
        if requirements_formset is not None:
            requirements_formset.instance = award_form
            requirements_formset.save()
        audit_record(
            actor=user,
            action="awards.award_form.create" if created else "awards.award_form.update",
            target=award_form,
            after={
                "name": award_form.name,
                "nominee_type": award_form.nominee_type,
                "retired": award_form.retired,
                "requirements": list(award_form.requirements.values_list("code", "required")),
            },
        )
    return award_form


def award_setup_copy(*, source, target, user) -> str:
    """Copy an earlier campaign's award forms still in use (with their dossier components) and its
    criteria into a new campaign; registered in `campaigns.copiers` by AwardsConfig.ready and run
    inside `campaign_copy`'s transaction, which writes the audit row."""
    forms = list(AwardForm.objects.filter(campaign=source, retired=False).prefetch_related("requirements"))
    components = 0
    for old in forms:
        new = AwardForm.objects.create(
            campaign=target, name=old.name, nominee_type=old.nominee_type, position=old.position
        )
        requirements = [
            DossierRequirement(award_form=new, code=r.code, name=r.name, required=r.required, position=r.position)
            for r in old.requirements.all()
        ]
        DossierRequirement.objects.bulk_create(requirements)
        components += len(requirements)
    criteria = [
        Criterion(
            campaign=target,
            code=c.code,
            wording=c.wording,
            kind=c.kind,
            params=c.params,
            applies_to=c.applies_to,
            agency_kinds=c.agency_kinds,
            active=c.active,
            position=c.position,
        )
        for c in Criterion.objects.filter(campaign=source)
    ]
    Criterion.objects.bulk_create(criteria)
    return _("%(forms)d hình thức khen thưởng, %(components)d thành phần hồ sơ, %(criteria)d tiêu chí") % {
        "forms": len(forms),
        "components": components,
        "criteria": len(criteria),
    }
