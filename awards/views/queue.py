"""The list of nominations (the review queue for Home Affairs, an agency's own list for its
officer) and what is done from it: bulk approval, campaign-wide checks, the Excel export."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from agencies.enums import AgencyLevel
from agencies.selectors import agencies_readable_by
from campaign_portal.pagination import IdsFirstPaginator, row_url
from campaign_portal.spreadsheets import XLSX_CONTENT_TYPE
from campaign_portal.templatetags.portal import badge

from .. import selectors, services
from ..enums import NominationState, NomineeType, Outcome, Verdict
from ..exports import nominations_workbook
from ..filters import NominationFilter
from ..models import CheckBatch, nominee_label
from ..quotas import QUOTA_LOOKUPS, quota_subject_of_row, subjects_quota_facts
from .base import campaign_for, campaign_url


def _query_without_page(params) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()


APPROVABLE_STATES = (NominationState.SUBMITTED, NominationState.UNDER_REVIEW)

# What a page of the queue shows of its rows, read as plain values (`IdsFirstPaginator(columns=...)`),
# and what their quotas are worked out from (`QUOTA_LOOKUPS`): not a model for each row, its agency,
# the agency's parent, its collective nominee and its form.
QUEUE_COLUMNS = tuple(
    dict.fromkeys(
        (
            "agency__name",
            "agency__level",
            "agency__parent__name",
            "filed_for_id",
            "nominee_type",
            "nominee_agency__name",
            "nominee_name",
            "nominee_position",
            "nominee_unit",
            "award_form__name",
            "state",
            "received_on",
            "verdict",
            "is_late",
            "missing_component",
            *QUOTA_LOOKUPS.values(),
        )
    )
)


def _labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


NOT_MET_TEXT = ("%(n)s tiêu chí không đạt", "%(n)s tiêu chí không đạt")
CANNOT_TELL_TEXT = ("%(n)s tiêu chí thiếu dữ liệu", "%(n)s tiêu chí thiếu dữ liệu")


# An explanation under a row is cut to this many characters (the whole one is on the dossier's page).
EXPLANATION_CHARS = 110


def _shortened(explanation: str) -> str:
    """`Truncator.chars`, called only for a text it would cut: it normalises and walks every text it is
    given, and most explanations are shorter than the cut."""
    return explanation if len(explanation) <= EXPLANATION_CHARS else Truncator(explanation).chars(EXPLANATION_CHARS)


def _count_text(text: tuple[str, str], n: int) -> str:
    return ngettext(*text, n) % {"n": n} if n else ""


def _queue_rows(nominations) -> list[dict]:
    """What each row of the queue shows, worked out once a page: labels and badges are drawn once
    per state and verdict and texts translated once, not once per row, the unmet and undecided
    criteria are counted from `nomination_problems` instead of two subqueries a row, and the cells
    read plain values, not a lookup through the nomination and its relations each (fifty rows of
    seven cells)."""
    nominee_types = _labels(NomineeType.choices)
    state_badges = {state.value: badge(state) for state in NominationState}
    verdict_badges = {verdict.value: badge(verdict) for verdict in Verdict}
    select_text = _("Chọn %(n)s")
    nominations = list(nominations)
    detail_url = row_url("awards:nomination_detail")
    quotas = subjects_quota_facts([quota_subject_of_row(row) for row in nominations])
    problems = selectors.nomination_problems(nomination_ids=[row["pk"] for row in nominations])
    filed_for = selectors.agency_names(agency_ids={row["filed_for_id"] for row in nominations if row["filed_for_id"]})
    rows = []
    for row in nominations:
        pk, state, verdict, received_on = row["pk"], row["state"], row["verdict"], row["received_on"]
        parent_name = row["agency__parent__name"]
        label = nominee_label(
            row["nominee_type"],
            row["nominee_agency__name"],
            row["nominee_name"],
            row["nominee_position"],
            row["nominee_unit"],
        )
        its_problems = problems.get(pk, [])
        outcomes = [problem.outcome for problem in its_problems]
        rows.append(
            {
                "pk": pk,
                "url": detail_url(pk),
                "nominee_label": label,
                "nominee_type": nominee_types.get(row["nominee_type"], row["nominee_type"]),
                "agency_name": row["agency__name"],
                "filed_for_name": filed_for.get(row["filed_for_id"], ""),
                "agency_parent": parent_name if parent_name and row["agency__level"] == AgencyLevel.COMMUNE else "",
                "award_form_name": row["award_form__name"],
                "received": received_on.strftime("%d/%m/%Y") if received_on else "",
                "is_late": row["is_late"],
                "missing_component": row["missing_component"],
                "state_badge": state_badges[state],
                "verdict_badge": verdict_badges[verdict],
                "approvable": verdict == Verdict.ELIGIBLE and state in APPROVABLE_STATES,
                "select_label": select_text % {"n": label},
                "not_met": _count_text(NOT_MET_TEXT, outcomes.count(Outcome.NOT_MET)),
                "cannot_tell": _count_text(CANNOT_TELL_TEXT, outcomes.count(Outcome.CANNOT_TELL)),
                "problems": [_shortened(problem.explanation) for problem in its_problems[:2]],
                "quota": quotas.get(pk),
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
        campaign = campaign_for(self.request)
        queue = selectors.nomination_queue(user=user, campaign=campaign)
        nomination_filter = NominationFilter(
            self.request.GET or None,
            queryset=queue,
            campaign=campaign,
            agencies=selectors.nominating_agencies(user=user, campaign=campaign),
            staff=user.is_reviewer or user.is_official,
        )
        paginator = IdsFirstPaginator(nomination_filter.qs, self.page_size, columns=QUEUE_COLUMNS)
        page = paginator.get_page(self.request.GET.get("page"))
        batch = None
        if user.has_perm("awards.check_nominations"):
            batch = CheckBatch.objects.filter(campaign=campaign).first()
        context.update(
            campaign=campaign,
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


class BulkApproveView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """Approval of many dossiers at once, which cannot be undone in one step: the first post shows
    the list of what will be approved (and what will be left as it is) and asks to confirm; only the
    post from that page, with ``confirm``, approves."""

    permission_required = "awards.review_nomination"

    def post(self, request):
        ids = [
            int(value)
            for value in request.POST.getlist("nomination")
            if value.isascii() and value.isdigit() and len(value) < 19
        ]
        next_url = f"{reverse('awards:nomination_list')}?{request.POST.get('next_query', '')}"
        if not ids:
            messages.warning(request, _("Hãy chọn hồ sơ cần duyệt."))
            return redirect(next_url)
        if request.POST.get("confirm") != "1":
            chosen = list(
                selectors.nominations_visible_to(user=request.user)
                .filter(pk__in=ids)
                .select_related("agency", "award_form", "nominee_agency")
                .order_by("agency__name", "pk")
            )
            if not chosen:
                messages.warning(request, _("Không tìm thấy hồ sơ nào trong số đã chọn. Hãy chọn lại."))
                return redirect(next_url)
            return render(
                request,
                "awards/bulk_approve_confirm.html",
                {
                    "to_approve": [n for n in chosen if n.verdict == Verdict.ELIGIBLE],
                    "left_out": [n for n in chosen if n.verdict != Verdict.ELIGIBLE],
                    "next_query": request.POST.get("next_query", ""),
                    "back_url": next_url,
                },
            )
        approved, refused = services.nominations_bulk_approve(user=request.user, nomination_ids=ids)
        if approved:
            messages.success(request, _("Đã duyệt %(n)d hồ sơ đủ điều kiện.") % {"n": len(approved)})
        for message in refused:
            messages.warning(request, message)
        return redirect(next_url)


class CheckBatchStartView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "awards.check_nominations"

    def post(self, request):
        campaign = campaign_for(request)
        batch = services.check_batch_start(user=request.user, campaign=campaign)
        messages.info(request, _("Đã đưa %(n)d hồ sơ vào hàng đợi kiểm tra.") % {"n": batch.total})
        return redirect(campaign_url("awards:nomination_list", campaign))


class CheckBatchStatusView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "awards.check_nominations"

    def get(self, request, pk):
        batch = get_object_or_404(CheckBatch, pk=pk)
        return JsonResponse(selectors.check_batch_progress(batch=batch))


class NominationExportView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "awards.export_nominations"

    def get(self, request):
        campaign = campaign_for(request)
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
