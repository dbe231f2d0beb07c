"""The second demo campaign (invented, demo/ntm_data.py) is loaded by seed_demo beside Plan 4064,
both demo reports render through the real render service, the second one speaks of its own
decision and categories with none of Plan 4064's words, and seeding twice changes nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from awards.enums import ReceiptChannel
from awards.models import Nomination
from demo import ntm_data
from reports.models import OutlineBlock, SummaryReport
from reports.services import report_file_build
from tests.reports.helpers import DocxReport, normalise, pdf_text

FOREIGN_WORDS = ("4064", "cải cách hành chính", "CCHC")


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=io.StringIO())


def _texts(report) -> dict[str, str]:
    pdf, _doc = report_file_build(report=report, fmt="pdf")
    docx, _doc = report_file_build(report=report, fmt="docx")
    word = DocxReport(docx)
    return {"pdf": normalise(pdf_text(pdf)), "docx": word.body_text + " " + " ".join(word.footnotes.values())}


def test_both_demo_reports_render_and_the_second_holds_only_its_own_words(seeded):
    first = SummaryReport.objects.get(campaign__code="4064")
    for fmt, text in _texts(first).items():
        assert "Kế hoạch số 4064/KH-UBND" in text, fmt

    second = SummaryReport.objects.select_related("campaign").get(campaign__code=ntm_data.CODE)
    for fmt, text in _texts(second).items():
        assert "Quyết định số 1234/QĐ-UBND" in text, fmt
        assert "Chung sức xây dựng nông thôn mới" in text, fmt
        for _code, name in ntm_data.CATEGORIES:
            assert name in text, (fmt, name)
        for word in FOREIGN_WORDS:
            assert word.casefold() not in text.casefold(), (fmt, word)


def test_second_campaign_has_its_paper_late_and_incomplete_dossiers(seeded):
    campaign = SummaryReport.objects.get(campaign__code=ntm_data.CODE).campaign
    deadline = campaign.nomination_deadline
    paper = Nomination.objects.get(campaign=campaign, receipt_channel=ReceiptChannel.PAPER)
    assert paper.receipt_number == "312" and paper.received_on <= deadline < paper.submitted_at.date()
    late = Nomination.objects.filter(campaign=campaign, agency__name="UBND huyện Duy Xuyên").get()
    assert late.received_on > deadline
    incomplete = Nomination.objects.get(campaign=campaign, agency__name="Sở Xây dựng")
    assert not incomplete.documents.filter(requirement__code="xac_nhan_xa").exists()
    assert campaign.expected_agencies.count() == len(ntm_data.EXPECTED_AGENCIES)
    # The one computed block placed differently from the generic outline: indicators under "Ưu điểm".
    assert list(
        OutlineBlock.objects.filter(section__campaign=campaign, kind="indicators").values_list(
            "section__key", flat=True
        )
    ) == ["uu-diem"]


def _snapshot() -> dict:
    snapshot = {}
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "admin", "contenttypes", "auth"}:
            continue
        # The freshness triggers move `data_version` on any write statement, even one that rewrites
        # a row with the values it had (load_agencies, update_or_create): a cache key, not data.
        fields = [f.attname for f in model._meta.concrete_fields if f.attname != "data_version"]
        snapshot[model._meta.label] = list(model.objects.order_by("pk").values_list(*fields))
    return snapshot


def test_seed_demo_twice_changes_nothing(seeded):
    before = _snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    after = _snapshot()
    changed = [label for label in before if before[label] != after[label]]
    assert changed == []
