"""The council's writes: which nominations a meeting considers, the pass rule as data, the vote
bounds, the conclusion applied through the workflow, and the signed decision (number reuse)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from awards.enums import NominationState
from awards.models import Nomination
from campaign_portal.models import AuditEvent
from council.enums import PassComparison
from council.models import CouncilItem, CouncilMeeting
from council.services import (
    CouncilError,
    Votes,
    council_decision_record,
    council_rule_set,
    council_votes_record,
)
from tests.factories.awards import NominationFactory, pdf_upload

from .conftest import MEMBERS, meeting_create, votes_all


def test_meeting_considers_sent_and_approved_nominations_of_its_campaign_only(council_setup, reviewer):
    campaign, put, others = council_setup
    meeting = meeting_create(campaign, reviewer)
    assert {item.nomination_id for item in meeting.items.all()} == {n.pk for n in put.values()}
    assert meeting.members.count() == 5 and meeting.members_total == 9
    assert AuditEvent.objects.filter(action="council.meeting.create").count() == 1


def test_meeting_with_more_members_present_than_the_council_has_is_refused(council_setup, reviewer):
    campaign, _put, _others = council_setup
    with pytest.raises(CouncilError, match="nhiều hơn tổng số 3"):
        meeting_create(campaign, reviewer, total=3)
    assert not CouncilMeeting.objects.exists()


@pytest.mark.parametrize(
    ("comparison", "numerator", "denominator", "votes_for", "present", "passes"),
    [
        (PassComparison.MORE_THAN, 1, 2, 3, 5, True),
        (PassComparison.MORE_THAN, 1, 2, 5, 10, False),  # exactly half is not more than half
        (PassComparison.MORE_THAN, 1, 2, 6, 10, True),
        (PassComparison.AT_LEAST, 2, 3, 6, 9, True),  # exactly two thirds is enough
        (PassComparison.AT_LEAST, 2, 3, 5, 9, False),
        (PassComparison.AT_LEAST, 2, 3, 4, 5, True),
    ],
)
def test_pass_rule(council_setup, reviewer, comparison, numerator, denominator, votes_for, present, passes):
    campaign, _put, _others = council_setup
    rule = council_rule_set(
        campaign=campaign, user=reviewer, comparison=comparison, numerator=numerator, denominator=denominator
    )
    assert rule.passes(votes_for=votes_for, present=present) is passes


def test_rule_changed_after_setup_does_not_change_the_meeting(council_setup, reviewer):
    campaign, _put, _others = council_setup
    meeting = meeting_create(campaign, reviewer)
    council_rule_set(campaign=campaign, user=reviewer, comparison=PassComparison.AT_LEAST, numerator=4, denominator=5)
    meeting.refresh_from_db()
    assert (meeting.comparison, meeting.numerator, meeting.denominator) == (PassComparison.MORE_THAN, 1, 2)
    assert meeting.pass_rule_label == "trên 1/2 số thành viên Hội đồng có mặt tán thành"


def test_rule_share_above_one_is_refused(council_setup, reviewer):
    campaign, _put, _others = council_setup
    with pytest.raises(CouncilError):
        council_rule_set(
            campaign=campaign, user=reviewer, comparison=PassComparison.AT_LEAST, numerator=3, denominator=2
        )


def test_votes_beyond_the_members_present_save_nothing(council_setup, reviewer):
    campaign, put, _others = council_setup
    meeting = meeting_create(campaign, reviewer)
    votes = votes_all(meeting)
    wrong = meeting.items.get(nomination=put["submitted"])
    votes[wrong.pk] = Votes(4, 1, 1)  # 6 > 5 present
    with pytest.raises(CouncilError) as raised:
        council_votes_record(meeting=meeting, user=reviewer, votes=votes)
    assert "6 phiếu" in raised.value.messages[0] and "5 thành viên có mặt" in raised.value.messages[0]
    assert not CouncilItem.objects.filter(votes_for__isnull=False).exists()
    assert CouncilMeeting.objects.get().votes_recorded_at is None
    put["submitted"].refresh_from_db()
    assert put["submitted"].state == NominationState.SUBMITTED


def test_votes_apply_the_conclusion_through_the_workflow(concluded):
    meeting, put, others = concluded
    states = {key: type(n).objects.get(pk=n.pk).state for key, n in put.items()}
    assert states == {
        "submitted": NominationState.APPROVED,
        "under_review": NominationState.APPROVED,
        "approved": NominationState.APPROVED,
        "failing": NominationState.REJECTED,
    }
    failing = type(put["failing"]).objects.get(pk=put["failing"].pk)
    assert "2/5 thành viên có mặt tán thành" in failing.last_reason
    assert failing.transitions.get(to_state=NominationState.REJECTED).actor is not None
    for other in others.values():
        assert type(other).objects.get(pk=other.pk).state == other.state
    with pytest.raises(CouncilError, match="đã được ghi"):
        council_votes_record(meeting=meeting, user=meeting.votes_recorded_by, votes=votes_all(meeting))


def test_decision_awards_every_nomination_of_the_list(concluded, reviewer):
    meeting, put, _others = concluded
    council_decision_record(
        meeting=meeting, user=reviewer, number="123/QĐ-UBND", day=datetime.date(2025, 2, 3), upload=pdf_upload("qd.pdf")
    )
    for key in ("submitted", "under_review", "approved"):
        nomination = type(put[key]).objects.get(pk=put[key].pk)
        assert nomination.state == NominationState.AWARDED
        assert (nomination.decision_number, nomination.decision_date) == ("123/QĐ-UBND", datetime.date(2025, 2, 3))
    failing = type(put["failing"]).objects.get(pk=put["failing"].pk)
    assert failing.state == NominationState.REJECTED and failing.decision_number == ""
    meeting.refresh_from_db()
    assert meeting.decision_file.read().startswith(b"%PDF-")


def test_decision_number_already_used_saves_nothing(concluded, reviewer):
    meeting, put, others = concluded
    nominations = type(put["submitted"]).objects
    # The number was given earlier in the same year, to a nomination of another campaign.
    nominations.filter(pk=others["elsewhere"].pk).update(
        decision_number="55/QĐ-UBND", decision_date=datetime.date(2025, 1, 2)
    )
    with pytest.raises(CouncilError, match="55/qđ-ubnd đã được dùng trong năm 2025"):
        council_decision_record(
            meeting=meeting, user=reviewer, number="55/qđ-ubnd", day=datetime.date(2025, 3, 1), upload=pdf_upload()
        )
    meeting.refresh_from_db()
    assert meeting.decision_number == "" and not meeting.decision_file
    assert not nominations.filter(state=NominationState.AWARDED).exists()
    # The same number in another year is another decision.
    council_decision_record(
        meeting=meeting, user=reviewer, number="55/QĐ-UBND", day=datetime.date(2026, 3, 1), upload=pdf_upload()
    )
    assert nominations.filter(state=NominationState.AWARDED, decision_number="55/QĐ-UBND").count() == 3
    with pytest.raises(CouncilError, match="đã có quyết định số 55/QĐ-UBND"):
        council_decision_record(
            meeting=meeting, user=reviewer, number="56/QĐ-UBND", day=datetime.date(2026, 3, 1), upload=pdf_upload()
        )


def test_decision_file_that_is_not_a_pdf_is_refused(concluded, reviewer):
    meeting, _put, _others = concluded
    fake = SimpleUploadedFile("qd.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    with pytest.raises(Exception, match="không phải là tệp PDF"):
        council_decision_record(
            meeting=meeting, user=reviewer, number="9/QĐ-UBND", day=datetime.date(2025, 2, 3), upload=fake
        )
    meeting.refresh_from_db()
    assert meeting.decision_number == ""


def test_members_list_names_every_member(council_setup, reviewer):
    campaign, _put, _others = council_setup
    meeting = meeting_create(campaign, reviewer)
    assert [(m.name, m.position) for m in meeting.members.all()] == MEMBERS


def test_second_meeting_takes_only_nominations_no_meeting_considered(concluded, reviewer):
    meeting, put, _others = concluded
    later = NominationFactory(award_form=put["submitted"].award_form, state=NominationState.SUBMITTED)
    second = meeting_create(meeting.campaign, reviewer)
    assert [item.nomination_id for item in second.items.all()] == [later.pk]
    CouncilMeeting.objects.filter(pk=second.pk).delete()
    Nomination.objects.filter(pk=later.pk).delete()
    with pytest.raises(CouncilError, match="chưa có hồ sơ nào"):
        meeting_create(meeting.campaign, reviewer)


def test_render_report_command_without_a_meeting_says_so(council_setup):
    campaign, _put, _others = council_setup
    with pytest.raises(CommandError, match="chưa có cuộc họp Hội đồng"):
        call_command("render_report", campaign=campaign.code, format="pdf", output="/dev/null", document="minutes")
