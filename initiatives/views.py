from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from agencies.enums import AgencyLevel
from campaign_portal.files import protected_file_response
from campaign_portal.pagination import IdsFirstPaginator, row_url
from campaign_portal.spreadsheets import XLSX_CONTENT_TYPE, workbook_write
from campaign_portal.templatetags.portal import badge
from campaign_portal.workflow import WorkflowError, transitions_available

from . import excel
from .enums import InitiativeKind, InitiativeState, SimilarityDecision
from .filters import InitiativeFilter
from .forms import EvidenceForm, ImportForm, InitiativeForm, ReplicationForm, TransitionForm
from .models import Initiative, InitiativeEvidence
from .selectors import (
    INITIATIVE_LIST_COLUMNS,
    implementing_unit_names,
    initiative_detail,
    initiative_export_list,
    initiative_list,
    replication_list,
    similar_initiatives_for,
)
from .services import (
    initiative_create,
    initiative_draft_delete,
    initiative_evidence_add,
    initiative_evidence_delete,
    initiative_replication_set,
    initiative_standout_set,
    initiative_transition,
    initiative_update,
    similar_initiative_decide,
)
from .workflow import INITIATIVE_TRANSITIONS

PAGE_SIZE = 25
# The list counts its rows up to this many; past it, it says "more than" and asks for a filter.
COUNT_LIMIT = 10_000


def _query_without_page(params) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()


SORTABLE = ("title", "agency", "replication", "state")


def _sort_links(params) -> dict:
    """Column-header links that sort by the column, and reverse it on a second click."""
    current = params.get("sort", "")
    links = {}
    for key in SORTABLE:
        query = params.copy()
        query.pop("page", None)
        query["sort"] = f"-{key}" if current == key else key
        active = current.lstrip("-") == key
        links[key] = {
            "url": f"?{query.urlencode()}",
            "active": active,
            "aria": ("descending" if current.startswith("-") else "ascending") if active else "none",
        }
    return links


class ListPermissionMixin(LoginRequiredMixin, PermissionRequiredMixin):
    permission_required = "initiatives.list_initiatives"


def _filtered(request, rows=initiative_list):
    return InitiativeFilter(
        request.GET or None,
        queryset=rows(user=request.user).order_by("agency__name", "title"),
        user=request.user,
    )


def _list_rows(initiatives) -> list[dict]:
    """What each row of the list shows, worked out once a page: labels and badges are drawn once
    per kind and state, not once per row, and the cells read plain values, not a lookup through
    the initiative and its relations each."""
    kinds = {value: str(label) for value, label in InitiativeKind.choices}
    state_badges = {state.value: badge(state) for state in InitiativeState}
    assessments = {True: _("Hiệu quả"), False: _("Chưa hiệu quả"), None: ""}
    unit_names = implementing_unit_names(initiative_ids=[item["pk"] for item in initiatives])
    detail_url = row_url("initiatives:detail")
    rows = []
    for item in initiatives:
        started_on = item["started_on"]
        parent_name = item["agency__parent__name"]
        rows.append(
            {
                "url": detail_url(item["pk"]),
                "title": item["title"],
                "started_on": started_on.strftime("%d/%m/%Y") if started_on else "",
                "agency_name": item["agency__name"],
                "agency_parent": parent_name if parent_name and item["agency__level"] == AgencyLevel.COMMUNE else "",
                "category": item["category__name"] or "",
                "replication_count": item["replication_count"],
                "kind": kinds.get(item["kind"], item["kind"]),
                "units": ", ".join(unit_names.get(item["pk"], [])) or "—",
                "state_badge": state_badges[item["state"]],
                "assessment": assessments[item["assessment_effective"]],
            }
        )
    return rows


class InitiativeListView(ListPermissionMixin, TemplateView):
    template_name = "initiatives/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initiative_filter = _filtered(self.request)
        context["filter"] = initiative_filter
        paginator = IdsFirstPaginator(
            initiative_filter.qs, PAGE_SIZE, columns=INITIATIVE_LIST_COLUMNS, count_limit=COUNT_LIMIT
        )
        context["page_obj"] = paginator.get_page(self.request.GET.get("page"))
        context["rows"] = _list_rows(context["page_obj"])
        context["query_string"] = _query_without_page(self.request.GET)
        # The empty list blames the filter only when one is set (sorting and paging are not filters).
        context["filter_is_set"] = any(value for key, value in self.request.GET.items() if key not in ("sort", "page"))
        context["export_query"] = context["query_string"]
        context["sort_links"] = _sort_links(self.request.GET)
        context["can_add"] = self.request.user.has_perm("initiatives.add_initiative")
        context["can_import"] = self.request.user.has_perm("initiatives.import_initiatives")
        return context


