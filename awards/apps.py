from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
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
        from campaign_portal.audit_display import register_json_key_labels
        from campaigns.copiers import campaign_copiers

        from . import register_view
        from .selectors import metric_labels_for
        from .services import NOMINATION_TRANSITIONS, award_setup_copy

        # The register's view stands aside while migrations run (awards/register_view.py).
        pre_migrate.connect(register_view.before_migrate, sender=self)
        post_migrate.connect(register_view.after_migrate, sender=self)

        register_action_labels("awards.nomination", NOMINATION_TRANSITIONS)
        campaign_copiers.register(award_setup_copy)
        # The declared figures are keyed by the criteria's codes; the log names them as the form does.
        register_json_key_labels(
            "awards.nomination", "declared_metrics", lambda nomination: metric_labels_for(campaign=nomination.campaign)
        )
