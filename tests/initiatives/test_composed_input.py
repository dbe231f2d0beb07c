"""Decomposed Unicode (a Mac keyboard, text pasted from a PDF) arrives composed in the database
through the real form, the Excel import and the search box: campaign_portal/input_text.py and
campaign_portal/spreadsheets.py."""

import unicodedata

import pytest
from django.urls import reverse

from campaigns.models import InitiativeCategory
from initiatives.models import Initiative
from tests.factories.initiatives import InitiativeFactory

from .test_excel import _import, _workbook


def _nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    return decomposed


def test_form_stores_decomposed_text_composed(client, campaign, district, commune, district_officer):
    client.force_login(district_officer)
    response = client.post(
        reverse("initiatives:create"),
        {
            "campaign": campaign.pk,
            "kind": "model",
            "reform_area": "procedures",
            "title": _nfd("Một cửa thân thiện"),
            "description": _nfd("Người dân được hướng dẫn tận tình"),
            "started_on": "15/03/2024",
            "implementing_units": [commune.pk],
            "figures_text": _nfd("Thời gian giải quyết: 9 ngày"),
        },
    )
    assert response.status_code == 302
    created = Initiative.objects.get(agency=district)
    assert created.title == "Một cửa thân thiện"
    assert created.description == "Người dân được hướng dẫn tận tình"
    assert created.result_figures == [{"label": "Thời gian giải quyết", "value": "9 ngày"}]


def test_excel_import_stores_decomposed_cells_composed(client, campaign, district, commune, district_officer):
    category = InitiativeCategory.objects.create(campaign=campaign, code="tthc", name="Cải cách thủ tục hành chính")
    client.force_login(district_officer)
    upload = _workbook(
        [
            [
                _nfd(district.name),
                _nfd("Mô hình"),
                _nfd("Cải cách thủ tục hành chính"),
                _nfd("Một cửa không hẹn"),
                _nfd("Mô tả đầy đủ"),
                "15/03/2024",
                _nfd("Trà Đốc"),
                "",
                _nfd("Giảm thời gian"),
                "",
            ]
        ]
    )
    response = _import(client, campaign, upload)
    assert response.status_code == 302, response.content.decode()
    created = Initiative.objects.get(agency=district)
    assert (created.title, created.description) == ("Một cửa không hẹn", "Mô tả đầy đủ")
    assert list(created.implementing_units.all()) == [commune]
    assert created.category == category


@pytest.mark.parametrize("typed", ["Trà Ðốc", "Trà Đốc", "Тrà Đốc", unicodedata.normalize("NFD", "Trà Đốc")])
def test_search_finds_tra_doc_however_it_is_typed(client, reviewer, campaign, commune, typed):
    InitiativeFactory(campaign=campaign, agency=commune, title="Không viết, không hẹn")
    InitiativeFactory(campaign=campaign, title="Giám sát sát hạch lái xe")
    client.force_login(reviewer)
    page = client.get(reverse("initiatives:list"), {"q": typed})
    assert [item["title"] for item in page.context["page_obj"]] == ["Không viết, không hẹn"]
