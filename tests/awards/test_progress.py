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
from tests.awards.conftest import DEADLINE, assert_summary_is_the_progress, make_dossier


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


def test_missing_component_count_follows_the_form_and_its_required_components(
    officer, campaign, collective_form, individual_form
):
    """Counted as the nomination's flag counts it: only the components its own form requires."""
    complete = make_dossier(officer=officer, campaign=campaign, award_form=collective_form)
    make_dossier(officer=officer, campaign=campaign, award_form=collective_form, left_out=["bien_ban"])
    make_dossier(officer=officer, campaign=campaign, award_form=individual_form, left_out=["to_trinh", "danh_sach"])
    # Complete for the form it was drafted on, then moved to the other: every component missing.
    moved = make_dossier(officer=officer, campaign=campaign, award_form=collective_form)
    Nomination.objects.filter(pk=moved.pk).update(award_form=individual_form)
    # Only an optional component left out: complete.
    optional = make_dossier(
        officer=officer, campaign=campaign, award_form=individual_form, left_out=["bao_cao_thanh_tich"]
    )
    individual_form.requirements.filter(code="bao_cao_thanh_tich").update(required=False)
    Nomination.objects.update(state=NominationState.SUBMITTED, received_on=DEADLINE)

    progress = campaign_progress(campaign=campaign, as_of=DEADLINE)
    assert (progress.nominations_total, progress.nominations_missing_component) == (5, 3)
    flags = {nomination.pk: nomination.missing_component for nomination in nominations_for_report(campaign=campaign)}
    assert (flags[complete.pk], flags[moved.pk], flags[optional.pk]) == (False, True, False)
    assert_summary_is_the_progress(campaign, DEADLINE)

    # A form that requires nothing: nothing can be missing.
    individual_form.requirements.update(required=False)
    assert campaign_progress(campaign=campaign, as_of=DEADLINE).nominations_missing_component == 1
    assert_summary_is_the_progress(campaign, DEADLINE)
