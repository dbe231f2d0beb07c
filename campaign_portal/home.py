"""What each role sees first. Apps add their panels here as they come."""

from django.utils import timezone

from accounts.enums import Role
from agencies.enums import AgencyKind
from agencies.selectors import agency_counts_on
from campaigns.models import Campaign


def home_for(user) -> tuple[str, dict]:
    today = timezone.localdate()
    context: dict = {"today": today}
    if user.is_agency_officer:
        agency = user.agency
        context["agency"] = agency
        context["child_agencies"] = agency.children.active_on(today).order_by("name")
        context["campaigns"] = [
            {"campaign": campaign, "days_left": (campaign.nomination_deadline - today).days}
            for campaign in Campaign.objects.filter(expected_agencies=agency).order_by("nomination_deadline")
        ]
        return "home/agency_officer.html", context
    if user.is_reviewer or user.is_official:
        counts = agency_counts_on(day=today)
        context["agency_counts"] = [(label, counts[kind]) for kind, label in AgencyKind.choices if counts[kind]]
        context["role_label"] = Role(user.role).label
        return ("home/reviewer.html" if user.is_reviewer else "home/official.html"), context
    if user.is_administrator:
        return "home/administrator.html", context
    return "home/no_role.html", context
