"""The settings switch between the embedded default and production, checked in fresh processes
so that each reads its own environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; django.setup(); from django.conf import settings; "
    "from campaign_portal.celery import app; "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']),"
    " 'eager': app.conf.task_always_eager, 'broker': app.conf.broker_url, 'mode': settings.RUNTIME_MODE,"
    " 'media': str(settings.MEDIA_ROOT)}))"
)


def _settings_with(tmp_path, **env) -> tuple[dict, str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "MEDIA_ROOT"}}
    clean.update(DJANGO_SETTINGS_MODULE="campaign_portal.settings", PORTAL_VAR_DIR=str(tmp_path), **env)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=clean, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def test_settings_without_environment_use_embedded_default(tmp_path):
    values, log = _settings_with(tmp_path)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(tmp_path / "portal.sqlite3")
    assert values["eager"] is True
    assert values["mode"] == "embedded"
    assert values["media"] == str(tmp_path / "media")
    assert "Embedded default: SQLite database" in log
    assert "background tasks run in process" in log


def test_settings_with_postgres_and_redis_run_as_production(tmp_path):
    values, log = _settings_with(
        tmp_path,
        DATABASE_URL="postgres://portal:secret@db.example:5432/portal",
        CELERY_BROKER_URL="redis://redis.example:6379/0",
        MEDIA_ROOT="/data/media",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "portal"
    assert values["eager"] is False
    assert values["broker"] == "redis://redis.example:6379/0"
    assert values["mode"] == "production"
    assert values["media"] == "/data/media"
    assert "Embedded default" not in log


def _deploy_check(tmp_path, **env) -> subprocess.CompletedProcess:
    test_only = {
        "DATABASE_URL",
        "CELERY_BROKER_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "PORTAL_PRODUCTION",
        "SECURE_SSL_REDIRECT",
        "SECURE_COOKIES",
        "SECURE_HSTS_SECONDS",
    }
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    clean.update(
        DJANGO_SETTINGS_MODULE="campaign_portal.settings",
        SECRET_KEY="k" + "x7Qp2!vR9@mZ4#tL8$wN1^bC6&" * 3,
        ALLOWED_HOSTS="thidua.example.gov.vn",
        PORTAL_VAR_DIR=str(tmp_path),
        **env,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


POSTGRES_AND_REDIS = {
    "DATABASE_URL": "postgres://portal:secret@127.0.0.1:5432/portal",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}


@pytest.mark.parametrize("services", [{}, POSTGRES_AND_REDIS], ids=["sqlite", "postgres"])
def test_deploy_check_in_production_mode_reports_nothing_whatever_the_database(tmp_path, services):
    done = _deploy_check(tmp_path, PORTAL_PRODUCTION="1", **services)
    assert done.returncode == 0, done.stdout + done.stderr


def test_deploy_check_without_the_production_switch_flags_https_even_on_postgres(tmp_path):
    done = _deploy_check(tmp_path, **POSTGRES_AND_REDIS)
    assert done.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in done.stderr + done.stdout


def test_security_settings_follow_the_switch_and_each_variable_overrides_it(tmp_path):
    probe = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER]))"
    )

    def values(**env):
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "PORTAL_PRODUCTION"))}
        keep.update(DJANGO_SETTINGS_MODULE="campaign_portal.settings", PORTAL_VAR_DIR=str(tmp_path), **env)
        done = subprocess.run([sys.executable, "-c", probe], env=keep, cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])

    assert values() == [False, False, False, 0, None], "make run serves plain HTTP"
    assert values(PORTAL_PRODUCTION="1") == [True, True, True, 31536000, ["HTTP_X_FORWARDED_PROTO", "https"]]
    assert values(PORTAL_PRODUCTION="1", SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="3600")[2:4] == [False, 3600]
    assert values(SECURE_COOKIES="1")[:3] == [True, True, False]
