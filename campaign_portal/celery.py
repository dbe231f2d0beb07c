import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_portal.settings")

app = Celery("campaign_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.task_prerun.connect
def _forget_content_type_ids(**kwargs):
    """A worker outlives migrations and database flushes (a deploy, the test suite), which may give
    content types new ids; audit events written with a remembered id would break their foreign
    key. One small query per task and model type is the price."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
