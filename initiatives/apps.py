from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Mô hình, sáng kiến, giải pháp")

    def ready(self):
        from campaign_portal.audit import register_action_labels

        from .workflow import INITIATIVE_TRANSITIONS

        register_action_labels("initiatives.initiative", INITIATIVE_TRANSITIONS)
