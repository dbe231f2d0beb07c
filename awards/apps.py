from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Hồ sơ đề nghị khen thưởng")

    def ready(self):
        from campaign_portal.audit import register_action_labels
        from campaign_portal.audit_display import register_json_key_labels

        from .selectors import metric_labels_for
        from .services import NOMINATION_TRANSITIONS

        register_action_labels("awards.nomination", NOMINATION_TRANSITIONS)
        # The declared figures are keyed by the criteria's codes; the log names them as the form does.
        register_json_key_labels(
            "awards.nomination", "declared_metrics", lambda nomination: metric_labels_for(campaign=nomination.campaign)
        )
