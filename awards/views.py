import datetime

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from agencies.enums import AgencyLevel
from agencies.selectors import agencies_readable_by
from campaign_portal.files import protected_file_response
from campaign_portal.pagination import IdsFirstPaginator
from campaign_portal.spreadsheets import XLSX_CONTENT_TYPE
from campaign_portal.workflow import WorkflowError, transitions_available
from campaigns.models import Campaign

from . import selectors, services
from .enums import NominationState, NomineeType, Outcome, Verdict
from .exports import nominations_workbook
from .filters import NominationFilter
from .forms import AwardFormForm, CriterionForm, DocumentUploadForm, NominationForm, RequirementFormSet, TransitionForm
from .models import AwardForm, CheckBatch, Criterion, DossierDocument, Nomination
from .templatetags.awards_tags import state_class, verdict_class


def _campaign(request) -> Campaign:
    code = request.GET.get("campaign") or request.POST.get("campaign")
    campaign = Campaign.objects.filter(code=code).first() if code else selectors.current_campaign()
    if campaign is None:
        raise Http404(_("Chưa có phong trào thi đua nào."))
    return campaign


def _query_without_page(params) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()


APPROVABLE_STATES = (NominationState.SUBMITTED, NominationState.UNDER_REVIEW)


def _labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


def _queue_rows(nominations) -> list[dict]:
    """What each row of the queue shows, worked out once a page: `get_FOO_display` turns a lazy
    label into text on every call (27 µs, three a row), a dict built per page costs 3 µs; the
    unmet and undecided criteria are counted from `problems` instead of two subqueries a row."""
    nominee_types = _labels(NomineeType.choices)
    states = _labels(NominationState.choices)
    verdicts = _labels(Verdict.choices)
    rows = []
    for nomination in nominations:
        outcomes = [result.outcome for result in nomination.problems]
        agency = nomination.agency
        rows.append(
            {
                "nomination": nomination,
                "url": reverse("awards:nomination_detail", args=[nomination.pk]),
                "nominee_label": nomination.nominee_label,
                "nominee_type": nominee_types.get(nomination.nominee_type, nomination.nominee_type),
                "agency_parent": agency.parent.name if agency.parent_id and agency.level == AgencyLevel.COMMUNE else "",
                "state": states.get(nomination.state, nomination.state),
                "state_class": state_class(nomination.state),
                "verdict": verdicts.get(nomination.verdict, nomination.verdict),
                "verdict_class": verdict_class(nomination.verdict),
                "approvable": nomination.verdict == Verdict.ELIGIBLE and nomination.state in APPROVABLE_STATES,
                "not_met": outcomes.count(Outcome.NOT_MET),
                "cannot_tell": outcomes.count(Outcome.CANNOT_TELL),
                "problems": [Truncator(result.explanation).chars(110) for result in nomination.problems[:2]],
            }
        )
    return rows


class NominationListView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """The review queue for reviewers and officials; an agency's own list for its officer."""

    template_name = "awards/nomination_list.html"
    permission_required = "awards.view_nomination_list"
    page_size = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        campaign = _campaign(self.request)
        queue = selectors.nomination_queue(user=user, campaign=campaign)
        nomination_filter = NominationFilter(
            self.request.GET or None,
            queryset=queue,
            campaign=campaign,
            agencies=selectors.nominating_agencies(user=user, campaign=campaign),
            staff=user.is_reviewer or user.is_official,
        )
        page = IdsFirstPaginator(nomination_filter.qs, self.page_size).get_page(self.request.GET.get("page"))
        batch = None
        if user.has_perm("awards.check_nominations"):
            batch = CheckBatch.objects.filter(campaign=campaign).first()
        context.update(
            campaign=campaign,
            campaigns=Campaign.objects.order_by("-nomination_deadline"),
            filter=nomination_filter,
            page_obj=page,
            rows=_queue_rows(page),
            query_string=_query_without_page(self.request.GET),
            is_reviewer=user.has_perm("awards.review_nomination"),
            can_add=user.has_perm("awards.add_nomination"),
            can_export=user.has_perm("awards.export_nominations"),
            batch=batch,
        )
        return context


