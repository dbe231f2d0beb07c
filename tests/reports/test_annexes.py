"""The annex workbook reads its rows as plain values (issue 18: a province's 50,000 initiatives and
20,000 nominations); these tests hold those rows to what the model instances the rest of the
report reads say: the same rows, in the same order, with the same names, labels and flags."""

import datetime
import io

import pytest
from django.test import override_settings
from django.utils import timezone
from openpyxl import load_workbook

from awards.enums import NominationState, NomineeType, Verdict
from awards.selectors import nomination_rows_for_report, nominations_for_report
from initiatives.enums import InitiativeKind, InitiativeState
from initiatives.selectors import initiative_rows_for_annex, initiatives_for_annex
from reports.annexes import annexes_xlsx
from tests.factories import AgencyFactory, CampaignFactory, CommuneFactory, DistrictFactory, InitiativeCategoryFactory
from tests.factories.awards import AwardFormFactory, NominationFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.reports import SummaryReportFactory


@pytest.fixture
def campaign_rows(db):
    campaign = CampaignFactory(code="phu-luc", name="Thi đua chuyển đổi số")
    district = DistrictFactory(name="UBND huyện Đại Lộc")
    communes = [CommuneFactory(name=f"UBND xã {name}", parent=district) for name in ("Đại Hồng", "Ái Nghĩa")]
    department = AgencyFactory(name="Sở Thông tin và Truyền thông")
    category = InitiativeCategoryFactory(campaign=campaign, name="Chuyển đổi số")
    long_title = "Ứng dụng bản đồ số quản lý hạ tầng viễn thông thụ động dùng chung trên địa bàn toàn tỉnh"
    InitiativeFactory(
        campaign=campaign,
        agency=district,
        kind=InitiativeKind.SOLUTION,
        title=long_title,
        category=category,
        started_on=datetime.date(2025, 3, 2),
        implementing_units=communes,
        replicated_to=[department],
        result_figures=[{"label": "Số hộ", "value": "1.200"}, {"label": "Tỷ lệ", "value": "95%"}],
        state=InitiativeState.REGISTERED,
        is_standout=True,
    )
    InitiativeFactory(campaign=campaign, agency=district, title="Chợ 4.0", state=InitiativeState.REGISTERED)
    InitiativeFactory(campaign=campaign, agency=department, title="Một cửa số", state=InitiativeState.REGISTERED)
    InitiativeFactory(campaign=campaign, agency=department, title="Bản nháp", state=InitiativeState.DRAFT)
    collective = AwardFormFactory(campaign=campaign, name="Bằng khen", nominee_type=NomineeType.COLLECTIVE)
    individual = AwardFormFactory(campaign=campaign, name="Bằng khen", nominee_type=NomineeType.INDIVIDUAL)
    on_time = timezone.make_aware(datetime.datetime(2025, 11, 20, 9, 0))
    late = timezone.make_aware(datetime.datetime(2025, 12, 2, 9, 0))
    NominationFactory(
        award_form=collective,
        agency=district,
        state=NominationState.AWARDED,
        verdict=Verdict.ELIGIBLE,
        submitted_at=on_time,
        decision_number="123/QĐ-UBND",
        decision_date=datetime.date(2025, 12, 20),
    )
    NominationFactory(
        award_form=individual,
        agency=department,
        nominee_name="Nguyễn Thị Hoa",
        nominee_position="Chuyên viên",
        nominee_unit="Phòng Bưu chính",
        state=NominationState.SUBMITTED,
        submitted_at=late,
    )
    NominationFactory(award_form=individual, agency=department, state=NominationState.DRAFT)
    return SummaryReportFactory(campaign=campaign, issued_on=datetime.date(2025, 12, 5))


def test_initiative_rows_are_those_of_the_annex_instances(campaign_rows):
    campaign = campaign_rows.campaign
    instances = list(initiatives_for_annex(campaign=campaign, batch_size=1))
    rows = list(initiative_rows_for_annex(campaign=campaign, batch_size=1))
    assert len(rows) == len(instances) == 3
    for row, item in zip(rows, instances, strict=True):
        assert row.title == item.title and row.agency_name == item.agency.name
        assert row.implementing_units == [unit.name for unit in item.implementing_unit_list]
        assert row.replicated_to == [unit.name for unit in item.replicated_to_list]
        assert row.category_name == (item.category.name if item.category_id else None)
        assert (row.kind, row.state, row.is_standout, row.started_on) == (
            item.kind,
            item.state,
            item.is_standout,
            item.started_on,
        )
        assert row.result_figures == item.result_figures


def test_nomination_rows_are_those_of_the_report(campaign_rows):
    report = campaign_rows
    instances = list(nominations_for_report(campaign=report.campaign))
    rows = list(nomination_rows_for_report(campaign=report.campaign, batch_size=1))
    assert len(rows) == len(instances) == 2
    for row, item in zip(rows, instances, strict=True):
        assert (row.nominee, row.agency_name, row.award_form) == (
            item.nominee_label,
            item.agency.name,
            str(item.award_form),
        )
        assert (row.received_on, row.is_late, row.missing_component) == (
            item.received_on,
            item.is_late,
            item.missing_component,
        )
        assert (row.verdict, row.state, row.decision_number, row.decision_date) == (
            item.verdict,
            item.state,
            item.decision_number,
            item.decision_date,
        )


@override_settings(PORTAL_REPORT_FULL_LISTS_UP_TO=1)
def test_annex_workbook_names_labels_and_flags_each_row(campaign_rows):
    content, _hash = annexes_xlsx(report=campaign_rows)
    workbook = load_workbook(io.BytesIO(content))
    nominations, initiatives = (workbook[name] for name in ("Phụ lục I", "Phụ lục II"))
    header = next(nominations.iter_rows(min_row=4, max_row=4, values_only=True))
    found = {row[1]: dict(zip(header, row, strict=True)) for row in nominations.iter_rows(min_row=5, values_only=True)}
    awarded = found["UBND huyện Đại Lộc"]
    assert awarded["Quyết định khen thưởng"] == "123/QĐ-UBND ngày 20/12/2025"
    assert (awarded["Trạng thái"], awarded["Kết quả kiểm tra"]) == ("Đã có quyết định khen thưởng", "Đủ điều kiện")
    assert awarded["Gửi sau thời hạn"] is None and awarded["Ngày nhận"] == "20/11/2025"
    person = found["Nguyễn Thị Hoa, Chuyên viên, Phòng Bưu chính"]
    assert person["Gửi sau thời hạn"] == "Có" and person["Hình thức"] == "Bằng khen (cá nhân)"
    rows = list(initiatives.iter_rows(min_row=5))
    assert [row[3].value for row in rows] == [
        "Ứng dụng bản đồ số quản lý hạ tầng viễn thông thụ động dùng chung trên địa bàn toàn tỉnh",
        "Chợ 4.0",
        "Một cửa số",
    ]
    first = [cell.value for cell in rows[0]]
    assert first[:3] == [1, "UBND huyện Đại Lộc", "Giải pháp"]
    assert first[4:] == [
        "Chuyển đổi số",
        "02/03/2025",
        "xã Ái Nghĩa, xã Đại Hồng",
        "Sở Thông tin và Truyền thông",
        "Số hộ: 1.200; Tỷ lệ: 95%",
        "Đã đăng ký",
        "Tiêu biểu",
    ]
    # A text longer than a line of its column wraps; one that fits needs no style of its own.
    assert rows[0][3].alignment.wrap_text and not rows[1][3].alignment.wrap_text
    assert [cell.value for cell in rows[1]][4:] == [None, None, None, None, None, "Đã đăng ký", None]
