"""A campaign of its own with one collective and one individual award form, and nominations in
every state the council must tell apart: sent, under review, approved (put to the council), and
a draft, a returned one and one of another campaign (never put to it)."""

import datetime

import pytest
from django.utils import timezone

from awards.enums import NominationState, NomineeType
from council.services import Votes, council_meeting_create, council_votes_record
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, NominationFactory

MEMBERS = [
    ("Lê Văn Chủ", "Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng"),
    ("Nguyễn Thị Phó", "Giám đốc Sở Nội vụ, Phó Chủ tịch Hội đồng"),
    ("Trần Văn Một", "Ủy viên"),
    ("Phạm Thị Hai", "Ủy viên"),
    ("Hoàng Văn Ba", "Ủy viên"),
]


def _nomination(award_form, state, **values):
    values.setdefault("agency", AgencyFactory())
    submitted = state != NominationState.DRAFT
    return NominationFactory(
        award_form=award_form,
        state=state,
        submitted_at=timezone.now() if submitted else None,
        **values,
    )


@pytest.fixture
def council_setup(db):
    campaign = CampaignFactory(name="Phong trào thi đua thử nghiệm Hội đồng")
    collective = AwardFormFactory(campaign=campaign, name="Bằng khen của Chủ tịch UBND tỉnh")
    individual = AwardFormFactory(
        campaign=campaign, name="Bằng khen của Chủ tịch UBND tỉnh", nominee_type=NomineeType.INDIVIDUAL
    )
    put = {
        "submitted": _nomination(collective, NominationState.SUBMITTED, agency=AgencyFactory(name="Sở Tư pháp thử")),
        "under_review": _nomination(
            collective, NominationState.UNDER_REVIEW, agency=AgencyFactory(name="UBND huyện Đông Giang thử")
        ),
        "approved": _nomination(
            individual,
            NominationState.APPROVED,
            nominee_name="Võ Thị Hạnh",
            nominee_position="Chuyên viên",
            nominee_unit="Sở Tài chính thử",
        ),
        "failing": _nomination(individual, NominationState.APPROVED, nominee_name="Đặng Văn Trượt"),
    }
    others = {
        "draft": _nomination(collective, NominationState.DRAFT, agency=AgencyFactory(name="Sở Nháp thử")),
        "returned": _nomination(collective, NominationState.RETURNED, agency=AgencyFactory(name="Sở Trả lại thử")),
        "elsewhere": _nomination(
            AwardFormFactory(), NominationState.SUBMITTED, agency=AgencyFactory(name="Sở Phong trào khác thử")
        ),
    }
    return campaign, put, others


def meeting_create(campaign, reviewer, members=MEMBERS, total=9):
    return council_meeting_create(
        campaign=campaign,
        user=reviewer,
        held_on=datetime.date(2025, 1, 15),
        place="Trụ sở UBND tỉnh",
        chair_name=members[0][0],
        chair_position=members[0][1],
        secretary_name="Ngô Thị Thư",
        members_total=total,
        members=list(members),
    )


def votes_all(meeting, *, failing=None, present=5) -> dict:
    """Every nomination passes 4/5, except `failing` (2/5)."""
    return {
        item.pk: Votes(2, 3, 0) if failing is not None and item.nomination_id == failing.pk else Votes(4, 1, 0)
        for item in meeting.items.all()
    }


@pytest.fixture
def concluded(council_setup, reviewer, django_capture_on_commit_callbacks):
    campaign, put, others = council_setup
    meeting = meeting_create(campaign, reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        council_votes_record(meeting=meeting, user=reviewer, votes=votes_all(meeting, failing=put["failing"]))
    meeting.refresh_from_db()
    return meeting, put, others
