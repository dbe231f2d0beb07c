from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Hồ sơ đề nghị khen thưởng")

    def ready(self):
        from campaign_portal.audit import register_action_labels
        from campaigns.copiers import campaign_copiers

        from .services import NOMINATION_TRANSITIONS, award_setup_copy

        register_action_labels("awards.nomination", NOMINATION_TRANSITIONS)
        campaign_copiers.register(award_setup_copy)
