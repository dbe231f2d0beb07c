"""Who has sent dossiers by a date, by level and district."""

import datetime

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from campaigns.models import Campaign

from .. import selectors
from ..quotas import quota_standings
from .base import campaign_for


class ProgressView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "awards/progress.html"
    permission_required = "awards.view_progress"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = campaign_for(self.request)
        as_of = None
        raw = self.request.GET.get("as_of")
        if raw:
            try:
                as_of = datetime.datetime.strptime(raw, "%d/%m/%Y").date()
            except ValueError:
                messages.error(self.request, _("Ô “Tính đến ngày” phải có dạng dd/mm/yyyy."))
        progress = selectors.campaign_progress(campaign=campaign, as_of=as_of)
        context.update(
            campaign=campaign,
            campaigns=Campaign.objects.order_by("-nomination_deadline"),
            progress=progress,
            quotas=quota_standings(campaign_id=campaign.pk),
            as_of_text=raw or "",
        )
        return context
