"""The council pages: a campaign's meetings and pass rule, setting up a meeting, recording the
votes, the documents' renders, and recording the signed decision. Thin: forms in, services do."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from awards.enums import NominationState
from campaign_portal.files import protected_file_response
from campaign_portal.permissions import HiddenWithoutPermissionMixin
from campaigns.models import Campaign
from reports.enums import RenderStatus
from reports.views import RenderDownloadBaseView, render_json

from .certificates import certificates_pdf
from .enums import CouncilDocument
from .forms import CouncilMeetingForm, CouncilOutlineForm, CouncilRenderForm, CouncilRuleForm, DecisionForm, VotesForm
from .models import CouncilDocumentRender, CouncilMeeting
from .selectors import (
    campaigns_for_council,
    meeting_for,
    meeting_public_file,
    meeting_renders,
    meetings_of,
    render_for_download,
)
from .services import (
    Votes,
    council_decision_record,
    council_meeting_create,
    council_outline_ensure,
    council_outline_update,
    council_render_filename,
    council_render_request,
    council_rule_for,
    council_rule_set,
    council_votes_record,
    nominations_for_council,
)


def _messages_of(error: ValidationError) -> list[str]:
    return list(error.messages)


class CouncilIndexView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "council/index.html"
    permission_required = "council.view_meeting"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"campaigns": campaigns_for_council(user=self.request.user)}


class _CampaignMixin:
    def campaign(self) -> Campaign:
        if not hasattr(self, "_campaign"):
            self._campaign = get_object_or_404(
                Campaign.objects.select_related("plan_document"), code=self.kwargs["code"]
            )
        return self._campaign


class CampaignCouncilView(LoginRequiredMixin, PermissionRequiredMixin, _CampaignMixin, TemplateView):
    """A campaign's meetings; reviewers also set its pass rule here."""

    template_name = "council/campaign.html"
    permission_required = "council.view_meeting"

    def get_context_data(self, rule_form=None, **kwargs):
        campaign = self.campaign()
        can_change = self.request.user.has_perm("council.change_meeting")
        rule = council_rule_for(campaign=campaign) if can_change else getattr(campaign, "council_rule", None)
        return super().get_context_data(**kwargs) | {
            "campaign": campaign,
            "meetings": meetings_of(user=self.request.user, campaign=campaign),
            "rule": rule,
            "rule_form": (rule_form or CouncilRuleForm(instance=rule)) if can_change else None,
            "can_change": can_change,
            "documents": CouncilDocument,
        }

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("council.change_meeting"):
            raise Http404
        campaign = self.campaign()
        form = CouncilRuleForm(request.POST, instance=council_rule_for(campaign=campaign))
        if form.is_valid():
            council_rule_set(campaign=campaign, user=request.user, **form.cleaned_data)
            messages.success(request, _("Đã lưu quy tắc thông qua của Hội đồng."))
            return redirect("council:campaign", campaign.code)
        messages.error(request, _("Chưa lưu được quy tắc: hãy sửa các ô được đánh dấu."))
        return self.render_to_response(self.get_context_data(rule_form=form), status=400)


