"""Campaign set-up in the browser: the plan document of any type, the deadline and period checks,
the expected agencies picked from the hierarchy of the period (by group and by search), and the
copy of an earlier campaign through the copier registry."""

import datetime

import pytest
from django.urls import reverse

from accounts.enums import Role
from agencies.enums import AgencyKind, AgencyLevel
from agencies.models import Agency, AgencySuccession
from awards.models import AwardForm, Criterion
from campaign_portal.audit import audit_events_for
from campaigns.copiers import campaign_copiers
from campaigns.models import Campaign, InitiativeCategory
from reports.models import Indicator, OutlineSection
from reports.outline import outline_ensure
from tests.factories import AgencyFactory, CampaignFactory, CommuneFactory, DistrictFactory, LegalDocumentFactory
from tests.factories.awards import AwardFormFactory, CriterionFactory
from tests.factories.reports import IndicatorFactory

from .test_campaign_pages import _payload

START = datetime.date(2025, 1, 1)


@pytest.fixture
def organiser(db):
    return AgencyFactory(name="Sở Nội vụ")


def _post_create(client, organiser, **changes):
    return client.post(reverse("campaigns:create"), _payload(organiser, [], **changes))


def test_plan_document_may_be_a_decision_and_is_named_by_its_type(client, reviewer, organiser):
    client.force_login(reviewer)
    response = _post_create(client, organiser, plan_doc_type="QĐ", plan_number_symbol="1520/QĐ-UBND")
    assert response.status_code == 302
    campaign = Campaign.objects.get(code="cds2025")
    assert campaign.plan_document.doc_type == "QĐ"
    page = client.get(reverse("campaigns:detail", args=["cds2025"])).content.decode()
    assert "Quyết định số 1520/QĐ-UBND" in page
    assert "Kế hoạch số 1520" not in page


@pytest.mark.parametrize(
    ("doc_type", "subject", "cited"),
    [
        (
            "QĐ",
            "Về việc phát động phong trào thi đua",
            "Quyết định số 1520/QĐ-UBND ngày 04/03/2025 của Ủy ban nhân dân tỉnh về việc phát động phong trào thi đua",
        ),
        ("HD", "về chấm điểm xã", "Hướng dẫn số 1520/QĐ-UBND ngày 04/03/2025 của Ủy ban nhân dân tỉnh về chấm điểm xã"),
        ("KHAC", "UBND tỉnh giao", "Văn bản số 1520/QĐ-UBND ngày 04/03/2025 của Ủy ban nhân dân tỉnh UBND tỉnh giao"),
        ("TB", "", "Thông báo số 1520/QĐ-UBND ngày 04/03/2025 của Ủy ban nhân dân tỉnh"),
    ],
)
def test_citation_names_the_type_and_continues_with_the_subject_in_lower_case(doc_type, subject, cited):
    """The trích yếu as typed under a document's title ("Về việc …") reads on in the citation's
    sentence; a type not listed is "Văn bản", never "Văn bản khác"."""
    document = LegalDocumentFactory.build(
        doc_type=doc_type,
        number_symbol="1520/QĐ-UBND",
        issued_on=datetime.date(2025, 3, 4),
        issuer="Ủy ban nhân dân tỉnh",
        subject=subject,
    )
    assert document.citation == cited


