from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Mô hình, sáng kiến, giải pháp")

    # Tables the cached figures read, each with the way from a row to its campaign (campaign_portal/freshness.py).
    figures_sources = {
        "Initiative": "campaign",
        "Initiative_implementing_units": "initiative__campaign",
        "Initiative_replicated_to": "initiative__campaign",
        "InitiativeEvidence": "initiative__campaign",
    }

    def ready(self):
        from campaign_portal.audit import register_action_labels

        from .workflow import INITIATIVE_TRANSITIONS

        register_action_labels("initiatives.initiative", INITIATIVE_TRANSITIONS)
