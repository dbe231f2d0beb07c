"""The computed sentences of the report for none, one and several: "chưa có … nào", "01 …",
"03 …", never "0 hồ sơ", each with the date its count is taken at."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from initiatives.enums import InitiativeState
from reports.composition import summary_report_compose
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, NominationFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.reports import SummaryReportFactory

ON_TIME = datetime.datetime(2025, 11, 28, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))

EXPECTED = {
    0: [
        "Tính đến ngày 05/12/2025, chưa có mô hình, sáng kiến, giải pháp nào được đăng ký.",
        "Tính đến thời điểm 30/11/2025 chưa có cơ quan, đơn vị, địa phương nào trong số 03 cơ quan, đơn vị, địa "
        "phương phải báo cáo gửi hồ sơ đề nghị khen thưởng",
        "Tính đến ngày 05/12/2025, chưa có hồ sơ đề nghị khen thưởng nào được gửi.",
    ],
    1: [
        "Tính đến ngày 05/12/2025, 01 cơ quan, đơn vị, địa phương đã đăng ký, triển khai 01 mô hình, sáng kiến, "
        "giải pháp, cụ thể:",
        "Tính đến thời điểm 30/11/2025 đã có 1/3 cơ quan, đơn vị, địa phương gửi hồ sơ",
        "Tính đến ngày 05/12/2025, trong 01 hồ sơ đề nghị khen thưởng đã gửi, có 01 hồ sơ không đảm bảo thành "
        "phần hồ sơ; không có hồ sơ nào gửi sau thời hạn (ngày 30/11/2025). Trong số 03 cơ quan, đơn vị, địa "
        "phương phải báo cáo, không có cơ quan, đơn vị, địa phương nào gửi hồ sơ sau thời hạn; có 02 cơ quan, "
        "đơn vị, địa phương chưa gửi hồ sơ.",
    ],
    3: [
        "Tính đến ngày 05/12/2025, 03 cơ quan, đơn vị, địa phương đã đăng ký, triển khai 03 mô hình, sáng kiến, "
        "giải pháp, cụ thể:",
        "Tính đến thời điểm 30/11/2025 đã có 3/3 cơ quan, đơn vị, địa phương gửi hồ sơ",
        "Tính đến ngày 05/12/2025, trong 03 hồ sơ đề nghị khen thưởng đã gửi, có 03 hồ sơ không đảm bảo thành "
        "phần hồ sơ; không có hồ sơ nào gửi sau thời hạn (ngày 30/11/2025). Trong số 03 cơ quan, đơn vị, địa "
        "phương phải báo cáo, không có cơ quan, đơn vị, địa phương nào gửi hồ sơ sau thời hạn; không có cơ quan, "
        "đơn vị, địa phương nào chưa gửi hồ sơ.",
    ],
}


@pytest.mark.parametrize("count", sorted(EXPECTED))
def test_sentences_read_none_one_and_several_as_written(db, count):
    campaign = CampaignFactory()
    agencies = [AgencyFactory() for _ in range(3)]
    campaign.expected_agencies.set(agencies)
    award_form = AwardFormFactory(campaign=campaign)
    for agency in agencies[:count]:
        InitiativeFactory(campaign=campaign, agency=agency, state=InitiativeState.REGISTERED)
        NominationFactory(award_form=award_form, agency=agency, state="submitted", submitted_at=ON_TIME)
    doc = summary_report_compose(report=SummaryReportFactory(campaign=campaign))
    text = "\n".join(block.text for block in doc.blocks)
    for sentence in EXPECTED[count]:
        assert sentence in text
    assert " 0 " not in text and " 00 " not in text
