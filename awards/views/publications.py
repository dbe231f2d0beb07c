"""Publishing the proposed list for comment: the reviewer's page (publish, close, read the comments
for the council) and the public page, readable without log-in, that closes itself at the end of the
period. The public page shows the nominee, the award form, the nominating agency and the achievement
summary only: no file, no reviewer's note, no declared figure, no check result."""

import datetime
import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from accounts.throttle import client_address

from .. import services
from ..models import Publication
from ..register_forms import PublicationForm, PublicCommentForm
from .base import campaign_for, campaign_url

# Comments one address may send in a window: a person writes a few, a robot many.
COMMENT_RATE = (5, 600)


def _local(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


class PublicationListView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """The campaign's published lists and the form that publishes its approved nominations."""

    permission_required = "awards.view_public_comments"
    template_name = "awards/publication_list.html"

    def _render(self, request, campaign, form, status=200):
        publications = list(
            Publication.objects.filter(campaign=campaign)
            .annotate(
                nomination_count=Count("nominations", distinct=True), comment_count=Count("comments", distinct=True)
            )
            .order_by("-opens_at", "-pk")
        )
        now = timezone.now()
        for publication in publications:
            publication.is_open = services.publication_is_open(publication, now=now)
            publication.is_over = publication.closes_at <= now
        return render(
            request,
            self.template_name,
            {
                "campaign": campaign,
                "publications": publications,
                "form": form,
                "can_publish": request.user.has_perm("awards.publish_list"),
                "can_change_campaign": request.user.has_perm("campaigns.change_campaign"),
            },
            status=status,
        )

    def get(self, request):
        campaign = campaign_for(request)
        today = timezone.localdate()
        initial = {
            "title": _("Danh sách đề nghị khen thưởng – %(name)s") % {"name": campaign.name},
            "opens_on": today,
            "closes_on": today + datetime.timedelta(days=7),
        }
        return self._render(request, campaign, PublicationForm(initial=initial))

    def post(self, request):
        if not request.user.has_perm("awards.publish_list"):
            raise Http404
        campaign = campaign_for(request)
        form = PublicationForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.publication_create(
                    user=request.user,
                    campaign=campaign,
                    title=data["title"],
                    opens_at=_local(data["opens_on"], datetime.time.min),
                    closes_at=_local(data["closes_on"], datetime.time.max),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã công khai danh sách đề nghị khen thưởng."))
                return redirect(campaign_url("awards:publication_list", campaign))
        return self._render(request, campaign, form, status=400)


class PublicationCloseView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "awards.publish_list"

    def post(self, request, pk):
        publication = get_object_or_404(Publication, pk=pk)
        services.publication_close(user=request.user, publication=publication)
        messages.info(request, _("Đã kết thúc lấy ý kiến về danh sách này."))
        return redirect(campaign_url("awards:publication_list", publication.campaign))


class PublicationCommentsView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """The public's comments, for the reviewers and the council's file."""

    permission_required = "awards.view_public_comments"

    def get(self, request, pk):
        publication = get_object_or_404(Publication.objects.select_related("campaign"), pk=pk)
        comments = publication.comments.select_related("nomination__nominee_agency").order_by("created_at", "pk")
        return render(
            request,
            "awards/publication_comments.html",
            {"publication": publication, "comments": comments, "is_open": services.publication_is_open(publication)},
        )


def _public_entries(publication: Publication):
    """Only what the public may read: no file, note, figure or check result leaves the database."""
    return (
        publication.nominations.select_related("nominee_agency", "agency", "award_form")
        .only(
            "pk",
            "nominee_type",
            "nominee_name",
            "nominee_position",
            "nominee_unit",
            "achievement_summary",
            "nominee_agency__name",
            "agency__name",
            "award_form__name",
        )
        .order_by("award_form__position", "nominee_type", "pk")
    )


def _rate_limited(request, publication: Publication) -> bool:
    """True once this address has sent its share of comments in the window (cache-based, so the
    count is shared by every web process where the cache is Redis)."""
    limit, window = COMMENT_RATE
    address = client_address(request) or "unknown"
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    key = f"awards:public-comment:{publication.pk}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


class PublicPublicationView(View):
    """The published list, open to anyone while its period runs; before it, no such page; after it,
    a page saying the period is over (410)."""

    template_name = "awards/public_publication.html"

    def _publication(self, pk) -> Publication:
        publication = get_object_or_404(Publication.objects.select_related("campaign"), pk=pk)
        if publication.opens_at > timezone.now():
            raise Http404
        return publication

    def _closed(self, request, publication):
        return render(request, "awards/public_publication_closed.html", {"publication": publication}, status=410)

    def _render(self, request, publication, entries, form, status=200, sent=False):
        return render(
            request,
            self.template_name,
            {"publication": publication, "entries": entries, "form": form, "sent": sent},
            status=status,
        )

    def get(self, request, pk):
        publication = self._publication(pk)
        if not services.publication_is_open(publication):
            return self._closed(request, publication)
        entries = list(_public_entries(publication))
        form = PublicCommentForm(entries=entries)
        return self._render(request, publication, entries, form, sent=bool(request.GET.get("da-gui")))

    def post(self, request, pk):
        publication = self._publication(pk)
        if not services.publication_is_open(publication):
            return self._closed(request, publication)
        entries = list(_public_entries(publication))
        form = PublicCommentForm(request.POST, entries=entries)
        done = f"{reverse('public:publication', args=[publication.pk])}?da-gui=1"
        if _rate_limited(request, publication):
            form.is_valid()
            form.add_error(None, _("Bạn đã gửi nhiều góp ý trong thời gian ngắn. Hãy thử lại sau ít phút."))
            return self._render(request, publication, entries, form, status=429)
        if form.is_robot:
            # Answered as a success, so the robot learns nothing; nothing is kept.
            return redirect(done)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.public_comment_add(
                    publication=publication,
                    nomination_id=data["nomination"],
                    author_name=data["author_name"],
                    contact=data["contact"],
                    body=data["body"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(done)
        return self._render(request, publication, entries, form, status=400)
