"""The widgets `FilterWidgetRenderer` draws in Python are the ones Django's templates would write.

The lists' filters and the nomination page's forms (actions, receipt) use it; any difference in
their markup would change what a browser or a screen reader sees. The only difference allowed is
the blank line Django's option template leaves after each option, which HTML ignores."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from awards.forms import ReceiptForm, TransitionForm
from campaign_portal.filters import FilterWidgetRenderer

TRICKY = "A & B <b>\"quoted\"</b> 'single' — Đã nhận"


def _blank_lines_dropped(html: str) -> str:
    return re.sub(r">\n+(\s*)<", r">\n\1<", str(html))


class _Sample(forms.Form):
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
def test_drawn_widgets_match_django_templates(data):
    drawn, templated = _Sample(data), _Sample(data)
    drawn.renderer, templated.renderer = FilterWidgetRenderer(), DjangoTemplates()
    for name in _Sample.base_fields:
        assert _blank_lines_dropped(drawn[name].as_widget()) == _blank_lines_dropped(templated[name].as_widget())


@pytest.mark.parametrize("form_class", [TransitionForm, ReceiptForm])
@pytest.mark.parametrize("bound", [False, True])
def test_nomination_page_forms_are_drawn_as_django_would(form_class, bound):
    data = {name: TRICKY for name in form_class.base_fields} if bound else None
    drawn = form_class(data)
    templated = form_class(data, renderer=DjangoTemplates())
    assert isinstance(drawn.renderer, FilterWidgetRenderer)
    for name in form_class.base_fields:
        assert _blank_lines_dropped(drawn[name].as_widget()) == _blank_lines_dropped(templated[name].as_widget())
