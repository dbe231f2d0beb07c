"""Every text field of every form is bounded where the database bounds it.

A ModelForm takes `max_length` from its model unless a field is written by hand; a plain form's
field fills a column the test must be told about. Every form class of the portal is walked, so a
new text field that reaches a bounded column without the bound fails here (PostgreSQL would
answer it with a 500, SQLite would store it)."""

import importlib
import inspect
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist

from campaign_portal.forms import TransitionForm as BaseTransitionForm

# Plain forms' text fields: the column each one fills, or None where nothing bounded receives it
# (a TextField, JSON, a choice name checked against a table, a password never stored as typed).
PLAIN_FIELDS = {
    "campaigns.CampaignForm.plan_number_symbol": "campaigns.LegalDocument.number_symbol",
    "campaigns.CampaignForm.plan_issuer": "campaigns.LegalDocument.issuer",
    "campaigns.CampaignForm.plan_subject": "campaigns.LegalDocument.subject",
    "campaigns.DocumentRowForm.number_symbol": "campaigns.LegalDocument.number_symbol",
    "campaigns.DocumentRowForm.issuer": "campaigns.LegalDocument.issuer",
    "campaigns.DocumentRowForm.subject": "campaigns.LegalDocument.subject",
    "campaigns.CategoryRowForm.code": "campaigns.InitiativeCategory.code",
    "campaigns.CategoryRowForm.name": "campaigns.InitiativeCategory.name",
    "awards.ReceiptForm.receipt_number": "awards.Nomination.receipt_number",
    "reports.OutlineSectionForm.number": "reports.OutlineSection.number",
    "reports.OutlineSectionForm.title": "reports.OutlineSection.title",
    "reports.OutlineSectionForm.key": "reports.OutlineSection.key",
    "initiatives.EvidenceForm.description": "initiatives.InitiativeEvidence.description",
    "initiatives.InitiativeForm.figures_text": None,
    "initiatives.TransitionForm.reason": "initiatives.InitiativeHistory.note",
    "initiatives.TransitionForm.assessment_comment": "initiatives.Initiative.assessment_comment",
    "awards.TransitionForm.reason": "awards.NominationTransition.reason",
    "awards.TransitionForm.decision_number": "awards.Nomination.decision_number",
    "reports.SummaryReportForm.recipients_text": None,
    "council.CouncilMeetingForm.members_text": None,
    "council.CouncilOutlineForm.recipients_text": None,
    "council.DecisionForm.number": "council.CouncilMeeting.decision_number",
    "awards.RegisterFilterForm.q": None,
    "awards.AwardRecordForm.form_name": "awards.AwardRecord.form_name",
    "awards.AwardRecordForm.agency_name": None,
    "awards.AwardRecordForm.nominee_name": "awards.AwardRecord.nominee_name",
    "awards.AwardRecordForm.nominee_position": "awards.AwardRecord.nominee_position",
    "awards.AwardRecordForm.nominee_unit": "awards.AwardRecord.nominee_unit",
    "awards.AwardRecordForm.decision_number": "awards.AwardRecord.decision_number",
    "awards.AwardRecordForm.decision_issuer": "awards.AwardRecord.decision_issuer",
    "awards.AwardRecordForm.note": "awards.AwardRecord.note",
    "awards.PublicationForm.title": "awards.Publication.title",
    "awards.PublicCommentForm.author_name": "awards.PublicComment.author_name",
    "awards.PublicCommentForm.contact": "awards.PublicComment.contact",
    "awards.PublicCommentForm.body": None,
    "awards.PublicCommentForm.website": None,
    "accounts.PortalLoginForm.username": None,
    "accounts.PortalLoginForm.password": None,
}


def _portal_forms():
    for config in apps.get_app_configs():
        if Path(config.path).parent != settings.BASE_DIR:
            continue  # Django's and the packages' own forms
        # `forms.py` and any module beside it named for its forms (awards/register_forms.py).
        for path in sorted(Path(config.path).glob("*forms.py")):
            module = importlib.import_module(f"{config.name}.{path.stem}")
            for name, form in inspect.getmembers(module, inspect.isclass):
                if issubclass(form, forms.BaseForm) and form.__module__ == module.__name__:
                    yield config.label, name, form


def _text_fields():
    for label, name, form in _portal_forms():
        model = getattr(getattr(form, "_meta", None), "model", None)
        for field_name, field in form.base_fields.items():
            if not isinstance(field, forms.CharField):
                continue
            if issubclass(form, BaseTransitionForm) and field_name in BaseTransitionForm.base_fields:
                continue  # a transition's name and the state seen: checked against the workflow table
            column = None
            if model is not None:
                try:
                    column = model._meta.get_field(field_name)
                except FieldDoesNotExist:
                    column = None
            key = f"{label}.{name}.{field_name}"
            if column is None:
                target = PLAIN_FIELDS.get(key, "missing")
                if target == "missing":
                    pytest.fail(f"{key} fills no model field: add it to PLAIN_FIELDS with the column it fills")
                if target:
                    model_label, column_name = target.rsplit(".", 1)
                    column = apps.get_model(model_label)._meta.get_field(column_name)
            yield key, field, column


def test_every_text_field_is_bounded_by_its_column():
    checked = list(_text_fields())
    assert len(checked) > 30
    for key, field, column in checked:
        if column is None or column.max_length is None:
            continue
        assert field.max_length is not None and field.max_length <= column.max_length, (
            f"{key}: the form takes {field.max_length} characters, the column {column.max_length}"
        )


def test_every_entry_of_the_map_names_a_real_form_field():
    keys = {key for key, _field, _column in _text_fields()}
    assert set(PLAIN_FIELDS) <= keys
