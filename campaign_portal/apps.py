import logging

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("campaign_portal")


class CampaignPortalConfig(AppConfig):
    name = "campaign_portal"
    verbose_name = _("Cổng thi đua")

    def ready(self) -> None:
        from . import freshness

        # Sent once per app; ours is enough, and every migration runs between the two.
        pre_migrate.connect(freshness.on_pre_migrate, sender=self)
        post_migrate.connect(freshness.on_post_migrate, sender=self)
        if settings.EMBEDDED_DATABASE:
            logger.info("Embedded default: SQLite database at %s", settings.DATABASES["default"]["NAME"])
        if settings.EMBEDDED_TASKS:
            logger.info("Embedded default: no CELERY_BROKER_URL, background tasks run in process")
