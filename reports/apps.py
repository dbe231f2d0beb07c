from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Báo cáo tổng kết")

    # Tables the cached figures read, each with the way from a row to its campaign (campaign_portal/freshness.py).
    figures_sources = {
        "SummaryReport": "campaign",
        "Indicator": "campaign",
        "IndicatorValue": "indicator__campaign",
    }

    def ready(self):
        from campaigns.copiers import campaign_copiers

        from .outline import outline_copy
        from .services import indicators_copy

        # The outline first: the indicators are placed in its sections.
        campaign_copiers.register(outline_copy)
        campaign_copiers.register(indicators_copy)
