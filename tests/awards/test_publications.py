"""Publishing the proposed list for comment: only approved nominations, nothing private on the public
page, the page closes on time, and the comment form's bounds, honeypot and rate limit."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.enums import NominationState
from awards.models import DossierDocument, Publication, PublicComment
from awards.views import publications as publication_views
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, NominationFactory

PRIVATE_NOTE = "Ghi chú nội bộ của chuyên viên thẩm định"


@pytest.fixture
def campaign(db):
    return CampaignFactory(name="Phong trào công khai thử", publishes_proposed_list=True)


@pytest.fixture
def approved(campaign):
    form = AwardFormFactory(campaign=campaign)
    nomination = NominationFactory(
        award_form=form,
        agency=AgencyFactory(name="Sở Công khai thử"),
        state=NominationState.APPROVED,
        submitted_at=timezone.now(),
        achievement_summary="Giải quyết 100% thủ tục hành chính đúng hạn.",
        last_reason=PRIVATE_NOTE,
        declared_metrics={"late_dossier_rate_pct": 1.37},
    )
    document = DossierDocument(
        nomination=nomination,
        requirement=form.requirements.first(),
        original_name="to-trinh-bi-mat.pdf",
        file_kind="pdf",
        content_type="application/pdf",
        size=15,
    )
    document.file.save("to-trinh-bi-mat.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return nomination


@pytest.fixture
def under_review(campaign, approved):
    return NominationFactory(
        award_form=approved.award_form,
        agency=AgencyFactory(name="Sở Chưa duyệt thử"),
        state=NominationState.UNDER_REVIEW,
        submitted_at=timezone.now(),
    )


def _publish(reviewer, campaign, *, opens=-1, closes=7) -> Publication:
    now = timezone.now()
    return services.publication_create(
        user=reviewer,
        campaign=campaign,
        title="Danh sách đề nghị khen thưởng thử",
        opens_at=now + datetime.timedelta(days=opens),
        closes_at=now + datetime.timedelta(days=closes),
    )


def test_publishing_with_nothing_approved_says_so_and_saves_nothing(campaign, reviewer):
    NominationFactory(
        award_form=AwardFormFactory(campaign=campaign),
        state=NominationState.SUBMITTED,
        submitted_at=timezone.now(),
    )
    with pytest.raises(ValidationError, match="chưa có hồ sơ nào được duyệt"):
        _publish(reviewer, campaign)
    assert not Publication.objects.exists()


def test_publish_view_with_nothing_approved_shows_the_message(campaign, reviewer, client):
    client.force_login(reviewer)
    response = client.post(
        f"{reverse('awards:publication_list')}?phong-trao={campaign.code}",
        {"title": "Danh sách", "opens_on": "01/12/2026", "closes_on": "31/12/2026", "phong-trao": campaign.code},
    )
    assert response.status_code == 400
    assert "chưa có hồ sơ nào được duyệt" in response.content.decode()
    assert not Publication.objects.exists()


def test_publish_view_publishes_the_approved_list(campaign, approved, reviewer, client):
    client.force_login(reviewer)
    today = timezone.localdate()
    response = client.post(
        f"{reverse('awards:publication_list')}?phong-trao={campaign.code}",
        {
            "title": "Danh sách",
            "opens_on": today.strftime("%d/%m/%Y"),
            "closes_on": (today + datetime.timedelta(days=3)).strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert list(publication.nominations.all()) == [approved]
    assert timezone.localtime(publication.closes_at).time() == datetime.time.max


def test_public_page_lists_only_the_approved_nominations_and_nothing_private(
    client, campaign, approved, under_review, reviewer
):
    publication = _publish(reviewer, campaign)
    response = client.get(reverse("public:publication", args=[publication.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sở Công khai thử" in html
    assert "Giải quyết 100% thủ tục hành chính đúng hạn." in html
    assert "Sở Chưa duyệt thử" not in html
    for private in (PRIVATE_NOTE, "to-trinh-bi-mat", "1,37", "1.37", reverse("awards:document_open", args=[1])[:-2]):
        assert private not in html


def test_public_page_before_its_period_does_not_exist(client, campaign, approved, reviewer):
    publication = _publish(reviewer, campaign, opens=1, closes=5)
    assert client.get(reverse("public:publication", args=[publication.pk])).status_code == 404
    assert client.get(reverse("public:publication", args=[publication.pk + 1])).status_code == 404


def test_public_page_closes_itself_at_the_end_of_the_period(client, campaign, approved, reviewer):
    publication = _publish(reviewer, campaign)
    Publication.objects.filter(pk=publication.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    url = reverse("public:publication", args=[publication.pk])
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Đã hết thời gian lấy ý kiến" in html and "Sở Công khai thử" not in html
    assert client.post(url, {"body": "Góp ý muộn"}).status_code == 410
    assert not PublicComment.objects.exists()


def test_reviewer_ends_the_period_early(client, campaign, approved, reviewer):
    publication = _publish(reviewer, campaign)
    client.force_login(reviewer)
    assert client.post(reverse("awards:publication_close", args=[publication.pk])).status_code == 302
    client.logout()
    assert client.get(reverse("public:publication", args=[publication.pk])).status_code == 410


def test_comment_is_kept_for_reviewers_and_shown_escaped(client, campaign, approved, reviewer, official, officer):
    publication = _publish(reviewer, campaign)
    url = reverse("public:publication", args=[publication.pk])
    script = "<script>alert('x')</script> Đề nghị xem lại thành tích"
    response = client.post(url, {"nomination": approved.pk, "author_name": "Nguyễn Văn An", "body": script})
    assert response.status_code == 302
    comment = PublicComment.objects.get()
    assert comment.nomination == approved and comment.body == script
    # The public page never shows the comments.
    assert "Đề nghị xem lại" not in client.get(url).content.decode()
    client.force_login(reviewer)
    html = client.get(reverse("awards:publication_comments", args=[publication.pk])).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Đề nghị xem lại thành tích" in html
    assert "<script>alert" not in html
    client.force_login(official)
    assert client.get(reverse("awards:publication_comments", args=[publication.pk])).status_code == 200
    client.force_login(officer)
    assert client.get(reverse("awards:publication_comments", args=[publication.pk])).status_code == 403


@pytest.mark.parametrize("length", [3001, 100_000])
def test_comment_too_long_is_refused_with_nothing_saved(client, campaign, approved, reviewer, length):
    publication = _publish(reviewer, campaign)
    response = client.post(reverse("public:publication", args=[publication.pk]), {"body": "a" * length})
    assert response.status_code == 400
    assert "Nội dung góp ý dài quá 3000 ký tự" in response.content.decode()
    assert not PublicComment.objects.exists()


def test_empty_comment_and_unknown_nomination_are_refused(client, campaign, approved, under_review, reviewer):
    publication = _publish(reviewer, campaign)
    url = reverse("public:publication", args=[publication.pk])
    assert client.post(url, {"body": "   "}).status_code == 400
    response = client.post(url, {"body": "Góp ý", "nomination": under_review.pk})
    assert response.status_code == 400
    assert not PublicComment.objects.exists()


def test_honeypot_filled_is_answered_as_sent_and_not_kept(client, campaign, approved, reviewer):
    publication = _publish(reviewer, campaign)
    response = client.post(
        reverse("public:publication", args=[publication.pk]),
        {"body": "Quảng cáo", "website": "http://spam.example"},
    )
    assert response.status_code == 302 and "da-gui=1" in response["Location"]
    assert not PublicComment.objects.exists()


def test_comments_are_rate_limited_per_address(client, campaign, approved, reviewer, monkeypatch):
    monkeypatch.setattr(publication_views, "COMMENT_RATE", (3, 600))
    publication = _publish(reviewer, campaign)
    url = reverse("public:publication", args=[publication.pk])
    for n in range(3):
        assert client.post(url, {"body": f"Góp ý {n}"}).status_code == 302
    response = client.post(url, {"body": "Góp ý thứ tư"})
    assert response.status_code == 429
    assert "Bạn đã gửi nhiều góp ý" in response.content.decode()
    assert PublicComment.objects.count() == 3
    # Another address still may.
    assert client.post(url, {"body": "Từ nơi khác"}, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_public_page_query_count_same_with_1_and_3_entries(
    client, campaign, approved, reviewer, assert_same_query_count
):
    publication = _publish(reviewer, campaign)

    def grow():
        for _ in range(2):
            publication.nominations.add(
                NominationFactory(award_form=approved.award_form, state=NominationState.APPROVED)
            )

    assert_same_query_count(lambda: client.get(reverse("public:publication", args=[publication.pk])), grow)


def test_publication_list_query_count_same_with_1_and_3_lists(
    client, campaign, approved, reviewer, assert_same_query_count
):
    _publish(reviewer, campaign)
    client.force_login(reviewer)

    def grow():
        for _ in range(2):
            publication = _publish(reviewer, campaign)
            services.public_comment_add(
                publication=publication, nomination_id=None, author_name="", contact="", body="Góp ý"
            )

    url = f"{reverse('awards:publication_list')}?phong-trao={campaign.code}"
    assert_same_query_count(lambda: client.get(url), grow)
