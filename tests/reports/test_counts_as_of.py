"""Every count in the report says the date it is taken at, and the computed sentences agree with
Appendix I beside them and with the progress page: the same dossiers, received by the report's
date, late when received after the deadline day in Vietnam time, whenever the receipt was recorded."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from awards.enums import ReceiptChannel
from awards.selectors import campaign_progress
from awards.services import nomination_receipt_record
from reports.composition import summary_report_compose
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, NominationFactory
from tests.factories.reports import SummaryReportFactory

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def _at(day: int, month: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2025, month, day, hour, minute, tzinfo=VIETNAM)


@pytest.fixture
def report(db, reviewer):
    campaign = CampaignFactory(nomination_deadline=datetime.date(2025, 11, 30))
    award_form = AwardFormFactory(campaign=campaign)
    on_time, late, after_report, on_paper = AgencyFactory(), AgencyFactory(), AgencyFactory(), AgencyFactory()
    campaign.expected_agencies.set([on_time, late, after_report, on_paper])
    # The last minutes of the deadline day count as on time; the first of the next day do not.
    NominationFactory(award_form=award_form, agency=on_time, state="submitted", submitted_at=_at(30, 11, 23, 59))
    NominationFactory(award_form=award_form, agency=late, state="submitted", submitted_at=_at(1, 12, 0, 1))
    # Sent after the report's date: neither in its counts nor in its appendix.
    NominationFactory(award_form=award_form, agency=after_report, state="submitted", submitted_at=_at(6, 12, 9))
    NominationFactory(award_form=award_form, agency=after_report)
    # A paper dossier received on 29/11, typed into the portal on 03/12: on time by its receipt date.
    paper = NominationFactory(award_form=award_form, agency=on_paper, state="submitted", submitted_at=_at(3, 12, 10))
    nomination_receipt_record(
        user=reviewer,
        nomination=paper,
        received_on=datetime.date(2025, 11, 29),
        receipt_number="1250",
        channel=ReceiptChannel.PAPER,
    )
    return SummaryReportFactory(campaign=campaign, issued_on=datetime.date(2025, 12, 5))


def test_counts_as_of_the_report_date_equal_the_appendix_rows(report):
    doc = summary_report_compose(report=report)
    text = "\n".join(block.text for block in doc.blocks)
    appendix = doc.appendices[0]
    assert appendix.table.columns[4] == "Ngày nhận"
    rows = appendix.table.rows
    late_rows = [row for row in rows if "(sau thời hạn)" in row[4]]
    progress = campaign_progress(campaign=report.campaign, as_of=report.issued_on)
    assert (len(rows), len(late_rows)) == (progress.nominations_total, progress.nominations_late) == (3, 1)
    assert late_rows[0][4] == "01/12/2025 (sau thời hạn)"
    assert "29/11/2025" in [row[4] for row in rows], "the paper dossier by its receipt date, not its entry"
    assert (
        "Tính đến ngày 05/12/2025, trong 03 hồ sơ đề nghị khen thưởng đã gửi, có 03 hồ sơ không đảm bảo thành phần "
        "hồ sơ; có 01 hồ sơ gửi sau thời hạn (ngày 30/11/2025). Trong số 04 cơ quan, đơn vị, địa phương phải báo "
        "cáo, có 01 cơ quan, đơn vị, địa phương gửi hồ sơ sau thời hạn; có 01 cơ quan, đơn vị, địa phương chưa gửi "
        "hồ sơ." in text
    )
    assert progress.sent_on_time_label == "2/4"
    assert "Tính đến thời điểm 30/11/2025 đã có 2/4 cơ quan, đơn vị, địa phương gửi hồ sơ" in text
    assert "hồ sơ nhận đến ngày 05/12/2025; thời hạn gửi: ngày 30/11/2025" in appendix.note


def test_a_later_report_date_counts_the_dossier_sent_since(report):
    report.issued_on = datetime.date(2025, 12, 8)
    report.save()
    doc = summary_report_compose(report=report)
    text = "\n".join(block.text for block in doc.blocks)
    assert len(doc.appendices[0].table.rows) == 4
    assert "trong 04 hồ sơ đề nghị khen thưởng đã gửi" in text
    assert "có 02 hồ sơ gửi sau thời hạn" in text
    assert "không có cơ quan, đơn vị, địa phương nào chưa gửi hồ sơ" in text
