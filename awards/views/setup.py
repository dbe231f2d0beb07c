"""Reviewers' pages for a campaign's award forms, dossier components and criteria. The set-up pages
answer 404 to everyone else, as a hidden record does."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from campaign_portal.permissions import HiddenWithoutPermissionMixin

from .. import services
from ..enums import CriterionKind
from ..forms import (
    AwardFormForm,
    CriterionForm,
    CriterionParamsForm,
    NewAwardFormRequirementFormSet,
    RequirementFormSet,
)
from ..models import AwardForm, Criterion
from .base import campaign_for, campaign_url


def _forget_unsaved(instance) -> None:
    """After a rolled-back first save, the instance must look new again, or the next post would
    update a row that was never written."""
    if instance.pk and not type(instance).objects.filter(pk=instance.pk).exists():
        instance.pk, instance._state.adding = None, True


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


class CriterionEditView(HiddenWithoutPermissionMixin, TemplateView):
    """Choose the kind first (a GET form, so no JavaScript is needed), then fill in the common fields
    and the chosen kind's own fields. The parameters are stored as JSON; nobody types it."""

    template_name = "awards/criterion_form.html"
    permission_required = "awards.manage_criteria"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.criterion = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.has_perm(self.permission_required):
            if "pk" in kwargs:
                self.criterion = get_object_or_404(Criterion.objects.select_related("campaign"), pk=kwargs["pk"])
            else:
                self.criterion = Criterion(campaign=campaign_for(request))
        return super().dispatch(request, *args, **kwargs)

    def _kind(self) -> str:
        """The kind asked for (the kind chooser, or the kind the form was drawn for), else the saved one."""
        asked = self.request.POST.get("kind") or self.request.GET.get("kind") or self.criterion.kind
        return asked if asked in CriterionKind.values else ""

    def _params_form(self, kind: str, data=None):
        if not kind:
            return None
        saved = self.criterion.params if kind == self.criterion.kind else None
        return CriterionParamsForm(data, kind=kind, campaign=self.criterion.campaign, initial_params=saved)

    def get_context_data(self, **kwargs):
        kind = self._kind()
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CriterionForm(instance=self.criterion))
        context.setdefault("params_form", self._params_form(kind))
        context.update(
            criterion=self.criterion,
            campaign=self.criterion.campaign,
            kind=kind,
            kind_label=CriterionKind(kind).label if kind else "",
            kinds=CriterionKind.choices,
        )
        return context

    def post(self, request, *args, **kwargs):
        kind = self._kind()
        form = CriterionForm(request.POST, instance=self.criterion)
        params_form = self._params_form(kind, request.POST)
        if not kind:
            form.is_valid()
            form.add_error(None, _("Loại kiểm tra: hãy chọn một loại trong danh sách rồi bấm “Tiếp tục”."))
            return self.render_to_response(self.get_context_data(form=form, params_form=None), status=400)
        if form.is_valid() and params_form.is_valid():
            criterion = form.save(commit=False)
            criterion.kind, criterion.params = kind, params_form.params()
            try:
                services.criterion_save(user=request.user, criterion=criterion)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            except IntegrityError:  # a colleague saved the same code meanwhile
                _forget_unsaved(criterion)
                form.add_error("code", _("Mã tiêu chí này vừa được dùng cho một tiêu chí khác; hãy chọn mã khác."))
            else:
                messages.success(request, _("Đã lưu tiêu chí. Bấm “Kiểm tra lại tất cả” để áp dụng cho các hồ sơ."))
                return redirect(campaign_url("awards:criteria", criterion.campaign))
        context = self.get_context_data(form=form, params_form=params_form)
        return self.render_to_response(context, status=400)


class AwardFormEditView(HiddenWithoutPermissionMixin, TemplateView):
    """Create or edit an award form with its dossier components, or retire it."""

    template_name = "awards/award_form_form.html"
    permission_required = "awards.manage_criteria"

    def dispatch(self, request, *args, **kwargs):
        self.award_form = None
        if request.user.is_authenticated and request.user.has_perm(self.permission_required):
            if "pk" in kwargs:
                self.award_form = get_object_or_404(AwardForm.objects.select_related("campaign"), pk=kwargs["pk"])
            else:
                self.award_form = AwardForm(campaign=campaign_for(request))
        return super().dispatch(request, *args, **kwargs)

    def _formset_class(self):
        return RequirementFormSet if self.award_form.pk else NewAwardFormRequirementFormSet

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", AwardFormForm(instance=self.award_form))
        context.setdefault("formset", self._formset_class()(instance=self.award_form))
        context["award_form"] = self.award_form
        context["campaign"] = self.award_form.campaign
        return context

    def post(self, request, *args, **kwargs):
        form = AwardFormForm(request.POST, instance=self.award_form)
        formset = self._formset_class()(request.POST, instance=self.award_form)
        if form.is_valid() and formset.is_valid():
            try:
                services.award_form_save(
                    user=request.user, award_form=form.save(commit=False), requirements_formset=formset
                )
            except IntegrityError:  # two codes swapped in one save, or a colleague saved the same code meanwhile
                _forget_unsaved(self.award_form)
                form.add_error(
                    None,
                    _("Không lưu được: mã thành phần hồ sơ bị trùng. Hãy tải lại trang, kiểm tra các mã rồi lưu lại."),
                )
            else:
                messages.success(request, _("Đã lưu hình thức khen thưởng và thành phần hồ sơ."))
                return redirect(campaign_url("awards:criteria", self.award_form.campaign))
        return self.render_to_response(self.get_context_data(form=form, formset=formset), status=400)
