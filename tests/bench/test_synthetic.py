"""The benchmark's synthetic province at a tiny size: counts, and the same seed giving the same data."""

import pytest

from agencies.enums import AgencyKind
from agencies.models import Agency
from awards.models import DossierDocument, Nomination
from bench.synthetic import BASE, province_plan, province_write, sizes_for
from campaign_portal.text import fold_text
from campaigns.models import Campaign
from initiatives.models import Initiative, InitiativeEvidence

TINY = 0.02


def test_sizes_scale_linearly_from_the_issue_figures():
    assert sizes_for(1) == BASE
    assert sizes_for(10)["initiatives"] == 50000
    assert sizes_for(10)["communes"] == 2410
    assert sizes_for(TINY)["nominations"] == 40


def test_plan_same_seed_same_rows():
    assert province_plan(scale=TINY, seed=7) == province_plan(scale=TINY, seed=7)


def test_plan_other_seed_other_rows():
    first, second = province_plan(scale=TINY, seed=7), province_plan(scale=TINY, seed=8)
    assert first.agencies != second.agencies or first.nominations != second.nominations


def test_plan_counts_at_tiny_size():
    plan = province_plan(scale=TINY, seed=7)
    size = sizes_for(TINY)
    communes = [a for a in plan.agencies if a["kind"] == AgencyKind.COMMUNE_COMMITTEE]
    assert len(communes) == size["communes"]
    assert len(plan.agencies) - len(communes) == size["agencies"]
    assert len(plan.initiatives) == size["initiatives"]
    assert len(plan.nominations) == size["nominations"]
    assert plan.dossier_document_count + len(plan.evidence) == size["documents"]


def test_plan_parents_come_before_children():
    plan = province_plan(scale=TINY, seed=7)
    for index, row in enumerate(plan.agencies):
        assert row["parent"] is None or row["parent"] < index


@pytest.mark.django_db
def test_write_stores_the_plan_with_its_counts(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    plan = province_plan(scale=TINY, seed=7)
    counts = province_write(plan)
    size = sizes_for(TINY)
    assert counts["agencies"] == Agency.objects.count() == size["agencies"] + size["communes"]
    assert Initiative.objects.count() == size["initiatives"]
    assert Nomination.objects.count() == size["nominations"]
    assert DossierDocument.objects.count() + InitiativeEvidence.objects.count() == size["documents"]
    assert sorted(Initiative.objects.values_list("title", flat=True)) == sorted(i["title"] for i in plan.initiatives)
    communes = Agency.objects.filter(kind=AgencyKind.COMMUNE_COMMITTEE)
    assert all(c.parent.kind == AgencyKind.DISTRICT_COMMITTEE for c in communes.select_related("parent"))
    campaign = Campaign.objects.get(code="bench")
    assert campaign.expected_agencies.count() > 0
    # Rows written with bulk_create still carry what save() would compute.
    initiative = Initiative.objects.select_related("agency").order_by("pk").first()
    assert fold_text(initiative.agency.name) in initiative.search_text
    assert all(n.nominee_key for n in Nomination.objects.all())
    document = DossierDocument.objects.order_by("pk").first()
    with document.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


@pytest.mark.django_db
def test_write_same_seed_same_stored_rows(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"

    def stored():
        return (
            list(Agency.objects.order_by("pk").values_list("name", "kind", "parent__name")),
            list(Initiative.objects.order_by("pk").values_list("title", "agency__name", "state", "search_text")),
            list(
                Nomination.objects.order_by("pk").values_list(
                    "agency__name", "nominee_agency__name", "nominee_name", "state", "submitted_at", "declared_metrics"
                )
            ),
            list(
                DossierDocument.objects.order_by("pk").values_list(
                    "nomination__nominee_name", "requirement__code", "file"
                )
            ),
        )

    province_write(province_plan(scale=TINY, seed=7))
    first = stored()
    for model in (DossierDocument, InitiativeEvidence, Nomination, Initiative):
        model.objects.all().delete()
    Campaign.objects.all().delete()
    from accounts.models import User

    User.objects.all().delete()
    for kind in (AgencyKind.COMMUNE_COMMITTEE, AgencyKind.SUBUNIT):
        Agency.objects.filter(kind=kind).delete()
    Agency.objects.exclude(parent=None).delete()
    Agency.objects.all().delete()
    province_write(province_plan(scale=TINY, seed=7))
    assert stored() == first
