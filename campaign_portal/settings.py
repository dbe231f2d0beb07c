"""Settings read from the environment (see .env.example).

With nothing set the portal runs on the embedded default: an SQLite file, media on local disk
and Celery tasks executed in process. A PostgreSQL DATABASE_URL and a Redis CELERY_BROKER_URL
make it run as in production.
"""

import datetime
import logging
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))

logger = logging.getLogger("campaign_portal")


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# The fallback key is for the embedded default only; `manage.py check --deploy` flags it.
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-embedded-default-set-SECRET_KEY-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "campaign_portal",
    "accounts",
    "agencies",
    "campaigns",
    "initiatives",
    "awards",
    "reports",
    "home",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "campaign_portal.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "campaign_portal.locale.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "campaign_portal.input_text.ComposedInputMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "campaign_portal.security.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "campaign_portal.input_guard.RefuseNulMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "campaign_portal.urls"
WSGI_APPLICATION = "campaign_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.navigation",
            ],
        },
    },
]

# Database: embedded SQLite file unless DATABASE_URL is set.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
EMBEDDED_DATABASE = not DATABASE_URL
if EMBEDDED_DATABASE:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    # The dashboards' covering indexes (INCLUDE) are for PostgreSQL; SQLite keeps their key columns.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Log-in throttling: refuses a locked-out username/address pair before any password check.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Inactive users are let through to the log-in form so that it can say the account is
    # disabled instead of "wrong password"; the form refuses them (accounts/forms.py).
    "accounts.backends.PortalModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Log-in throttling (accounts/throttle.py): for 15 minutes after 5 failures of one account from one
# address, 10 of one account from any address, or 20 from one address against any account (offices
# share one NAT address, so the wide counts are higher).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
PORTAL_LOGIN_FAILURES_PER_ACCOUNT = int(os.environ.get("PORTAL_LOGIN_FAILURES_PER_ACCOUNT", 10))
PORTAL_LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("PORTAL_LOGIN_FAILURES_PER_ADDRESS", 20))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", 15)))
AXES_HANDLER = "accounts.throttle.PortalAxesHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Behind the reverse proxy every request comes from the proxy's address: set PORTAL_TRUSTED_PROXIES to
# the number of proxies in front of gunicorn and the client's address is read from X-Forwarded-For.
PORTAL_TRUSTED_PROXIES = int(os.environ.get("PORTAL_TRUSTED_PROXIES", 0))
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 3600))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["campaign_portal.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# No URL pattern and no proxy rule serves MEDIA_URL: every stored file goes through a
# permission-checked view (campaign_portal/files.py).
MEDIA_URL = "/_media-not-served/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
PORTAL_UPLOAD_MAX_BYTES = int(os.environ.get("PORTAL_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))
# Signature verification of uploaded PDFs runs in a child process held to these bounds
# (awards/services/signatures.py): a larger file, a longer run or more memory gives a verdict, not a hang.
PORTAL_SIGNATURE_MAX_BYTES = int(os.environ.get("PORTAL_SIGNATURE_MAX_BYTES", 64 * 1024 * 1024))
PORTAL_SIGNATURE_TIMEOUT = int(os.environ.get("PORTAL_SIGNATURE_TIMEOUT", 60))
PORTAL_SIGNATURE_MAX_MEMORY = int(os.environ.get("PORTAL_SIGNATURE_MAX_MEMORY", 1024 * 1024 * 1024))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: Redis in production; in the embedded default tasks run in process, same code path.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
EMBEDDED_TASKS = not CELERY_BROKER_URL
CELERY_TASK_ALWAYS_EAGER = EMBEDDED_TASKS
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict = {
    # Expected agencies that have sent no award dossier are reminded 7, 3 and 1 days before the deadline.
    "awards-nomination-reminders": {
        "task": "awards.nomination_reminders",
        "schedule": 6 * 3600,
        "kwargs": {"days_before": [7, 3, 1]},
    },
    # Checks asked for while the broker was down (or lost with a worker) are queued again.
    "awards-criteria-check-requeue": {"task": "awards.criteria_check_requeue_pending", "schedule": 300},
    # Signature checks still pending (broker down, anchors changed, documents older than the check).
    "awards-signatures-requeue": {"task": "awards.document_signatures_requeue_pending", "schedule": 300},
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if not os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "thiduakhenthuong@snv.local")

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Served over HTTPS behind a TLS proxy: secure cookies, HSTS and the redirect to HTTPS. They follow
# their own switch, not the database's kind: a small office may serve the embedded default behind
# HTTPS, and `make run` serves plain http://127.0.0.1:8000. Each SECURE_* variable overrides it.
PORTAL_PRODUCTION = env_bool("PORTAL_PRODUCTION", default=False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=PORTAL_PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=PORTAL_PRODUCTION)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS") or (31536000 if PORTAL_PRODUCTION else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
if PORTAL_PRODUCTION:
    # The proxy terminates TLS and says so in this header; trusted only where a proxy sets it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "campaign_portal": {"handlers": ["console"], "level": "INFO"},
        "django": {"handlers": ["console"], "level": "WARNING"},
    },
}

# Backups (campaign_portal/backup/): signed with a key kept outside the backup folder; restored by
# a dedicated role that is not a superuser and owns the portal's tables.
PORTAL_BACKUP_KEY = os.environ.get("PORTAL_BACKUP_KEY", "")
PORTAL_BACKUP_KEY_FILE = os.environ.get("PORTAL_BACKUP_KEY_FILE", "")
PORTAL_RESTORE_ROLE = os.environ.get("PORTAL_RESTORE_ROLE", "portal_restore")
PORTAL_BACKUP_MAX_MEDIA_BYTES = int(os.environ.get("PORTAL_BACKUP_MAX_MEDIA_BYTES", 200 * 1024**3))

RUNTIME_MODE = "embedded" if EMBEDDED_DATABASE and EMBEDDED_TASKS else "production"
