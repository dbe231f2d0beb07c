"""The reviewers' set-up of award forms (created, edited, retired) with their dossier components,
and of criteria through a form per kind: the reviewer never types JSON, bad parameters get a
message naming the field and nothing is saved."""

import datetime

import pytest
from django.urls import reverse

from accounts.enums import Role
from awards import criteria as engine
from awards.enums import Outcome
from awards.forms import NominationForm
from awards.models import AwardForm, Criterion
from campaign_portal.audit import audit_events_for
from tests.factories.awards import CriterionFactory, NominationFactory


def _award_form_post(**changes):
    data = {
        "name": "Giấy khen của Giám đốc Sở",
        "nominee_type": "individual",
        "position": 3,
        "requirements-TOTAL_FORMS": 2,
        "requirements-INITIAL_FORMS": 0,
        "requirements-MIN_NUM_FORMS": 0,
        "requirements-MAX_NUM_FORMS": 1000,
        "requirements-0-code": "to_trinh",
        "requirements-0-name": "Tờ trình",
        "requirements-0-required": "on",
        "requirements-0-position": 1,
        "requirements-1-code": "bao_cao",
        "requirements-1-name": "Báo cáo thành tích",
        "requirements-1-position": 2,
    }
    return data | changes


def test_reviewer_creates_an_award_form_with_its_components(client, reviewer, campaign):
    client.force_login(reviewer)
    url = f"{reverse('awards:award_form_create')}?phong-trao={campaign.code}"
    assert client.get(url).status_code == 200
    response = client.post(url, _award_form_post())
    assert response.status_code == 302
    form = AwardForm.objects.get(campaign=campaign, name="Giấy khen của Giám đốc Sở")
    assert list(form.requirements.values_list("code", "required")) == [("to_trinh", True), ("bao_cao", False)]
    event = audit_events_for(form).get(action="awards.award_form.create")
    assert event.after["requirements"] == [["to_trinh", True], ["bao_cao", False]]


def test_award_form_with_a_name_taken_names_the_field_and_saves_nothing(client, reviewer, collective_form):
    client.force_login(reviewer)
    url = f"{reverse('awards:award_form_create')}?phong-trao={collective_form.campaign.code}"
    response = client.post(url, _award_form_post(name=collective_form.name, nominee_type="collective"))
    assert response.status_code == 400
    assert "Phong trào đã có hình thức khen thưởng" in response.content.decode()
    assert AwardForm.objects.filter(campaign=collective_form.campaign).count() == 1


def test_retired_form_is_not_offered_to_new_nominations_but_kept_by_old_ones(client, reviewer, collective_form):
    nomination = NominationFactory(campaign=collective_form.campaign, award_form=collective_form)
    client.force_login(reviewer)
    url = reverse("awards:award_form_edit", args=[collective_form.pk])
    requirements = list(collective_form.requirements.all())
    data = _award_form_post(
        name=collective_form.name,
        nominee_type="collective",
        retired="on",
        **{"requirements-TOTAL_FORMS": len(requirements), "requirements-INITIAL_FORMS": len(requirements)},
    )
    for index, requirement in enumerate(requirements):
        data |= {
            f"requirements-{index}-id": requirement.pk,
            f"requirements-{index}-code": requirement.code,
            f"requirements-{index}-name": requirement.name,
            f"requirements-{index}-required": "on",
            f"requirements-{index}-position": requirement.position,
        }
    assert client.post(url, data).status_code == 302
    collective_form.refresh_from_db()
    assert collective_form.retired
    assert audit_events_for(collective_form).get(action="awards.award_form.update").after["retired"] is True
    new_form = NominationForm(campaign=collective_form.campaign, agency=nomination.agency, metric_fields=[])
    assert collective_form not in new_form.fields["award_form"].queryset
    old_form = NominationForm(
        instance=nomination, campaign=collective_form.campaign, agency=nomination.agency, metric_fields=[]
    )
    assert collective_form in old_form.fields["award_form"].queryset
    nomination.refresh_from_db()
    assert nomination.award_form == collective_form
    listing = client.get(reverse("awards:criteria"), {"phong-trao": collective_form.campaign.code})
    assert "ngừng sử dụng" in listing.content.decode()


