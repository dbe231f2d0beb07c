"""FastSelect (the fix `make bench` led to) writes the same HTML as Django's Select, faster."""

import re

import pytest
from django import forms

from agencies.models import Agency
from campaign_portal.widgets import FastSelect
from tests.factories import AgencyFactory


def _normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


@pytest.mark.django_db
def test_agency_select_same_html_as_django_select():
    chosen = AgencyFactory(name="UBND xã Trà Đốc <&>")
    AgencyFactory(name="Sở Nội vụ")

    def form(widget):
        class Form(forms.Form):
            agency = forms.ModelChoiceField(
                Agency.objects.order_by("name"), required=False, empty_label="Mọi cơ quan", widget=widget
            )

        return Form({"agency": str(chosen.pk)})

    django_html = str(form(forms.Select(attrs={"class": "form-select"}))["agency"])
    ours = str(form(FastSelect(attrs={"class": "form-select"}))["agency"])
    assert _normalised(ours) == _normalised(django_html)
    assert "UBND xã Trà Đốc &lt;&amp;&gt;</option>" in ours
    assert f'value="{chosen.pk}" selected' in ours
