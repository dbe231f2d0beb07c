"""The widgets drawn from Django's Jinja2 templates (`QUICK_WIDGETS`) are the ones its template
language would write.

The lists' filters and the nomination page's forms (actions, receipt) use them; any difference in
their markup would change what a browser or a screen reader sees. Compared as HTML documents
(`django.test.html.parse_html`): the two escape a quote with different entities (`&quot;`, `&#34;`)
and leave different white space between tags, which a browser reads alike."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.test.html import parse_html

from awards.forms import ReceiptForm, TransitionForm
from campaign_portal.filters import FilterForm
from campaign_portal.forms import QUICK_WIDGETS

TRICKY = "A & B <b>\"quoted\"</b> 'single' — Đã nhận"


def _document(html: str):
    return parse_html(str(html))


class _Sample(FilterForm):
    text = forms.CharField(required=False, widget=forms.TextInput(attrs={"placeholder": TRICKY, "autofocus": True}))
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3, "disabled": False}))
    choice = forms.ChoiceField(
        required=False,
        choices=[("", "—"), ("a", TRICKY), ("Nhóm <1>", [("b", "B & b"), ("c", "C")])],
    )


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"text": TRICKY, "hidden": TRICKY, "day": "31/12/2026", "note": TRICKY, "choice": "b"},
        {"text": "", "hidden": "", "day": "not a day", "note": "", "choice": "zzz"},
        {"note": "\nstarts with a line break"},
    ],
)
def test_filter_widgets_match_django_templates(data):
    drawn, templated = _Sample(data), _Sample(data, renderer=DjangoTemplates())
    assert drawn.renderer is QUICK_WIDGETS
    for name in _Sample.base_fields:
        assert _document(drawn[name].as_widget()) == _document(templated[name].as_widget())


@pytest.mark.parametrize("form_class", [TransitionForm, ReceiptForm])
@pytest.mark.parametrize("bound", [False, True])
def test_nomination_page_forms_are_drawn_as_django_would(form_class, bound):
    data = {name: TRICKY for name in form_class.base_fields} if bound else None
    drawn = form_class(data)
    templated = form_class(data, renderer=DjangoTemplates())
    assert drawn.renderer is QUICK_WIDGETS
    for name in form_class.base_fields:
        assert _document(drawn[name].as_widget()) == _document(templated[name].as_widget())
