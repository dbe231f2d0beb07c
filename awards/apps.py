from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Hồ sơ đề nghị khen thưởng")

    # Tables the cached figures read, each with the way from a row to its campaign (campaign_portal/freshness.py).
    figures_sources = {
        "AwardForm": "campaign",
        "DossierRequirement": "award_form__campaign",
        "Criterion": "campaign",
        "Nomination": "campaign",
        "DossierDocument": "nomination__campaign",
    }

    def ready(self):
        from campaign_portal.audit import register_action_labels
        from campaigns.copiers import campaign_copiers

        from .services import NOMINATION_TRANSITIONS, award_setup_copy

        register_action_labels("awards.nomination", NOMINATION_TRANSITIONS)
        campaign_copiers.register(award_setup_copy)
