"""What each role sees first: its dashboard or its to-do list.

Panels that other apps draw on the dashboard (the report's latest files) are rows of
`HOME_PANELS`: the home app sits above them all, so it names them and none of them imports it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from accounts.enums import Role
from campaigns.models import Campaign
from reports.selectors import latest_report_files

from .dashboard import campaign_dashboard, officer_todo


@dataclass(frozen=True)
class HomePanel:
    template: str
    roles: tuple[str, ...]
    context: Callable[..., dict]


HOME_PANELS = [
    HomePanel(
        template="reports/home_panel.html",
        roles=(Role.REVIEWER, Role.OFFICIAL),
        context=latest_report_files,
    ),
]


def panels_for(user, campaign) -> list[dict]:
    return [
        {"template": panel.template, **panel.context(user=user, campaign=campaign)}
        for panel in HOME_PANELS
        if user.role in panel.roles
    ]


def _chosen_campaign(campaigns: list[Campaign], code: str | None) -> Campaign | None:
    """The campaign asked for, else the one whose deadline is the latest (the list's first)."""
    return next((c for c in campaigns if c.code == code), campaigns[0] if campaigns else None)


def home_for(user, *, campaign_code: str | None = None) -> tuple[str, dict]:
    today = timezone.localdate()
    context: dict = {"today": today}
    if user.is_agency_officer:
        agency = user.agency
        context["agency"] = agency
        context["child_agencies"] = agency.children.active_on(today).order_by("name")
        context["todo"] = officer_todo(user=user, today=today)
        return "home/agency_officer.html", context
    if user.is_reviewer or user.is_official:
        campaigns = list(Campaign.objects.select_related("plan_document").order_by("-nomination_deadline", "-pk"))
        campaign = _chosen_campaign(campaigns, campaign_code)
        context["role_label"] = Role(user.role).label
        context["campaign"] = campaign
        context["campaigns"] = campaigns
        if campaign is not None:
            context.update(campaign_dashboard(user=user, campaign=campaign, today=today))
            context["panels"] = panels_for(user, campaign)
        return ("home/reviewer.html" if user.is_reviewer else "home/official.html"), context
    if user.is_administrator:
        return "home/administrator.html", context
    return "home/no_role.html", context
