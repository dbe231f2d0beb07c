"""The top floor: what each role lands on (dashboards, to-do lists) and the navigation bar.

It sits above every domain app, beside `reports`, because a home page gathers figures from all of
them; no app imports `home`, so the domain apps stay free of each other's pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ")
