"""Pages: the review queue and the nomination page without N+1, filters, documents opened
through the permission check, bulk approval, the export, the check progress endpoint."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils.text import Truncator

from accounts.enums import Role
from awards import selectors, services
from awards.enums import NominationState, Outcome, Verdict
from awards.models import CheckBatch, CriterionResult, DossierDocument, Nomination
from campaign_portal.models import AuditEvent
from campaign_portal.text import vietnamese_sort_key
from tests.awards.conftest import DEADLINE, make_dossier, sent_at
from tests.factories import AgencyFactory, CommuneFactory, DistrictFactory


def _sent_dossier(officer, campaign, award_form, day=datetime.date(2024, 12, 10), **kwargs):
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=award_form, **kwargs)
    services.nomination_submit(user=officer, nomination=nomination, at=sent_at(day))
    return services.criteria_check_nomination(nomination.pk)


def _more_agencies_send(make_user, campaign, award_form, count=2):
    for index in range(count):
        other = make_user(Role.AGENCY_OFFICER, agency=CommuneFactory(name=f"UBND xã Gửi Thêm {index}"))
        _sent_dossier(other, campaign, award_form, left_out=("danh_sach",) if index else ())


def test_review_queue_query_count_same_with_1_and_3_rows(
    client, reviewer, officer, campaign, collective_form, criteria, make_user, assert_same_query_count
):
    _sent_dossier(officer, campaign, collective_form)
    client.force_login(reviewer)
    url = reverse("awards:nomination_list")
    queries = assert_same_query_count(
        lambda: client.get(url), lambda: _more_agencies_send(make_user, campaign, collective_form)
    )
    assert queries <= 10  # the agency select (one query for its options) became the picker
    assert len(client.get(url).context["page_obj"]) == 3


def test_agency_list_query_count_same_with_1_and_3_rows(
    client, officer, campaign, collective_form, individual_form, criteria, assert_same_query_count
):
    _sent_dossier(officer, campaign, collective_form)
    client.force_login(officer)

    def grow():
        for name in ("Lê Văn A", "Lê Văn B"):
            make_dossier(officer=officer, campaign=campaign, award_form=individual_form, nominee_name=name)

    assert assert_same_query_count(lambda: client.get(reverse("awards:nomination_list")), grow) <= 8


def test_nomination_page_query_count_same_with_1_and_3_documents_and_steps(
    client, reviewer, officer, campaign, collective_form, criteria, assert_same_query_count
):
    from awards.models import DossierRequirement
    from tests.factories.awards import pdf_upload

    nomination = make_dossier(
        officer=officer, campaign=campaign, award_form=collective_form, left_out=("danh_sach", "bien_ban")
    )
    services.nomination_submit(user=officer, nomination=nomination, at=sent_at(datetime.date(2024, 12, 10)))
    services.criteria_check_nomination(nomination.pk)
    client.force_login(reviewer)
    url = reverse("awards:nomination_detail", args=[nomination.pk])

    def grow():
        services.nomination_transition(user=reviewer, nomination=nomination, name="return", reason="Bổ sung hồ sơ.")
        for code in ("danh_sach", "bien_ban"):
            services.dossier_document_upload(
                user=officer,
                nomination=nomination,
                requirement=DossierRequirement.objects.get(award_form=collective_form, code=code),
                upload=pdf_upload(f"{code}.pdf"),
            )
        services.nomination_submit(user=officer, nomination=nomination)

    # 12: the action log names the declared figures by the labels of the campaign's criteria; the
    # agencies a collective nominee took over (one recursive query) and its earlier awards in the register.
    assert assert_same_query_count(lambda: client.get(url), grow) <= 12
    assert DossierDocument.objects.filter(nomination=nomination).count() == 4


@pytest.mark.parametrize(
    ("left_out", "optional", "sent_day"),
    [
        ((), (), DEADLINE),
        (("bien_ban",), (), DEADLINE - datetime.timedelta(days=5)),
        (("bien_ban",), ("bien_ban",), DEADLINE + datetime.timedelta(days=1)),
        (("danh_sach", "bien_ban"), ("bien_ban",), None),
    ],
)
def test_nomination_page_flags_are_those_of_the_lists(
    officer, campaign, collective_form, criteria, left_out, optional, sent_day
):
    """The page reads "missing component" and "late" from the rows it loads; the lists count
    them in SQL (`_with_flags`): both say the same."""
    collective_form.requirements.filter(code__in=optional).update(required=False)
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=collective_form, left_out=left_out)
    if sent_day is not None:
        services.nomination_submit(user=officer, nomination=nomination, at=sent_at(sent_day))
    shown = selectors.nomination_detail(user=officer, pk=nomination.pk)
    # Across campaigns the deadline is joined; within one (as the queue lists) it is a constant.
    for within in (None, campaign):
        listed = selectors.nomination_queue(user=officer, campaign=within).get(pk=nomination.pk)
        assert (shown.missing_component, shown.is_late) == (listed.missing_component, listed.is_late)


def test_nomination_criteria_are_the_results_and_the_declared_fields(dossier, campaign):
    """The page's one query over the campaign's criteria gives the nomination's stored results, in
    their order, and the figures `metric_fields_for` asks; a deactivated criterion's result stays
    listed while it stands, and its figure is no longer asked."""
    services.criteria_check_nomination(dossier.pk)
    dossier.refresh_from_db()
    stored = list(dossier.results.select_related("criterion"))
    declared = [result.criterion for result in stored if result.criterion.kind in selectors.DECLARED_KINDS]
    assert stored and declared
    for retired in (None, declared[0]):
        if retired is not None:
            retired.active = False
            retired.save(update_fields=["active"])
        read = selectors.nomination_criteria(nomination=dossier)
        assert read.results == stored
        assert [result.criterion.wording for result in read.results] == [r.criterion.wording for r in stored]
        assert read.metric_fields == selectors.metric_fields_for(campaign=campaign)
    assert declared[0].wording not in [spec["help"] for spec in read.metric_fields]


def test_review_queue_counts_and_cuts_its_page_without_the_campaign_table(
    client, reviewer, officer, campaign, collective_form, criteria, django_assert_max_num_queries
):
    """The deadline `is_late` is held against is the campaign's, known before the query: the count
    and the page's ids read the nominations alone."""
    _sent_dossier(officer, campaign, collective_form)
    client.force_login(reviewer)
    with django_assert_max_num_queries(10) as captured:
        client.get(reverse("awards:nomination_list"))
    cuts = [query["sql"] for query in captured.captured_queries if 'AS "pk" FROM "awards_nomination"' in query["sql"]]
    counts = [
        query["sql"]
        for query in captured.captured_queries
        if 'COUNT(*) AS "__count" FROM "awards_nomination"' in query["sql"]
    ]
    assert cuts and counts
    assert not any("campaigns_campaign" in sql for sql in cuts + counts)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "submitted"}, 3),
        ({"verdict": "eligible"}, 1),
        ({"verdict": "not_eligible"}, 1),
        ({"missing": "yes"}, 1),
        ({"late": "yes"}, 1),
        ({"late": "no"}, 2),
        ({"level": "commune"}, 1),
        ({"q": "tre han"}, 1),
    ],
)
def test_review_queue_filters(
    client, reviewer, officer, campaign, collective_form, criteria, make_user, params, expected
):
    _sent_dossier(officer, campaign, collective_form)
    _sent_dossier(
        make_user(Role.AGENCY_OFFICER, agency=AgencyFactory(name="Sở Trễ Hạn")),
        campaign,
        collective_form,
        day=datetime.date(2024, 12, 30),
    )
    _sent_dossier(
        make_user(Role.AGENCY_OFFICER, agency=CommuneFactory(name="UBND xã Thiếu")),
        campaign,
        collective_form,
        left_out=("to_trinh",),
    )
    client.force_login(reviewer)
    response = client.get(reverse("awards:nomination_list"), params)
    assert response.context["page_obj"].paginator.count == expected


