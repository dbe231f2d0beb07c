"""The criteria checks through Redis and a real Celery worker process, not in process."""

import datetime
import io

import pytest
from django.core.management import call_command

from accounts.enums import Role
from awards import services
from awards.enums import Verdict
from awards.models import CriterionResult, Nomination
from tests.awards.conftest import make_dossier, sent_at
from tests.conftest import wait_for
from tests.factories import AgencyFactory, CampaignFactory, UserFactory
from tests.factories.awards import AwardFormFactory, load_plan_criteria, pdf_upload

pytestmark = pytest.mark.integration


@pytest.fixture
def setup(real_worker):
    campaign = CampaignFactory(code="4064", nomination_deadline=datetime.date(2024, 12, 24))
    award_form = AwardFormFactory(campaign=campaign)
    load_plan_criteria(campaign)
    officer = UserFactory(role=Role.AGENCY_OFFICER, agency=AgencyFactory())
    return campaign, award_form, officer


def _verdict(pk):
    return Nomination.objects.filter(pk=pk).values_list("verdict", flat=True).get()


def test_worker_checks_on_create_upload_and_submit(setup):
    campaign, award_form, officer = setup
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=award_form, left_out=("bien_ban",))
    wait_for(lambda: _verdict(nomination.pk) == Verdict.INCOMPLETE)
    services.dossier_document_upload(
        user=officer,
        nomination=nomination,
        requirement=award_form.requirements.get(code="bien_ban"),
        upload=pdf_upload("bien-ban.pdf"),
    )
    wait_for(
        lambda: CriterionResult.objects.filter(
            nomination=nomination, criterion__code="ho_so_day_du", outcome="met"
        ).exists()
    )
    # Still a draft: "sent by the deadline" cannot be told yet.
    assert _verdict(nomination.pk) == Verdict.INCOMPLETE
    services.nomination_submit(user=officer, nomination=nomination, at=sent_at(datetime.date(2024, 12, 20)))
    wait_for(lambda: _verdict(nomination.pk) == Verdict.ELIGIBLE)
    runs = set(CriterionResult.objects.filter(nomination=nomination).values_list("run_id", flat=True))
    assert runs == {Nomination.objects.get(pk=nomination.pk).check_run}


def test_check_nominations_command_runs_through_the_worker(setup):
    campaign, award_form, officer = setup
    good = make_dossier(officer=officer, campaign=campaign, award_form=award_form)
    services.nomination_submit(user=officer, nomination=good, at=sent_at(datetime.date(2024, 12, 2)))
    late_officer = UserFactory(role=Role.AGENCY_OFFICER, agency=AgencyFactory())
    late = make_dossier(officer=late_officer, campaign=campaign, award_form=award_form)
    services.nomination_submit(user=late_officer, nomination=late, at=sent_at(datetime.date(2024, 12, 30)))
    out = io.StringIO()
    call_command("check_nominations", campaign="4064", wait=60, stdout=out)
    text = out.getvalue()
    assert "Đã kiểm tra 2/2 hồ sơ." in text
    assert "Đủ điều kiện: 1" in text and "Không đủ điều kiện: 1" in text
    assert _verdict(late.pk) == Verdict.NOT_ELIGIBLE
