"""The report pages: who may see, edit, render and download; the status endpoint; indicators."""

import datetime
import html
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.enums import Role
from campaign_portal.models import AuditEvent
from campaign_portal.spreadsheets import XLSX_CONTENT_TYPE, Column, workbook_write
from reports.enums import RenderStatus
from reports.models import Indicator, OutlineSection, ReportRender, SummaryReport
from reports.services import issuer_symbol
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.reports import IndicatorFactory, IndicatorValueFactory, SummaryReportFactory

from .helpers import DocxReport, normalise, pdf_text


@pytest.fixture
def campaign(db):
    return CampaignFactory(code="thu")


def _form_data(report: SummaryReport, **changes) -> dict:
    data = {
        "number_symbol": report.number_symbol,
        "issued_on": report.issued_on.strftime("%d/%m/%Y"),
        "place_name": report.place_name,
        "issuer_parent": report.issuer_parent,
        "issuer_name": report.issuer_name,
        "signer_authority": report.signer_authority,
        "signer_position": report.signer_position,
        "signer_name": report.signer_name,
        "recipients_text": "\n".join(report.recipients),
    }
    data.update({f"section_{key}": value for key, value in report.sections.items()})
    return data | changes


def test_report_pages_refuse_agency_officers_and_anonymous(client, make_user, campaign):
    client.force_login(make_user(Role.AGENCY_OFFICER))
    for url in (
        reverse("reports:index"),
        reverse("reports:detail", args=[campaign.code]),
        reverse("reports:render_status", args=[campaign.code]),
    ):
        assert client.get(url).status_code == 403
    # The indicators are the campaign's set-up: hidden (404) like every set-up page.
    assert client.get(reverse("reports:indicators", args=[campaign.code])).status_code == 404
    assert client.post(reverse("reports:render_request", args=[campaign.code])).status_code == 403
    client.logout()
    assert client.get(reverse("reports:index")).status_code == 302


def test_report_page_prefills_fields_and_drafts_for_reviewer(client, reviewer, campaign):
    client.force_login(reviewer)
    response = client.get(reverse("reports:detail", args=[campaign.code]))
    assert response.status_code == 200
    report = SummaryReport.objects.get(campaign=campaign)
    assert report.issuer_name == campaign.organiser.name.upper()
    assert report.number_symbol.startswith("/BC-")
    assert campaign.plan_document.number_symbol in report.sections["chi-dao"]
    assert "Lưu: VT." in report.recipients
    assert 'name="section_uu-diem"' in response.content.decode()
    body = response.content.decode()
    assert "Dấu kiểm dữ liệu" in body and "Hai bản có cùng dấu kiểm được tạo từ đúng cùng số liệu" in body
    assert "băm" not in body, "said in plain words"


