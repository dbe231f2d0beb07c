from django.utils import translation
from django.utils.translation import gettext

from reports.services import report_file_build
from tests.factories.reports import SummaryReportFactory
from tests.reports.helpers import normalise, pdf_text

DATE_LINE = "%(place)s, ngày %(day)s tháng %(month)s năm %(year)s"


def test_report_stays_vietnamese_when_the_interface_is_english(db):
    with translation.override("en"):
        # The interface does translate this line, so the check below can fail.
        assert gettext(DATE_LINE) != DATE_LINE
        pdf, _document = report_file_build(report=SummaryReportFactory(), fmt="pdf")
        assert translation.get_language() == "en"
    text = normalise(pdf_text(pdf))
    assert "Đà Nẵng, ngày " in text and " tháng " in text
    assert "Nơi nhận:" in text
