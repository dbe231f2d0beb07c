"""The certificates to print after the signed decision: one A4 landscape page per award, each with
its nominee, award form, decision and signer's title, in the shipped font; none before the decision."""

import datetime
import subprocess
import tempfile

import pytest
from django.urls import reverse

from council.certificates import NoDecision, certificates_pdf
from council.services import council_decision_record
from tests.conftest import ARTIFACTS
from tests.factories.awards import pdf_upload
from tests.reports.helpers import normalise, pdf_fonts, pdf_page_size_mm, pdf_pages

AWARDED = ("Sở Tư pháp thử", "UBND huyện Đông Giang thử", "Võ Thị Hạnh")


def _page_count(content: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def decided(concluded, reviewer):
    meeting, put, others = concluded
    council_decision_record(
        meeting=meeting, user=reviewer, number="88/QĐ-UBND", day=datetime.date(2025, 2, 3), upload=pdf_upload()
    )
    meeting.refresh_from_db()
    return meeting, put, others


def test_certificates_are_one_landscape_page_per_award(decided):
    meeting, _put, _others = decided
    content = certificates_pdf(meeting=meeting)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "council-certificates.pdf").write_bytes(content)
    assert _page_count(content) == len(AWARDED)
    width, height = pdf_page_size_mm(content)
    assert round(width) == 297 and round(height) == 210
    pages = [normalise(page) for page in pdf_pages(content) if page.strip()]
    # Collectives first, then individuals, each on its own page.
    for page, nominee in zip(pages, AWARDED, strict=True):
        assert nominee in page
        assert "BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH" in page and "TẶNG" in page
        assert "Đã có thành tích trong phong trào thi đua thử nghiệm Hội đồng" in page
        assert "Quyết định số 88/QĐ-UBND ngày 03 tháng 02 năm 2025" in page
        assert "KT. CHỦ TỊCH" in page and "PHÓ CHỦ TỊCH" in page
    assert "Chuyên viên, Sở Tài chính thử" in pages[2]
    text = " ".join(pages)
    assert "Đặng Văn Trượt" not in text and "Sở Nháp thử" not in text
    # The shipped faces only (reports/fonts), each embedded.
    fonts = pdf_fonts(content)
    assert {font["name"].split("+", 1)[1] for font in fonts} <= {
        "Report-Serif",
        "Report-Serif-Bold",
        "Report-Serif-Italic",
        "Report-Serif-Bold-Italic",
    }
    assert all(font["embedded"] == "yes" for font in fonts)


def test_no_certificates_before_the_decision(concluded, client, reviewer):
    meeting, _put, _others = concluded
    with pytest.raises(NoDecision):
        certificates_pdf(meeting=meeting)
    client.force_login(reviewer)
    assert client.get(reverse("council:certificates", args=[meeting.pk])).status_code == 404
    assert (
        reverse("council:certificates", args=[meeting.pk])
        not in client.get(reverse("council:meeting", args=[meeting.pk])).content.decode()
    )


def test_official_downloads_the_certificates_from_the_meeting_page(decided, client, official):
    meeting, _put, _others = decided
    client.force_login(official)
    url = reverse("council:certificates", args=[meeting.pk])
    assert url in client.get(reverse("council:meeting", args=[meeting.pk])).content.decode()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert _page_count(response.content) == len(AWARDED)


def test_longest_names_still_fit_one_page_each(decided):
    meeting, put, _others = decided
    campaign = meeting.campaign
    campaign.name = ("Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội " * 7)[:500]
    campaign.save(update_fields=["name"])
    individual = put["approved"]
    individual.nominee_name = "Nguyễn Thị Hoàng Phương Thảo Quỳnh Anh " * 2
    individual.nominee_position = "Phó Trưởng phòng Cải cách hành chính, " * 3
    individual.nominee_unit = "Trung tâm Phục vụ hành chính công tỉnh " * 3
    individual.save()
    agency = put["submitted"].nominee_agency
    type(agency).objects.filter(pk=agency.pk).update(
        name=("Ủy ban nhân dân huyện Đông Giang tỉnh Quảng Nam " * 6)[:255]
    )
    award_form = individual.award_form
    award_form.name = ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh về thành tích xuất sắc " * 4)[:255]
    award_form.save(update_fields=["name"])
    content = certificates_pdf(meeting=meeting)
    (ARTIFACTS / "council-certificates-longest.pdf").write_bytes(content)
    assert _page_count(content) == len(AWARDED)
