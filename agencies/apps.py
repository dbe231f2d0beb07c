from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "agencies"
    verbose_name = _("Cơ quan, đơn vị")

    # An agency's name, level and parent show in every campaign's figures (campaign_portal/freshness.py).
    figures_sources = {"Agency": None, "AgencySuccession": None}
