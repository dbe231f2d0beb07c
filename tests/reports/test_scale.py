"""The report's shape at province scale (issue 18): above PORTAL_REPORT_FULL_LISTS_UP_TO initiatives
the body names each agency's standout initiatives (or its first few) and counts the rest, and the
complete lists of initiatives and nominations go with the report as annexes (XLSX, and PDF when
asked). The campaign here is built in the test, with a threshold lowered to fit it."""

import datetime
import io
import subprocess

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.enums import Role
from awards.enums import NominationState
from campaign_portal.models import AuditEvent
from initiatives.enums import InitiativeState
from initiatives.services import initiative_standout_set
from reports.annexes import annexes_pdf, annexes_xlsx
from reports.composition import summary_report_compose
from reports.enums import RenderFormat, RenderStatus
from reports.models import ReportRender
from reports.services import report_render_perform, report_render_request
from tests.factories import AgencyFactory, CampaignFactory, CommuneFactory, DistrictFactory, UserFactory
from tests.factories.awards import AwardFormFactory, NominationFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.reports import SummaryReportFactory

AT_SCALE = override_settings(PORTAL_REPORT_FULL_LISTS_UP_TO=5, PORTAL_REPORT_INITIATIVES_PER_AGENCY=2)


def _initiative(campaign, agency, title, day, **values):
    return InitiativeFactory(
        campaign=campaign,
        agency=agency,
        title=title,
        started_on=datetime.date(2025, 1, day),
        state=InitiativeState.REGISTERED,
        **values,
    )


def _nominations(campaign, agencies, count, start=0):
    form = AwardFormFactory(campaign=campaign, name=f"Bằng khen đợt {start}")
    sent = timezone.make_aware(datetime.datetime(2025, 11, 20, 9, 0))
    return [
        NominationFactory(
            award_form=form,
            agency=agencies[(start + index) % len(agencies)],
            nominee_type="individual",
            nominee_agency=None,
            nominee_name=f"Cán bộ thử {start + index}",
            nominee_key=f"i:can bo thu {start + index}",
            state=NominationState.SUBMITTED,
            submitted_at=sent,
        )
        for index in range(count)
    ]


@pytest.fixture
def province(db):
    """Eight registered initiatives of three agencies (two of one agency marked as standing out),
    one draft, and five nominations received before the report's date."""
    campaign = CampaignFactory(code="tinh-lon", name="Thi đua cải cách hành chính toàn tỉnh")
    district = DistrictFactory(name="UBND huyện Duy Xuyên")
    commune = CommuneFactory(name="UBND xã Duy Sơn", parent=district)
    department = AgencyFactory(name="Sở Tư pháp")
    central = AgencyFactory(name="Cục Thuế tỉnh")
    district_items = [
        _initiative(campaign, district, f"Một cửa số {n}", n, implementing_units=[commune]) for n in range(1, 5)
    ]
    department_items = [_initiative(campaign, department, f"Pháp lý số {n}", n) for n in range(1, 4)]
    for item in department_items[1:]:
        item.is_standout = True
        item.save(update_fields=["is_standout"])
    only = _initiative(campaign, central, "Hóa đơn điện tử cho hộ kinh doanh", 2)
    InitiativeFactory(campaign=campaign, agency=central, title="Bản nháp chưa gửi", state=InitiativeState.DRAFT)
    report = SummaryReportFactory(campaign=campaign)
    nominations = _nominations(campaign, [district, department, central], 5)
    return {
        "report": report,
        "district": district_items,
        "department": department_items,
        "central": only,
        "nominations": nominations,
        "agencies": [district, department, central],
    }


def _line(doc, agency_name: str) -> str:
    lines = [block.text for block in doc.blocks if block.text.startswith(agency_name)]
    assert len(lines) == 1, lines
    return lines[0]


