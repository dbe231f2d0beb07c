"""Campaign progress on the demo data (the reference report's "25/43"), the demo seed's
idempotency and the report's list."""

import datetime

import pytest

from awards.enums import NominationState, Outcome, Verdict
from awards.models import CriterionResult, Nomination
from awards.selectors import campaign_progress, nominations_for_report
from campaigns.models import Campaign
from demo.accounts import load_accounts
from demo.campaign import load_campaign
from demo.nominations import load_nominations
from tests.awards.conftest import assert_summary_is_the_progress


@pytest.fixture
def demo(quang_nam):
    load_accounts()
    load_campaign()
    load_nominations()
    return Campaign.objects.get(code="4064")


def test_progress_on_demo_is_25_of_43_by_the_deadline(demo):
    progress = campaign_progress(campaign=demo, as_of=datetime.date(2024, 12, 24))
    assert (progress.sent_on_time, progress.expected) == (25, 43)
    assert progress.sent_on_time_label == "25/43"
    assert progress.sent_late == 0, "Phú Ninh's dossier came on 27/12, after the as-of day"
    assert len(progress.missing_agencies) == 18
    assert "UBND huyện Phú Ninh" in {agency.name for agency in progress.missing_agencies}
    assert progress.nominations_missing_component == 3


def test_progress_after_the_deadline_counts_the_late_agency(demo):
    progress = campaign_progress(campaign=demo, as_of=datetime.date(2025, 1, 31))
    assert (progress.sent_on_time, progress.sent_late, len(progress.missing_agencies)) == (25, 1, 17)
    assert [agency.name for agency in progress.late_agencies] == ["UBND huyện Phú Ninh"]
    assert progress.nominations_late == 1
    assert progress.nominations_total == Nomination.objects.exclude(state=NominationState.DRAFT).count()
    levels = {group.key: (group.expected, group.sent_on_time, group.sent_late) for group in progress.by_level}
    assert levels == {"province": (25, 15, 0), "district": (18, 10, 1)}
    districts = {group.label: group for group in progress.by_district}
    assert len(districts) == 18
    assert districts["UBND huyện Bắc Trà My"].sent_on_time == 1
    assert [a.name for a in districts["UBND huyện Nam Giang"].missing_agencies] == ["UBND huyện Nam Giang"]
    labels = [group.label.removeprefix("UBND huyện ") for group in progress.by_district]
    assert labels.index("Duy Xuyên") < labels.index("Đại Lộc") < labels.index("Hiệp Đức")
    assert labels.index("Đông Giang") < labels.index("Hiệp Đức"), "Đ sorts after D, before E"
    rows = [row.agency.name for row in progress.rows if row.agency.level == "district"]
    assert rows.index("UBND huyện Duy Xuyên") < rows.index("UBND huyện Đại Lộc")


@pytest.mark.parametrize("day", ["2024-06-30", "2024-12-20", "2024-12-24", "2024-12-27", "2025-01-31", "2025-08-01"])
def test_progress_summary_counts_what_the_progress_lists_on_demo(demo, day):
    assert_summary_is_the_progress(demo, datetime.date.fromisoformat(day))


def test_demo_shows_both_outcomes_for_every_criterion_kind(demo):
    pairs = set(CriterionResult.objects.values_list("criterion__kind", "outcome"))
    for kind in ("document_present", "deadline", "metric", "attestation", "no_duplicate"):
        assert (kind, Outcome.MET) in pairs and (kind, Outcome.NOT_MET) in pairs, kind
    verdicts = set(Nomination.objects.values_list("verdict", flat=True))
    assert {Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE, Verdict.INCOMPLETE} <= verdicts
    duplicate = CriterionResult.objects.get(criterion__kind="no_duplicate", outcome=Outcome.NOT_MET)
    assert duplicate.nomination.nominee_name == "Nguyễn Văn Hùng"
    assert duplicate.nomination.agency.name == "UBND huyện Bắc Trà My"


def test_demo_seed_second_run_changes_nothing(demo):
    def state():
        return (
            list(Nomination.objects.order_by("pk").values_list("pk", "state", "verdict", "check_run", "submitted_at")),
            list(CriterionResult.objects.order_by("pk").values_list("pk", "run_id", "outcome")),
        )

    before = state()
    assert "0 hồ sơ mới" in load_nominations()
    assert state() == before


def test_nominations_for_report_without_n_plus_1(demo, django_assert_num_queries):
    with django_assert_num_queries(2):
        rows = [
            (
                n.nominee_label,
                n.award_form.name,
                n.agency.name,
                n.get_verdict_display(),
                [r.outcome for r in n.results.all()],
            )
            for n in nominations_for_report(campaign=demo)
        ]
    assert len(rows) == Nomination.objects.exclude(state=NominationState.DRAFT).count()
