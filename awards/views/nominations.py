"""One nomination's pages: create, read, edit, upload its documents, open them, take a workflow
transition, and record when a dossier sent outside the portal was received."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from campaign_portal.files import protected_file_response
from campaign_portal.workflow import WorkflowError, transitions_available

from .. import selectors, services
from ..enums import NominationState, Outcome
from ..forms import DocumentUploadForm, NominationForm, ReceiptForm, TransitionForm
from ..models import AwardForm, DossierDocument, DossierRequirement, Nomination
from ..register import earlier_awards_for
from .base import campaign_for


class NominationCreateView(LoginRequiredMixin, PermissionRequiredMixin, FormView):
    template_name = "awards/nomination_form.html"
    form_class = NominationForm
    permission_required = "awards.add_nomination"

    def get(self, request, *args, **kwargs):
        # First step: the award form, which decides which fields the nomination asks for.
        if self.request.user.agency is not None and self.chosen_award_form() is None:
            award_forms = list(
                AwardForm.objects.filter(campaign=self.campaign, retired=False).order_by("position", "pk")
            )
            if len(award_forms) != 1:
                return render(
                    request,
                    "awards/nomination_award_form_step.html",
                    {"campaign": self.campaign, "award_forms": award_forms, "nomination": None},
                )
            self._award_form = award_forms[0]
        return super().get(request, *args, **kwargs)

    def chosen_award_form(self) -> AwardForm | None:
        """The award form posted, or chosen at the first step (?hinh-thuc=), among the campaign's."""
        if not hasattr(self, "_award_form"):
            self.campaign = campaign_for(self.request)
            raw = self.request.POST.get("award_form") or self.request.GET.get("hinh-thuc")
            self._award_form = _award_form_of(self.campaign, raw)
        return self._award_form

    def get_form_kwargs(self):
        if self.request.user.agency is None:
            raise PermissionDenied(_("Tài khoản không thuộc cơ quan, đơn vị nào nên không tạo được hồ sơ."))
        award_form = self.chosen_award_form()
        agency = self.request.user.agency
        return {
            **super().get_form_kwargs(),
            "campaign": self.campaign,
            "agency": agency,
            "award_form": award_form,
            "metric_fields": selectors.metric_fields_for(campaign=self.campaign),
            "merged_agencies": list(
                selectors.merged_agencies_filable_by(agency=agency, campaign=self.campaign, day=timezone.localdate())
            ),
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


def _award_form_of(campaign, raw: str | None, kept: AwardForm | None = None) -> AwardForm | None:
    """The campaign's award form asked for; a retired one only if the nomination already has it."""
    if not (raw and raw.isascii() and raw.isdigit() and len(raw) < 10):
        return None
    offered = Q(retired=False) | Q(pk=kept.pk) if kept is not None else Q(retired=False)
    return AwardForm.objects.filter(offered, campaign=campaign, pk=int(raw)).first()


class NominationMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """A nomination the user may not see answers 404; one they see but may not act on, 403."""

    permission_required = "awards.view_nomination"

    def get_nomination(self) -> Nomination:
        if not hasattr(self, "_nomination"):
            try:
                self._nomination = selectors.nomination_detail(user=self.request.user, pk=self.kwargs["pk"])
            except Nomination.DoesNotExist as error:
                # Whether it exists or not: a 403 would tell another agency that the dossier exists.
                raise Http404 from error
        return self._nomination

    def get_permission_object(self):
        return self.get_nomination()


class NominationDetailView(NominationMixin, TemplateView):
    template_name = "awards/nomination_detail.html"

    def get_context_data(
        self, *, failed_upload: DocumentUploadForm | None = None, failed_action: TransitionForm | None = None, **kwargs
    ):
        context = super().get_context_data(**kwargs)
        nomination = self.get_nomination()
        user = self.request.user
        can_edit = user.has_perm("awards.change_nomination", nomination)
        failed_pk = failed_upload.requirement.pk if failed_upload is not None else None
        components = [
            {
                "requirement": requirement,
                "document": document,
                "form": (
                    failed_upload
                    if requirement.pk == failed_pk
                    else DocumentUploadForm(nomination=nomination, requirement=requirement)
                )
                if can_edit
                else None,
            }
            for requirement, document in nomination.components
        ]
        criteria = selectors.nomination_criteria(nomination=nomination)
        declared = nomination.declared_metrics or {}
        metrics = [
            {**spec, "value": declared.get(spec["key"])}
            for spec in criteria.metric_fields
            if spec["applies_to"] in ("both", nomination.nominee_type)
        ]
        checklist = _checklist_context(nomination, user, results=criteria.results)
        actions = [
            {
                "transition": t,
                # One form per action on the page: the ids carry the action so that no two boxes share one.
                "form": failed_action
                if failed_action is not None and failed_action.cleaned_data.get("transition") == t.name
                else TransitionForm(
                    initial={"transition": t.name, "expected_state": nomination.state}, auto_id=f"id_{t.name}_%s"
                ),
            }
            for t in transitions_available(transitions=services.NOMINATION_TRANSITIONS, obj=nomination, user=user)
        ]
        context.update(
            nomination=nomination,
            components=components,
            metrics=metrics,
            **checklist,
            receipt_form=_receipt_form(nomination) if user.has_perm("awards.record_receipt", nomination) else None,
            actions=actions,
            late=_late_notice(nomination),
            can_delete=user.has_perm("awards.delete_nomination", nomination),
            history=selectors.nomination_history(nomination=nomination),
            states=NominationState,
            earlier_awards=earlier_awards_for(nomination),
        )
        return context


def _late_notice(nomination: Nomination) -> dict | None:
    """When the deadline has passed and the dossier is not yet received: the officer is told
    before sending that it will count as late, and by how many days."""
    deadline = nomination.campaign.nomination_deadline
    today = timezone.localdate()
    if nomination.received_on is not None or today <= deadline:
        return None
    return {"deadline": deadline, "days": (today - deadline).days}


def _receipt_form(nomination: Nomination) -> ReceiptForm | None:
    """The receipt form, filled with the recorded receipt when there is one (to correct it)."""
    if nomination.state == NominationState.DRAFT:
        return None
    if nomination.receipt_recorded_by_id is None:
        return ReceiptForm()
    return ReceiptForm(
        initial={
            "received_on": nomination.received_on.strftime("%d/%m/%Y") if nomination.received_on else "",
            "receipt_number": nomination.receipt_number,
            "receipt_channel": nomination.receipt_channel,
        }
    )


def _checklist_context(nomination: Nomination, user, *, results: list) -> dict:
    return {
        "results": results,
        "to_fix": [r for r in results if r.outcome != Outcome.MET],
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
            **_checklist_context(
                nomination, self.request.user, results=selectors.nomination_criteria(nomination=nomination).results
            ),
        }


class NominationEditView(NominationMixin, FormView):
    template_name = "awards/nomination_form.html"
    form_class = NominationForm
    permission_required = "awards.change_nomination"

    def get_form_kwargs(self):
        nomination = self.get_nomination()
        raw = self.request.POST.get("award_form") or self.request.GET.get("hinh-thuc")
        return {
            **super().get_form_kwargs(),
            "instance": nomination,
            "campaign": nomination.campaign,
            "agency": nomination.agency,
            "award_form": _award_form_of(nomination.campaign, raw, kept=nomination.award_form) or nomination.award_form,
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


class DocumentUploadView(NominationDetailView):
    """A component's upload, posted from its own row. A refused file shows the nomination page
    again with the message in that row (not a redirect that loses which row it was)."""

    permission_required = "awards.change_nomination"
    http_method_names = ["post"]

    def post(self, request, pk):
        nomination = self.get_nomination()
        requirement = DossierRequirement.objects.filter(
            award_form_id=nomination.award_form_id, pk=_int_or_none(request.POST.get("requirement"))
        ).first()
        if requirement is None:
            messages.error(request, _("Thành phần hồ sơ không thuộc hình thức khen thưởng của hồ sơ này."))
            return redirect("awards:nomination_detail", pk=pk)
        form = DocumentUploadForm(request.POST, request.FILES, nomination=nomination, requirement=requirement)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            upload.original_name = upload.name
            try:
                document = services.dossier_document_upload(
                    user=request.user, nomination=nomination, requirement=requirement, upload=upload
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("file", message)
            else:
                messages.success(
                    request,
                    _("Đã tải lên “%(name)s” cho %(requirement)s.")
                    % {"name": document.original_name, "requirement": requirement.name},
                )
                return redirect(f"{reverse('awards:nomination_detail', args=[pk])}#thanh-phan-{requirement.pk}")
        return self.render_to_response(self.get_context_data(failed_upload=form))


def _int_or_none(text: str | None) -> int | None:
    return int(text) if text and text.isascii() and text.isdigit() and len(text) < 10 else None


class NominationDeleteView(NominationMixin, TemplateView):
    """A draft deleted by its agency after a page that says what goes with it (its files)."""

    permission_required = "awards.delete_nomination"
    template_name = "awards/nomination_confirm_delete.html"

    def get_context_data(self, **kwargs):
        nomination = self.get_nomination()
        return {**super().get_context_data(**kwargs), "nomination": nomination, "documents": nomination.documents.all()}

    def post(self, request, pk):
        nomination = self.get_nomination()
        campaign_code = nomination.campaign.code
        label = nomination.nominee_label
        services.nomination_draft_delete(user=request.user, nomination=nomination)
        messages.success(request, _("Đã xóa hồ sơ nháp “%(name)s”.") % {"name": label})
        return redirect(f"{reverse('awards:nomination_list')}?phong-trao={campaign_code}")


class DocumentOpenView(LoginRequiredMixin, View):
    """Opens a dossier document after checking that the user may read its nomination."""

    def get(self, request, pk):
        document = get_object_or_404(DossierDocument.objects.select_related("nomination__agency", "requirement"), pk=pk)
        if not request.user.has_perm("awards.view_nomination", document.nomination):
            raise Http404
        inline = document.opens_inline and request.GET.get("download") != "1"
        return protected_file_response(
            user=request.user,
            target=document.nomination,
            field_file=document.file,
            filename=document.original_name,
            content_type=document.content_type,
            inline=inline,
        )


class NominationTransitionView(NominationDetailView):
    """A workflow action. A reason left empty is reported next to its box on the page drawn again
    (a message at the top of the page was far from the box); other refusals come as messages."""

    http_method_names = ["post"]

    def post(self, request, pk):
        nomination = self.get_nomination()
        transition = services.NOMINATION_TRANSITIONS.get(request.POST.get("transition", ""))
        auto_id = f"id_{transition.name}_%s" if transition else "id_%s"
        form = TransitionForm(request.POST, auto_id=auto_id)
        if form.is_valid() and transition and transition.reason_required and not form.cleaned_data["reason"].strip():
            form.add_error("reason", _("Hãy ghi lý do cho thao tác “%(label)s”.") % {"label": transition.label})
            return self.render_to_response(self.get_context_data(failed_action=form))
        if not form.is_valid():
            for message in form.error_messages_list():
                messages.error(request, message)
            return redirect("awards:nomination_detail", pk=pk)
        data = form.cleaned_data
        values = {}
        if data["transition"] == "award":
            values = {
                "decision_number": (data["decision_number"] or "").strip(),
                "decision_date": data["decision_date"],
            }
        try:
            services.nomination_transition(
                user=request.user,
                nomination=nomination,
                name=data["transition"],
                reason=data["reason"],
                values=values,
                expected_state=data["expected_state"],
            )
        except WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Hồ sơ đã chuyển sang “%(state)s”.") % {"state": nomination.get_state_display()}
            )
        return redirect("awards:nomination_detail", pk=pk)


class NominationReceiptView(NominationMixin, View):
    """A reviewer records the receipt of a dossier that came on paper, by e-mail or through the
    document system; a refusal names the field and nothing is saved."""

    permission_required = "awards.record_receipt"

    def post(self, request, pk):
        nomination = self.get_nomination()
        form = ReceiptForm(request.POST)
        if not form.is_valid():
            # Every message names its field (ReceiptForm's and the service's own wording).
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return redirect("awards:nomination_detail", pk=pk)
        data = form.cleaned_data
        try:
            services.nomination_receipt_record(
                user=request.user,
                nomination=nomination,
                received_on=data["received_on"],
                receipt_number=data["receipt_number"],
                channel=data["receipt_channel"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Đã ghi nhận ngày nhận hồ sơ %(day)s, số đến %(number)s.")
                % {"day": data["received_on"].strftime("%d/%m/%Y"), "number": data["receipt_number"].strip()},
            )
        return redirect("awards:nomination_detail", pk=pk)
