"""Quotas as data on an award form: the `quota` criterion flags the dossiers sent past it, the
queue and the progress page show the count against it, and approving past it needs a reason."""

from decimal import Decimal

import pytest
from django.urls import reverse

from awards import services
from awards.enums import CriterionKind, NominationState, Outcome, QuotaKind
from awards.forms import AwardFormForm
from awards.models import Nomination
from awards.quotas import quota_facts
from campaign_portal.models import AuditEvent
from campaign_portal.workflow import WorkflowError
from tests.factories.awards import CriterionFactory

from .conftest import make_dossier


@pytest.fixture
def quota_criterion(campaign):
    return CriterionFactory(campaign=campaign, code="chi_tieu", kind=CriterionKind.QUOTA, wording="Trong chỉ tiêu")


def _sent(officer, campaign, award_form, name, metrics=None):
    nomination = make_dossier(
        officer=officer, campaign=campaign, award_form=award_form, nominee_name=name, metrics=metrics
    )
    return services.nomination_submit(user=officer, nomination=nomination)


def _quota(award_form, kind, number, base=""):
    award_form.quota_kind, award_form.quota_number, award_form.quota_base_metric = kind, Decimal(number), base
    award_form.save()


def _outcome(nomination, criterion):
    services.criteria_check_nomination(nomination.pk)
    return nomination.results.get(criterion=criterion)


def test_dossier_past_the_agency_quota_is_flagged(officer, campaign, individual_form, quota_criterion):
    _quota(individual_form, QuotaKind.PER_AGENCY, 1)
    first = _sent(officer, campaign, individual_form, "Trần Văn Một")
    second = _sent(officer, campaign, individual_form, "Trần Văn Hai")
    result = _outcome(first, quota_criterion)
    assert result.outcome == Outcome.MET
    assert result.explanation == "Hồ sơ thứ 1 trong chỉ tiêu 1 hồ sơ của Sở Giao thông vận tải thử."
    result = _outcome(second, quota_criterion)
    assert result.outcome == Outcome.NOT_MET
    assert result.explanation == "Hồ sơ thứ 2, vượt chỉ tiêu 1 hồ sơ của Sở Giao thông vận tải thử."


def test_another_agency_has_its_own_quota(officer, other_officer, campaign, individual_form, quota_criterion):
    _quota(individual_form, QuotaKind.PER_AGENCY, 1)
    _sent(officer, campaign, individual_form, "Trần Văn Một")
    theirs = _sent(other_officer, campaign, individual_form, "Lê Văn Khác")
    assert _outcome(theirs, quota_criterion).outcome == Outcome.MET


def test_quota_per_level_counts_the_agencies_of_the_level_together(
    officer, other_officer, campaign, individual_form, quota_criterion
):
    _quota(individual_form, QuotaKind.PER_LEVEL, 1)
    _sent(officer, campaign, individual_form, "Trần Văn Một")
    theirs = _sent(other_officer, campaign, individual_form, "Lê Văn Khác")
    result = _outcome(theirs, quota_criterion)
    assert result.outcome == Outcome.NOT_MET
    assert "vượt chỉ tiêu 1 hồ sơ của các cơ quan cấp" in result.explanation


def test_quota_as_a_share_of_the_declared_base(officer, campaign, individual_form, quota_criterion):
    _quota(individual_form, QuotaKind.SHARE, "10", base="so_can_bo")
    base = {"individual_outstanding": True, "so_can_bo": 25}
    sent = [_sent(officer, campaign, individual_form, f"Cán bộ {n}", metrics=base) for n in range(3)]
    assert [_outcome(n, quota_criterion).outcome for n in sent] == [Outcome.MET, Outcome.MET, Outcome.NOT_MET]
    undeclared = _sent(officer, campaign, individual_form, "Chưa kê khai", metrics={"individual_outstanding": True})
    result = _outcome(undeclared, quota_criterion)
    assert result.outcome == Outcome.CANNOT_TELL and "chưa kê khai số liệu làm cơ sở" in result.explanation


def test_approving_past_the_quota_needs_a_reason(officer, reviewer, campaign, individual_form):
    _quota(individual_form, QuotaKind.PER_AGENCY, 1)
    first = _sent(officer, campaign, individual_form, "Trần Văn Một")
    second = _sent(officer, campaign, individual_form, "Trần Văn Hai")
    services.nomination_transition(user=reviewer, nomination=first, name="approve")
    with pytest.raises(WorkflowError, match="đủ chỉ tiêu 1 .*hãy ghi lý do duyệt vượt chỉ tiêu"):
        services.nomination_transition(user=reviewer, nomination=second, name="approve")
    second.refresh_from_db()
    assert second.state == NominationState.SUBMITTED
    services.nomination_transition(
        user=reviewer, nomination=second, name="approve", reason="Thành tích đột xuất, Hội đồng thống nhất."
    )
    second.refresh_from_db()
    assert second.state == NominationState.APPROVED
    event = AuditEvent.objects.filter(action="awards.nomination.approve").latest("pk")
    assert event.note == "Thành tích đột xuất, Hội đồng thống nhất."


