"""The navigation bar: one entry per page a role may open, shown only to users holding its
permission (the same django-rules permissions the views check)."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str
    icon: str


NAV_ITEMS = [
    NavItem(_("Trang chủ"), "home", "", "house"),
    NavItem(_("Cơ quan"), "agencies:directory", "agencies.view_directory", "diagram-3"),
    NavItem(_("Sáng kiến, mô hình"), "initiatives:list", "initiatives.list_initiatives", "lightbulb"),
    NavItem(_("Phong trào"), "campaigns:list", "campaigns.view_campaign_list", "flag"),
    NavItem(_("Hồ sơ khen thưởng"), "awards:nomination_list", "awards.view_nomination_list", "award"),
    NavItem(_("Tiến độ"), "awards:progress", "awards.view_progress", "bar-chart-line"),
    NavItem(_("Báo cáo tổng kết"), "reports:index", "reports.view_summaryreport", "file-earmark-text"),
    NavItem(_("Hội đồng TĐKT"), "council:index", "council.view_meeting", "people"),
]


def nav_items_for(user) -> list[dict]:
    items = []
    for item in NAV_ITEMS:
        if item.permission and not user.has_perm(item.permission):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append({"label": item.label, "url": url, "icon": item.icon, "url_name": item.url_name})
    return items
