"""Reads of the council app. Meetings are province-wide records: reviewers and officials see all
of them (the views check that permission); nobody else sees any."""

from django.db.models import Count, Prefetch, QuerySet

from campaigns.models import Campaign

from .models import CouncilDocumentRender, CouncilItem, CouncilMeeting


def campaigns_for_council(*, user) -> QuerySet[Campaign]:
    if not user.has_perm("council.view_meeting"):
        return Campaign.objects.none()
    return (
        Campaign.objects.select_related("plan_document")
        .annotate(meeting_count=Count("council_meetings"))
        .order_by("-period_start", "pk")
    )


def meetings_of(*, user, campaign: Campaign) -> list[CouncilMeeting]:
    if not user.has_perm("council.view_meeting"):
        return []
    return list(
        CouncilMeeting.objects.filter(campaign=campaign).annotate(
            item_count=Count("items", distinct=True), present_count=Count("members", distinct=True)
        )
    )


def meeting_for(*, user, pk: int) -> CouncilMeeting:
    """The meeting with its members and items, or DoesNotExist for a user who may not see it."""
    if not user.has_perm("council.view_meeting"):
        raise CouncilMeeting.DoesNotExist
    items = CouncilItem.objects.select_related(
        "nomination__award_form", "nomination__agency", "nomination__nominee_agency"
    ).order_by("order", "pk")
    return (
        CouncilMeeting.objects.select_related("campaign__plan_document", "decision_recorded_by")
        .prefetch_related("members", Prefetch("items", queryset=items))
        .get(pk=pk)
    )


def meeting_renders(*, meeting: CouncilMeeting, limit: int | None = None) -> list[CouncilDocumentRender]:
    renders = meeting.renders.select_related("requested_by").order_by("-requested_at", "-pk")
    return list(renders[:limit] if limit else renders)


def render_for_download(*, user, pk: int) -> CouncilDocumentRender:
    if not user.has_perm("council.download_render"):
        raise CouncilDocumentRender.DoesNotExist
    return CouncilDocumentRender.objects.select_related("meeting__campaign").get(pk=pk)
