"""One cache and one store for every process: what a web process puts in the cache (the
dashboards' figures) another process reads, through Redis, as production runs it, while the
embedded default keeps each process's memory; the media store is chosen by MEDIA_STORAGE."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _django(code: str, **env) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "CELERY_BROKER_URL"}}
    clean.update(DJANGO_SETTINGS_MODULE="campaign_portal.settings", **env)
    done = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture
def redis_url():
    url = os.environ.get("TEST_BROKER_URL")
    if not url:
        pytest.fail("The shared cache test needs Redis: run it through `make test` (TEST_BROKER_URL).")
    return url


def test_shared_cache_written_by_one_process_is_read_by_another(redis_url):
    key = f"dashboard:test-{uuid.uuid4().hex}"
    figures = {"đã gửi": 25, "mong đợi": 43, "thiếu": ["UBND huyện Nông Sơn"]}
    write = f"from django.core.cache import cache; cache.set({key!r}, {figures!r}, 60); print('ok')"
    read = f"import json; from django.core.cache import cache; print(json.dumps(cache.get({key!r})))"
    try:
        assert _django(write, CACHE_URL=redis_url) == "ok"
        assert json.loads(_django(read, CACHE_URL=redis_url)) == figures
    finally:
        _django(f"from django.core.cache import cache; cache.delete({key!r}); print('ok')", CACHE_URL=redis_url)


def test_embedded_default_cache_stays_in_each_process():
    key = f"dashboard:test-{uuid.uuid4().hex}"
    write = f"from django.core.cache import cache; cache.set({key!r}, 1, 60); print(cache.get({key!r}))"
    read = f"from django.core.cache import cache; print(cache.get({key!r}))"
    assert _django(write) == "1"
    assert _django(read) == "None"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ["django.core.cache.backends.locmem.LocMemCache", ""]),
        (
            {"CELERY_BROKER_URL": "redis://:secret@redis:6379/0"},
            ["django.core.cache.backends.redis.RedisCache", "redis://:secret@redis:6379/2"],
        ),
        (
            {"CELERY_BROKER_URL": "redis://redis:6379/0", "CACHE_URL": "redis://cache:6379/5"},
            ["django.core.cache.backends.redis.RedisCache", "redis://cache:6379/5"],
        ),
    ],
)
def test_cache_setting_follows_the_environment(env, expected):
    probe = (
        "import json; from django.conf import settings; c = settings.CACHES['default']; "
        "print(json.dumps([c['BACKEND'], c.get('LOCATION', '')]))"
    )
    assert json.loads(_django(probe, **env)) == expected


def test_media_storage_setting_follows_the_environment():
    probe = "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])"
    assert _django(probe) == "django.core.files.storage.FileSystemStorage"
    s3 = {"MEDIA_STORAGE": "s3", "MEDIA_S3_BUCKET": "portal-media", "MEDIA_S3_ENDPOINT_URL": "http://minio:9000"}
    assert _django(probe, **s3) == "storages.backends.s3.S3Storage"
    for env, message in (
        ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 cần MEDIA_S3_BUCKET"),
        ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE phải là local hoặc s3"),
    ):
        with pytest.raises(subprocess.CalledProcessError) as refused:
            _django(probe, **env)
        assert message in refused.value.stderr
