"""The read API for the province's other systems (LGSP, the document system, the national
commendation database): published data only, one token per system.

It sits at the top beside `home` because it reads every domain app through its selectors; no app
imports it, so the pages and the API answer from the same reads."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("API cho hệ thống khác")

    def ready(self):
        from campaign_portal.audit import ACTION_LABELS

        ACTION_LABELS.update(
            {"api.client.issue": _("Cấp mã truy cập API"), "api.client.revoke": _("Thu hồi mã truy cập API")}
        )
