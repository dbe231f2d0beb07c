import datetime

import pytest

from accounts.enums import Role
from awards import services
from awards.enums import NomineeType
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria, pdf_upload

DEADLINE = datetime.date(2024, 12, 24)


@pytest.fixture
def campaign(db):
    return CampaignFactory(
        code="4064",
        period_start=datetime.date(2023, 7, 1),
        period_end=datetime.date(2024, 11, 30),
        nomination_deadline=DEADLINE,
    )


@pytest.fixture
def collective_form(campaign):
    return AwardFormFactory(campaign=campaign, nominee_type=NomineeType.COLLECTIVE, position=1)


@pytest.fixture
def individual_form(campaign):
    return AwardFormFactory(campaign=campaign, nominee_type=NomineeType.INDIVIDUAL, position=2)


@pytest.fixture
def criteria(campaign):
    return load_plan_criteria(campaign)


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Sở Giao thông vận tải thử", email="sogtvt@example.vn")


@pytest.fixture
def officer(make_user, agency):
    return make_user(Role.AGENCY_OFFICER, agency=agency, email="canbo@example.vn")


@pytest.fixture
def other_officer(make_user):
    return make_user(Role.AGENCY_OFFICER, agency=AgencyFactory(name="Sở Khác"))


def make_dossier(*, officer, campaign, award_form, left_out=(), metrics=None, **nominee):
    """A nomination built through the services, with a PDF for each component not left out."""
    if award_form.nominee_type == NomineeType.COLLECTIVE:
        nominee.setdefault("nominee_agency", officer.agency)
    else:
        nominee.setdefault("nominee_name", "Trần Văn Bình")
        nominee.setdefault("nominee_unit", officer.agency.name)
    if metrics is None:
        metrics = {"task_completion_pct": 100, "rated_leading": True, "par_index_rank": 2, "late_dossier_rate_pct": 1.5}
        if award_form.nominee_type == NomineeType.INDIVIDUAL:
            metrics = {"individual_outstanding": True}
    nomination = services.nomination_create(
        user=officer,
        campaign=campaign,
        award_form=award_form,
        achievement_summary="Hoàn thành tốt nhiệm vụ.",
        declared_metrics=metrics,
        **nominee,
    )
    for requirement in award_form.requirements.all():
        if requirement.code not in left_out:
            services.dossier_document_upload(
                user=officer,
                nomination=nomination,
                requirement=requirement,
                upload=pdf_upload(f"{requirement.code}.pdf"),
            )
    return nomination


@pytest.fixture
def dossier(officer, campaign, collective_form, criteria):
    return make_dossier(officer=officer, campaign=campaign, award_form=collective_form)


def sent_at(day: datetime.date) -> datetime.datetime:
    from zoneinfo import ZoneInfo

    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def assert_summary_is_the_progress(campaign, as_of) -> None:
    """`campaign_progress_summary` (counted by the database) says what `campaign_progress` says."""
    from awards.selectors import campaign_progress, campaign_progress_summary, nominations_for_report

    full = campaign_progress(campaign=campaign, as_of=as_of)
    summary = campaign_progress_summary(campaign=campaign, as_of=as_of)
    assert (summary.as_of, summary.on_time_as_of, summary.sent_on_time_label) == (
        full.as_of,
        full.on_time_as_of,
        full.sent_on_time_label,
    )
    assert (summary.expected, summary.sent_on_time, summary.sent_late) == (
        full.expected,
        full.sent_on_time,
        full.sent_late,
    )
    assert summary.missing_agency_names == [agency.name for agency in full.missing_agencies]
    assert summary.merged_notes == [(row.agency.name, row.merged_note) for row in full.merged]
    assert (summary.nominations_total, summary.nominations_missing_component, summary.nominations_late) == (
        full.nominations_total,
        full.nominations_missing_component,
        full.nominations_late,
    )
    flagged = sum(nomination.missing_component for nomination in nominations_for_report(campaign=campaign, as_of=as_of))
    assert summary.nominations_missing_component == flagged
    assert [
        (g.key, g.label, g.expected, g.sent_on_time, g.sent_late, g.merged, g.missing) for g in summary.by_level
    ] == [
        (g.key, g.label, g.expected, g.sent_on_time, g.sent_late, g.merged, len(g.missing_agencies))
        for g in full.by_level
    ]
