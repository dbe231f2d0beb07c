from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from .forms import CampaignForm, DocumentFormSet
from .models import Campaign
from .selectors import campaign_detail, campaign_list
from .services import campaign_save


class CampaignListView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "campaigns/list.html"
    permission_required = "campaigns.view_campaign"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["campaigns"] = campaign_list()
        context["can_add"] = self.request.user.has_perm("campaigns.add_campaign")
        return context


class CampaignDetailView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "campaigns/detail.html"
    permission_required = "campaigns.view_campaign"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            campaign = campaign_detail(code=self.kwargs["code"])
        except Campaign.DoesNotExist as error:
            raise Http404 from error
        context["campaign"] = campaign
        context["can_change"] = self.request.user.has_perm("campaigns.change_campaign", campaign)
        context["expected"] = list(campaign.expected_agencies.all())
        # Drafts belong to their agencies, so the campaign page counts only what was registered.
        counts = campaign.initiatives.exclude(state="draft").values("state").annotate(n=Count("id"))
        context["initiative_counts"] = {row["state"]: row["n"] for row in counts}
        context["initiative_total"] = sum(context["initiative_counts"].values())
        return context


class CampaignEditView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "campaigns.add_campaign"

    def _campaign(self):
        return Campaign()

    def _document_initial(self, campaign):
        return []

    def get(self, request, **kwargs):
        campaign = self._campaign()
        form = CampaignForm(instance=campaign)
        formset = DocumentFormSet(prefix="docs", initial=self._document_initial(campaign))
        return self._render(request, campaign, form, formset)

    def post(self, request, **kwargs):
        campaign = self._campaign()
        form = CampaignForm(request.POST, instance=campaign)
        formset = DocumentFormSet(request.POST, prefix="docs", initial=self._document_initial(campaign))
        if not (form.is_valid() and formset.is_valid()):
            return self._render(request, campaign, form, formset, status=400)
        saved = form.save(commit=False)
        campaign_save(
            user=request.user,
            campaign=saved,
            plan=form.plan_values(),
            expected_agencies=form.cleaned_data["expected_agencies"],
            documents=formset.rows(),
        )
        messages.success(request, _("Đã lưu phong trào “%(name)s”.") % {"name": saved.name})
        return redirect("campaigns:detail", code=saved.code)

    def _render(self, request, campaign, form, formset, status=200):
        return render(
            request, "campaigns/form.html", {"campaign": campaign, "form": form, "formset": formset}, status=status
        )


class CampaignUpdateView(CampaignEditView):
    permission_required = "campaigns.change_campaign"

    def _campaign(self):
        try:
            return Campaign.objects.select_related("plan_document").get(code=self.kwargs["code"])
        except Campaign.DoesNotExist as error:
            raise Http404 from error

    def _document_initial(self, campaign):
        return [
            {
                "doc_type": link.document.doc_type,
                "number_symbol": link.document.number_symbol,
                "issued_on": link.document.issued_on,
                "issuer": link.document.issuer,
                "subject": link.document.subject,
            }
            for link in campaign.document_links.select_related("document")
        ]