class InitiativeExportView(ListPermissionMixin, View):
    def get(self, request):
        initiative_filter = _filtered(request, rows=initiative_export_list)
        content = workbook_write(
            title=_("Danh sách mô hình, sáng kiến, giải pháp"),
            columns=excel.export_columns(),
            rows=excel.export_rows(initiative_filter.qs),
            heading_lines=[
                _("DANH SÁCH MÔ HÌNH, SÁNG KIẾN, GIẢI PHÁP"),
                _("Trích xuất ngày %(day)s") % {"day": timezone.localdate().strftime("%d/%m/%Y")},
            ],
        )
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = 'attachment; filename="mo-hinh-sang-kien.xlsx"'
        return response


class ReplicationView(ListPermissionMixin, TemplateView):
    template_name = "initiatives/replication.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initiative_filter = InitiativeFilter(
            self.request.GET or None, queryset=replication_list(user=self.request.user), user=self.request.user
        )
        context["filter"] = initiative_filter
        paginator = IdsFirstPaginator(initiative_filter.qs, PAGE_SIZE, count_limit=COUNT_LIMIT)
        context["page_obj"] = paginator.get_page(self.request.GET.get("page"))
        context["query_string"] = _query_without_page(self.request.GET)
        return context


def _get_visible(request, pk) -> Initiative:
    try:
        initiative = initiative_detail(user=request.user, pk=pk)
    except Initiative.DoesNotExist as error:
        raise Http404 from error
    if not request.user.has_perm("initiatives.view_initiative", initiative):
        raise Http404
    return initiative


class InitiativeDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        initiative = _get_visible(request, pk)
        return render(request, "initiatives/detail.html", self._context(request, initiative))

    @staticmethod
    def _context(request, initiative, **extra):
        transitions = transitions_available(transitions=INITIATIVE_TRANSITIONS, obj=initiative, user=request.user)
        return {
            "initiative": initiative,
            "transitions": [
                {
                    "transition": t,
                    "form": extra.get("transition_forms", {}).get(t.name)
                    or TransitionForm(
                        initial={"transition": t.name, "expected_state": initiative.state}, auto_id=f"id_{t.name}_%s"
                    ),
                }
                for t in transitions
            ],
            "has_evidence": initiative.evidence.exists(),
            "can_edit": request.user.has_perm("initiatives.change_initiative", initiative),
            "can_add_evidence": request.user.has_perm("initiatives.add_evidence", initiative),
            "can_delete_evidence": request.user.has_perm("initiatives.delete_evidence", initiative),
            "can_set_replication": request.user.is_agency_officer and request.user.agency_id == initiative.agency_id,
            "evidence_form": extra.get("evidence_form") or EvidenceForm(),
            "replication_form": ReplicationForm(
                agency=initiative.agency, initial={"replicated_to": list(initiative.replicated_to.all())}
            ),
            "can_decide_similarity": request.user.has_perm("initiatives.decide_similarity", initiative),
            "can_mark_standout": request.user.has_perm("initiatives.mark_standout", initiative),
            # Each match names the other initiative, whichever side of the pair this page is.
            "similar_rows": [
                {
                    "match": match,
                    "other": match.similar_to if match.initiative_id == initiative.pk else match.initiative,
                    "earlier": match.initiative_id == initiative.pk,
                    "decided_same": match.decision == SimilarityDecision.SAME,
                    "decided_different": match.decision == SimilarityDecision.DIFFERENT,
                }
                for match in similar_initiatives_for(user=request.user, initiative=initiative)
            ],
        }


class InitiativeCreateView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "initiatives.add_initiative"

    def get(self, request):
        return self._render(request, InitiativeForm(agency=request.user.agency))

    def post(self, request):
        form = InitiativeForm(request.POST, agency=request.user.agency)
        if not form.is_valid():
            return self._render(request, form)
        initiative = initiative_create(
            user=request.user,
            agency=request.user.agency,
            implementing_units=form.cleaned_data.get("implementing_units") or [],
            replicated_to=form.cleaned_data.get("replicated_to") or [],
            **form.content_values(),
        )
        messages.success(request, _("Đã lưu bản nháp. Thêm minh chứng rồi bấm “Gửi đăng ký” khi đã đủ."))
        return redirect("initiatives:detail", pk=initiative.pk)

    def _render(self, request, form, initiative=None):
        return render(request, "initiatives/form.html", {"form": form, "initiative": initiative})


