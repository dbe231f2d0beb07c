from django.db.models import Count, Prefetch, QuerySet

from agencies.models import Agency

from .models import Campaign, CampaignDocument


def campaign_list() -> QuerySet[Campaign]:
    return (
        Campaign.objects.select_related("plan_document", "organiser")
        .annotate(
            expected_count=Count("expected_agencies", distinct=True),
            document_count=Count("document_links", distinct=True),
        )
        .order_by("-period_start", "code")
    )


def campaign_detail(*, code: str) -> Campaign:
    return (
        Campaign.objects.select_related("plan_document", "organiser")
        .prefetch_related(
            Prefetch("document_links", queryset=CampaignDocument.objects.select_related("document")),
            Prefetch("expected_agencies", queryset=Agency.objects.order_by("level", "kind", "name")),
            "categories",
        )
        .get(code=code)
    )
