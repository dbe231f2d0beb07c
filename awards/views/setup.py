"""Reviewers' pages for a campaign's award forms, dossier components and criteria."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from .. import services
from ..forms import AwardFormForm, CriterionForm, RequirementFormSet
from ..models import AwardForm, Criterion
from .base import campaign_for, campaign_url


class CriteriaView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "awards/criteria.html"
    permission_required = "awards.view_criteria"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = campaign_for(self.request)
        context.update(
            campaign=campaign,
            award_forms=AwardForm.objects.filter(campaign=campaign).prefetch_related("requirements"),
            criteria=Criterion.objects.filter(campaign=campaign),
            can_manage=self.request.user.has_perm("awards.manage_criteria"),
        )
        return context


class CriterionEditView(LoginRequiredMixin, PermissionRequiredMixin, FormView):
    template_name = "awards/criterion_form.html"
    form_class = CriterionForm
    permission_required = "awards.manage_criteria"

    def get_form_kwargs(self):
        if "pk" in self.kwargs:
            self.criterion = get_object_or_404(Criterion.objects.select_related("campaign"), pk=self.kwargs["pk"])
        else:
            self.criterion = Criterion(campaign=campaign_for(self.request))
        return {**super().get_form_kwargs(), "instance": self.criterion}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "criterion": self.criterion, "campaign": self.criterion.campaign}

    def form_valid(self, form):
        try:
            services.criterion_save(user=self.request.user, criterion=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu tiêu chí. Bấm “Kiểm tra lại tất cả” để áp dụng cho các hồ sơ."))
        return redirect(campaign_url("awards:criteria", self.criterion.campaign))


class AwardFormEditView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "awards/award_form_form.html"
    permission_required = "awards.manage_criteria"

    def dispatch(self, request, *args, **kwargs):
        self.award_form = get_object_or_404(AwardForm.objects.select_related("campaign"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", AwardFormForm(instance=self.award_form))
        context.setdefault("formset", RequirementFormSet(instance=self.award_form))
        context["award_form"] = self.award_form
        return context

    def post(self, request, pk):
        form = AwardFormForm(request.POST, instance=self.award_form)
        formset = RequirementFormSet(request.POST, instance=self.award_form)
        if form.is_valid() and formset.is_valid():
            try:
                services.award_form_save(
                    user=request.user, award_form=form.save(commit=False), requirements_formset=formset
                )
            except IntegrityError:  # two codes swapped in one save, or a colleague saved the same code meanwhile
                form.add_error(
                    None,
                    _("Không lưu được: mã thành phần hồ sơ bị trùng. Hãy tải lại trang, kiểm tra các mã rồi lưu lại."),
                )
            else:
                messages.success(request, _("Đã lưu hình thức khen thưởng và thành phần hồ sơ."))
                return redirect(campaign_url("awards:criteria", self.award_form.campaign))
        return self.render_to_response(self.get_context_data(form=form, formset=formset))
