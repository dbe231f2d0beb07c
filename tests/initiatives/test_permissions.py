from django.urls import reverse

from accounts.enums import Role
from initiatives.enums import InitiativeState
from initiatives.models import Initiative
from initiatives.rules import can_edit_initiative
from tests.factories import InitiativeCategoryFactory
from tests.factories.initiatives import InitiativeFactory


def _titles(response):
    return [item["title"] for item in response.context["page_obj"]]


def _edit_payload(initiative, **changes):
    data = {
        "campaign": initiative.campaign_id,
        "kind": initiative.kind,
        "category": initiative.category_id or "",
        "title": initiative.title,
        "description": initiative.description,
        "started_on": "",
        "results": "",
        "figures_text": "",
    }
    data.update(changes)
    return data


def test_officer_cannot_see_another_agency_draft(client, commune_draft, other_commune_officer):
    client.force_login(other_commune_officer)
    assert commune_draft.title not in _titles(client.get(reverse("initiatives:list")))
    assert client.get(reverse("initiatives:detail", args=[commune_draft.pk])).status_code == 404
    assert client.get(reverse("initiatives:update", args=[commune_draft.pk])).status_code == 404


def test_officer_cannot_change_another_agency_draft(client, commune_draft, other_commune_officer):
    client.force_login(other_commune_officer)
    response = client.post(
        reverse("initiatives:update", args=[commune_draft.pk]), _edit_payload(commune_draft, title="Đã bị sửa")
    )
    assert response.status_code == 404
    commune_draft.refresh_from_db()
    assert commune_draft.title != "Đã bị sửa"
    response = client.post(
        reverse("initiatives:transition", args=[commune_draft.pk]),
        {"transition": "register", "expected_state": "draft"},
    )
    assert response.status_code == 404
    assert Initiative.objects.get(pk=commune_draft.pk).state == InitiativeState.DRAFT


def test_officer_edits_own_draft(client, commune_draft, commune_officer):
    client.force_login(commune_officer)
    response = client.post(
        reverse("initiatives:update", args=[commune_draft.pk]),
        _edit_payload(commune_draft, title="Tên mới", figures_text="Thời gian giải quyết: 9 ngày, rút ngắn 1 ngày"),
    )
    assert response.status_code == 302
    commune_draft.refresh_from_db()
    assert commune_draft.title == "Tên mới"
    assert commune_draft.result_figures == [{"label": "Thời gian giải quyết", "value": "9 ngày, rút ngắn 1 ngày"}]


def test_officer_cannot_edit_own_initiative_after_register(client, commune_draft, commune_officer):
    commune_draft.state = InitiativeState.REGISTERED
    commune_draft.save()
    client.force_login(commune_officer)
    response = client.post(
        reverse("initiatives:update", args=[commune_draft.pk]), _edit_payload(commune_draft, title="Sửa muộn")
    )
    assert response.status_code == 302
    commune_draft.refresh_from_db()
    assert commune_draft.title != "Sửa muộn"


def test_district_officer_reads_its_communes_initiatives(client, commune_draft, district_officer):
    client.force_login(district_officer)
    assert commune_draft.title in _titles(client.get(reverse("initiatives:list")))
    assert client.get(reverse("initiatives:detail", args=[commune_draft.pk])).status_code == 200
    assert not can_edit_initiative(district_officer, commune_draft)
    response = client.post(
        reverse("initiatives:update", args=[commune_draft.pk]), _edit_payload(commune_draft, title="Huyện sửa")
    )
    assert response.status_code == 302
    commune_draft.refresh_from_db()
    assert commune_draft.title != "Huyện sửa"


def test_commune_officer_cannot_read_district_initiative(client, campaign, district, commune_officer):
    own = InitiativeFactory(campaign=campaign, agency=district, state=InitiativeState.IN_PRACTICE)
    client.force_login(commune_officer)
    assert client.get(reverse("initiatives:detail", args=[own.pk])).status_code == 404


def test_official_reads_all_but_cannot_change(client, commune_draft, official):
    client.force_login(official)
    assert commune_draft.title in _titles(client.get(reverse("initiatives:list")))
    assert client.get(reverse("initiatives:detail", args=[commune_draft.pk])).status_code == 200
    assert client.get(reverse("initiatives:create")).status_code == 403
    assert client.get(reverse("initiatives:import")).status_code == 403
    client.post(
        reverse("initiatives:transition", args=[commune_draft.pk]),
        {"transition": "register", "expected_state": "draft"},
    )
    assert Initiative.objects.get(pk=commune_draft.pk).state == InitiativeState.DRAFT


def test_officer_creates_draft_with_implementing_communes(client, campaign, district, commune, district_officer):
    client.force_login(district_officer)
    page = client.get(reverse("initiatives:create"))
    assert list(page.context["form"].fields["implementing_units"].queryset) == [commune]
    response = client.post(
        reverse("initiatives:create"),
        {
            "campaign": campaign.pk,
            "kind": "model",
            "title": "Một cửa thân thiện",
            "started_on": "15/03/2024",
            "implementing_units": [commune.pk],
            "figures_text": "",
        },
    )
    assert response.status_code == 302
    created = Initiative.objects.get(title="Một cửa thân thiện")
    assert created.agency == district and created.state == InitiativeState.DRAFT
    assert list(created.implementing_units.all()) == [commune]
    assert created.started_on.isoformat() == "2024-03-15"


def test_create_form_keeps_input_and_names_the_error(client, campaign, district_officer):
    client.force_login(district_officer)
    response = client.post(
        reverse("initiatives:create"),
        {
            "campaign": campaign.pk,
            "kind": "model",
            "title": "Giữ lại tên này",
            "figures_text": "sai",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Giữ lại tên này" in content
    assert "Tên chỉ tiêu: giá trị" in content
    assert not Initiative.objects.exists()


def test_reviewer_cannot_create_initiative(client, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("initiatives:create")).status_code == 403


def test_reviewer_reads_but_cannot_edit_draft(make_user, commune_draft):
    reviewer = make_user(Role.REVIEWER)
    assert reviewer.has_perm("initiatives.view_initiative", commune_draft)
    assert not reviewer.has_perm("initiatives.change_initiative", commune_draft)


def test_administrator_superuser_reads_no_initiative_and_configures_no_campaign(client, commune_draft, administrator):
    client.force_login(administrator)
    assert client.get(reverse("initiatives:list")).status_code == 403
    assert client.get(reverse("initiatives:detail", args=[commune_draft.pk])).status_code == 404
    assert client.get(reverse("initiatives:export")).status_code == 403
    assert client.get(reverse("campaigns:create")).status_code == 404


def test_category_must_be_one_of_the_campaigns_own(client, campaign, district_officer):
    own = InitiativeCategoryFactory(campaign=campaign, name="Nông thôn mới")
    foreign = InitiativeCategoryFactory(name="Cải cách thể chế")
    client.force_login(district_officer)
    payload = {"campaign": campaign.pk, "kind": "model", "title": "Đường làng sáng", "figures_text": ""}
    missing = client.post(reverse("initiatives:create"), payload)
    assert "Hãy chọn lĩnh vực, nhóm" in missing.content.decode()
    wrong = client.post(reverse("initiatives:create"), {**payload, "category": foreign.pk})
    assert "Lĩnh vực “Cải cách thể chế” không thuộc phong trào" in wrong.content.decode()
    assert not Initiative.objects.filter(title="Đường làng sáng").exists()
    assert client.post(reverse("initiatives:create"), {**payload, "category": own.pk}).status_code == 302
    assert Initiative.objects.get(title="Đường làng sáng").category == own
