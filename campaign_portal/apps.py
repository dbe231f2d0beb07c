import logging

from django.apps import AppConfig
from django.conf import settings

logger = logging.getLogger("campaign_portal")


class CampaignPortalConfig(AppConfig):
    name = "campaign_portal"
    verbose_name = "Cổng thi đua"

    def ready(self) -> None:
        if settings.EMBEDDED_DATABASE:
            logger.info("Embedded default: SQLite database at %s", settings.DATABASES["default"]["NAME"])
        if settings.EMBEDDED_TASKS:
            logger.info("Embedded default: no CELERY_BROKER_URL, background tasks run in process")
