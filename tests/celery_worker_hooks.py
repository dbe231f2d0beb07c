"""Imported by the test worker process only (celery worker -I): transactional tests flush the
database between tests, which gives the content types new ids, so the worker forgets the ids it
cached before each task. Production content types never change, and production needs no hook."""

from celery.signals import task_prerun
from django.contrib.contenttypes.models import ContentType


@task_prerun.connect
def forget_content_type_ids(**kwargs) -> None:
    ContentType.objects.clear_cache()