@AT_SCALE
def test_body_at_scale_names_standouts_or_the_first_few_and_counts_the_rest(province):
    doc = summary_report_compose(report=province["report"])
    district = _line(doc, "UBND huyện Duy Xuyên")
    assert "“Một cửa số 1”" in district and "“Một cửa số 2”" in district
    assert "Một cửa số 3" not in district and "Một cửa số 4" not in district
    assert district.endswith("; và 02 mô hình, sáng kiến, giải pháp khác.")
    department = _line(doc, "Sở Tư pháp")
    assert department.startswith("Sở Tư pháp, tiêu biểu là: (1) ")
    assert "Pháp lý số 1" not in department and "“Pháp lý số 2”" in department and "“Pháp lý số 3”" in department
    assert department.endswith("; và 01 mô hình, sáng kiến, giải pháp khác.")
    central = _line(doc, "Cục Thuế tỉnh")
    assert central == "Cục Thuế tỉnh: (1) Mô hình “Hóa đơn điện tử cho hộ kinh doanh”."
    text = "\n".join(block.text for block in doc.blocks)
    assert "03 cơ quan, đơn vị, địa phương đã đăng ký, triển khai 08 mô hình" in text
    assert "Bản nháp chưa gửi" not in text
    # The appendices point to the annexes instead of listing every row in the body.
    assert [appendix.table.rows for appendix in doc.appendices] == [[], []]
    notes = " ".join(appendix.empty_text for appendix in doc.appendices)
    assert "Danh sách đầy đủ gồm 05 hồ sơ đề nghị khen thưởng được gửi kèm theo Báo cáo này" in notes
    assert "Danh sách đầy đủ gồm 08 mô hình, sáng kiến, giải pháp được gửi kèm theo Báo cáo này" in notes


@override_settings(
    PORTAL_REPORT_FULL_LISTS_UP_TO=5, PORTAL_REPORT_INITIATIVES_PER_AGENCY=2, PORTAL_REPORT_UNMARKED_AGENCIES_NAMED=1
)
def test_body_at_scale_sums_up_the_agencies_beyond_those_it_names(province):
    """Every agency with a standout initiative has its line, and the unmarked ones that registered the
    most; the others are counted in one sentence, so the body does not grow with the agencies."""
    doc = summary_report_compose(report=province["report"])
    assert _line(doc, "UBND huyện Duy Xuyên") and _line(doc, "Sở Tư pháp")
    assert not [block for block in doc.blocks if block.text.startswith("Cục Thuế tỉnh")]
    assert (
        "Ngoài ra, 01 cơ quan, đơn vị, địa phương khác đã đăng ký, triển khai 01 mô hình, sáng kiến, giải pháp "
        "(danh sách đầy đủ được gửi kèm theo Báo cáo này)."
    ) in [block.text for block in doc.blocks]


def _dossier_sentence(doc) -> str:
    return next(block.text for block in doc.blocks if "hồ sơ đề nghị khen thưởng đã gửi" in block.text)


def test_dossier_counts_at_scale_are_those_of_the_full_list(province):
    """At scale the database counts the dossiers the body no longer lists: the same sentence."""
    full = _dossier_sentence(summary_report_compose(report=province["report"]))
    with AT_SCALE:
        assert _dossier_sentence(summary_report_compose(report=province["report"])) == full
    assert "trong 05 hồ sơ đề nghị khen thưởng đã gửi" in full


def test_body_below_the_threshold_lists_every_initiative_as_the_reference_does(province):
    doc = summary_report_compose(report=province["report"])
    district = _line(doc, "UBND huyện Duy Xuyên")
    assert all(f"Một cửa số {n}" in district for n in range(1, 5)) and "khác" not in district
    assert "tiêu biểu" not in _line(doc, "Sở Tư pháp")
    assert [len(appendix.table.rows) for appendix in doc.appendices] == [5, 8]