class InitiativeUpdateView(InitiativeCreateView):
    permission_required = "initiatives.change_initiative"

    def get_permission_object(self):
        return get_object_or_404(Initiative.objects.select_related("agency"), pk=self.kwargs["pk"])

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            initiative = self.get_permission_object()
            if self.request.user.has_perm("initiatives.view_initiative", initiative):
                messages.error(self.request, _("Chỉ cơ quan sở hữu được sửa khi mô hình, sáng kiến còn là bản nháp."))
                return redirect("initiatives:detail", pk=initiative.pk)
            raise Http404
        return super().handle_no_permission()

    def get(self, request, pk):
        initiative = self.get_permission_object()
        return self._render(request, InitiativeForm(instance=initiative, agency=initiative.agency), initiative)

    def post(self, request, pk):
        initiative = self.get_permission_object()
        form = InitiativeForm(request.POST, instance=initiative, agency=initiative.agency)
        if not form.is_valid():
            return self._render(request, form, initiative)
        try:
            initiative_update(
                initiative=initiative,
                user=request.user,
                implementing_units=form.cleaned_data.get("implementing_units"),
                replicated_to=form.cleaned_data.get("replicated_to") or [],
                **form.content_values(),
            )
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect("initiatives:detail", pk=initiative.pk)
        messages.success(request, _("Đã lưu thay đổi."))
        return redirect("initiatives:detail", pk=initiative.pk)


class InitiativeDeleteView(LoginRequiredMixin, View):
    """A draft deleted by its agency after a page that says what goes with it (its evidence)."""

    def _deletable(self, request, pk) -> Initiative:
        initiative = _get_visible(request, pk)
        if not request.user.has_perm("initiatives.delete_initiative", initiative):
            raise PermissionDenied(_("Chỉ xóa được bản nháp của cơ quan mình, khi chưa gửi đăng ký."))
        return initiative

    def get(self, request, pk):
        initiative = self._deletable(request, pk)
        return render(request, "initiatives/confirm_delete.html", {"initiative": initiative})

    def post(self, request, pk):
        initiative = self._deletable(request, pk)
        title = initiative.title
        initiative_draft_delete(initiative=initiative, user=request.user)
        messages.success(request, _("Đã xóa bản nháp “%(title)s”.") % {"title": title})
        return redirect("initiatives:list")


class InitiativeTransitionView(LoginRequiredMixin, View):
    def post(self, request, pk):
        initiative = _get_visible(request, pk)
        form = TransitionForm(request.POST)
        if not form.is_valid():
            for message in form.error_messages_list():
                messages.error(request, message)
            return redirect("initiatives:detail", pk=pk)
        name = form.cleaned_data["transition"]
        if name == "register" and not form.cleaned_data["confirm_no_evidence"] and not initiative.evidence.exists():
            form.add_error(
                "confirm_no_evidence",
                _("Sáng kiến chưa có minh chứng. Hãy tải minh chứng lên, hoặc đánh dấu ô này để vẫn gửi đăng ký."),
            )
            context = InitiativeDetailView._context(request, initiative, transition_forms={name: form})
            return render(request, "initiatives/detail.html", context)
        try:
            initiative_transition(
                initiative=initiative,
                name=name,
                user=request.user,
                reason=form.cleaned_data["reason"],
                expected_state=form.cleaned_data["expected_state"],
                assessment_effective=form.effective,
                assessment_comment=form.cleaned_data["assessment_comment"],
            )
        except WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Đã chuyển sang trạng thái “%(state)s”.") % {"state": initiative.get_state_display()}
            )
        return redirect("initiatives:detail", pk=pk)


