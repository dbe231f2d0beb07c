"""The agency directory: the hierarchy as it stood on a chosen day, with what each agency came from
and what became of it."""

import datetime

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from .enums import AgencyKind, AgencyLevel
from .filters import AREA_LABELS, AgencyFilter, AsOfForm
from .models import Agency
from .selectors import (
    COMMITTEE_KINDS,
    agencies_as_of,
    agency_picker_matches,
    district_picker_matches,
    level_above_commune_as_of,
    levels_as_of,
    successions_for,
)


class AgencyDirectoryView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """Reviewers' directory as of a day (today unless one is picked): the tree by level (province →
    the level above the communes → commune), with search and filters; with a filter the matches are
    listed flat with their parents. Every agency shows its predecessors and successors with dates."""

    template_name = "agencies/directory.html"
    permission_required = "agencies.view_directory"
    page_size = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        as_of = AsOfForm(self.request.GET or None)
        day = as_of.cleaned_data["on"] if as_of.is_bound and as_of.is_valid() and as_of.cleaned_data["on"] else today
        base = agencies_as_of(day).select_related("parent").order_by("level", "kind", "name")
        agency_filter = AgencyFilter(self.request.GET or None, queryset=base, day=day)
        filtered = agency_filter.is_bound and agency_filter.is_valid() and any(agency_filter.form.cleaned_data.values())
        if filtered:
            page = Paginator(agency_filter.qs, self.page_size).get_page(self.request.GET.get("page"))
            _attach_successions(page.object_list)
            context["page_obj"] = page
            context["query_string"] = _query_without_page(self.request.GET)
        else:
            tree = _tree(list(base), above=level_above_commune_as_of(day))
            _attach_successions([node["agency"] for group in tree for node in group["agencies"]])
            _attach_successions([child for group in tree for node in group["agencies"] for child in node["children"]])
            context["tree"] = tree
        context.update(
            filter=agency_filter,
            as_of=as_of,
            filtered=filtered,
            day=day,
            today=today,
            levels=[AgencyLevel(level).label for level in levels_as_of(day)],
        )
        return context


def _attach_successions(agencies) -> None:
    """Each agency gets `came_from` and `became` (its direct changes, with dates), from two queries."""
    agencies = list(agencies)
    links = successions_for(agencies)
    for agency in agencies:
        agency.came_from = links[agency.pk]["before"]
        agency.became = links[agency.pk]["after"]


class AgencySearchView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """The agency picker's source (static/js/agency-picker.js): `q` the typed text, `on` an
    optional ISO date (the hierarchy as it stood that day); answers a few agencies as JSON."""

    permission_required = "agencies.search_agencies"

    def get(self, request):
        day = None
        if request.GET.get("on"):
            try:
                day = datetime.date.fromisoformat(request.GET["on"])
            except ValueError:
                message = gettext("Ngày “%(field)s” không hợp lệ: hãy dùng dạng YYYY-MM-DD.") % {"field": "on"}
                return JsonResponse({"error": message}, status=400)
        return JsonResponse(agency_picker_matches(user=request.user, text=request.GET.get("q", "")[:200], day=day))


class DistrictSearchView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """The district picker's source (the same static/js/agency-picker.js): `q` the typed text;
    answers a few of the districts the lists filter by, as JSON in the agency picker's shape."""

    permission_required = "agencies.search_agencies"

    def get(self, request):
        return JsonResponse(district_picker_matches(text=request.GET.get("q", "")[:200]))


def _query_without_page(params) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()


def _tree(rows: list[Agency], *, above: str) -> list[dict]:
    """Groups of top agencies, each with the units under it, from one query: the province and its
    departments (with their sub-units), the central agencies, and the level above the communes as it
    stood (districts until 30/06/2025, the province after) with its communes."""
    rows = sorted(rows, key=lambda agency: agency.search_text)
    children: dict[int, list[Agency]] = {}
    for agency in rows:
        if agency.parent_id is None:
            continue
        under_province = agency.parent.kind == AgencyKind.PROVINCE_COMMITTEE
        if not under_province or (above == AgencyLevel.PROVINCE and agency.kind == AgencyKind.COMMUNE_COMMITTEE):
            children.setdefault(agency.parent_id, []).append(agency)
    top = [
        (_("UBND tỉnh, sở, ban, ngành"), lambda a: a.kind in (AgencyKind.PROVINCE_COMMITTEE, AgencyKind.DEPARTMENT)),
        (_("Cơ quan Trung ương đóng trên địa bàn"), lambda a: a.kind == AgencyKind.CENTRAL_AGENCY),
    ]
    groups = [
        {
            "title": title,
            "agencies": [
                {
                    "agency": agency,
                    "children": [] if agency.kind == AgencyKind.PROVINCE_COMMITTEE else children.get(agency.pk, []),
                }
                for agency in sorted(rows, key=lambda a: (a.kind != AgencyKind.PROVINCE_COMMITTEE, a.search_text))
                if belongs(agency)
            ],
        }
        for title, belongs in top
    ]
    groups.append(
        {
            "title": _("%(above)s và cấp xã") % {"above": AREA_LABELS[above]},
            "agencies": [
                {"agency": agency, "children": children.get(agency.pk, [])}
                for agency in rows
                if agency.level == above and agency.kind in COMMITTEE_KINDS
            ],
        }
    )
    return groups
