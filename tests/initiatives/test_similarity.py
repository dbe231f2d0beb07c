import datetime

import pytest
from django.db import connection
from django.urls import reverse

from accounts.enums import Role
from campaign_portal.audit import AuditEvent
from campaign_portal.text import fold_text
from initiatives.enums import InitiativeState, SimilarityDecision
from initiatives.models import Initiative, SimilarInitiative
from initiatives.services import initiative_transition, similar_initiative_decide, similar_initiatives_find
from initiatives.similarity import (
    SIMILARITY_THRESHOLD,
    candidate_words,
    similar_initiatives_score,
    trigram_similarity,
    trigrams,
)
from reports.composition import summary_report_compose
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.reports import SummaryReportFactory
from tests.reports.helpers import normalise

ONE_STOP = "Mô hình “Một cửa liên thông điện tử” tại Bộ phận tiếp nhận và trả kết quả cấp xã"
ONE_STOP_DESCRIPTION = (
    "Tiếp nhận hồ sơ thủ tục hành chính trực tuyến, trả kết quả tận nhà qua dịch vụ bưu chính công ích, "
    "rút ngắn thời gian giải quyết cho người dân và doanh nghiệp."
)
# The same model two years later at another agency, typed without diacritics and lightly renamed.
ONE_STOP_AGAIN = "Mo hinh mot cua lien thong dien tu tai bo phan tiep nhan va tra ket qua cap phuong"
ONE_STOP_AGAIN_DESCRIPTION = (
    "Tiep nhan ho so thu tuc hanh chinh truc tuyen, tra ket qua tan nha qua dich vu buu chinh cong ich, "
    "rut ngan thoi gian giai quyet cho nguoi dan."
)
UNRELATED = "Sáng kiến “Thư viện xanh” trong trường tiểu học"
UNRELATED_DESCRIPTION = "Xây dựng góc đọc sách ngoài trời, khuyến khích học sinh đọc sách mỗi ngày."


@pytest.fixture
def campaign_2023(db):
    return CampaignFactory(
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 10, 31),
        nomination_deadline=datetime.date(2023, 11, 30),
    )


@pytest.fixture
def earlier(campaign_2023):
    return InitiativeFactory(
        campaign=campaign_2023,
        agency=AgencyFactory(name="UBND xã Tam Xuân"),
        title=ONE_STOP,
        description=ONE_STOP_DESCRIPTION,
        started_on=datetime.date(2023, 3, 1),
        state=InitiativeState.REGISTERED,
    )


@pytest.fixture
def unrelated(campaign_2023):
    return InitiativeFactory(
        campaign=campaign_2023, title=UNRELATED, description=UNRELATED_DESCRIPTION, state=InitiativeState.REGISTERED
    )


@pytest.fixture
def later_draft(campaign, commune):
    return InitiativeFactory(
        campaign=campaign,
        agency=commune,
        title=ONE_STOP_AGAIN,
        description=ONE_STOP_AGAIN_DESCRIPTION,
        started_on=datetime.date(2025, 2, 1),
    )


def _register(initiative, officer, capture):
    with capture(execute=True):
        initiative_transition(initiative=initiative, name="register", user=officer)


def test_similar_found_across_years_and_agencies_without_diacritics(
    earlier, unrelated, later_draft, commune_officer, django_capture_on_commit_callbacks
):
    _register(later_draft, commune_officer, django_capture_on_commit_callbacks)
    match = SimilarInitiative.objects.get(initiative=later_draft)
    assert match.similar_to == earlier
    assert match.decision == SimilarityDecision.PENDING
    assert SIMILARITY_THRESHOLD <= match.score < 1
    assert not SimilarInitiative.objects.filter(similar_to=unrelated).exists()


def test_similar_found_with_diacritics_on_both_sides(earlier, campaign, commune, commune_officer):
    again = InitiativeFactory(
        campaign=campaign,
        agency=commune,
        title=ONE_STOP.replace("cấp xã", "cấp phường"),
        description=ONE_STOP_DESCRIPTION,
        state="registered",
    )
    matches = similar_initiatives_find(initiative_id=again.pk)
    assert [(m.similar_to, m.score > 0.6) for m in matches] == [(earlier, True)]