def _sheet_rows(content: bytes) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return {sheet.title: [row for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}


@AT_SCALE
def test_annex_workbook_holds_every_initiative_and_nomination_of_the_campaign(province):
    content, data_hash = annexes_xlsx(report=province["report"])
    sheets = _sheet_rows(content)
    assert list(sheets) == ["Phụ lục I", "Phụ lục II"]
    nominations, initiatives = sheets["Phụ lục I"], sheets["Phụ lục II"]
    assert nominations[0][0] == "Phụ lục I. DANH SÁCH HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG VÀ KẾT QUẢ KIỂM TRA"
    assert nominations[1][0].startswith("(Kèm theo Báo cáo số 15/BC-SNV ngày 05/12/2025")
    assert nominations[3][:3] == ("STT", "Đối tượng", "Cơ quan đề nghị")
    assert initiatives[3][:4] == ("STT", "Cơ quan, đơn vị", "Loại", "Tên mô hình, sáng kiến, giải pháp")
    assert {row[1].split(",")[0] for row in nominations[4:]} == {n.nominee_name for n in province["nominations"]}
    registered = province["district"] + province["department"] + [province["central"]]
    assert sorted(row[3] for row in initiatives[4:]) == sorted(item.title for item in registered)
    assert [row[0] for row in initiatives[4:]] == list(range(1, 9))
    # In report order: the district (its communes named as units) first.
    assert [row[1] for row in initiatives[4:8]] == ["UBND huyện Duy Xuyên"] * 4
    assert initiatives[4][6] == "xã Duy Sơn"
    marked = {row[3] for row in initiatives[4:] if row[10] == "Tiêu biểu"}
    assert marked == {"Pháp lý số 2", "Pháp lý số 3"}
    assert len(data_hash) == 64


@AT_SCALE
def test_annex_queries_do_not_grow_with_the_rows(province):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            annexes_xlsx(report=province["report"])
        return len(captured)

    before = queries()
    campaign = province["report"].campaign
    for n in range(6):
        _initiative(campaign, AgencyFactory(name=f"UBND xã Thử {n}"), f"Thêm {n}", 3, implementing_units=[])
    _nominations(campaign, province["agencies"], 7, start=10)
    assert queries() == before


@AT_SCALE
def test_annex_pdf_lists_every_row_apart_from_the_body(province):
    content, _hash = annexes_pdf(report=province["report"])
    text = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout.decode()
    assert "Phụ lục I" in text and "Phụ lục II" in text
    assert "BÁO CÁO" not in text and "Nơi nhận" not in text
    assert all(f"Cán bộ thử {n}" in text for n in range(5))
    assert all(f"Một cửa số {n}" in text for n in range(1, 5)) and "Hóa đơn điện tử" in text


@AT_SCALE
def test_render_request_at_scale_delivers_the_workbook_with_the_body(province, django_capture_on_commit_callbacks):
    reviewer = UserFactory(role=Role.REVIEWER)
    report = province["report"]
    with django_capture_on_commit_callbacks(execute=False):
        renders = report_render_request(report=report, user=reviewer, formats=[RenderFormat.DOCX])
    assert [render.format for render in renders] == [RenderFormat.DOCX, RenderFormat.ANNEXES_XLSX]
    annex = report_render_perform(render_id=renders[1].pk)
    assert annex.status == RenderStatus.DONE, annex.error
    assert annex.file.name.endswith(".xlsx")
    response = _download(reviewer, annex)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="phu-luc-bao-cao-tong-ket-tinh-lon-' in response["Content-Disposition"]
    agency_officer = UserFactory(role=Role.AGENCY_OFFICER, agency=province["agencies"][0])
    assert _download(agency_officer, annex).status_code in (403, 404)


def _download(user, render: ReportRender):
    from django.test import Client

    client = Client()
    client.force_login(user)
    response = client.get(reverse("reports:download", args=[render.pk]))
    if response.status_code == 200 and hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response


def test_standout_mark_is_audited(province):
    reviewer = UserFactory(role=Role.REVIEWER)
    item = province["district"][2]
    initiative_standout_set(initiative=item, user=reviewer, standout=True)
    item.refresh_from_db()
    assert item.is_standout
    event = AuditEvent.objects.get(action="initiatives.initiative.standout", object_id=str(item.pk))
    assert (event.actor, event.before, event.after) == (reviewer, {"is_standout": False}, {"is_standout": True})
    # Setting what is already set writes nothing.
    initiative_standout_set(initiative=item, user=reviewer, standout=True)
    assert AuditEvent.objects.filter(action="initiatives.initiative.standout").count() == 1


def test_standout_mark_is_the_reviewers_and_only_once_registered(province):
    item = province["district"][0]
    officer = UserFactory(role=Role.AGENCY_OFFICER, agency=item.agency)
    official = UserFactory(role=Role.OFFICIAL)
    for user in (officer, official):
        with pytest.raises(PermissionDenied):
            initiative_standout_set(initiative=item, user=user, standout=True)
    draft = InitiativeFactory(campaign=item.campaign, agency=item.agency, state=InitiativeState.DRAFT)
    with pytest.raises(PermissionDenied):
        initiative_standout_set(initiative=draft, user=UserFactory(role=Role.REVIEWER), standout=True)
    assert not AuditEvent.objects.filter(action="initiatives.initiative.standout").exists()


def test_standout_button_on_the_initiative_page_marks_and_unmarks(client, province):
    reviewer = UserFactory(role=Role.REVIEWER)
    item = province["district"][0]
    client.force_login(reviewer)
    page = client.get(reverse("initiatives:detail", args=[item.pk])).content.decode()
    assert "Chọn là tiêu biểu" in page
    response = client.post(reverse("initiatives:standout", args=[item.pk]), {"standout": "1"})
    assert response.status_code == 302
    page = client.get(reverse("initiatives:detail", args=[item.pk])).content.decode()
    assert "Bỏ chọn tiêu biểu" in page
    assert "Chọn hoặc bỏ chọn mô hình, sáng kiến tiêu biểu" in page  # the audit trail names the action
    client.post(reverse("initiatives:standout", args=[item.pk]), {"standout": "0"})
    item.refresh_from_db()
    assert not item.is_standout
    client.force_login(UserFactory(role=Role.AGENCY_OFFICER, agency=item.agency))
    page = client.get(reverse("initiatives:detail", args=[item.pk])).content.decode()
    assert "Chọn là tiêu biểu" not in page
    assert client.post(reverse("initiatives:standout", args=[item.pk]), {"standout": "1"}).status_code == 403


@override_settings(
    PORTAL_REPORT_FULL_LISTS_UP_TO=5,
    PORTAL_REPORT_UNMARKED_AGENCIES_NAMED=1,
    PORTAL_REPORT_STANDOUT_AGENCIES_NAMED=1,
    PORTAL_REPORT_STANDOUTS_PER_AGENCY=1,
)
def test_body_at_scale_bounds_the_standouts_it_names(province):
    """However many initiatives reviewers mark, the body names the agencies with the most marked first,
    up to a number, each with a bounded number of its standouts; the other marked agencies are summed up."""
    first_of_district = province["district"][0]
    first_of_district.is_standout = True
    first_of_district.save(update_fields=["is_standout"])
    doc = summary_report_compose(report=province["report"])
    # Two marked in the department, one in the district: the department has the one line for marked agencies.
    department = _line(doc, "Sở Tư pháp")
    assert department == (
        "Sở Tư pháp, tiêu biểu là: (1) Mô hình “Pháp lý số 2”; và 02 mô hình, sáng kiến, giải pháp khác."
    )
    assert not [block for block in doc.blocks if block.text.startswith("UBND huyện Duy Xuyên")]
    assert _line(doc, "Cục Thuế tỉnh")  # the one unmarked agency given a line
    assert (
        "Ngoài ra, 01 cơ quan, đơn vị, địa phương khác đã đăng ký, triển khai 04 mô hình, sáng kiến, giải pháp "
        "(danh sách đầy đủ được gửi kèm theo Báo cáo này)."
    ) in [block.text for block in doc.blocks]


@override_settings(PORTAL_REPORT_FULL_LISTS_UP_TO=5, PORTAL_REPORT_UNITS_NAMED=2)
def test_body_at_scale_names_a_few_units_and_counts_the_others(province):
    district = DistrictFactory(name="UBND huyện Núi Thành")
    communes = [CommuneFactory(name=f"UBND xã Tam {name}", parent=district) for name in ("Anh", "Hải", "Nghĩa", "Xuân")]
    item = _initiative(province["report"].campaign, district, "Chuyển đổi số cấp xã", 1, implementing_units=communes)
    item.replicated_to.set(communes[1:])
    line = _line(summary_report_compose(report=province["report"]), "UBND huyện Núi Thành")
    assert line == (
        "UBND huyện Núi Thành: (1) Mô hình “Chuyển đổi số cấp xã” tại xã Tam Anh, xã Tam Hải và 02 đơn vị khác; "
        "nhân rộng đến xã Tam Hải, xã Tam Nghĩa và 01 đơn vị khác."
    )


def test_body_below_the_threshold_names_every_unit(province):
    district = DistrictFactory(name="UBND huyện Núi Thành")
    communes = [CommuneFactory(name=f"UBND xã Tam {name}", parent=district) for name in ("Anh", "Hải", "Nghĩa")]
    _initiative(province["report"].campaign, district, "Chuyển đổi số cấp xã", 1, implementing_units=communes)
    with override_settings(PORTAL_REPORT_UNITS_NAMED=1):
        line = _line(summary_report_compose(report=province["report"]), "UBND huyện Núi Thành")
    assert line == "UBND huyện Núi Thành: (1) Mô hình “Chuyển đổi số cấp xã” tại xã Tam Anh, xã Tam Hải, xã Tam Nghĩa."


@override_settings(PORTAL_REPORT_FULL_LISTS_UP_TO=5, PORTAL_REPORT_INITIATIVES_PER_AGENCY=2)
def test_composition_at_scale_reads_a_fixed_number_of_queries(province):
    """More agencies, initiatives, standouts, units and dossiers: the same queries, so the body's
    composition does not grow with the province (the rows it reads are those of the agencies it names)."""

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            summary_report_compose(report=province["report"])
        return len(captured)

    before = queries()
    campaign = province["report"].campaign
    district = DistrictFactory(name="UBND huyện Tiên Phước")
    communes = [CommuneFactory(name=f"UBND xã Tiên {n}", parent=district) for n in range(8)]
    for n in range(6):
        item = _initiative(campaign, AgencyFactory(name=f"Sở Thử {n}"), f"Thêm {n}", 3, implementing_units=communes)
        item.replicated_to.set(communes[:n])
        item.is_standout = n % 2 == 0
        item.save(update_fields=["is_standout"])
    _nominations(campaign, province["agencies"], 7, start=10)
    assert queries() == before


@override_settings(
    PORTAL_REPORT_FULL_LISTS_UP_TO=5, PORTAL_REPORT_INITIATIVES_PER_AGENCY=2, PORTAL_REPORT_UNITS_NAMED=2
)
def test_units_shared_by_an_agencys_initiatives_are_counted_only_from_complete_lists(province):
    """At scale each initiative reads its first few units: two initiatives that share them may not share
    the rest, so the line names them under each instead of counting them once from a partial list."""
    district = DistrictFactory(name="UBND huyện Núi Thành")
    communes = [CommuneFactory(name=f"UBND xã Tam {name}", parent=district) for name in ("Anh", "Hải", "Nghĩa", "Xuân")]
    campaign = province["report"].campaign
    _initiative(campaign, district, "Một cửa cấp xã", 1, implementing_units=communes)
    _initiative(campaign, district, "Chuyển đổi số cấp xã", 2, implementing_units=communes)
    line = _line(summary_report_compose(report=province["report"]), "UBND huyện Núi Thành")
    assert "đã có" not in line
    assert line.count("tại xã Tam Anh, xã Tam Hải và 02 đơn vị khác") == 2