def test_district_filter_includes_its_communes(client, reviewer, campaign, collective_form, criteria, make_user):
    commune = CommuneFactory()
    _sent_dossier(make_user(Role.AGENCY_OFFICER, agency=commune), campaign, collective_form)
    _sent_dossier(make_user(Role.AGENCY_OFFICER, agency=commune.parent), campaign, collective_form)
    client.force_login(reviewer)
    response = client.get(reverse("awards:nomination_list"), {"district": commune.parent.pk})
    assert response.context["page_obj"].paginator.count == 2
    assert '<select name="district"' not in response.content.decode()
    assert f'name="district_name" value="{commune.parent.name}"' in response.content.decode()


def test_district_typed_without_javascript_filters_the_queue(
    client, reviewer, officer, campaign, collective_form, criteria, make_user
):
    commune = CommuneFactory(parent=DistrictFactory(name="UBND huyện Bắc Trà My"))
    _sent_dossier(make_user(Role.AGENCY_OFFICER, agency=commune), campaign, collective_form)
    _sent_dossier(officer, campaign, collective_form)
    client.force_login(reviewer)
    url = reverse("awards:nomination_list")
    assert client.get(url, {"district_name": "bac tra my"}).context["page_obj"].paginator.count == 1
    assert client.get(url, {"district_name": "hoi an"}).context["page_obj"].paginator.count == 0


