import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.enums import Role
from awards.enums import NominationState
from initiatives.enums import InitiativeState
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, NominationFactory
from tests.factories.initiatives import InitiativeFactory


@pytest.fixture
def campaign(db):
    campaign = CampaignFactory(nomination_deadline=datetime.date(2024, 12, 24))
    campaign.expected_agencies.set(AgencyFactory.create_batch(4))
    return campaign


def _sent(campaign, agency, day: datetime.date, state=NominationState.SUBMITTED):
    form = campaign.award_forms.first() or AwardFormFactory(campaign=campaign)
    submitted = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    return NominationFactory(award_form=form, agency=agency, state=state, submitted_at=submitted)


def test_dashboard_reviewer_sees_progress_waiting_work_and_charts(client, campaign, reviewer):
    agencies = list(campaign.expected_agencies.order_by("pk"))
    _sent(campaign, agencies[0], datetime.date(2024, 12, 20))
    _sent(campaign, agencies[1], datetime.date(2024, 12, 23), state=NominationState.UNDER_REVIEW)
    _sent(campaign, agencies[2], datetime.date(2024, 12, 30))
    InitiativeFactory(campaign=campaign, agency=agencies[0], state=InitiativeState.IN_PRACTICE)
    client.force_login(reviewer)
    response = client.get(reverse("home"))
    body = response.content.decode()
    assert response.context["progress"].sent_on_time_label == "2/4"
    assert "2/4" in body and "cơ quan, đơn vị đã gửi hồ sơ đúng hạn" in body
    waiting = {key: count for _label, count, key in response.context["waiting"]}
    assert waiting == {"submitted": 2, "under_review": 1, "approved": 0, "initiatives": 1}
    charts = {chart.key: dict(chart.rows) for chart in response.context["charts"]}
    assert charts["nominations-state"]["Đã gửi"] == 2
    assert charts["nominations-verdict"]["Chưa kiểm tra"] == 3
    assert 'id="chart-initiatives-area-data"' in body and "Xem số liệu" in body
    assert agencies[3].name in body  # listed among those that have not sent


def test_dashboard_official_sees_the_campaign_at_a_glance(client, campaign, official):
    _sent(campaign, campaign.expected_agencies.first(), datetime.date(2024, 12, 1))
    client.force_login(official)
    response = client.get(reverse("home"), {"phong-trao": campaign.code})
    assert response.context["campaign"] == campaign
    body = response.content.decode()
    assert "1/4" in body
    assert "Việc chờ xử lý" not in body
    assert not re.search(r"\d+ · \d+", body), "each figure of a tile says what it counts"
    assert "hồ sơ thiếu thành phần" in body and "hồ sơ gửi trễ hạn" in body


def test_dashboard_query_count_does_not_grow_with_rows(client, campaign, reviewer, assert_same_query_count):
    agencies = list(campaign.expected_agencies.all())
    _sent(campaign, agencies[0], datetime.date(2024, 12, 1))
    InitiativeFactory(campaign=campaign, agency=agencies[0], state=InitiativeState.REGISTERED)
    client.force_login(reviewer)

    def grow():
        for agency in agencies[1:3]:
            _sent(campaign, agency, datetime.date(2024, 12, 2))
            InitiativeFactory(campaign=campaign, agency=agency, state=InitiativeState.REGISTERED)

    assert assert_same_query_count(lambda: client.get(reverse("home")), grow) <= 12


def test_dashboard_counts_initiatives_from_the_figures_index_alone(client, campaign, reviewer):
    """The initiative counts name only the columns of `initiative_campaign_figures`: COUNT(id)
    would send PostgreSQL to the table rather than to the index alone."""
    InitiativeFactory(campaign=campaign, agency=campaign.expected_agencies.first(), state=InitiativeState.REGISTERED)
    client.force_login(reviewer)
    with CaptureQueriesContext(connection) as context:
        client.get(reverse("home"))
    counts = [q["sql"] for q in context.captured_queries if 'FROM "initiatives_initiative"' in q["sql"]]
    assert counts and all("COUNT(*)" in sql for sql in counts)
    assert not any('"initiatives_initiative"."id"' in sql for sql in counts)


