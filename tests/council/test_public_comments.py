"""The public's comments on the campaign's published lists join the council's file: the meeting page
lists them, the minutes count them and print them in an appendix; nothing of the kind when the
campaign published no list, and nothing sent after the meeting's day."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import Publication, PublicComment
from council.enums import CouncilDocument
from council.services import council_document_build, council_outline_ensure, council_outline_update
from tests.conftest import ARTIFACTS
from tests.reports.helpers import DocxReport, normalise, pdf_pages

SCRIPT = "<script>x</script>"
LATE = "Ý-kiến-gửi-sau-cuộc-họp"


def _at(day: int, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2025, 1, day, hour))


def _comment(publication, *, day: int, body: str, **values) -> PublicComment:
    comment = PublicComment.objects.create(publication=publication, body=body, **values)
    PublicComment.objects.filter(pk=comment.pk).update(created_at=_at(day))
    return comment


@pytest.fixture
def published(concluded):
    """The meeting (15/01/2025) with a list published 05–12/01, two comments in the period and one
    sent on 20/01, after the meeting."""
    meeting, put, others = concluded
    publication = Publication.objects.create(
        campaign=meeting.campaign, title="Danh sách công khai thử", opens_at=_at(5), closes_at=_at(12, 23)
    )
    publication.nominations.set([put["approved"], put["failing"]])
    _comment(
        publication,
        day=7,
        body=f"{SCRIPT} Đề nghị xem lại thành tích",
        nomination=put["approved"],
        author_name="Nguyễn Văn Góp",
        contact="gop@example.invalid",
    )
    _comment(publication, day=10, body="Đồng-ý-cả-danh-sách")
    _comment(publication, day=20, body=LATE)
    return meeting, put, others


def _minutes(meeting, fmt="pdf") -> str:
    content, _doc = council_document_build(meeting=meeting, document=CouncilDocument.MINUTES, fmt=fmt)
    if fmt == "pdf":
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "council-minutes-comments.pdf").write_bytes(content)
        return normalise(" ".join(pdf_pages(content)))
    return DocxReport(content).body_text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_minutes_count_and_list_the_comments_received_by_the_meeting(published, fmt):
    meeting, _put, _others = published
    text = _minutes(meeting, fmt)
    assert (
        "Trong thời gian công khai danh sách đề nghị khen thưởng (từ 05/01/2025 đến 12/01/2025), "
        "đã nhận 2 ý kiến góp ý (chi tiết tại Phụ lục II kèm theo)."
    ) in text
    assert "PHỤ LỤC I" in text and "PHỤ LỤC II" in text and "Ý KIẾN GÓP Ý VỀ DANH SÁCH CÔNG KHAI" in text
    # The comment is printed as written (escaped in the HTML the PDF is drawn from, not run).
    for expected in ("Nguyễn Văn Góp", "Đồng-ý-cả-danh-sách", "Cả danh sách", "07/01/2025", "Danh sách công khai thử"):
        assert expected in text, expected
    assert SCRIPT in text.replace(" ", "")
    assert LATE not in text
    # The sender's address stays with the reviewers.
    assert "gop@example.invalid" not in text


def test_other_documents_leave_the_comments_out(published):
    meeting, _put, _others = published
    for document in (CouncilDocument.PROPOSAL, CouncilDocument.DECISION):
        content, _doc = council_document_build(meeting=meeting, document=document, fmt="pdf")
        text = normalise(" ".join(pdf_pages(content)))
        assert "ý kiến góp ý" not in text and "Đồng-ý-cả-danh-sách" not in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_minutes_say_nothing_of_comments_when_nothing_was_published(concluded, fmt):
    meeting, _put, _others = concluded
    text = _minutes(meeting, fmt)
    assert "công khai" not in text and "ý kiến góp ý" not in text
    assert "PHỤ LỤC II" not in text and "PHỤ LỤC I " not in text and "PHỤ LỤC" in text


def test_a_list_published_after_the_meeting_is_not_in_its_minutes(concluded):
    meeting, _put, _others = concluded
    publication = Publication.objects.create(
        campaign=meeting.campaign, title="Công khai sau họp", opens_at=_at(16), closes_at=_at(25)
    )
    _comment(publication, day=17, body=LATE)
    text = _minutes(meeting)
    assert "ý kiến góp ý" not in text and LATE not in text


def test_minutes_say_no_comment_was_received_when_none_was(concluded):
    meeting, _put, _others = concluded
    Publication.objects.create(campaign=meeting.campaign, title="Không ai góp ý", opens_at=_at(5), closes_at=_at(12))
    text = _minutes(meeting)
    assert "(từ 05/01/2025 đến 12/01/2025), không nhận được ý kiến góp ý nào." in text
    assert "PHỤ LỤC II" not in text


def test_an_outline_without_the_comments_block_states_them_after_the_votes(published, reviewer):
    meeting, _put, _others = published
    outline = council_outline_ensure(campaign=meeting.campaign, document=CouncilDocument.MINUTES)
    council_outline_update(
        outline=outline,
        user=reviewer,
        subject=outline.subject,
        text=outline.text.replace("[[comments]]\n", ""),
        recipients=outline.recipients,
    )
    text = _minutes(meeting)
    assert text.count("đã nhận 2 ý kiến góp ý") == 1
    assert text.index("đã nhận 2 ý kiến góp ý") < text.index("III. KẾT LUẬN")


def test_meeting_page_lists_the_comments_escaped(client, official, published):
    meeting, _put, _others = published
    client.force_login(official)
    page = client.get(reverse("council:meeting", args=[meeting.pk])).content.decode()
    assert "đã nhận 2 ý kiến góp ý" in page
    assert "Nguyễn Văn Góp" in page and "Đồng-ý-cả-danh-sách" in page and "Danh sách công khai thử" in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page and SCRIPT not in page
    assert LATE not in page


def test_meeting_page_says_when_nothing_was_published(client, reviewer, concluded):
    meeting, _put, _others = concluded
    client.force_login(reviewer)
    page = client.get(reverse("council:meeting", args=[meeting.pk])).content.decode()
    assert "Phong trào không công khai danh sách đề nghị khen thưởng trước cuộc họp." in page