def test_drafts_are_not_matched_and_a_pair_is_stored_once(earlier, later_draft):
    assert similar_initiatives_find(initiative_id=earlier.pk) == []
    later_draft.state = InitiativeState.REGISTERED
    later_draft.save()
    assert [m.similar_to for m in similar_initiatives_find(initiative_id=later_draft.pk)] == [earlier]
    # The earlier one, checked again, does not list the pair a second time the other way round.
    assert similar_initiatives_find(initiative_id=earlier.pk) == []


def test_find_again_keeps_the_decision_and_drops_undecided_matches_no_longer_similar(
    earlier, later_draft, reviewer, campaign_2023
):
    other = InitiativeFactory(
        campaign=campaign_2023, title=ONE_STOP_AGAIN, description=ONE_STOP_DESCRIPTION, state="registered"
    )
    later_draft.state = InitiativeState.REGISTERED
    later_draft.save()
    first = {m.similar_to_id: m for m in similar_initiatives_find(initiative_id=later_draft.pk)}
    assert set(first) == {earlier.pk, other.pk}
    similar_initiative_decide(match=first[earlier.pk], user=reviewer, decision=SimilarityDecision.SAME)
    earlier.title, earlier.description = UNRELATED, UNRELATED_DESCRIPTION
    earlier.save()
    other.title = UNRELATED
    other.description = UNRELATED_DESCRIPTION
    other.save()
    assert similar_initiatives_find(initiative_id=later_draft.pk) == []
    # The reviewer's word stays; the undecided match to a text that changed is gone.
    assert list(SimilarInitiative.objects.values_list("similar_to_id", "decision")) == [
        (earlier.pk, SimilarityDecision.SAME)
    ]


def test_trigrams_are_those_of_pg_trgm(db):
    texts = ["mot cua lien thong", fold_text("Mô hình “Một cửa”"), "a", "", "so 10 ngay, con 9!"]
    with connection.cursor() as cursor:
        for text in texts:
            cursor.execute("SELECT show_trgm(%s)", [text])
            assert trigrams(text) == set(cursor.fetchone()[0]), text


def test_python_backend_gives_the_scores_of_postgresql(earlier, unrelated, later_draft, campaign):
    later_draft.state = InitiativeState.REGISTERED
    later_draft.save()
    for title in ("Một cửa liên thông điện tử cấp xã", "Mo hinh mot cua lien thong dien tu", ONE_STOP):
        probe = InitiativeFactory(campaign=campaign, title=title, description=ONE_STOP_DESCRIPTION)
        postgresql = similar_initiatives_score(probe, backend="postgresql")
        python = similar_initiatives_score(probe, backend="python")
        assert [pk for pk, _score in postgresql] == [pk for pk, _score in python]
        assert postgresql, title
        for (_pk, expected), (_pk2, score) in zip(postgresql, python, strict=True):
            assert score == pytest.approx(expected, abs=1e-4)


def test_python_similarity_equals_pg_trgm_similarity(db):
    pairs = [
        (ONE_STOP, ONE_STOP_AGAIN),
        ("mot cua lien thong", "mot cua"),
        ("thu vien xanh", "mot cua lien thong"),
        ("abc", "abc"),
    ]
    with connection.cursor() as cursor:
        for first, second in pairs:
            a, b = fold_text(first), fold_text(second)
            cursor.execute("SELECT similarity(%s, %s)", [a, b])
            assert trigram_similarity(a, b) == pytest.approx(cursor.fetchone()[0], abs=1e-6)
    assert trigram_similarity("", "abc") == 0


def test_python_backend_candidates_share_long_words_only(earlier, campaign):
    # Short syllables ("va", "tai", "cua" is kept: three letters) are in every text and bound nothing.
    assert candidate_words("va o tai bo phan mot cua") == ["phan", "cua", "mot", "tai"]
    probe = InitiativeFactory(campaign=campaign, title="Một", description="")
    assert similar_initiatives_score(probe, backend="python") == []


def _report_text(report) -> str:
    doc = summary_report_compose(report=report)
    return normalise(" ".join(block.text for block in doc.blocks))


