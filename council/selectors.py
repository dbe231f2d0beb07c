"""Reads of the council app. Meetings are province-wide records: reviewers and officials see all
of them (the views check that permission); nobody else sees any."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from awards.models import Publication, PublicComment
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


@dataclass
class PublicFile:
    """What the public said about the campaign's published lists by the end of the meeting's day:
    the lists published by then and the comments received by then, for the council's file."""

    publications: list[Publication]
    comments: list[PublicComment]


def meeting_public_file(*, meeting: CouncilMeeting) -> PublicFile:
    """A comment sent after the meeting's day was never before the council, so the minutes, however
    late they are drawn, leave it out (as they leave out a list published after the meeting)."""
    until = timezone.make_aware(
        datetime.datetime.combine(meeting.held_on + datetime.timedelta(days=1), datetime.time.min)
    )
    publications = list(
        Publication.objects.filter(campaign_id=meeting.campaign_id, opens_at__lt=until).order_by("opens_at", "pk")
    )
    comments = list(
        PublicComment.objects.filter(publication__in=publications, created_at__lt=until)
        .select_related("publication", "nomination__nominee_agency")
        .order_by("created_at", "pk")
    )
    return PublicFile(publications=publications, comments=comments)