def test_campaign_without_deadline_names_the_field_and_saves_nothing(client, reviewer, organiser):
    client.force_login(reviewer)
    response = _post_create(client, organiser, nomination_deadline="")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Hãy nhập hạn gửi hồ sơ đề nghị khen thưởng (dd/mm/yyyy)." in page
    assert "Thi đua chuyển đổi số năm 2025" in page  # what was typed is kept
    assert not Campaign.objects.filter(code="cds2025").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"nomination_deadline": "30/11/2027"}, "không được sau ngày kết thúc phong trào quá một năm"),
        ({"nomination_deadline": "01/10/2025"}, "Hạn gửi hồ sơ không được trước ngày kết thúc phong trào."),
        ({"period_end": "31/12/2024"}, "Ngày kết thúc phải sau ngày bắt đầu."),
        ({"period_end": "31/12/2045", "nomination_deadline": "31/12/2045"}, "dài hơn 10 năm"),
        ({"period_start": "31/02/2025"}, "Ngày bắt đầu thời gian thực hiện phải là một ngày"),
    ],
    ids=["deadline-years-late", "deadline-before-end", "end-before-start", "period-too-long", "start-not-a-date"],
)
def test_campaign_dates_out_of_bounds_name_the_field(client, reviewer, organiser, changes, message):
    client.force_login(reviewer)
    response = _post_create(client, organiser, **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Campaign.objects.filter(code="cds2025").exists()


@pytest.fixture
def hierarchy(db):
    """Two departments, a district with a commune, a central agency, and a district closed before 2025."""
    return {
        "departments": [AgencyFactory(name="Sở Tài chính"), AgencyFactory(name="Sở Y tế")],
        "district": (district := DistrictFactory(name="UBND thành phố Tam Kỳ")),
        "commune": CommuneFactory(name="UBND phường An Mỹ", parent=district),
        "central": AgencyFactory(
            name="Kho bạc Nhà nước khu vực", kind=AgencyKind.CENTRAL_AGENCY, level=AgencyLevel.PROVINCE
        ),
        "closed": DistrictFactory(name="UBND huyện Đã Nhập", valid_to=datetime.date(2024, 12, 31)),
    }


def test_groups_are_the_hierarchy_of_the_period_start(client, reviewer, hierarchy):
    campaign = CampaignFactory(period_start=START)
    client.force_login(reviewer)
    response = client.get(reverse("campaigns:expected_agencies", args=[campaign.code]))
    groups = {row["group"].kind: row["group"].agencies for row in response.context["groups"]}
    assert list(groups) == ["department", "district_committee", "commune_committee", "central_agency"]
    assert hierarchy["closed"] not in groups["district_committee"]
    assert hierarchy["district"] in groups["district_committee"]


def test_a_level_absent_from_the_period_has_no_group(client, reviewer, db):
    """After 01/07/2025 there is no district level: a campaign of that period shows no district group."""
    AgencyFactory(name="Sở Nội vụ mới")
    DistrictFactory(name="UBND huyện cũ", valid_to=datetime.date(2025, 6, 30))
    CommuneFactory(name="UBND xã mới", parent=None, valid_from=datetime.date(2025, 7, 1))
    campaign = CampaignFactory(
        period_start=datetime.date(2025, 8, 1),
        period_end=datetime.date(2026, 6, 30),
        nomination_deadline=datetime.date(2026, 7, 15),
    )
    client.force_login(reviewer)
    response = client.get(reverse("campaigns:expected_agencies", args=[campaign.code]))
    kinds = [row["group"].kind for row in response.context["groups"]]
    assert kinds == ["department", "commune_committee"]
    assert "Cấp huyện" not in response.content.decode() and "UBND huyện cũ" not in response.content.decode()


def test_reviewer_adds_a_group_then_removes_one_agency_and_sees_the_count(client, reviewer, hierarchy):
    campaign = CampaignFactory(period_start=START)
    client.force_login(reviewer)
    url = reverse("campaigns:expected_agencies", args=[campaign.code])
    assert client.post(url, {"add_group": "department"}).status_code == 302
    departments = set(Agency.objects.filter(kind=AgencyKind.DEPARTMENT))  # the organiser is one too
    assert set(hierarchy["departments"]) < departments
    assert set(campaign.expected_agencies.all()) == departments
    kept = hierarchy["departments"][0]
    response = client.post(url, {"agency": [kept.pk, hierarchy["central"].pk]}, follow=True)
    assert set(campaign.expected_agencies.all()) == {kept, hierarchy["central"]}
    assert "2 cơ quan" in response.content.decode()
    events = audit_events_for(campaign).filter(action="campaigns.campaign.expected_agencies")
    assert events.count() == 2
    assert events.order_by("pk").last().after == {"expected_agencies": sorted([kept.pk, hierarchy["central"].pk])}


def test_search_by_get_finds_agencies_without_accents_and_not_those_chosen(client, reviewer, hierarchy):
    campaign = CampaignFactory(period_start=START)
    campaign.expected_agencies.set([hierarchy["departments"][1]])
    client.force_login(reviewer)
    url = reverse("campaigns:expected_agencies", args=[campaign.code])
    response = client.get(url, {"q": "tam ky"})
    # The city and its ward (whose search text holds its parent's name).
    assert set(response.context["found"]) == {hierarchy["district"], hierarchy["commune"]}
    assert client.get(url, {"q": "so y te"}).context["found"] == []  # already chosen
    assert client.get(url, {"q": "da nhap"}).context["found"] == []  # closed before the period


def test_agency_closed_before_the_period_is_refused_by_name(client, reviewer, hierarchy):
    campaign = CampaignFactory(period_start=START)
    campaign.expected_agencies.set([hierarchy["central"]])
    client.force_login(reviewer)
    url = reverse("campaigns:expected_agencies", args=[campaign.code])
    response = client.post(url, {"agency": [hierarchy["closed"].pk, hierarchy["district"].pk]})
    assert response.status_code == 400
    assert "UBND huyện Đã Nhập" in response.content.decode()
    assert "không có trong hệ thống cơ quan ngày 01/01/2025" in response.content.decode()
    assert list(campaign.expected_agencies.all()) == [hierarchy["central"]]


@pytest.mark.parametrize("role", [Role.AGENCY_OFFICER, Role.OFFICIAL])
def test_expected_agencies_page_posts_are_404_for_others(client, make_user, role, hierarchy):
    campaign = CampaignFactory(period_start=START)
    client.force_login(make_user(role))
    url = reverse("campaigns:expected_agencies", args=[campaign.code])
    assert client.post(url, {"add_group": "department"}).status_code == 404
    assert not campaign.expected_agencies.exists()


# --- Copy from an earlier campaign ------------------------------------------------------------


@pytest.fixture
def earlier(db):
    """An earlier campaign with agencies (one merged into a successor, one closed with none), two award
    forms (one retired), criteria, indicators with a breakdown, and a document."""
    successor = DistrictFactory(name="UBND huyện Quế Sơn")
    merged = DistrictFactory(name="UBND huyện Nông Sơn", valid_to=datetime.date(2024, 12, 31))
    AgencySuccession.objects.create(predecessor=merged, successor=successor, effective=datetime.date(2025, 1, 1))
    gone = AgencyFactory(name="Sở Đã Giải Thể", valid_to=datetime.date(2024, 12, 31))
    staying = AgencyFactory(name="Sở Tư pháp")
    campaign = CampaignFactory(
        code="4064",
        period_start=datetime.date(2023, 7, 1),
        period_end=datetime.date(2024, 11, 30),
        nomination_deadline=datetime.date(2024, 12, 24),
    )
    campaign.expected_agencies.set([successor, merged, gone, staying])
    campaign.document_links.create(document=LegalDocumentFactory(number_symbol="99/SNV-CCHC"), position=1)
    AwardFormFactory(campaign=campaign, name="Bằng khen", position=1)
    AwardFormFactory(campaign=campaign, name="Giấy khen cũ", position=2, retired=True)
    CriterionFactory(campaign=campaign, code="dung_han", kind="deadline", params={"grace_days": 2})
    CriterionFactory(
        campaign=campaign,
        code="ty_le",
        kind="metric",
        params={"metric": "late_rate", "label": "Tỷ lệ trễ", "op": "<", "threshold": 5},
        active=False,
    )
    total = IndicatorFactory(campaign=campaign, code="chu-ky-so", name="Chứng thư số", position=1)
    IndicatorFactory(campaign=campaign, code="chu-ky-so-ca-nhan", name="Cá nhân", parent=total, position=2)
    return {"campaign": campaign, "successor": successor, "gone": gone, "staying": staying}


def test_reviewer_copies_an_earlier_campaign_as_a_start(client, reviewer, organiser, earlier):
    client.force_login(reviewer)
    response = _post_create(client, organiser, copy_from=earlier["campaign"].pk)
    assert response.status_code == 302
    new = Campaign.objects.get(code="cds2025")
    # Agencies as they stand on the new first day: Nông Sơn → Quế Sơn (once), the closed one dropped.
    assert set(new.expected_agencies.all()) == {earlier["successor"], earlier["staying"]}
    forms = list(AwardForm.objects.filter(campaign=new))
    assert [form.name for form in forms] == ["Bằng khen"]
    old_form = AwardForm.objects.get(campaign=earlier["campaign"], name="Bằng khen")
    old_codes = list(old_form.requirements.values_list("code", flat=True))
    assert list(forms[0].requirements.values_list("code", flat=True)) == old_codes
    criteria = {c.code: c for c in Criterion.objects.filter(campaign=new)}
    assert criteria["dung_han"].params == {"grace_days": 2}
    assert criteria["ty_le"].active is False
    indicators = {i.code: i for i in Indicator.objects.filter(campaign=new)}
    assert indicators["chu-ky-so-ca-nhan"].parent == indicators["chu-ky-so"]
    # Documents are not copied: the new campaign has those typed in its own form.
    numbers = [link.document.number_symbol for link in new.document_links.all()]
    assert numbers == ["55/SNV-CCHC", "9/QĐ-UBND"]
    event = audit_events_for(new).get(action="campaigns.campaign.copy")
    assert event.after["source"] == "4064"
    page = client.get(response["Location"]).content.decode()
    assert "UBND huyện Nông Sơn đã thôi hoạt động, thay bằng UBND huyện Quế Sơn" in page
    assert "Sở Đã Giải Thể đã thôi hoạt động, không chuyển sang" in page
    assert "1 hình thức khen thưởng" in page and "2 chỉ số" in page


def test_copy_is_all_or_nothing(client, reviewer, organiser, earlier, monkeypatch):
    def broken(*, source, target, user):
        raise RuntimeError("copier failed")

    monkeypatch.setitem(campaign_copiers._copiers, "tests.broken", broken)
    client.force_login(reviewer)
    client.raise_request_exception = False
    response = _post_create(client, organiser, copy_from=earlier["campaign"].pk)
    assert response.status_code == 500
    assert not Campaign.objects.filter(code="cds2025").exists()
    assert AwardForm.objects.count() == 2 and Indicator.objects.count() == 2


def test_awards_and_reports_register_their_copiers():
    names = {f"{copier.__module__}.{copier.__qualname__}" for copier in campaign_copiers}
    assert {"awards.services.setup.award_setup_copy", "reports.services.indicators_copy"} <= names


def test_unknown_group_names_the_field_and_changes_nothing(client, reviewer, hierarchy):
    campaign = CampaignFactory(period_start=START)
    campaign.expected_agencies.set([hierarchy["central"]])
    client.force_login(reviewer)
    response = client.post(reverse("campaigns:expected_agencies", args=[campaign.code]), {"add_group": "tinh"})
    assert response.status_code == 400
    assert "Nhóm cần chọn:" in response.content.decode()
    assert list(campaign.expected_agencies.all()) == [hierarchy["central"]]


def test_search_with_control_characters_is_not_a_server_error(client, reviewer, hierarchy):
    campaign = CampaignFactory(period_start=START)
    client.force_login(reviewer)
    url = reverse("campaigns:expected_agencies", args=[campaign.code])
    response = client.get(url, {"q": "tam ky\x1b\u202e"})
    assert response.status_code == 200 and response.context["found"] == []
    # A NUL is refused with the portal's message before the page runs, nothing saved.
    refused = client.get(url, {"q": "tam\x00 ky"})
    assert refused.status_code == 400 and "có ký tự NUL" in refused.content.decode()
    posted = client.post(url, {"q": "a\x00b", "add_group": "department"})
    assert posted.status_code == 400 and "có ký tự NUL" in posted.content.decode()
    assert not campaign.expected_agencies.exists()


def test_copy_leaves_an_agency_split_between_successors_to_the_reviewer(client, reviewer, organiser, earlier):
    split = DistrictFactory(name="UBND huyện Bị Chia", valid_to=datetime.date(2024, 12, 31))
    for name in ("UBND xã Mới Một", "UBND xã Mới Hai"):
        AgencySuccession.objects.create(
            predecessor=split,
            successor=CommuneFactory(name=name, parent=None, valid_from=datetime.date(2025, 1, 1)),
            effective=datetime.date(2025, 1, 1),
        )
    earlier["campaign"].expected_agencies.add(split)
    client.force_login(reviewer)
    response = _post_create(client, organiser, copy_from=earlier["campaign"].pk)
    new = Campaign.objects.get(code="cds2025")
    assert set(new.expected_agencies.all()) == {earlier["successor"], earlier["staying"]}
    page = client.get(response["Location"]).content.decode()
    assert "UBND huyện Bị Chia đã được chia cho UBND xã Mới Hai, UBND xã Mới Một: hãy tự chọn" in page


def test_copy_brings_the_categories_and_the_outline_with_its_indicators_placed(client, reviewer, organiser, earlier):
    source = earlier["campaign"]
    InitiativeCategory.objects.create(campaign=source, code="ha-tang", name="Hạ tầng", position=1)
    InitiativeCategory.objects.create(campaign=source, code="cu", name="Đã thôi", position=2, retired=True)
    outline_ensure(campaign=source)
    section = OutlineSection.objects.get(campaign=source, key="ket-qua")
    Indicator.objects.filter(campaign=source, code="chu-ky-so").update(section=section)
    client.force_login(reviewer)
    _post_create(client, organiser, copy_from=source.pk)
    new = Campaign.objects.get(code="cds2025")
    assert list(new.categories.values_list("code", "name")) == [("ha-tang", "Hạ tầng")]

    def keys(campaign):
        return list(OutlineSection.objects.filter(campaign=campaign).order_by("position").values_list("key", flat=True))

    assert keys(new) == keys(source)
    copied = Indicator.objects.get(campaign=new, code="chu-ky-so")
    assert copied.section.campaign_id == new.pk and copied.section.key == "ket-qua"
