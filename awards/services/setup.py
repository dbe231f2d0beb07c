"""Reviewers' set-up of a campaign's award forms (with their dossier components) and criteria."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from accounts.models import User
from accounts.rules import is_reviewer
from campaign_portal.audit import audit_record

from .. import criteria as engine
from ..models import AwardForm, Criterion


def criterion_save(*, user: User, criterion: Criterion) -> Criterion:
    if not is_reviewer.test(user):
        raise PermissionDenied
    errors = engine.params_errors(criterion.kind, criterion.params)
    if errors:
        raise ValidationError({"params": errors})
    with transaction.atomic():
        created = criterion.pk is None
        criterion.save()
        audit_record(
            actor=user,
            action="awards.criterion.create" if created else "awards.criterion.update",
            target=criterion,
            after={
                "code": criterion.code,
                "kind": criterion.kind,
                "params": criterion.params,
                "active": criterion.active,
            },
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
                "requirements": list(award_form.requirements.values_list("code", "required")),
            },
        )
    return award_form