class NominationCreateView(LoginRequiredMixin, PermissionRequiredMixin, FormView):
    template_name = "awards/nomination_form.html"
    form_class = NominationForm
    permission_required = "awards.add_nomination"

    def get_form_kwargs(self):
        if self.request.user.agency is None:
            raise PermissionDenied(_("Tài khoản không thuộc cơ quan, đơn vị nào nên không tạo được hồ sơ."))
        self.campaign = _campaign(self.request)
        return {
            **super().get_form_kwargs(),
            "campaign": self.campaign,
            "agency": self.request.user.agency,
            "metric_fields": selectors.metric_fields_for(campaign=self.campaign),
        }

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "campaign": self.campaign, "nomination": None}

    def form_valid(self, form):
        data = form.nomination_data()
        try:
            nomination = services.nomination_create(user=self.request.user, campaign=self.campaign, **data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã tạo hồ sơ. Hãy tải lên các thành phần hồ sơ rồi gửi."))
        return redirect("awards:nomination_detail", pk=nomination.pk)


class NominationMixin(LoginRequiredMixin, PermissionRequiredMixin):
    permission_required = "awards.view_nomination"

    def get_nomination(self) -> Nomination:
        if not hasattr(self, "_nomination"):
            try:
                self._nomination = selectors.nomination_detail(user=self.request.user, pk=self.kwargs["pk"])
            except Nomination.DoesNotExist as error:
                if not Nomination.objects.filter(pk=self.kwargs["pk"]).exists():
                    raise Http404 from error
                raise PermissionDenied from error
        return self._nomination

    def get_permission_object(self):
        return self.get_nomination()


class NominationDetailView(NominationMixin, TemplateView):
    template_name = "awards/nomination_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        nomination = self.get_nomination()
        user = self.request.user
        documents = {document.requirement_id: document for document in nomination.documents.all()}
        components = [
            {"requirement": requirement, "document": documents.get(requirement.pk)}
            for requirement in nomination.award_form.requirements.all()
        ]
        metric_fields = selectors.metric_fields_for(campaign=nomination.campaign)
        declared = nomination.declared_metrics or {}
        metrics = [
            {**spec, "value": declared.get(spec["key"])}
            for spec in metric_fields
            if spec["applies_to"] in ("both", nomination.nominee_type)
        ]
        checklist = _checklist_context(nomination, user)
        can_edit = checklist["can_edit"]
        actions = [
            {"transition": t, "form": TransitionForm(initial={"action": t.name, "expected_state": nomination.state})}
            for t in transitions_available(transitions=services.NOMINATION_TRANSITIONS, obj=nomination, user=user)
        ]
        context.update(
            nomination=nomination,
            components=components,
            metrics=metrics,
            **checklist,
            upload_form=DocumentUploadForm(nomination=nomination) if can_edit else None,
            actions=actions,
            history=nomination.transitions.all(),
            returned=nomination.state == NominationState.RETURNED,
        )
        return context


def _checklist_context(nomination: Nomination, user) -> dict:
    results = list(nomination.results.all())
    return {
        "results": results,
        "to_fix": [r for r in results if r.outcome != "met"],
        "can_edit": user.has_perm("awards.change_nomination", nomination),
    }


class NominationChecklistView(NominationMixin, TemplateView):
    """The checklist alone: the nomination page reloads it while a check is pending."""

    template_name = "awards/_checklist.html"

    def get_context_data(self, **kwargs):
        nomination = self.get_nomination()
        return {
            **super().get_context_data(**kwargs),
            "nomination": nomination,
            **_checklist_context(nomination, self.request.user),
        }


class NominationEditView(NominationMixin, FormView):
    template_name = "awards/nomination_form.html"
    form_class = NominationForm
    permission_required = "awards.change_nomination"

    def get_form_kwargs(self):
        nomination = self.get_nomination()
        return {
            **super().get_form_kwargs(),
            "instance": nomination,
            "campaign": nomination.campaign,
            "agency": nomination.agency,
            "metric_fields": selectors.metric_fields_for(campaign=nomination.campaign),
        }

    def get_context_data(self, **kwargs):
        nomination = self.get_nomination()
        return {**super().get_context_data(**kwargs), "campaign": nomination.campaign, "nomination": nomination}

    def form_valid(self, form):
        try:
            services.nomination_update(
                user=self.request.user, nomination=self.get_nomination(), **form.nomination_data()
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu. Kết quả kiểm tra tiêu chí được cập nhật."))
        return redirect("awards:nomination_detail", pk=self.kwargs["pk"])


class DocumentUploadView(NominationMixin, View):
    permission_required = "awards.change_nomination"

    def post(self, request, pk):
        nomination = self.get_nomination()
        form = DocumentUploadForm(request.POST, request.FILES, nomination=nomination)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            upload.original_name = upload.name
            try:
                document = services.dossier_document_upload(
                    user=request.user,
                    nomination=nomination,
                    requirement=form.cleaned_data["requirement"],
                    upload=upload,
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request,
                    _("Đã tải lên “%(name)s” cho %(requirement)s.")
                    % {"name": document.original_name, "requirement": document.requirement.name},
                )
        else:
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
        return redirect("awards:nomination_detail", pk=pk)


class DocumentOpenView(LoginRequiredMixin, View):
    """Opens a dossier document after checking that the user may read its nomination."""

    def get(self, request, pk):
        document = get_object_or_404(DossierDocument.objects.select_related("nomination__agency", "requirement"), pk=pk)
        if not request.user.has_perm("awards.view_nomination", document.nomination):
            raise PermissionDenied
        inline = document.opens_inline and request.GET.get("download") != "1"
        return protected_file_response(
            user=request.user,
            target=document.nomination,
            field_file=document.file,
            filename=document.original_name,
            content_type=document.content_type,
            inline=inline,
        )


class NominationTransitionView(NominationMixin, View):
    def post(self, request, pk):
        nomination = self.get_nomination()
        form = TransitionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Ngày quyết định phải có dạng dd/mm/yyyy."))
            return redirect("awards:nomination_detail", pk=pk)
        data = form.cleaned_data
        values = {}
        if data["action"] == "award":
            values = {
                "decision_number": (data["decision_number"] or "").strip(),
                "decision_date": data["decision_date"],
            }
        try:
            services.nomination_transition(
                user=request.user,
                nomination=nomination,
                name=data["action"],
                reason=data["reason"],
                values=values,
                expected_state=data["expected_state"] or None,
            )
        except WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Hồ sơ đã chuyển sang “%(state)s”.") % {"state": nomination.get_state_display()}
            )
        return redirect("awards:nomination_detail", pk=pk)


class BulkApproveView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "awards.review_nomination"

    def post(self, request):
        ids = [
            int(value)
            for value in request.POST.getlist("nomination")
            if value.isascii() and value.isdigit() and len(value) < 19
        ]
        approved, refused = services.nominations_bulk_approve(user=request.user, nomination_ids=ids)
        if approved:
            messages.success(request, _("Đã duyệt %(n)d hồ sơ đủ điều kiện.") % {"n": len(approved)})
        for message in refused:
            messages.warning(request, message)
        if not ids:
            messages.warning(request, _("Hãy chọn hồ sơ cần duyệt."))
        return redirect(f"{reverse('awards:nomination_list')}?{request.POST.get('next_query', '')}")


class CheckBatchStartView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "awards.check_nominations"

    def post(self, request):
        campaign = _campaign(request)
        batch = services.check_batch_start(user=request.user, campaign=campaign)
        messages.info(request, _("Đã đưa %(n)d hồ sơ vào hàng đợi kiểm tra.") % {"n": batch.total})
        return redirect(f"{reverse('awards:nomination_list')}?campaign={campaign.code}")


class CheckBatchStatusView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "awards.check_nominations"

    def get(self, request, pk):
        batch = get_object_or_404(CheckBatch, pk=pk)
        return JsonResponse(selectors.check_batch_progress(batch=batch))


class NominationExportView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "awards.export_nominations"

    def get(self, request):
        campaign = _campaign(request)
        nominations = NominationFilter(
            request.GET or None,
            queryset=selectors.nominations_for_report(campaign=campaign),
            campaign=campaign,
            agencies=agencies_readable_by(user=request.user),
        ).qs
        content = nominations_workbook(campaign=campaign, nominations=nominations)
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        stamp = timezone.localdate().strftime("%Y%m%d")
        response["Content-Disposition"] = (
            f'attachment; filename="danh-sach-de-nghi-khen-thuong-{campaign.code}-{stamp}.xlsx"'
        )
        return response


class ProgressView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "awards/progress.html"
    permission_required = "awards.view_progress"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = _campaign(self.request)
        as_of = None
        raw = self.request.GET.get("as_of")
        if raw:
            try:
                as_of = datetime.datetime.strptime(raw, "%d/%m/%Y").date()
            except ValueError:
                messages.error(self.request, _("Ngày phải có dạng dd/mm/yyyy."))
        progress = selectors.campaign_progress(campaign=campaign, as_of=as_of)
        context.update(
            campaign=campaign,
            campaigns=Campaign.objects.order_by("-nomination_deadline"),
            progress=progress,
            as_of_text=raw or "",
        )
        return context


class CriteriaView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "awards/criteria.html"
    permission_required = "awards.view_criteria"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = _campaign(self.request)
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
            self.criterion = Criterion(campaign=_campaign(self.request))
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
        return redirect(f"{reverse('awards:criteria')}?campaign={self.criterion.campaign.code}")


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
                return redirect(f"{reverse('awards:criteria')}?campaign={self.award_form.campaign.code}")
        return self.render_to_response(self.get_context_data(form=form, formset=formset))