def test_officer_todo_lists_returned_and_draft_dossiers(client, campaign, make_user):
    agency = campaign.expected_agencies.first()
    officer = make_user(Role.AGENCY_OFFICER, agency=agency)
    returned = _sent(campaign, agency, datetime.date(2024, 12, 1), state=NominationState.RETURNED)
    returned.last_reason = "Thiếu biên bản họp Hội đồng"
    returned.save()
    NominationFactory(award_form=returned.award_form, agency=agency, state=NominationState.DRAFT, nominee_name="Lê B")
    InitiativeFactory(campaign=campaign, agency=agency, state=InitiativeState.DRAFT)
    client.force_login(officer)
    body = client.get(reverse("home")).content.decode()
    assert "bị trả lại: hãy bổ sung và gửi lại" in body and "Thiếu biên bản họp Hội đồng" in body
    assert "chưa gửi" in body and "thiếu thành phần hồ sơ" in body
    assert "1 mô hình, sáng kiến còn là bản nháp" in body


def test_officer_todo_query_count_does_not_grow(client, campaign, make_user, assert_same_query_count):
    agency = campaign.expected_agencies.first()
    client.force_login(make_user(Role.AGENCY_OFFICER, agency=agency))
    _sent(campaign, agency, datetime.date(2024, 12, 1), state=NominationState.RETURNED)

    def grow():
        for _ in range(2):
            _sent(campaign, agency, datetime.date(2024, 12, 1), state=NominationState.RETURNED)

    assert_same_query_count(lambda: client.get(reverse("home")), grow)


def test_dashboard_official_finds_the_latest_report_files(client, campaign, official):
    from django.core.files.base import ContentFile

    from reports.models import ReportRender
    from tests.factories.reports import SummaryReportFactory

    report = SummaryReportFactory(campaign=campaign, number_symbol="512/BC-SNV")
    old = ReportRender.objects.create(report=report, format="pdf", status="done", progress=100)
    old.file.save("cu.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    for fmt in ("pdf", "docx"):
        render = ReportRender.objects.create(
            report=report, format=fmt, status="done", progress=100, finished_at=timezone.now()
        )
        render.file.save(f"moi.{fmt}", ContentFile(b"x"))
    ReportRender.objects.create(report=report, format="pdf", status="queued")
    client.force_login(official)
    response = client.get(reverse("home"))
    panel = response.context["panels"][0]
    assert [r.format for r in panel["files"]] == ["docx", "pdf"] and old not in panel["files"]
    body = response.content.decode()
    assert "báo cáo số 512/BC-SNV" in body
    for render in panel["files"]:
        assert reverse("reports:download", args=[render.pk]) in body
    assert body.index("báo cáo số 512/BC-SNV") < body.index("cơ quan, đơn vị đã gửi hồ sơ đúng hạn"), (
        "the report files come first on an official's page, above the figures"
    )
    assert body.count('id="report-panel-title"') == 1


def test_officer_todo_includes_campaigns_the_agency_takes_part_in(client, campaign, make_user):
    commune = AgencyFactory(name="UBND xã Trà Đốc thử")
    InitiativeFactory(campaign=campaign, agency=commune, state=InitiativeState.DRAFT)
    client.force_login(make_user(Role.AGENCY_OFFICER, agency=commune))
    todo = client.get(reverse("home")).context["todo"]
    assert [row["campaign"] for row in todo] == [campaign]
    assert todo[0]["initiative_drafts"] == 1 and not todo[0]["sent"]


def test_dashboard_says_the_date_each_count_is_taken_at(client, campaign, reviewer):
    agencies = list(campaign.expected_agencies.order_by("pk"))
    _sent(campaign, agencies[0], datetime.date(2024, 12, 24))
    _sent(campaign, agencies[1], datetime.date(2024, 12, 26))
    client.force_login(reviewer)
    response = client.get(reverse("home"))
    figures = response.context["progress"]
    assert (figures.on_time_as_of, figures.as_of) == (datetime.date(2024, 12, 24), timezone.localdate())
    body = response.content.decode()
    assert "tính đến ngày 24/12/2024" in body
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"Số gửi muộn, chưa gửi và số hồ sơ tính đến ngày {today}, theo ngày nhận hồ sơ." in body
