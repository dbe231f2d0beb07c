"""A campaign's own categories of initiatives: edited by reviewers in the browser, and made from
the former reform-area enum by a migration that also runs on an empty database."""

import datetime

import pytest
from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from accounts.enums import Role
from campaign_portal.models import AuditEvent
from campaigns.models import InitiativeCategory
from tests.factories import CampaignFactory, InitiativeCategoryFactory
from tests.factories.initiatives import InitiativeFactory


def _rows(*rows):
    data = {"cat-TOTAL_FORMS": str(len(rows)), "cat-INITIAL_FORMS": "0", "cat-MIN_NUM_FORMS": "0"}
    data["cat-MAX_NUM_FORMS"] = "1000"
    for index, row in enumerate(rows):
        data |= {f"cat-{index}-{key}": value for key, value in row.items()}
    return data


@pytest.fixture
def campaign(db):
    return CampaignFactory(code="ntm-2025", name="Chung sức xây dựng nông thôn mới")


def test_new_campaign_has_no_categories(campaign):
    assert not campaign.categories.exists()


def test_reviewer_adds_renames_orders_and_retires_categories(client, reviewer, campaign):
    client.force_login(reviewer)
    url = reverse("campaigns:categories", args=[campaign.code])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        _rows(
            {"code": "giao-thong", "name": "Giao thông nông thôn", "position": "2"},
            {"code": "moi-truong", "name": "Môi trường xanh", "position": "1"},
            {"code": "", "name": "", "position": ""},
        ),
    )
    assert response.status_code == 302
    assert list(campaign.categories.values_list("name", flat=True)) == ["Môi trường xanh", "Giao thông nông thôn"]
    road, green = campaign.categories.get(code="giao-thong"), campaign.categories.get(code="moi-truong")
    InitiativeFactory(campaign=campaign, category=road)
    # Swap the two names in one save, retire the one in use.
    response = client.post(
        url,
        _rows(
            {"category": road.pk, "code": "giao-thong", "name": "Môi trường xanh", "position": "1", "retired": "on"},
            {"category": green.pk, "code": "moi-truong", "name": "Giao thông nông thôn", "position": "2"},
        ),
    )
    assert response.status_code == 302
    road.refresh_from_db()
    assert (road.name, road.retired, road.initiatives.count()) == ("Môi trường xanh", True, 1)
    assert AuditEvent.objects.filter(action="campaigns.categories.update", actor=reviewer).count() == 2


def test_bad_category_rows_name_the_field_and_save_nothing(client, reviewer, campaign):
    client.force_login(reviewer)
    url = reverse("campaigns:categories", args=[campaign.code])
    response = client.post(url, _rows({"code": "", "name": "Thiếu mã", "position": "1"}))
    assert response.status_code == 400 and "Hãy nhập mã" in response.content.decode()
    response = client.post(
        url,
        _rows({"code": "a", "name": "Trùng tên", "position": "1"}, {"code": "b", "name": "trung ten", "position": "2"}),
    )
    assert response.status_code == 400 and "dùng cho hai lĩnh vực." in response.content.decode()
    foreign = InitiativeCategoryFactory()
    response = client.post(url, _rows({"category": foreign.pk, "code": "x", "name": "X", "position": "1"}))
    assert response.status_code == 400
    assert not campaign.categories.exists()
    foreign.refresh_from_db()
    assert foreign.name != "X"


@pytest.mark.parametrize("role", [Role.OFFICIAL, Role.AGENCY_OFFICER])
def test_only_reviewers_edit_categories(client, make_user, campaign, role):
    client.force_login(make_user(role))
    url = reverse("campaigns:categories", args=[campaign.code])
    assert client.post(url, _rows({"code": "a", "name": "A", "position": "1"})).status_code == 403
    assert not campaign.categories.exists()


@pytest.mark.django_db(transaction=True)
def test_migration_turns_reform_areas_into_each_campaigns_categories():
    executor = MigrationExecutor(connection)
    before = [
        ("initiatives", "0002_dashboard_figures"),
        ("campaigns", "0002_dashboard_figures"),
        ("reports", "0001_initial"),
        # The agencies as they are now: their own later migrations do not depend on these apps.
        ("agencies", "0002_succession_table_and_province"),
    ]
    latest = executor.loader.graph.leaf_nodes()
    try:
        # What `migrate` sends around its migrations: what stands aside while they run, then comes back.
        emit_pre_migrate_signal(0, False, connection.alias, plan=executor.migration_plan(before))
        executor.migrate(before)
        apps = executor.loader.project_state(before).apps
        Agency = apps.get_model("agencies", "Agency")
        LegalDocument = apps.get_model("campaigns", "LegalDocument")
        Campaign = apps.get_model("campaigns", "Campaign")
        Initiative = apps.get_model("initiatives", "Initiative")
        agency = Agency.objects.create(name="Sở Thử", kind="department", level="province")
        day = datetime.date(2024, 1, 1)
        plan = LegalDocument.objects.create(doc_type="KH", number_symbol="1/KH", issued_on=day, issuer="UBND tỉnh")
        values = {"plan_document": plan, "organiser": agency, "period_start": day, "period_end": day}
        with_initiatives = Campaign.objects.create(code="a", nomination_deadline=day, **values)
        Campaign.objects.create(code="b", nomination_deadline=day, **values)
        for area in ("digital", "procedures", "digital"):
            Initiative.objects.create(campaign=with_initiatives, agency=agency, reform_area=area, title=area)
        report_values = {"issued_on": day, "place_name": "X", "issuer_name": "SỞ", "signer_position": "GIÁM ĐỐC"}
        apps.get_model("reports", "SummaryReport").objects.create(
            campaign=with_initiatives, sections={"iv": "Bài học."}, **report_values
        )
        apps.get_model("reports", "Indicator").objects.create(
            campaign=with_initiatives, code="cts", name="Chứng thư số", section="4.4"
        )
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
        categories = InitiativeCategory.objects.filter(campaign__code="a")
        assert categories.count() == 7
        assert not InitiativeCategory.objects.filter(campaign__code="b").exists()
        from initiatives.models import Initiative as Current

        assert sorted(Current.objects.values_list("category__name", flat=True)) == [
            "Chính phủ điện tử, chuyển đổi số",
            "Chính phủ điện tử, chuyển đổi số",
            "Cải cách thủ tục hành chính",
        ]
        # The report keeps the outline it printed, its text under the same keys, its indicator placed.
        from reports.models import Indicator, OutlineSection

        assert OutlineSection.objects.get(campaign__code="a", key="iv").title == "Bài học kinh nghiệm"
        assert Indicator.objects.get(code="cts").section.number == "4.4"
        assert not OutlineSection.objects.filter(campaign__code="b").exists()
    finally:
        MigrationExecutor(connection).migrate(latest)
        emit_post_migrate_signal(0, False, connection.alias, plan=[])
