from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Báo cáo tổng kết")

    def ready(self) -> None:
        # The home pages may not import reports; the report adds its panel to them.
        from accounts.enums import Role
        from campaign_portal.home import HomePanel, home_panels

        from .selectors import latest_report_files

        home_panels.register(
            HomePanel(
                template="reports/home_panel.html",
                roles=(Role.REVIEWER, Role.OFFICIAL),
                context=lambda *, user, campaign: latest_report_files(user=user, campaign=campaign),
            )
        )