def test_criterion_page_asks_for_the_kind_first(client, reviewer, campaign):
    client.force_login(reviewer)
    url = reverse("awards:criterion_create")
    page = client.get(url, {"phong-trao": campaign.code}).content.decode()
    assert 'name="kind"' in page and 'name="wording"' not in page
    page = client.get(url, {"phong-trao": campaign.code, "kind": "metric"}).content.decode()
    assert 'name="p-metric"' in page and 'name="p-threshold"' in page and '<select name="p-op"' in page
    assert 'name="params"' not in page and "JSON" not in page


BASE = {"wording": "Tiêu chí thử", "applies_to": "both", "position": 1, "active": "on"}
KIND_CASES = [
    ("document_present", {"p-requirement": "bien_ban"}, {"requirement": "bien_ban"}),
    ("document_present", {"p-requirement": "*"}, {"requirement": "*"}),
    ("deadline", {}, {}),
    ("deadline", {"p-grace_days": "3"}, {"grace_days": 3}),
    (
        "metric",
        {"p-metric": "late_rate", "p-label": "Tỷ lệ hồ sơ trễ hẹn", "p-op": "<", "p-threshold": "2,5", "p-unit": "%"},
        {"metric": "late_rate", "label": "Tỷ lệ hồ sơ trễ hẹn", "op": "<", "threshold": 2.5, "unit": "%"},
    ),
    (
        "attestation",
        {"p-statement": "leading", "p-label": "Thuộc nhóm dẫn đầu", "p-evidence": "bien_ban"},
        {"statement": "leading", "label": "Thuộc nhóm dẫn đầu", "evidence": "bien_ban"},
    ),
    ("no_duplicate", {}, {}),
]


@pytest.mark.parametrize(("kind", "fields", "stored"), KIND_CASES)
def test_each_kind_has_its_form_and_stores_its_params(
    client, reviewer, campaign, collective_form, kind, fields, stored
):
    client.force_login(reviewer)
    url = f"{reverse('awards:criterion_create')}?phong-trao={campaign.code}"
    response = client.post(url, {**BASE, "code": f"tc_{kind}", "kind": kind, **fields})
    assert response.status_code == 302, response.context["params_form"].errors
    criterion = Criterion.objects.get(campaign=campaign, code=f"tc_{kind}")
    assert (criterion.kind, criterion.params) == (kind, stored)
    assert engine.params_errors(kind, criterion.params) == []
    assert audit_events_for(criterion).get(action="awards.criterion.create").after["params"] == stored


METRIC = {"p-metric": "x", "p-label": "Tỷ lệ", "p-op": "<", "p-threshold": "5"}


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("metric", {"p-metric": "late_rate", "p-label": "Tỷ lệ", "p-op": "<"}, "Hãy nhập ngưỡng."),
        ("metric", {**METRIC, "p-metric": "late rate"}, "Mã số liệu chỉ gồm"),
        ("metric", {**METRIC, "p-op": "~"}, "Hãy chọn phép so sánh"),
        ("metric", {**METRIC, "p-threshold": "năm"}, "Ngưỡng phải là một số"),
        ("attestation", {"p-statement": "leading"}, "Hãy nhập nội dung cơ quan kê khai."),
        ("attestation", {"p-statement": "a", "p-label": "b", "p-evidence": "x"}, "Tài liệu chứng minh: hãy chọn"),
        ("document_present", {"p-requirement": "khong_co"}, "Thành phần hồ sơ phải có: hãy chọn"),
        ("deadline", {"p-grace_days": "-2"}, "Số ngày gia hạn phải là số nguyên từ 0 đến 365."),
        ("deadline", {"p-deadline": "31/02/2024"}, "Ngày 31/02/2024 không có thật"),
        ("deadline", {"p-deadline": "hôm qua"}, "Hạn riêng cho tiêu chí này phải có dạng dd/mm/yyyy."),
        ("tuy_y", {}, "Loại kiểm tra: hãy chọn một loại"),
    ],
)
def test_params_that_do_not_fit_the_kind_name_the_field_and_save_nothing(
    client, reviewer, campaign, collective_form, kind, fields, message
):
    client.force_login(reviewer)
    url = f"{reverse('awards:criterion_create')}?phong-trao={campaign.code}"
    response = client.post(url, {**BASE, "code": "tc_sai", "kind": kind, **fields})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Tiêu chí thử" in page or kind == "tuy_y"  # what was typed is kept
    assert not Criterion.objects.filter(campaign=campaign, code="tc_sai").exists()