def test_agency_picker_filters_the_queue_by_id_or_by_typed_name(
    client, reviewer, officer, campaign, collective_form, criteria, make_user
):
    _sent_dossier(officer, campaign, collective_form)
    _sent_dossier(
        make_user(Role.AGENCY_OFFICER, agency=CommuneFactory(name="UBND xã Trà Đốc")), campaign, collective_form
    )
    client.force_login(reviewer)
    url = reverse("awards:nomination_list")
    page = client.get(url).content.decode()
    assert '<select name="agency"' not in page and 'name="agency_name"' in page
    assert client.get(url, {"agency": officer.agency_id}).context["page_obj"].paginator.count == 1
    for typed in ("tra doc", "giao thong van tai"):
        assert client.get(url, {"agency_name": typed}).context["page_obj"].paginator.count == 1


def test_reviewer_does_not_see_agency_drafts(client, reviewer, dossier):
    client.force_login(reviewer)
    assert client.get(reverse("awards:nomination_list")).context["page_obj"].paginator.count == 0
    assert client.get(reverse("awards:nomination_detail", args=[dossier.pk])).status_code == 404


def test_officer_sees_only_own_agency_nominations(client, officer, other_officer, campaign, collective_form, criteria):
    mine = make_dossier(officer=officer, campaign=campaign, award_form=collective_form)
    theirs = make_dossier(officer=other_officer, campaign=campaign, award_form=collective_form)
    client.force_login(officer)
    listed = list(client.get(reverse("awards:nomination_list")).context["page_obj"])
    assert [row["pk"] for row in listed] == [mine.pk]
    # Another agency's dossier answers as one that does not exist: the answer reveals nothing.
    assert client.get(reverse("awards:nomination_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("awards:nomination_detail", args=[theirs.pk + 1000])).status_code == 404
    document = theirs.documents.first()
    assert client.get(reverse("awards:document_open", args=[document.pk])).status_code == 404


def test_document_opens_inline_for_reviewer_and_download_is_audited(client, reviewer, officer, dossier):
    services.nomination_submit(user=officer, nomination=dossier)
    document = dossier.documents.first()
    client.force_login(reviewer)
    response = client.get(reverse("awards:document_open", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    download = client.get(reverse("awards:document_open", args=[document.pk]), {"download": "1"})
    assert download["Content-Disposition"].startswith("attachment")
    assert AuditEvent.objects.filter(action="file.download", actor=reviewer).count() == 2


def test_officer_creates_nomination_and_form_keeps_input_on_error(client, officer, campaign, collective_form, criteria):
    client.force_login(officer)
    url = reverse("awards:nomination_create") + "?phong-trao=4064"
    response = client.post(
        url,
        {
            "award_form": collective_form.pk,
            "achievement_summary": "Thành tích nổi bật",
            "metric_task_completion_pct": "100",
        },
    )
    assert response.status_code == 200
    assert "Hãy chọn tập thể được đề nghị." in response.content.decode()
    assert "Thành tích nổi bật" in response.content.decode()
    response = client.post(
        url,
        {
            "award_form": collective_form.pk,
            "nominee_agency": officer.agency.pk,
            "achievement_summary": "Thành tích nổi bật",
            "metric_task_completion_pct": "100",
            "metric_rated_leading": "yes",
            "metric_late_dossier_rate_pct": "2,5",
        },
    )
    nomination = Nomination.objects.get(agency=officer.agency)
    assert response.status_code == 302
    assert nomination.declared_metrics == {
        "task_completion_pct": 100.0,
        "rated_leading": True,
        "late_dossier_rate_pct": 2.5,
    }


def test_upload_view_rejects_disguised_file_with_message(client, officer, dossier):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(officer)
    requirement = dossier.award_form.requirements.get(code="to_trinh")
    fake = SimpleUploadedFile("to-trinh.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("awards:document_upload", args=[dossier.pk]), {"requirement": requirement.pk, "file": fake}, follow=True
    )
    assert "không phải là tệp" in response.content.decode()
    assert dossier.documents.get(requirement=requirement).original_name == "to_trinh.pdf"


def test_transition_view_return_needs_reason_and_then_returns(client, reviewer, officer, dossier):
    services.nomination_submit(user=officer, nomination=dossier)
    client.force_login(reviewer)
    url = reverse("awards:nomination_transition", args=[dossier.pk])
    response = client.post(url, {"transition": "return", "expected_state": "submitted", "reason": ""}, follow=True)
    assert "Hãy ghi lý do" in response.content.decode()
    client.post(url, {"transition": "return", "expected_state": "submitted", "reason": "Bổ sung biên bản."})
    dossier.refresh_from_db()
    assert dossier.state == NominationState.RETURNED
    client.force_login(officer)
    page = client.get(reverse("awards:nomination_detail", args=[dossier.pk])).content.decode()
    assert "Bổ sung biên bản." in page and "Gửi hồ sơ" in page


def test_transition_view_without_expected_state_is_refused(client, reviewer, officer, dossier):
    services.nomination_submit(user=officer, nomination=dossier)
    client.force_login(reviewer)
    url = reverse("awards:nomination_transition", args=[dossier.pk])
    response = client.post(url, {"transition": "start_review"}, follow=True)
    assert "Thiếu trạng thái của hồ sơ lúc mở trang" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == NominationState.SUBMITTED and not dossier.transitions.filter(to_state="under_review")


def test_transition_view_names_a_bad_decision_date(client, reviewer, officer, dossier):
    services.nomination_submit(user=officer, nomination=dossier)
    services.nomination_transition(user=reviewer, nomination=dossier, name="approve")
    client.force_login(reviewer)
    url = reverse("awards:nomination_transition", args=[dossier.pk])
    data = {
        "transition": "award",
        "expected_state": "approved",
        "decision_number": "1/QĐ",
        "decision_date": "31/2/2025",
    }
    response = client.post(url, data, follow=True)
    assert "Ngày quyết định: Ngày 31/2/2025 không có thật" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == NominationState.APPROVED


def test_bulk_approve_only_eligible(client, reviewer, officer, campaign, collective_form, criteria, make_user):
    good = _sent_dossier(officer, campaign, collective_form)
    incomplete = _sent_dossier(
        make_user(Role.AGENCY_OFFICER, agency=AgencyFactory()), campaign, collective_form, left_out=("bien_ban",)
    )
    assert (good.verdict, incomplete.verdict) == (Verdict.ELIGIBLE, Verdict.INCOMPLETE)
    client.force_login(reviewer)
    chosen = {"nomination": [good.pk, incomplete.pk], "next_query": "phong-trao=4064"}
    confirm_page = client.post(reverse("awards:bulk_approve"), chosen)
    assert confirm_page.status_code == 200, "the first post only shows what will be approved"
    good.refresh_from_db()
    assert good.state == NominationState.SUBMITTED
    html = confirm_page.content.decode()
    listed = html[html.index('data-testid="to-approve"') : html.index("</ol>")]
    assert good.nominee_label in listed and incomplete.nominee_label not in listed
    assert incomplete.nominee_label in html[html.index('data-testid="left-out"') :]
    assert "Xác nhận duyệt 1 hồ sơ" in html
    assert f'name="nomination" value="{incomplete.pk}"' not in html

    response = client.post(reverse("awards:bulk_approve"), {**chosen, "confirm": "1"}, follow=True)
    good.refresh_from_db()
    incomplete.refresh_from_db()
    assert good.state == NominationState.APPROVED
    assert incomplete.state == NominationState.SUBMITTED
    assert "không duyệt hàng loạt" in response.content.decode()
    assert response.redirect_chain[-1][0].endswith("?phong-trao=4064")


def test_bulk_approve_confirmation_lists_only_dossiers_the_reviewer_sees(
    client, reviewer, officer, campaign, collective_form, criteria
):
    good = _sent_dossier(officer, campaign, collective_form)
    client.force_login(reviewer)
    html = client.post(reverse("awards:bulk_approve"), {"nomination": [good.pk, 999999]}).content.decode()
    assert html.count('name="nomination"') == 1


def test_bulk_approve_refused_to_official(client, official, officer, campaign, collective_form, criteria):
    good = _sent_dossier(officer, campaign, collective_form)
    client.force_login(official)
    assert client.post(reverse("awards:bulk_approve"), {"nomination": [good.pk]}).status_code == 403


def test_check_batch_button_and_progress_endpoint(
    client, reviewer, officer, campaign, collective_form, criteria, django_capture_on_commit_callbacks
):
    _sent_dossier(officer, campaign, collective_form)
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("awards:check_batch_start"), {"phong-trao": "4064"})
    assert response.status_code == 302
    batch = CheckBatch.objects.get()
    data = client.get(reverse("awards:check_batch_status", args=[batch.pk])).json()
    assert data == {"total": 1, "done": 1, "finished": True, "verdicts": {"eligible": 1}}
    page = client.get(reverse("awards:nomination_list")).content.decode()
    assert reverse("awards:check_batch_status", args=[batch.pk]) in page


def test_export_opens_in_openpyxl_with_formula_cells_made_safe(
    client, official, officer, campaign, individual_form, criteria
):
    _sent_dossier(
        officer,
        campaign,
        individual_form,
        nominee_name='=HYPERLINK("http://x","A")',
        nominee_position="+Trưởng phòng",
        nominee_unit="@Sở",
    )
    client.force_login(official)
    response = client.get(reverse("awards:export"), {"phong-trao": "4064"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="danh-sach-de-nghi-khen-thuong-4064')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    header = rows.index(next(row for row in rows if row[0] == "STT"))
    data = rows[header + 1]
    assert data[1] == '\'=HYPERLINK("http://x","A")'
    assert data[2] == "'+Trưởng phòng, @Sở"
    assert data[8] == "Đủ điều kiện", "after the receipt date and the incoming number"
    assert not any(isinstance(v, str) and v.startswith("=") for row in rows for v in row)
    assert sheet.page_setup.orientation == "landscape"


def test_progress_page_shows_count_and_missing(client, official, officer, campaign, collective_form, criteria):
    missing = AgencyFactory(name="Sở Chưa Gửi Hồ Sơ")
    campaign.expected_agencies.set([officer.agency, missing])
    _sent_dossier(officer, campaign, collective_form)
    client.force_login(official)
    response = client.get(reverse("awards:progress"), {"phong-trao": "4064", "as_of": "24/12/2024"})
    page = response.content.decode()
    assert response.context["progress"].sent_on_time_label == "1/2"
    assert "1/2" in page and "Sở Chưa Gửi Hồ Sơ" in page


def test_progress_page_lists_agencies_in_vietnamese_order(client, official, campaign):
    """Đ after D (issue 17: the page sorted “Đại Lộc” before “Duy Xuyên”)."""
    names = ["UBND huyện Đại Lộc", "UBND huyện Hiệp Đức", "UBND huyện Duy Xuyên", "UBND huyện Bắc Trà My"]
    campaign.expected_agencies.set([DistrictFactory(name=name) for name in names])
    client.force_login(official)
    page = client.get(reverse("awards:progress"), {"phong-trao": campaign.code}).content.decode()
    positions = [page.index(name) for name in sorted(names, key=vietnamese_sort_key)]
    assert positions == sorted(positions)
    assert page.index("Duy Xuyên") < page.index("Đại Lộc") < page.index("Hiệp Đức")


def test_progress_page_refused_to_agency_officer(client, officer, campaign):
    client.force_login(officer)
    assert client.get(reverse("awards:progress")).status_code == 403


def test_reviewer_edits_criterion_params_checked(client, reviewer, campaign, criteria):
    criterion = next(c for c in criteria if c.code == "ho_so_tre_hen")
    client.force_login(reviewer)
    url = reverse("awards:criterion_edit", args=[criterion.pk])
    form = client.get(url).context["params_form"]
    assert form.initial["metric"] == criterion.params["metric"]
    data = {
        "code": criterion.code,
        "wording": criterion.wording,
        "kind": "metric",
        "applies_to": "collective",
        "position": 6,
        "active": "on",
        "p-metric": "late_dossier_rate_pct",
        "p-label": "Tỷ lệ",
        "p-threshold": "3",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Hãy nhập phép so sánh." in response.content.decode()
    data["p-op"] = "<"
    assert client.post(url, data).status_code == 302
    criterion.refresh_from_db()
    assert criterion.params == {"metric": "late_dossier_rate_pct", "label": "Tỷ lệ", "op": "<", "threshold": 3}


def test_reviewer_edits_award_form_requirements(client, reviewer, collective_form):
    client.force_login(reviewer)
    url = reverse("awards:award_form_edit", args=[collective_form.pk])
    requirements = list(collective_form.requirements.all())
    data = {
        "name": collective_form.name,
        "nominee_type": "collective",
        "position": 1,
        "requirements-TOTAL_FORMS": len(requirements) + 1,
        "requirements-INITIAL_FORMS": len(requirements),
        "requirements-MIN_NUM_FORMS": 0,
        "requirements-MAX_NUM_FORMS": 1000,
    }
    for index, requirement in enumerate(requirements):
        data.update(
            {
                f"requirements-{index}-id": requirement.pk,
                f"requirements-{index}-code": requirement.code,
                f"requirements-{index}-name": requirement.name,
                f"requirements-{index}-required": "on",
                f"requirements-{index}-position": requirement.position,
            }
        )
    extra = len(requirements)
    data.update(
        {
            f"requirements-{extra}-code": "minh_chung",
            f"requirements-{extra}-name": "Tài liệu minh chứng",
            f"requirements-{extra}-position": 5,
        }
    )
    assert client.post(url, data).status_code == 302
    assert collective_form.requirements.filter(code="minh_chung", required=False).exists()


def test_review_queue_row_names_its_unmet_criteria(client, reviewer, officer, campaign, collective_form, criteria):
    """A row counts its unmet and undecided criteria and quotes the first two explanations, in
    criterion order."""
    nomination = _sent_dossier(officer, campaign, collective_form, left_out=("danh_sach",))
    problems = list(
        CriterionResult.objects.filter(nomination=nomination)
        .exclude(outcome=Outcome.MET)
        .order_by("criterion__position")
    )
    assert problems
    client.force_login(reviewer)
    row = client.get(reverse("awards:nomination_list")).context["rows"][0]
    not_met = sum(problem.outcome == Outcome.NOT_MET for problem in problems)
    cannot_tell = sum(problem.outcome == Outcome.CANNOT_TELL for problem in problems)
    assert row["not_met"] == (f"{not_met} tiêu chí không đạt" if not_met else "")
    assert row["cannot_tell"] == (f"{cannot_tell} tiêu chí thiếu dữ liệu" if cannot_tell else "")
    assert row["problems"] == [Truncator(problem.explanation_for_reader).chars(110) for problem in problems[:2]]
