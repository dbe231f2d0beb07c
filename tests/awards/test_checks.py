"""The criteria check service: one full run stored atomically, idempotent, re-queued on change;
the duplicate and late cases; the command; the reminders."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from accounts.enums import Role
from awards import services
from awards.enums import Outcome, Verdict
from awards.models import CriterionResult, Nomination
from tests.awards.conftest import make_dossier, sent_at
from tests.factories import AgencyFactory
from tests.factories.awards import pdf_upload


def _outcomes(nomination) -> dict[str, str]:
    return dict(CriterionResult.objects.filter(nomination=nomination).values_list("criterion__code", "outcome"))


def test_check_complete_dossier_on_time_is_eligible(dossier, officer):
    services.nomination_submit(user=officer, nomination=dossier, at=sent_at(datetime.date(2024, 12, 20)))
    nomination = services.criteria_check_nomination(dossier.pk)
    assert nomination.verdict == Verdict.ELIGIBLE
    outcomes = _outcomes(dossier)
    # Collective criteria only: the individual attestation does not apply.
    assert set(outcomes) == {
        "ho_so_day_du",
        "dung_han",
        "hoan_thanh_nhiem_vu",
        "dan_dau",
        "xep_hang_cchc",
        "ho_so_tre_hen",
        "khong_trung",
    }
    assert set(outcomes.values()) == {Outcome.MET}
    result = CriterionResult.objects.get(nomination=dossier, criterion__code="ho_so_tre_hen")
    assert result.explanation == ("Tỷ lệ hồ sơ thủ tục hành chính trễ hẹn: kê khai 1,5%, đạt yêu cầu (dưới 5%).")
    assert result.input_snapshot["metrics"]["late_dossier_rate_pct"] == 1.5


def test_check_late_dossier_is_not_eligible(dossier, officer):
    services.nomination_submit(user=officer, nomination=dossier, at=sent_at(datetime.date(2024, 12, 27)))
    nomination = services.criteria_check_nomination(dossier.pk)
    assert nomination.verdict == Verdict.NOT_ELIGIBLE
    result = CriterionResult.objects.get(nomination=dossier, criterion__code="dung_han")
    assert result.outcome == Outcome.NOT_MET
    assert result.explanation == "Nhận hồ sơ ngày 27/12/2024, trễ 3 ngày so với hạn 24/12/2024."


def test_check_missing_component_is_incomplete(officer, campaign, collective_form, criteria):
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=collective_form, left_out=("bien_ban",))
    services.nomination_submit(user=officer, nomination=nomination, at=sent_at(datetime.date(2024, 12, 20)))
    assert services.criteria_check_nomination(nomination.pk).verdict == Verdict.INCOMPLETE
    result = CriterionResult.objects.get(nomination=nomination, criterion__code="ho_so_day_du")
    assert result.explanation == "Thiếu thành phần hồ sơ: Biên bản họp Hội đồng Thi đua – Khen thưởng."


def test_check_duplicate_individual_flags_the_later_nomination(make_user, campaign, individual_form, criteria):
    commune_officer = make_user(Role.AGENCY_OFFICER, agency=AgencyFactory(name="UBND xã Trà Đốc thử"))
    district_officer = make_user(Role.AGENCY_OFFICER, agency=AgencyFactory(name="UBND huyện Bắc Trà My thử"))
    nominee = {"nominee_name": "Nguyễn Văn Hùng", "nominee_unit": "UBND xã Trà Đốc", "nominee_position": "Chủ tịch"}
    first = make_dossier(officer=commune_officer, campaign=campaign, award_form=individual_form, **nominee)
    # Same person typed without diacritics and in another case: still the same nominee.
    second = make_dossier(
        officer=district_officer,
        campaign=campaign,
        award_form=individual_form,
        nominee_name="nguyen van hung",
        nominee_unit="UBND xa Tra Doc",
    )
    services.nomination_submit(user=commune_officer, nomination=first, at=sent_at(datetime.date(2024, 12, 3)))
    services.nomination_submit(user=district_officer, nomination=second, at=sent_at(datetime.date(2024, 12, 6)))
    assert services.criteria_check_nomination(first.pk).verdict == Verdict.ELIGIBLE
    assert services.criteria_check_nomination(second.pk).verdict == Verdict.NOT_ELIGIBLE
    result = CriterionResult.objects.get(nomination=second, criterion__code="khong_trung")
    assert result.outcome == Outcome.NOT_MET
    assert f"hồ sơ số {first.pk} của UBND xã Trà Đốc thử gửi ngày 03/12/2024" in result.explanation


def test_check_is_idempotent_and_never_mixes_runs(dossier, officer):
    services.nomination_submit(user=officer, nomination=dossier)
    first = services.criteria_check_nomination(dossier.pk)
    run_ids = set(CriterionResult.objects.filter(nomination=dossier).values_list("run_id", flat=True))
    assert run_ids == {first.check_run}
    again = services.criteria_check_nomination(dossier.pk)
    assert again.check_run == first.check_run, "nothing changed: the stored run stays"
    assert set(CriterionResult.objects.filter(nomination=dossier).values_list("run_id", flat=True)) == run_ids
    assert again.checked_at >= first.checked_at

    dossier.declared_metrics = {**dossier.declared_metrics, "late_dossier_rate_pct": 7}
    dossier.save(update_fields=["declared_metrics"])
    third = services.criteria_check_nomination(dossier.pk)
    assert third.check_run != first.check_run and third.verdict == Verdict.NOT_ELIGIBLE
    rows = CriterionResult.objects.filter(nomination=dossier)
    assert set(rows.values_list("run_id", flat=True)) == {third.check_run}
    assert rows.count() == 7


def test_check_requeued_when_document_or_figure_changes(dossier, officer, django_capture_on_commit_callbacks):
    services.criteria_check_nomination(dossier.pk)
    requirement = dossier.award_form.requirements.get(code="bien_ban")
    old_file = dossier.documents.get(requirement=requirement).file
    with django_capture_on_commit_callbacks(execute=True):
        services.dossier_document_upload(
            user=officer, nomination=dossier, requirement=requirement, upload=pdf_upload("bien-ban-moi.pdf")
        )
    assert not old_file.storage.exists(old_file.name), "the replaced file is removed after commit"
    result = CriterionResult.objects.get(nomination=dossier, criterion__code="ho_so_day_du")
    assert "bien-ban-moi.pdf" in result.explanation
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.nomination_update(
            user=officer, nomination=dossier, declared_metrics={**dossier.declared_metrics, "par_index_rank": 12}
        )
    assert len(callbacks) == 1
    assert _outcomes(dossier)["xep_hang_cchc"] == Outcome.NOT_MET
    dossier.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.nomination_update(user=officer, nomination=dossier, declared_metrics=dict(dossier.declared_metrics))
    assert callbacks == [], "an edit that changes nothing queues nothing"


def test_check_queued_on_submit(dossier, officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_submit(user=officer, nomination=dossier, at=sent_at(datetime.date(2024, 12, 1)))
    dossier.refresh_from_db()
    assert dossier.verdict == Verdict.ELIGIBLE and dossier.check_run is not None


def test_upload_refuses_file_that_is_not_what_it_claims(dossier, officer):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    requirement = dossier.award_form.requirements.get(code="to_trinh")
    fake = SimpleUploadedFile("to-trinh.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    with pytest.raises(ValidationError, match="không phải là tệp"):
        services.dossier_document_upload(user=officer, nomination=dossier, requirement=requirement, upload=fake)


def test_check_nominations_command_prints_summary_per_verdict(
    dossier, officer, other_officer, campaign, collective_form, django_capture_on_commit_callbacks
):
    make_dossier(officer=other_officer, campaign=campaign, award_form=collective_form, left_out=("to_trinh",))
    services.nomination_submit(user=officer, nomination=dossier, at=sent_at(datetime.date(2024, 12, 1)))
    out = io.StringIO()
    # Tasks are queued on commit; the test's transaction never commits, so run them as it would.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_nominations", campaign="4064", wait=0, stdout=out)
    call_command("check_nominations", campaign="4064", wait=5, stdout=out)
    text = out.getvalue()
    assert "Đã đưa 2 hồ sơ" in text
    assert "Đủ điều kiện: 1" in text
    assert "Chưa đủ hồ sơ, số liệu: 1" in text


def test_reminder_mails_expected_agencies_without_dossier_once_a_day(dossier, officer, campaign, make_user):
    silent = AgencyFactory(name="Sở Chưa Gửi", email="chuagui@example.vn")
    campaign.expected_agencies.set([officer.agency, silent])
    services.nomination_submit(user=officer, nomination=dossier)
    today = campaign.nomination_deadline - datetime.timedelta(days=3)
    assert services.nomination_reminders_send(today=today, days_before=[7, 3, 1]) == 1
    assert mail.outbox[0].to == ["chuagui@example.vn"]
    assert "còn 3 ngày" in mail.outbox[0].body
    assert services.nomination_reminders_send(today=today, days_before=[7, 3, 1]) == 0
    assert services.nomination_reminders_send(today=today - datetime.timedelta(days=1), days_before=[7, 3, 1]) == 0


def test_reminder_is_in_the_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["awards-nomination-reminders"]
    assert entry["task"] == "awards.nomination_reminders"


def _stored_runs(nominations) -> dict:
    return {
        n.pk: (
            n.verdict,
            sorted(
                CriterionResult.objects.filter(nomination=n).values_list("criterion__code", "outcome", "explanation")
            ),
        )
        for n in nominations
    }


def test_a_batch_stores_what_one_by_one_checks_store(make_user, campaign, collective_form, individual_form, criteria):
    officers = [
        make_user(Role.AGENCY_OFFICER, agency=AgencyFactory(name=f"UBND xã {name} thử"))
        for name in ("Tam Thanh", "Tam Tiến", "Tam Hòa")
    ]
    on_time = make_dossier(officer=officers[0], campaign=campaign, award_form=collective_form)
    late = make_dossier(officer=officers[1], campaign=campaign, award_form=collective_form)
    missing = make_dossier(officer=officers[2], campaign=campaign, award_form=collective_form, left_out=("bien_ban",))
    person = {"nominee_name": "Trần Thị Lan", "nominee_unit": "UBND xã Tam Thanh", "nominee_position": "Công chức"}
    first = make_dossier(officer=officers[0], campaign=campaign, award_form=individual_form, **person)
    again = make_dossier(officer=officers[1], campaign=campaign, award_form=individual_form, **person)
    sent = {on_time: 2, late: 27, missing: 3, first: 4, again: 5}
    for nomination, day in sent.items():
        officer = next(o for o in officers if o.agency_id == nomination.agency_id)
        services.nomination_submit(user=officer, nomination=nomination, at=sent_at(datetime.date(2024, 12, day)))
    pks = [n.pk for n in sent]

    one_by_one = _stored_runs([services.criteria_check_nomination(pk) for pk in pks])
    CriterionResult.objects.all().delete()
    Nomination.objects.filter(pk__in=pks).update(check_input_hash="", check_run=None)

    checked = services.criteria_check_nominations([*reversed(pks), 10**9])

    assert [n.pk for n in checked] == sorted(pks), "unknown ids are skipped, rows in id order"
    assert _stored_runs(checked) == one_by_one
    verdicts = {n.pk: n.verdict for n in checked}
    assert verdicts[on_time.pk] == verdicts[first.pk] == Verdict.ELIGIBLE
    assert verdicts[late.pk] == verdicts[again.pk] == Verdict.NOT_ELIGIBLE, "late; sent again for the same person"
    assert verdicts[missing.pk] == Verdict.INCOMPLETE


def test_a_batch_runs_the_same_queries_for_one_or_five_nominations(
    officer, campaign, collective_form, criteria, django_assert_num_queries
):
    nominations = [make_dossier(officer=officer, campaign=campaign, award_form=collective_form) for _ in range(5)]
    for nomination in nominations:
        services.nomination_submit(user=officer, nomination=nomination, at=sent_at(datetime.date(2024, 12, 2)))
    # Read without locks: the rows, requirements, documents, earlier dossiers, the agencies the nominees took
    # over (one recursive query, whatever the chain's depth), earlier awards in the register, criteria. Then
    # savepoint, campaigns locked, rows locked, criteria again, delete, insert, update, release (the database
    # moves the campaign's data version inside the update).
    queries = 15 if connection.vendor == "postgresql" else 14
    with django_assert_num_queries(queries):
        services.criteria_check_nominations([nominations[0].pk])
    Nomination.objects.update(check_input_hash="")
    with django_assert_num_queries(queries):
        services.criteria_check_nominations([n.pk for n in nominations])


def test_an_unknown_id_alone_is_an_error_for_the_single_check(db):
    with pytest.raises(Nomination.DoesNotExist):
        services.criteria_check_nomination(10**9)


def test_check_reads_the_readability_recorded_at_upload_not_the_file(dossier, officer, monkeypatch):
    from awards.services import check_facts

    def opened(handle):
        raise AssertionError("the check opened a file whose readability the upload recorded")

    assert set(dossier.documents.values_list("readable", flat=True)) == {True}
    monkeypatch.setattr(check_facts, "sniff_kind", opened)
    services.nomination_submit(user=officer, nomination=dossier, at=sent_at(datetime.date(2024, 12, 20)))
    assert services.criteria_check_nomination(dossier.pk).verdict == Verdict.ELIGIBLE


def test_check_opens_a_document_stored_before_readability_was_recorded(dossier, officer):
    from django.core.files.base import ContentFile

    document = dossier.documents.get(requirement__code="bien_ban")
    document.file.storage.delete(document.file.name)
    document.file.storage.save(document.file.name, ContentFile(b"<html>not a pdf</html>"))
    dossier.documents.filter(pk=document.pk).update(readable=None)
    services.nomination_submit(user=officer, nomination=dossier, at=sent_at(datetime.date(2024, 12, 20)))
    assert services.criteria_check_nomination(dossier.pk).verdict == Verdict.INCOMPLETE
    result = CriterionResult.objects.get(nomination=dossier, criterion__code="ho_so_day_du")
    assert result.explanation.startswith("Không đọc được tệp: ")