def test_criterion_code_taken_in_the_campaign_is_named(client, reviewer, campaign):
    CriterionFactory(campaign=campaign, code="dung_han")
    client.force_login(reviewer)
    url = f"{reverse('awards:criterion_create')}?phong-trao={campaign.code}"
    response = client.post(url, {**BASE, "code": "dung_han", "kind": "no_duplicate"})
    assert response.status_code == 400
    assert "Mã tiêu chí “dung_han” đã có trong phong trào này." in response.content.decode()


def test_changing_the_kind_of_a_criterion_replaces_its_params(client, reviewer, campaign):
    criterion = CriterionFactory(
        campaign=campaign, kind="metric", params={"metric": "x", "label": "X", "op": "<", "threshold": 1}
    )
    client.force_login(reviewer)
    url = reverse("awards:criterion_edit", args=[criterion.pk])
    page = client.get(url, {"kind": "deadline"}).content.decode()
    assert 'name="p-grace_days"' in page and 'name="p-metric"' not in page
    data = {**BASE, "code": criterion.code, "kind": "deadline", "p-grace_days": "1"}
    assert client.post(url, data).status_code == 302
    criterion.refresh_from_db()
    assert (criterion.kind, criterion.params) == ("deadline", {"grace_days": 1})
    event = audit_events_for(criterion).get(action="awards.criterion.update")
    assert event.before["kind"] == "metric" and event.after["params"] == {"grace_days": 1}


@pytest.mark.parametrize("role", [Role.AGENCY_OFFICER, Role.OFFICIAL])
def test_set_up_pages_are_404_for_others(client, make_user, role, collective_form):
    criterion = CriterionFactory(campaign=collective_form.campaign)
    client.force_login(make_user(role))
    query = {"phong-trao": collective_form.campaign.code}
    assert client.get(reverse("awards:award_form_create"), query).status_code == 404
    assert client.post(reverse("awards:award_form_edit", args=[collective_form.pk]), {}).status_code == 404
    assert client.post(reverse("awards:criterion_edit", args=[criterion.pk]), {"kind": "deadline"}).status_code == 404
    assert client.get(reverse("awards:criterion_create"), query).status_code == 404


def test_grace_days_move_the_deadline_of_the_check():
    facts = engine.NominationFacts(
        nominee_type="collective",
        agency_kind="department",
        deadline=datetime.date(2024, 12, 24),
        received_on=datetime.date(2024, 12, 26),
    )
    assert engine.evaluate(kind="deadline", params={}, facts=facts).outcome == Outcome.NOT_MET
    assert engine.evaluate(kind="deadline", params={"grace_days": 2}, facts=facts).outcome == Outcome.MET
    assert engine.evaluate(kind="deadline", params={"grace_days": 1}, facts=facts).outcome == Outcome.NOT_MET


def test_every_param_the_engine_reads_is_declared_for_the_form():
    """The form is built from criteria.PARAMS: a param an evaluator reads but PARAMS does not declare
    could only be typed as JSON."""
    import inspect

    for kind, evaluator in engine.EVALUATORS.items():
        source = inspect.getsource(evaluator)
        declared = {param.name for param in engine.PARAMS[kind]}
        for name in (
            "requirement",
            "deadline",
            "grace_days",
            "metric",
            "label",
            "unit",
            "op",
            "threshold",
            "statement",
            "evidence",
        ):
            if f'params["{name}"]' in source or f'params.get("{name}"' in source:
                assert name in declared, (kind, name)
