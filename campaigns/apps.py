from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Phong trào thi đua")

    # The cached figures' version, moved by the database at every write they read
    # (campaign_portal/freshness.py); each app declares its tables with the way to the campaign.
    figures_version = ("Campaign", "data_version")
    figures_sources = {
        "Campaign_expected_agencies": "campaign",
        "CampaignDocument": "campaign",
        "InitiativeCategory": "campaign",
    }