def test_a_rejected_dossier_frees_its_place(officer, reviewer, campaign, individual_form):
    _quota(individual_form, QuotaKind.PER_AGENCY, 1)
    first = _sent(officer, campaign, individual_form, "Trần Văn Một")
    second = _sent(officer, campaign, individual_form, "Trần Văn Hai")
    services.nomination_transition(user=reviewer, nomination=first, name="approve")
    services.nomination_transition(user=reviewer, nomination=first, name="reject", reason="Không đạt.")
    services.nomination_transition(user=reviewer, nomination=second, name="approve")
    second.refresh_from_db()
    assert second.state == NominationState.APPROVED


def test_bulk_approval_leaves_the_ones_past_the_quota(officer, reviewer, campaign, individual_form):
    _quota(individual_form, QuotaKind.PER_AGENCY, 1)
    sent = [_sent(officer, campaign, individual_form, f"Cán bộ {n}") for n in range(2)]
    for nomination in sent:
        nomination.verdict = "eligible"
        nomination.save(update_fields=["verdict"])
    approved, refused = services.nominations_bulk_approve(user=reviewer, nomination_ids=[n.pk for n in sent])
    assert len(approved) == 1 and len(refused) == 1 and "vượt chỉ tiêu" in refused[0]


@pytest.mark.parametrize(("kind", "ranks"), [(QuotaKind.PER_AGENCY, [1, 2, 1]), (QuotaKind.PER_LEVEL, [1, 2, 3])])
def test_quota_facts_rank_each_dossier_in_its_own_scope(officer, other_officer, campaign, individual_form, kind, ranks):
    """`quota_facts` reads only the scopes of the dossiers it is given (their agencies, or their
    levels): the ranks are those among every dossier sent in each scope."""
    _quota(individual_form, kind, 1)
    sent = [
        _sent(officer, campaign, individual_form, "Trần Văn Một"),
        _sent(officer, campaign, individual_form, "Trần Văn Hai"),
        _sent(other_officer, campaign, individual_form, "Lê Văn Khác"),
    ]
    nominations = list(Nomination.objects.filter(pk__in=[n.pk for n in sent]).select_related("agency", "award_form"))
    facts = quota_facts(nominations)
    assert [facts[n.pk].rank for n in sent] == ranks
    assert quota_facts([n for n in nominations if n.pk == sent[2].pk])[sent[2].pk].rank == ranks[2]


def test_queue_and_progress_show_the_count_against_the_quota(
    client, officer, reviewer, campaign, individual_form, quota_criterion
):
    _quota(individual_form, QuotaKind.PER_AGENCY, 1)
    _sent(officer, campaign, individual_form, "Trần Văn Một")
    _sent(officer, campaign, individual_form, "Trần Văn Hai")
    client.force_login(reviewer)
    queue = client.get(reverse("awards:nomination_list"), {"phong-trao": campaign.code}).content.decode()
    assert "Chỉ tiêu: hồ sơ thứ 1/1" in queue and "Chỉ tiêu: hồ sơ thứ 2/1" in queue and "vượt chỉ tiêu" in queue
    progress = client.get(reverse("awards:progress"), {"phong-trao": campaign.code}).content.decode()
    assert "Chỉ tiêu khen thưởng" in progress and "của Sở Giao thông vận tải thử" in progress
    assert "table-danger" in progress


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"quota_kind": "per_agency"}, "quota_number", "Hãy nhập số lượng hoặc tỷ lệ của chỉ tiêu."),
        ({"quota_kind": "per_agency", "quota_number": "0"}, "quota_number", "Chỉ tiêu phải lớn hơn 0."),
        ({"quota_kind": "per_level", "quota_number": "1.5"}, "quota_number", "Số lượng hồ sơ phải là số nguyên."),
        (
            {"quota_kind": "share", "quota_number": "120", "quota_base_metric": "x"},
            "quota_number",
            "Tỷ lệ không quá 100%.",
        ),
        ({"quota_kind": "share", "quota_number": "10"}, "quota_base_metric", "Chỉ tiêu theo tỷ lệ cần mã số liệu"),
        ({"quota_kind": "per_agency", "quota_number": "abc"}, "quota_number", "Nhập một số."),
    ],
)
@pytest.mark.django_db
def test_award_form_quota_bad_input_names_the_field(data, field, message):
    form = AwardFormForm({"name": "Bằng khen", "nominee_type": "individual", "position": 1, **data})
    assert not form.is_valid()
    assert any(message in error for error in form.errors[field])


@pytest.mark.django_db
def test_award_form_without_quota_clears_its_number():
    form = AwardFormForm(
        {"name": "Bằng khen", "nominee_type": "individual", "position": 1, "quota_kind": "", "quota_number": "3"}
    )
    assert form.is_valid()
    assert form.cleaned_data["quota_number"] is None