class EvidenceUploadView(LoginRequiredMixin, View):
    def post(self, request, pk):
        initiative = _get_visible(request, pk)
        if not request.user.has_perm("initiatives.add_evidence", initiative):
            raise PermissionDenied
        form = EvidenceForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                initiative_evidence_add(
                    initiative=initiative,
                    user=request.user,
                    upload=form.cleaned_data["file"],
                    description=form.cleaned_data["description"],
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(request, _("Đã tải lên tệp minh chứng."))
                return redirect("initiatives:detail", pk=pk)
        messages.error(request, _("Chưa tải lên được tệp minh chứng: xem lỗi ở mục Minh chứng."))
        context = InitiativeDetailView._context(request, initiative, evidence_form=form)
        return render(request, "initiatives/detail.html", context, status=400)


class EvidenceDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk, evidence_pk):
        evidence = get_object_or_404(
            InitiativeEvidence.objects.select_related("initiative__agency"), pk=evidence_pk, initiative_id=pk
        )
        if not request.user.has_perm("initiatives.view_initiative", evidence.initiative):
            raise Http404
        return protected_file_response(
            user=request.user,
            target=evidence.initiative,
            field_file=evidence.file,
            filename=evidence.file.name.rsplit("/", 1)[-1].split("-", 1)[-1],
            content_type=evidence.content_type,
            inline=evidence.kind in ("pdf", "png", "jpeg"),
        )


class EvidenceDeleteView(LoginRequiredMixin, View):
    def post(self, request, pk, evidence_pk):
        evidence = get_object_or_404(
            InitiativeEvidence.objects.select_related("initiative__agency"), pk=evidence_pk, initiative_id=pk
        )
        if not request.user.has_perm("initiatives.view_initiative", evidence.initiative):
            raise Http404
        try:
            initiative_evidence_delete(evidence=evidence, user=request.user)
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã xóa tệp minh chứng."))
        return redirect("initiatives:detail", pk=pk)


class ReplicationUpdateView(LoginRequiredMixin, View):
    def post(self, request, pk):
        initiative = _get_visible(request, pk)
        form = ReplicationForm(request.POST, agency=initiative.agency)
        if form.is_valid():
            try:
                initiative_replication_set(
                    initiative=initiative, user=request.user, replicated_to=form.cleaned_data["replicated_to"]
                )
            except PermissionDenied as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Đã cập nhật nơi nhân rộng."))
        else:
            messages.error(request, _("Danh sách nơi nhân rộng không hợp lệ."))
        return redirect("initiatives:detail", pk=pk)


class SimilarDecideView(LoginRequiredMixin, View):
    """A reviewer's "the same as" / "different" on one match; hidden (404) from everyone else."""

    def post(self, request, pk, match_pk):
        initiative = _get_visible(request, pk)
        match = similar_initiatives_for(user=request.user, initiative=initiative).filter(pk=match_pk).first()
        if match is None:
            raise Http404
        try:
            similar_initiative_decide(match=match, user=request.user, decision=request.POST.get("decision", ""))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã ghi kết luận về mô hình, sáng kiến tương tự."))
        return redirect("initiatives:detail", pk=pk)


class StandoutView(LoginRequiredMixin, View):
    """A reviewer marks the initiative as standing out (tiêu biểu) for the summary report, or
    takes the mark back; 404 to whoever may not see it, 403 to whoever sees it but may not mark."""

    def post(self, request, pk):
        initiative = _get_visible(request, pk)
        standout = request.POST.get("standout") == "1"
        initiative_standout_set(initiative=initiative, user=request.user, standout=standout)
        if standout:
            messages.success(request, _("Đã chọn là mô hình, sáng kiến tiêu biểu của cơ quan trong báo cáo tổng kết."))
        else:
            messages.success(request, _("Đã bỏ chọn tiêu biểu."))
        return redirect("initiatives:detail", pk=pk)


class ImportTemplateView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "initiatives.import_initiatives"

    def get(self, request):
        response = HttpResponse(excel.import_template(user=request.user), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = 'attachment; filename="mau-nhap-mo-hinh-sang-kien.xlsx"'
        return response


class ImportView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "initiatives.import_initiatives"

    def get(self, request):
        return render(request, "initiatives/import.html", {"form": ImportForm()})

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        errors = []
        if form.is_valid():
            result = excel.initiatives_import(
                user=request.user, campaign=form.cleaned_data["campaign"], upload=form.cleaned_data["file"]
            )
            if not result.errors:
                messages.success(
                    request,
                    _("Đã nhập %(n)d mô hình, sáng kiến ở trạng thái bản nháp.") % {"n": len(result.created)},
                )
                return redirect("initiatives:list")
            errors = result.errors
        return render(request, "initiatives/import.html", {"form": form, "errors": errors}, status=400)
