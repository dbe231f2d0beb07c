"""Static files: compressed and cached by WhiteNoise with hashed names in production; served from
where they lie in the embedded default (make run)."""

import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

from tests.campaign_portal.test_settings_switch import ROOT

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "campaign_portal.static_storage.PortalStaticFilesStorage"},
}


@pytest.fixture
def collected(settings, tmp_path):
    """The production set-up: collectstatic into a fresh STATIC_ROOT, WhiteNoise serving it."""
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.STORAGES = PRODUCTION_STORAGES
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_production_serves_hashed_compressed_files_cached_for_a_year(collected, client):
    # One test for the whole production set-up: collectstatic compresses every vendored file.
    url = static("css/portal.css")
    assert url != "/static/css/portal.css" and url.endswith(".css"), "a hashed name"
    assert (collected / url.removeprefix("/static/")).with_suffix(".css.br").exists()
    brotli = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert brotli.status_code == 200 and brotli["Content-Encoding"] == "br"
    assert "immutable" in brotli["Cache-Control"] and "max-age=315360000" in brotli["Cache-Control"]
    assert "Accept-Encoding" in brotli["Vary"]
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"
    body = client.get("/tai-khoan/dang-nhap/").content.decode()
    assert url in body and 'href="/static/css/portal.css"' not in body, "pages link the hashed names"


def test_embedded_default_serves_static_files_without_collectstatic(client, settings):
    assert settings.STORAGES["staticfiles"]["BACKEND"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    response = Client().get("/static/css/portal.css")
    assert response.status_code == 200 and b"--portal-red" in b"".join(response.streaming_content)


def test_production_switch_chooses_the_manifest_storage(tmp_path):
    probe = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.STORAGES['staticfiles']['BACKEND']))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "campaign_portal.settings", "PORTAL_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={**env, "PORTAL_PRODUCTION": "1"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == "campaign_portal.static_storage.PortalStaticFilesStorage"


def test_dockerfile_collects_static_files_in_production_mode():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "PORTAL_PRODUCTION=1 python manage.py collectstatic" in dockerfile