def test_marking_the_same_removes_it_from_the_report_count(
    earlier, later_draft, campaign, commune, commune_officer, reviewer, django_capture_on_commit_callbacks
):
    InitiativeFactory(campaign=campaign, agency=commune, title=UNRELATED, state=InitiativeState.REGISTERED)
    _register(later_draft, commune_officer, django_capture_on_commit_callbacks)
    report = SummaryReportFactory(campaign=campaign)
    assert "đã đăng ký, triển khai 02 mô hình" in _report_text(report)
    match = SimilarInitiative.objects.get(initiative=later_draft)
    similar_initiative_decide(match=match, user=reviewer, decision=SimilarityDecision.SAME)
    text = _report_text(report)
    assert "đã đăng ký, triển khai 01 mô hình" in text
    assert "Mo hinh mot cua" not in text
    # "Different" counts it as new again.
    similar_initiative_decide(match=match, user=reviewer, decision=SimilarityDecision.DIFFERENT)
    assert "đã đăng ký, triển khai 02 mô hình" in _report_text(report)


@pytest.fixture
def match(earlier, later_draft):
    later_draft.state = InitiativeState.REGISTERED
    later_draft.save()
    (found,) = similar_initiatives_find(initiative_id=later_draft.pk)
    return found


def test_reviewer_sees_the_panel_and_marks_the_same_with_an_audit_row(client, reviewer, match, later_draft, earlier):
    client.force_login(reviewer)
    page = client.get(reverse("initiatives:detail", args=[later_draft.pk])).content.decode()
    assert "Mô hình, sáng kiến tương tự" in page
    assert ONE_STOP in page and "UBND xã Tam Xuân" in page and "năm 2023" in page
    assert f"{round(match.score * 100)}%" in page
    assert reverse("initiatives:detail", args=[earlier.pk]) in page
    url = reverse("initiatives:similar_decide", args=[later_draft.pk, match.pk])
    response = client.post(url, {"decision": "same"})
    assert response.status_code == 302
    match.refresh_from_db()
    assert (match.decision, match.decided_by) == (SimilarityDecision.SAME, reviewer)
    event = AuditEvent.objects.get(action="initiatives.initiative.similarity")
    assert event.actor == reviewer
    assert event.before == {"decision": "pending"}
    assert event.after["decision"] == "same" and event.after["similar_to"] == earlier.pk
    # The earlier initiative's page shows the pair too, from its side.
    page = client.get(reverse("initiatives:detail", args=[earlier.pk])).content.decode()
    assert ONE_STOP_AGAIN in page and "đăng ký sau" in page and "Là cùng một mô hình" in page


def test_unknown_decision_is_refused_with_a_message_and_nothing_saved(client, reviewer, match, later_draft):
    client.force_login(reviewer)
    url = reverse("initiatives:similar_decide", args=[later_draft.pk, match.pk])
    response = client.post(url, {"decision": "maybe"}, follow=True)
    assert "Kết luận phải là" in response.content.decode()
    match.refresh_from_db()
    assert match.decision == SimilarityDecision.PENDING
    assert not AuditEvent.objects.filter(action="initiatives.initiative.similarity").exists()


def test_officers_neither_see_the_panel_nor_mark(client, commune_officer, make_user, match, later_draft):
    client.force_login(commune_officer)
    page = client.get(reverse("initiatives:detail", args=[later_draft.pk])).content.decode()
    assert "Mô hình, sáng kiến tương tự" not in page
    assert ONE_STOP not in page
    url = reverse("initiatives:similar_decide", args=[later_draft.pk, match.pk])
    assert client.post(url, {"decision": "same"}).status_code == 404
    client.force_login(make_user(Role.OFFICIAL))
    assert client.post(url, {"decision": "same"}).status_code == 404
    match.refresh_from_db()
    assert match.decision == SimilarityDecision.PENDING


def test_match_of_another_initiative_is_404(client, reviewer, match, unrelated):
    client.force_login(reviewer)
    url = reverse("initiatives:similar_decide", args=[unrelated.pk, match.pk])
    assert client.post(url, {"decision": "same"}).status_code == 404


def test_import_queues_the_search_for_the_imported_rows(
    client, earlier, campaign, district, district_officer, django_capture_on_commit_callbacks
):
    from tests.initiatives.test_excel import _import, _workbook

    client.force_login(district_officer)
    upload = _workbook([[district.name, "Mô hình", "", ONE_STOP_AGAIN, ONE_STOP_AGAIN_DESCRIPTION, None]])
    with django_capture_on_commit_callbacks(execute=True):
        response = _import(client, campaign, upload)
    assert response.status_code == 302, response.content.decode()
    imported = Initiative.objects.get(title=ONE_STOP_AGAIN)
    assert list(SimilarInitiative.objects.values_list("initiative", "similar_to")) == [(imported.pk, earlier.pk)]