class OutlineEditView(HiddenWithoutPermissionMixin, _CampaignMixin, TemplateView):
    """The text of one council document for the campaign: its outline, as data."""

    template_name = "council/outline_form.html"
    permission_required = "council.change_meeting"

    def outline(self):
        if self.kwargs["document"] not in CouncilDocument.values:
            raise Http404
        return council_outline_ensure(campaign=self.campaign(), document=self.kwargs["document"])

    def get_context_data(self, form=None, **kwargs):
        outline = self.outline()
        return super().get_context_data(**kwargs) | {
            "campaign": self.campaign(),
            "outline": outline,
            "form": form or CouncilOutlineForm(instance=outline),
        }

    def post(self, request, *args, **kwargs):
        outline = self.outline()
        form = CouncilOutlineForm(request.POST, instance=outline)
        if form.is_valid():
            council_outline_update(
                outline=outline,
                user=request.user,
                subject=form.cleaned_data["subject"],
                text=form.cleaned_data["text"],
                recipients=form.cleaned_recipients(),
            )
            messages.success(request, _("Đã lưu nội dung văn bản."))
            return redirect("council:campaign", self.campaign().code)
        messages.error(request, _("Chưa lưu được: hãy sửa các ô được đánh dấu bên dưới."))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class MeetingCreateView(HiddenWithoutPermissionMixin, _CampaignMixin, TemplateView):
    template_name = "council/meeting_form.html"
    permission_required = "council.change_meeting"

    def get_context_data(self, form=None, **kwargs):
        campaign = self.campaign()
        return super().get_context_data(**kwargs) | {
            "campaign": campaign,
            "form": form or CouncilMeetingForm(initial={"held_on": timezone.localdate()}),
            "nominations": list(nominations_for_council(campaign=campaign)),
            "rule": council_rule_for(campaign=campaign),
        }

    def post(self, request, *args, **kwargs):
        form = CouncilMeetingForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            members = data.pop("members_text")
            try:
                meeting = council_meeting_create(campaign=self.campaign(), user=request.user, members=members, **data)
            except ValidationError as error:
                for message in _messages_of(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Đã tạo cuộc họp Hội đồng; hãy ghi kết quả biểu quyết."))
                return redirect("council:votes", meeting.pk)
        messages.error(request, _("Chưa tạo được cuộc họp: hãy sửa các ô được đánh dấu."))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class _MeetingMixin:
    def meeting(self) -> CouncilMeeting:
        if not hasattr(self, "_meeting"):
            try:
                self._meeting = meeting_for(user=self.request.user, pk=self.kwargs["pk"])
            except CouncilMeeting.DoesNotExist as error:
                raise Http404 from error
        return self._meeting


class MeetingDetailView(LoginRequiredMixin, PermissionRequiredMixin, _MeetingMixin, TemplateView):
    """The meeting: who attended, each nomination with its votes and the conclusion, the
    documents (renders) and the signed decision."""

    template_name = "council/meeting.html"
    permission_required = "council.view_meeting"

    def get_context_data(self, decision_form=None, **kwargs):
        meeting = self.meeting()
        can_change = self.request.user.has_perm("council.change_meeting")
        items = list(meeting.items.all())
        return super().get_context_data(**kwargs) | {
            "meeting": meeting,
            "campaign": meeting.campaign,
            "members": list(meeting.members.all()),
            "items": items,
            "passed_count": sum(1 for item in items if item.passed),
            "can_change": can_change,
            "render_form": CouncilRenderForm(),
            "decision_form": decision_form or DecisionForm(),
            "renders": meeting_renders(meeting=meeting),
            "status_url": reverse("council:render_status", args=[meeting.pk]),
            "statuses": RenderStatus,
            "states": NominationState,
            "public": meeting_public_file(meeting=meeting)
            if self.request.user.has_perm("awards.view_public_comments")
            else None,
        }


class VotesView(HiddenWithoutPermissionMixin, _MeetingMixin, TemplateView):
    """One form for the votes on every nomination of the meeting."""

    template_name = "council/votes.html"
    permission_required = "council.change_meeting"

    def get_context_data(self, form=None, **kwargs):
        meeting = self.meeting()
        return super().get_context_data(**kwargs) | {
            "meeting": meeting,
            "campaign": meeting.campaign,
            "present": len(meeting.members.all()),
            "form": form or VotesForm(items=meeting.items.all()),
        }

    def post(self, request, *args, **kwargs):
        meeting = self.meeting()
        form = VotesForm(request.POST, items=meeting.items.all())
        if form.is_valid():
            votes = {pk: Votes(*counts) for pk, counts in form.votes().items()}
            try:
                council_votes_record(meeting=meeting, user=request.user, votes=votes)
            except ValidationError as error:
                for message in _messages_of(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Đã ghi kết quả biểu quyết và kết luận của Hội đồng."))
                return redirect("council:meeting", meeting.pk)
        messages.error(request, _("Chưa ghi được kết quả biểu quyết; không phiếu nào được lưu."))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RenderRequestView(HiddenWithoutPermissionMixin, _MeetingMixin, View):
    permission_required = "council.change_meeting"

    def post(self, request, pk: int):
        meeting = self.meeting()
        form = CouncilRenderForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Hãy chọn ít nhất một văn bản và một định dạng."))
            return redirect("council:meeting", meeting.pk)
        try:
            council_render_request(
                meeting=meeting,
                user=request.user,
                documents=form.cleaned_data["documents"],
                formats=form.cleaned_data["formats"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(_messages_of(error)))
        else:
            messages.success(request, _("Đã gửi yêu cầu tạo văn bản; trang sẽ cập nhật khi tệp sẵn sàng."))
        return redirect(reverse("council:meeting", args=[meeting.pk]) + "#ban-in")


def council_render_json(render: CouncilDocumentRender) -> dict:
    return render_json(
        render,
        label=f"{render.get_document_display()} ({render.get_format_display()})",
        download_url=reverse("council:download", args=[render.pk]),
    )


class RenderStatusView(LoginRequiredMixin, PermissionRequiredMixin, _MeetingMixin, View):
    permission_required = "council.view_meeting"

    def get(self, request, pk: int):
        renders = meeting_renders(meeting=self.meeting(), limit=50)
        pending = any(r.status in (RenderStatus.QUEUED, RenderStatus.RUNNING) for r in renders)
        return JsonResponse({"pending": pending, "renders": [council_render_json(r) for r in renders]})


class RenderDownloadView(RenderDownloadBaseView):
    permission_required = "council.download_render"
    model = CouncilDocumentRender

    def render_for_download(self, *, user, pk: int):
        return render_for_download(user=user, pk=pk)

    def filename(self, render) -> str:
        return council_render_filename(render)


class DecisionView(HiddenWithoutPermissionMixin, _MeetingMixin, View):
    """Record the signed decision: its number and date go on every nomination of the list."""

    permission_required = "council.change_meeting"

    def post(self, request, pk: int):
        meeting = self.meeting()
        form = DecisionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                council_decision_record(
                    meeting=meeting,
                    user=request.user,
                    number=form.cleaned_data["number"],
                    day=form.cleaned_data["day"],
                    upload=form.cleaned_data["signed_file"],
                )
            except ValidationError as error:
                for message in _messages_of(error):
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("Đã ghi quyết định số %(number)s cho các hồ sơ trong danh sách.")
                    % {"number": form.cleaned_data["number"]},
                )
                return redirect("council:meeting", meeting.pk)
        messages.error(request, _("Chưa ghi được quyết định; không hồ sơ nào thay đổi."))
        view = MeetingDetailView(request=request, kwargs=self.kwargs)
        view._meeting = meeting
        return view.render_to_response(view.get_context_data(decision_form=form), status=400)


class DecisionDownloadView(LoginRequiredMixin, PermissionRequiredMixin, _MeetingMixin, View):
    permission_required = "council.download_render"

    def get(self, request, pk: int):
        meeting = self.meeting()
        if not meeting.decision_file:
            raise Http404
        return protected_file_response(
            user=request.user,
            target=meeting,
            field_file=meeting.decision_file,
            filename=meeting.decision_original_name or "quyet-dinh.pdf",
            content_type="application/pdf",
        )


class CertificatesView(LoginRequiredMixin, PermissionRequiredMixin, _MeetingMixin, View):
    """The certificates of the awards the signed decision gave, to print: none before it is recorded."""

    permission_required = "council.download_render"

    def get(self, request, pk: int):
        meeting = self.meeting()
        if not meeting.decision_number:
            raise Http404
        response = HttpResponse(certificates_pdf(meeting=meeting), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="bang-khen-cuoc-hop-{meeting.pk}.pdf"'
        return response