def test_report_save_keeps_input_and_says_what_to_fix(client, reviewer, campaign):
    client.force_login(reviewer)
    client.get(reverse("reports:detail", args=[campaign.code]))
    report = SummaryReport.objects.get(campaign=campaign)
    data = _form_data(report, issued_on="31/02/2025", **{"section_bai-hoc": "Bài học <b>mới</b>"})
    response = client.post(reverse("reports:detail", args=[campaign.code]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Bài học &lt;b&gt;mới&lt;/b&gt;" in page
    assert "is-invalid" in page
    response = client.post(
        reverse("reports:detail", args=[campaign.code]),
        _form_data(report, signer_name="Hà An", **{"section_bai-hoc": "Bài học mới"}),
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.sections["bai-hoc"] == "Bài học mới" and report.signer_name == "Hà An"
    assert AuditEvent.objects.filter(action="reports.summaryreport.update", actor=reviewer).exists()


def test_official_sees_renders_but_cannot_edit_or_render(client, official, campaign):
    report = SummaryReportFactory(campaign=campaign)
    client.force_login(official)
    response = client.get(reverse("reports:detail", args=[campaign.code]))
    assert response.status_code == 200
    assert 'name="section_chi-dao"' not in response.content.decode()
    assert client.post(reverse("reports:detail", args=[campaign.code]), _form_data(report)).status_code == 404
    assert client.post(reverse("reports:render_request", args=[campaign.code]), {"formats": ["pdf"]}).status_code == 403


def test_render_request_renders_both_formats_and_official_downloads(
    client, reviewer, official, campaign, django_capture_on_commit_callbacks
):
    report = SummaryReportFactory(campaign=campaign, sections={"bai-hoc": "Bài học từ phong trào thử."})
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:render_request", args=[campaign.code]), {"formats": ["pdf", "docx"]})
    assert response.status_code == 302
    renders = {r.format: r for r in ReportRender.objects.filter(report=report)}
    assert set(renders) == {"pdf", "docx"}
    for render in renders.values():
        assert render.status == RenderStatus.DONE and render.progress == 100
        assert render.requested_by == reviewer and render.finished_at is not None
        assert len(render.data_hash) == 64
    assert renders["pdf"].data_hash == renders["docx"].data_hash
    status = client.get(reverse("reports:render_status", args=[campaign.code])).json()
    assert status["pending"] is False and len(status["renders"]) == 2
    client.force_login(official)
    pdf = client.get(reverse("reports:download", args=[renders["pdf"].pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "Bài học từ phong trào thử." in normalise(pdf_text(b"".join(pdf.streaming_content)))
    word = client.get(reverse("reports:download", args=[renders["docx"].pk]))
    assert "Bài học từ phong trào thử." in DocxReport(b"".join(word.streaming_content)).body_text
    assert AuditEvent.objects.filter(action="file.download", actor=official).count() == 2


def test_download_refused_to_agency_officer(client, make_user, campaign):
    report = SummaryReportFactory(campaign=campaign)
    render = ReportRender.objects.create(report=report, format="pdf", status=RenderStatus.QUEUED)
    client.force_login(make_user(Role.AGENCY_OFFICER))
    assert client.get(reverse("reports:download", args=[render.pk])).status_code == 403


def test_new_render_changes_hash_when_data_changes(client, reviewer, campaign, django_capture_on_commit_callbacks):
    report = SummaryReportFactory(campaign=campaign)
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:render_request", args=[campaign.code]), {"formats": ["docx"]})
    report.sections = {"kien-nghi": "Kiến nghị mới."}
    report.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:render_request", args=[campaign.code]), {"formats": ["docx"]})
    hashes = list(ReportRender.objects.filter(report=report).values_list("data_hash", flat=True))
    assert len(hashes) == 2 and hashes[0] != hashes[1]


def test_report_index_query_count_does_not_grow(client, reviewer, assert_same_query_count):
    SummaryReportFactory()
    client.force_login(reviewer)

    def grow():
        SummaryReportFactory()
        CampaignFactory()

    assert_same_query_count(lambda: client.get(reverse("reports:index")), grow)


def test_indicator_values_edited_with_vietnamese_numbers(client, reviewer, campaign):
    indicator = IndicatorFactory(campaign=campaign)
    client.force_login(reviewer)
    url = reverse("reports:indicators", args=[campaign.code])
    response = client.post(url, {f"value-{indicator.pk}": "mười"})
    assert response.status_code == 400
    assert 'value="mười"' in response.content.decode()
    assert client.post(url, {f"value-{indicator.pk}": "30.335"}).status_code == 302
    assert indicator.values.get().value == 30335


def _xlsx(rows) -> SimpleUploadedFile:
    columns = [Column(h) for h in ("Mã", "Tên", "Đơn vị", "Mục", "Cha", "Giá trị")]
    content = workbook_write(title="Chỉ số", columns=columns, rows=rows)
    return SimpleUploadedFile("chi-so.xlsx", content, content_type=XLSX_CONTENT_TYPE)


def test_indicators_import_from_excel_with_breakdown(client, reviewer, campaign):
    client.force_login(reviewer)
    url = reverse("reports:indicators", args=[campaign.code])
    rows = [
        ("chung-thu", "Chứng thư số đã cấp", "chứng thư số", "II", "", 8630),
        ("chung-thu-to-chuc", "cho tổ chức", "chứng thư số", "", "chung-thu", "1.055"),
    ]
    response = client.post(url, {"import": "1", "file": _xlsx(rows)})
    assert response.status_code == 302
    child = Indicator.objects.get(campaign=campaign, code="chung-thu-to-chuc")
    assert child.parent.code == "chung-thu" and child.values.get().value == 1055
    assert child.parent.section.key == "ket-qua" and child.section is None
    exported = client.get(url, {"xuat": "xlsx"})
    assert exported["Content-Type"] == XLSX_CONTENT_TYPE


def test_indicators_import_refuses_bad_rows_and_formulas(client, reviewer, campaign):
    client.force_login(reviewer)
    url = reverse("reports:indicators", args=[campaign.code])
    rows = [("a", "A", "", "9.9", "", 1), ("b", "B", "", "ket-qua", "khong-co", 2)]
    response = client.post(url, {"import": "1", "file": _xlsx(rows)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dòng 2" in page and "khong-co" in page
    assert not Indicator.objects.filter(campaign=campaign).exists()
    not_excel = SimpleUploadedFile("chi-so.xlsx", b"%PDF-1.4 not a workbook", content_type=XLSX_CONTENT_TYPE)
    assert client.post(url, {"import": "1", "file": not_excel}).status_code == 400


def test_render_report_command_writes_the_file(campaign, tmp_path):
    from django.core.management import call_command

    SummaryReportFactory(campaign=campaign, issued_on=datetime.date(2025, 1, 2))
    output = tmp_path / "bao-cao.pdf"
    out = io.StringIO()
    call_command("render_report", campaign=campaign.code, format="pdf", output=str(output), stdout=out)
    assert output.read_bytes()[:5] == b"%PDF-"
    assert "ngày 02 tháng 01 năm 2025" in normalise(pdf_text(output.read_bytes()))
    assert "dấu kiểm dữ liệu" in out.getvalue()


def test_indicator_value_shown_in_rendered_section(campaign):
    from reports.composition import summary_report_compose

    report = SummaryReportFactory(campaign=campaign)
    results = OutlineSection.objects.get(campaign=campaign, key="ket-qua")
    indicator = IndicatorFactory(campaign=campaign, name="Tài khoản", unit="tài khoản", section=results)
    value = IndicatorValueFactory(indicator=indicator)
    texts = [block.text for block in summary_report_compose(report=report).blocks]
    assert f"Tài khoản: {value.value:.0f} tài khoản." in texts


def test_failed_render_is_recorded_and_reported_on_the_page(client, reviewer, campaign):
    from reports.services import report_render_perform

    report = SummaryReportFactory(campaign=campaign)
    render = ReportRender.objects.create(report=report, format="odt", requested_by=reviewer)
    assert report_render_perform(render_id=render.pk).status == RenderStatus.FAILED
    render.refresh_from_db()
    assert render.error and render.progress == 100 and not render.file
    client.force_login(reviewer)
    status = client.get(reverse("reports:render_status", args=[campaign.code])).json()
    assert status["renders"][0]["error"] and status["renders"][0]["download_url"] == ""
    assert client.get(reverse("reports:download", args=[render.pk])).status_code == 404


def test_report_page_and_status_query_counts_do_not_grow_with_renders(
    client, reviewer, campaign, assert_same_query_count
):
    report = SummaryReportFactory(campaign=campaign)
    ReportRender.objects.create(report=report, format="pdf", requested_by=reviewer)
    client.force_login(reviewer)

    def grow():
        for fmt in ("pdf", "docx"):
            ReportRender.objects.create(report=report, format=fmt, requested_by=reviewer)

    assert_same_query_count(lambda: client.get(reverse("reports:detail", args=[campaign.code])), grow)
    assert_same_query_count(lambda: client.get(reverse("reports:render_status", args=[campaign.code])), grow)


def test_reviewer_places_an_indicator_in_an_outline_section_with_its_value(client, reviewer, campaign):
    report = SummaryReportFactory(campaign=campaign)
    indicator = IndicatorFactory(campaign=campaign, name="Tài khoản đã cấp", unit="tài khoản")
    results = OutlineSection.objects.get(campaign=campaign, key="ket-qua")
    client.force_login(reviewer)
    url = reverse("reports:indicators", args=[campaign.code])
    assert f'name="section-{indicator.pk}"' in client.get(url).content.decode()
    bad = client.post(url, {f"value-{indicator.pk}": "ba mươi", f"section-{indicator.pk}": results.pk})
    assert bad.status_code == 400
    indicator.refresh_from_db()
    assert indicator.section is None, "nothing half saved"
    assert (
        client.post(url, {f"value-{indicator.pk}": "30.335", f"section-{indicator.pk}": results.pk}).status_code == 302
    )
    indicator.refresh_from_db()
    assert indicator.section == results
    from reports.composition import summary_report_compose

    assert "Tài khoản đã cấp: 30.335 tài khoản." in [
        block.text for block in summary_report_compose(report=report).blocks
    ]
    client.post(url, {f"value-{indicator.pk}": "30.335", f"section-{indicator.pk}": ""})
    indicator.refresh_from_db()
    assert indicator.section is None


def test_render_button_saves_the_edited_text_before_rendering(client, reviewer, campaign):
    client.force_login(reviewer)
    page = client.get(reverse("reports:detail", args=[campaign.code])).content.decode()
    assert 'form="report-form" name="render"' in page and 'id="report-form" data-protect' in page
    report = SummaryReport.objects.get(campaign=campaign)
    url = reverse("reports:detail", args=[campaign.code])
    broken = _form_data(report, issued_on="", render="1", formats=["pdf"], **{"section_bai-hoc": "Chưa lưu"})
    assert client.post(url, broken).status_code == 400
    assert not ReportRender.objects.exists(), "nothing rendered from text that could not be saved"

    response = client.post(url, _form_data(report, render="1", formats=["pdf"], **{"section_bai-hoc": "Sửa rồi tạo"}))
    assert response.status_code == 302 and response.url.endswith("#ban-in")
    report.refresh_from_db()
    assert report.sections["bai-hoc"] == "Sửa rồi tạo"
    assert list(ReportRender.objects.values_list("format", flat=True)) == ["pdf"]


@pytest.mark.parametrize(
    ("name", "short_name", "symbol"),
    [
        ("Sở Nội vụ", "SNV", "SNV"),
        ("Sở Nông nghiệp và Phát triển nông thôn", "SNN&PTNT", "SNNPTNT"),
        ("Sở Kế hoạch và Đầu tư", "", "SKHĐT"),
        ("Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH", "SLĐTBXH"),
    ],
)
def test_new_report_number_names_the_organiser_as_its_documents_do(name, short_name, symbol):
    assert issuer_symbol(AgencyFactory.build(name=name, short_name=short_name)) == symbol


def test_indicators_import_checks_each_row_as_the_page_form_does(client, reviewer, campaign):
    """A code the page would refuse (not a slug) is refused by the import with the page's message."""
    from reports.forms import IndicatorForm

    client.force_login(reviewer)
    url = reverse("reports:indicators", args=[campaign.code])
    response = client.post(url, {"import": "1", "file": _xlsx([("mã có dấu", "Chỉ số", "", "", "", 1)])})
    assert response.status_code == 400
    page_form = IndicatorForm(data={"code": "mã có dấu", "name": "Chỉ số", "position": 0})
    assert not page_form.is_valid()
    message = page_form.errors["code"][0]
    assert f"Dòng 2: Mã: {message}" in html.unescape(response.content.decode())
    assert not Indicator.objects.filter(campaign=campaign).exists()
