"""Shared fixtures: Quang Nam's agencies, users per role, a real Celery worker process on Redis,
and Debian's Chromium driven by Playwright against a live server."""

import io
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command

from accounts.enums import Role
from tests.factories import UserFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by tests and
# fixtures around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(autouse=True)
def _empty_cache():
    """The dashboards' figures are cached per campaign and data version; a rolled-back test's
    campaign id may come back in the next test (SQLite), so no entry outlives its test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _portal_language_after_each_test():
    """A request in English leaves English active in the test's thread (the locale middleware does
    not switch back): the next test starts in the portal's language, whatever the one before asked."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_passwords_and_media(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # Django's test client logs in without a request, which log-in throttling needs; the
    # throttling tests switch it back on.
    settings.AXES_ENABLED = False


@pytest.fixture
def quang_nam(db):
    """Quang Nam's agencies as the demo campaign (2023–2024) knows them: the map before the departments
    merged on 01/03/2025 (Nông Sơn merged on 01/01/2025), so that the demo's accounts, at the agencies
    of 2024, still log in today. tests/agencies loads the whole history."""
    call_command("load_agencies", "--until", "2025-02-28", stdout=io.StringIO())
    from agencies.models import Agency

    return Agency.objects


@pytest.fixture
def assert_same_query_count(client, django_assert_num_queries):
    """Run `request()` with the rows there are, add rows with `grow()`, and check that the page
    runs exactly as many queries again (no N+1). Returns the count."""

    def check(request, grow) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as first:
            response = request()
        assert response.status_code == 200, response.status_code
        grow()
        with django_assert_num_queries(len(first.captured_queries)):
            assert request().status_code == 200
        return len(first.captured_queries)

    return check


@pytest.fixture
def make_user(db):
    def make(role: str = Role.AGENCY_OFFICER, agency=None, **kwargs):
        if agency is not None:
            kwargs["agency"] = agency
        return UserFactory(role=role, **kwargs)

    return make


@pytest.fixture
def reviewer(make_user):
    return make_user(Role.REVIEWER)


@pytest.fixture
def official(make_user):
    return make_user(Role.OFFICIAL)


@pytest.fixture
def administrator(make_user):
    return make_user(Role.ADMINISTRATOR, is_staff=True, is_superuser=True)


# --- A real Celery worker process on Redis -------------------------------------------------


def _database_url() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.fail("Integration tests need PostgreSQL: run them through `make test` (DATABASE_URL).")
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return f"postgres://{quote(db['USER'])}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _broker_url() -> str:
    url = os.environ.get("TEST_BROKER_URL")
    if not url:
        pytest.fail("Integration tests need Redis: run them through `make test` (TEST_BROKER_URL).")
    return url


def _reset_broker_pools(app) -> None:
    """Celery and kombu keep the connection pools opened under the broker setting of the time (an
    eager task earlier in the session opens them on the embedded default): drop them all when the
    broker setting changes."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
    app._local.__dict__.pop("backend", None)


@pytest.fixture(scope="session")
def worker_media_root(tmp_path_factory) -> Path:
    """The media volume the worker process and the tests share, as web and worker do in production."""
    return tmp_path_factory.mktemp("worker-media")


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, worker_media_root):
    """Two worker processes (prefork) reading the test database, started once per session."""
    from campaign_portal.celery import app

    broker = _broker_url()
    env = {
        **os.environ,
        "MEDIA_ROOT": str(worker_media_root),
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker,
        "CELERY_RESULT_BACKEND": broker,
        "DJANGO_SETTINGS_MODULE": "campaign_portal.settings",
    }
    celery = [sys.executable, "-m", "celery", "-A", "campaign_portal"]
    subprocess.run([*celery, "purge", "-f"], env=env, cwd=ROOT, check=True, capture_output=True)
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "celery-worker.log", "w")  # noqa: SIM115 - open for the worker's lifetime
    process = subprocess.Popen(
        [
            *celery,
            "worker",
            "--concurrency=2",
            "--loglevel=INFO",
            "--without-mingle",
            "--without-gossip",
            "-n",
            f"pytest-{os.getpid()}@%h",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    previous = {key: app.conf[key] for key in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(broker_url=broker, result_backend=broker, task_always_eager=False)
    _reset_broker_pools(app)
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=1.0):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start: see {ARTIFACTS / 'celery-worker.log'}")
        yield process
    finally:
        app.conf.update(**previous)
        _reset_broker_pools(app)
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def real_worker(celery_worker_process, django_db_reset_sequences, worker_media_root, settings):
    """Tasks queued during the test go through Redis to the worker process, not in process;
    files are stored where the worker reads and writes them. The worker forgets content type ids
    before each task (campaign_portal/celery.py), since each flush recreates them."""
    from campaign_portal.celery import app

    settings.MEDIA_ROOT = worker_media_root
    app.conf.task_always_eager = False
    try:
        yield celery_worker_process
    finally:
        app.conf.task_always_eager = True


def wait_for(predicate, *, timeout: float = 30, interval: float = 0.2):
    """Poll until predicate() is truthy; return its value or fail with the timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"Condition not met within {timeout} s")


# --- Debian's Chromium through Playwright --------------------------------------------------


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs it (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def browser_login(page, username: str, password: str) -> None:
    page.goto(f"{page.base_url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")
