from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from .forms import CampaignForm, CategoryFormSet, DocumentFormSet
from .models import Campaign
from .selectors import campaign_detail, campaign_list
from .services import campaign_categories_save, campaign_save


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


class CampaignCategoriesView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """The campaign's own categories of initiatives: add, rename, order, retire."""

    template_name = "campaigns/categories.html"
    permission_required = "campaigns.change_campaign"

    def campaign(self) -> Campaign:
        return get_object_or_404(Campaign, code=self.kwargs["code"])

    def get_context_data(self, formset=None, **kwargs):
        campaign = self.campaign()
        if formset is None:
            initial = [
                {"category": c, "code": c.code, "name": c.name, "position": c.position, "retired": c.retired}
                for c in campaign.categories.all()
            ]
            formset = CategoryFormSet(prefix="cat", initial=initial, form_kwargs={"campaign": campaign})
        return super().get_context_data(**kwargs) | {"campaign": campaign, "formset": formset}

    def post(self, request, *args, **kwargs):
        campaign = self.campaign()
        formset = CategoryFormSet(request.POST, prefix="cat", form_kwargs={"campaign": campaign})
        if formset.is_valid():
            rows = [
                {**form.cleaned_data, "position": form.cleaned_data["position"] or index}
                for index, form in enumerate(formset.forms, start=1)
                if form.cleaned_data and not form.is_blank()
            ]
            try:
                campaign_categories_save(user=request.user, campaign=campaign, rows=rows)
            except ValidationError as error:
                formset_error = error.messages
            else:
                messages.success(request, _("Đã lưu lĩnh vực, nhóm mô hình của phong trào."))
                return redirect("campaigns:categories", code=campaign.code)
        else:
            formset_error = [_("Chưa lưu: hãy sửa các ô được đánh dấu.")]
        for text in formset_error:
            messages.error(request, text)
        return self.render_to_response(self.get_context_data(formset=formset), status=400)
