"""Campaign pages: the list and a campaign's page for everyone signed in; its set-up (the form,
the copy of an earlier campaign, the expected agencies) for reviewers only."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from agencies.models import Agency
from campaign_portal.permissions import HiddenWithoutPermissionMixin

from .forms import CampaignForm, CategoryFormSet, DocumentFormSet, ExpectedAgenciesForm
from .models import Campaign
from .selectors import (
    agency_groups_on,
    campaign_detail,
    campaign_list,
    expected_agency_search,
    in_group_order,
)
from .services import campaign_categories_save, campaign_copy, campaign_expected_agencies_set, campaign_save


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


class CampaignEditView(HiddenWithoutPermissionMixin, View):
    """Create a campaign (empty, or as a copy of an earlier one); the expected agencies come next,
    on their own page, since they depend on the period entered here."""

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
        created = campaign.pk is None
        form = CampaignForm(request.POST, instance=campaign)
        formset = DocumentFormSet(request.POST, prefix="docs", initial=self._document_initial(campaign))
        if not (form.is_valid() and formset.is_valid()):
            return self._render(request, campaign, form, formset, status=400)
        saved = form.save(commit=False)
        source = form.cleaned_data.get("copy_from")
        if source is not None:
            _campaign, lines = campaign_copy(
                user=request.user, source=source, campaign=saved, plan=form.plan_values(), documents=formset.rows()
            )
            messages.success(
                request,
                _("Đã tạo phong trào “%(name)s” từ “%(source)s”: %(lines)s.")
                % {"name": saved.name, "source": source.name, "lines": "; ".join(lines)},
            )
        else:
            campaign_save(user=request.user, campaign=saved, plan=form.plan_values(), documents=formset.rows())
            messages.success(request, _("Đã lưu phong trào “%(name)s”.") % {"name": saved.name})
        if created:
            return redirect("campaigns:expected_agencies", code=saved.code)
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


class ExpectedAgenciesView(HiddenWithoutPermissionMixin, View):
    """The agencies expected to report, picked from the hierarchy as it stood on the campaign's
    first day: by group (one button adds or removes a whole group) and one by one through a text
    search sent by GET, so the page works without JavaScript."""

    permission_required = "campaigns.change_campaign"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.campaign = get_object_or_404(Campaign, code=kwargs["code"])

    def get(self, request, code):
        chosen = list(in_group_order(self.campaign.expected_agencies.all()))
        return self._render(request, chosen)

    def post(self, request, code):
        form = ExpectedAgenciesForm(request.POST)
        groups = agency_groups_on(day=self.campaign.period_start)
        if form.is_valid():
            picked = [agency.pk for agency in form.chosen(groups)]
            chosen = list(in_group_order(Agency.objects.filter(pk__in=picked)))
            try:
                campaign_expected_agencies_set(user=request.user, campaign=self.campaign, agencies=chosen)
            except ValidationError as error:
                return self._render(request, chosen, errors=error.messages, status=400)
            messages.success(request, _("Đã lưu: %(n)d cơ quan, đơn vị phải báo cáo.") % {"n": len(chosen)})
            query = request.POST.get("q", "").strip()[:100]
            url = reverse("campaigns:expected_agencies", args=[code])
            return redirect(f"{url}?{urlencode({'q': query})}" if query else url)
        errors = [f"{form.fields[name].label}: {message}" for name, found in form.errors.items() for message in found]
        chosen = list(in_group_order(self.campaign.expected_agencies.all()))
        return self._render(request, chosen, errors=errors, status=400)

    def _render(self, request, chosen, errors=(), status=200):
        day = self.campaign.period_start
        chosen_ids = {agency.pk for agency in chosen}
        query = request.GET.get("q", request.POST.get("q", "")).strip()[:100]
        groups = [
            {"group": group, "chosen": sum(1 for agency in group.agencies if agency.pk in chosen_ids)}
            for group in agency_groups_on(day=day)
        ]
        context = {
            "campaign": self.campaign,
            "day": day,
            "chosen": chosen,
            "groups": groups,
            "query": query,
            "found": expected_agency_search(day=day, text=query, exclude_ids=chosen_ids),
            "errors": errors,
        }
        return render(request, "campaigns/expected_agencies.html", context, status=status)


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
