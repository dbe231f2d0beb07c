"""A criterion's explanation in the reader's language (issue 17: in English they stayed Vietnamese):
the check writes it in Vietnamese, which official documents print, and in each other language of
the portal, whatever language the request that ran the check in process speaks."""

import datetime

from django.urls import reverse
from django.utils import translation

from awards import selectors, services
from awards.enums import Outcome
from awards.models import CriterionResult
from tests.awards.conftest import sent_at

VIETNAMESE = "Tỷ lệ hồ sơ thủ tục hành chính trễ hẹn: kê khai 1,5%, đạt yêu cầu (dưới 5%)."


def _late_rate(dossier) -> CriterionResult:
    return CriterionResult.objects.get(nomination=dossier, criterion__code="ho_so_tre_hen")


def test_check_run_during_an_english_request_stores_vietnamese_and_english(dossier, officer):
    services.nomination_submit(user=officer, nomination=dossier, at=sent_at(datetime.date(2024, 12, 20)))
    with translation.override("en"):
        services.criteria_check_nomination(dossier.pk)
    result = _late_rate(dossier)
    assert result.explanation == VIETNAMESE
    assert set(result.explanations) == {"en"}
    english = result.explanations["en"]
    assert "1.5%" in english and "kê khai" not in english, english


def test_nomination_page_shows_the_explanation_in_the_readers_language(client, dossier, officer):
    services.nomination_submit(user=officer, nomination=dossier, at=sent_at(datetime.date(2024, 12, 20)))
    services.criteria_check_nomination(dossier.pk)
    client.force_login(officer)
    url = reverse("awards:nomination_detail", args=[dossier.pk])
    assert VIETNAMESE in client.get(url).content.decode()
    client.post(reverse("set_language"), {"language": "en"})
    html = client.get(url).content.decode()
    assert _late_rate(dossier).explanations["en"] in html and VIETNAMESE not in html


def test_lists_read_the_explanation_in_the_readers_language_or_else_vietnamese(dossier, officer):
    services.nomination_submit(user=officer, nomination=dossier, at=sent_at(datetime.date(2024, 12, 20)))
    services.criteria_check_nomination(dossier.pk)
    results = CriterionResult.objects.filter(nomination=dossier)
    results.update(outcome=Outcome.NOT_MET)
    written_in_vietnamese_only = results.exclude(criterion__code="ho_so_tre_hen").first()
    written_in_vietnamese_only.explanations = {}
    written_in_vietnamese_only.save()
    english = _late_rate(dossier).explanations["en"]

    def explanations() -> dict[int, str]:
        problems = selectors.nomination_problems(nomination_ids=[dossier.pk])[dossier.pk]
        assert len(problems) == results.count()
        return {problem.explanation for problem in problems}

    with translation.override("en"):
        assert english in explanations()
        assert written_in_vietnamese_only.explanation in explanations()
    with translation.override("vi"):
        assert english not in explanations() and VIETNAMESE in explanations()
