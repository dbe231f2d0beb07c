"""Settings read from the environment (see .env.example).

With nothing set the portal runs on the embedded default: an SQLite file, media on local disk
and Celery tasks executed in process. A PostgreSQL DATABASE_URL and a Redis CELERY_BROKER_URL
make it run as in production.
"""

import datetime
import logging
import os
import re
import warnings
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
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
# Served over HTTPS behind a TLS proxy (see the SECURE_* settings below) with static files collected.
PORTAL_PRODUCTION = env_bool("PORTAL_PRODUCTION", default=False)
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
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "campaign_portal",
    "accounts",
    "agencies",
    "campaigns",
    "initiatives",
    "awards",
    "reports",
    "council",
    "home",
    "demo",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "campaign_portal.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "campaign_portal.locale.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "campaign_portal.input_text.ComposedInputMiddleware",
    "campaign_portal.output_text.BidiFreeOutputMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "campaign_portal.security.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "campaign_portal.input_guard.RefuseNulMiddleware",
    "campaign_portal.form_replay.FormReplayMiddleware",
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
                "campaign_portal.form_replay.form_replay",
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
# Static files are served by the portal itself through WhiteNoise, compressed (gzip and Brotli)
# and, in production, under hashed names cached for a year (collectstatic in the Dockerfile).
# The embedded default keeps plain names and reads the files where they lie, so `make run` needs
# no collectstatic; its runserver --insecure serves them as before.
_STATIC_STORAGE = (
    "campaign_portal.static_storage.PortalStaticFilesStorage"
    if PORTAL_PRODUCTION
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
)
WHITENOISE_USE_FINDERS = not PORTAL_PRODUCTION
if not PORTAL_PRODUCTION:
    # STATIC_ROOT exists only once collectstatic has run (the image); the finders serve meanwhile.
    warnings.filterwarnings("ignore", message=re.escape(f"No directory at: {STATIC_ROOT}"), category=UserWarning)
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
# The summary report's shape: a campaign with more initiatives than PORTAL_REPORT_FULL_LISTS_UP_TO
# names per agency its standout initiatives (or its first PORTAL_REPORT_INITIATIVES_PER_AGENCY) and
# counts the rest; the complete lists go with the report as annexes (reports/annexes.py).
PORTAL_REPORT_FULL_LISTS_UP_TO = int(os.environ.get("PORTAL_REPORT_FULL_LISTS_UP_TO", 300))
PORTAL_REPORT_INITIATIVES_PER_AGENCY = int(os.environ.get("PORTAL_REPORT_INITIATIVES_PER_AGENCY", 3))
# ...and gives a line to this many agencies with a standout initiative (those with the most marked first),
# each naming at most this many of its standouts, and to this many of the others (those that registered the
# most), so that the body grows neither with the number of agencies nor with the initiatives marked.
PORTAL_REPORT_STANDOUT_AGENCIES_NAMED = int(os.environ.get("PORTAL_REPORT_STANDOUT_AGENCIES_NAMED", 100))
PORTAL_REPORT_STANDOUTS_PER_AGENCY = int(os.environ.get("PORTAL_REPORT_STANDOUTS_PER_AGENCY", 5))
PORTAL_REPORT_UNMARKED_AGENCIES_NAMED = int(os.environ.get("PORTAL_REPORT_UNMARKED_AGENCIES_NAMED", 100))
# At that scale a sentence names at most this many units (implementing, replicated to, merged) and counts the
# others: a model run in every commune of a province would otherwise fill pages with their names.
PORTAL_REPORT_UNITS_NAMED = int(os.environ.get("PORTAL_REPORT_UNITS_NAMED", 5))

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
# A request never waits on Redis: it records its work in the outbox (campaign_portal/outbox.py) and
# hands it over with these bounds, one second to decide that the broker or the result store is away.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 1,
    "socket_timeout": 1,
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 1
CELERY_REDIS_SOCKET_TIMEOUT = 1
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
}
CELERY_BEAT_SCHEDULE: dict = {
    # Expected agencies that have sent no award dossier are reminded 7, 3 and 1 days before the deadline.
    "awards-nomination-reminders": {
        "task": "awards.nomination_reminders",
        "schedule": 6 * 3600,
        "kwargs": {"days_before": [7, 3, 1]},
    },
    # Checks a worker lost (or Redis lost with its queue) are queued again; those asked for while the
    # broker was down wait in the outbox and leave with `manage.py relay_outbox` as soon as it is back.
    "awards-criteria-check-requeue": {"task": "awards.criteria_check_requeue_pending", "schedule": 300},
    # Signature checks still pending (a worker lost them, anchors changed, documents older than the check);
    # those asked for while the broker was down wait in the outbox like the criteria checks.
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

CSRF_FAILURE_VIEW = "campaign_portal.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Served over HTTPS behind a TLS proxy: secure cookies, HSTS and the redirect to HTTPS. They follow
# their own switch, not the database's kind: a small office may serve the embedded default behind
# HTTPS, and `make run` serves plain http://127.0.0.1:8000. Each SECURE_* variable overrides it.
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
    # A refused request (403, 400) is logged as one line with its reason, without a traceback.
    "filters": {"client_errors_one_line": {"()": "campaign_portal.log_filters.ClientErrorsOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "campaign_portal": {"handlers": ["console"], "level": "INFO"},
        "django": {"handlers": ["console"], "level": "WARNING"},
        "django.request": {"filters": ["client_errors_one_line"]},
        "django.security": {"filters": ["client_errors_one_line"]},
    },
}

# One cache for every process and host: the dashboards' figures are computed once per data version,
# and each web process must see the figures the others stored. Redis (CACHE_URL, or the broker's
# Redis with database 2) in production; process memory in the embedded default, a single process.
CACHE_URL = os.environ.get("CACHE_URL", "")
if not CACHE_URL and CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CACHE_URL = urlsplit(CELERY_BROKER_URL)._replace(path="/2").geturl()
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# One store for every host's uploads and renders: S3-compatible object storage (MinIO, a cloud
# provider's) when MEDIA_STORAGE=s3, local disk under MEDIA_ROOT otherwise. Either way no URL serves
# the files: every read goes through the storage API and a permission-checked view.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("MEDIA_S3_BUCKET", ""),
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY", ""),
            "location": os.environ.get("MEDIA_S3_PREFIX", ""),
            # Two uploads of "to-trinh.pdf" to one folder keep both, as on local disk.
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": True,
        },
    }
    if not DEFAULT_STORAGE["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 cần MEDIA_S3_BUCKET (tên bucket lưu tệp đính kèm).")
elif MEDIA_STORAGE == "local":
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE phải là local hoặc s3, không phải “{MEDIA_STORAGE}”.")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {"BACKEND": _STATIC_STORAGE},
}

# Backups (campaign_portal/backup/): signed with a key kept outside the backup folder; restored by
# a dedicated role that is not a superuser and owns the portal's tables.
PORTAL_BACKUP_KEY = os.environ.get("PORTAL_BACKUP_KEY", "")
PORTAL_BACKUP_KEY_FILE = os.environ.get("PORTAL_BACKUP_KEY_FILE", "")
PORTAL_RESTORE_ROLE = os.environ.get("PORTAL_RESTORE_ROLE", "portal_restore")
PORTAL_BACKUP_MAX_MEDIA_BYTES = int(os.environ.get("PORTAL_BACKUP_MAX_MEDIA_BYTES", 200 * 1024**3))

# The read API (api/): tokens per system, no session, published data only. Its rate limit is
# counted per client in Django's cache (shared by the web processes when the cache is).
PORTAL_API_RATE = os.environ.get("PORTAL_API_RATE", "120/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.authentication.IsApiClient"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ApiClientRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.ApiPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API đọc của Cổng thi đua – khen thưởng",
    "DESCRIPTION": (
        "Dữ liệu đã công bố cho các hệ thống khác của tỉnh (LGSP, quản lý văn bản, CSDL thi đua khen thưởng): "
        "phong trào, tiến độ gửi hồ sơ, sáng kiến đã đăng ký, sổ khen thưởng. "
        "Mỗi hệ thống dùng mã truy cập do quản trị viên cấp: `Authorization: Bearer <mã>`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "TAGS": [
        {"name": "phong-trao", "description": "Phong trào thi đua và tiến độ gửi hồ sơ"},
        {"name": "sang-kien", "description": "Sáng kiến, mô hình, giải pháp đã đăng ký"},
        {"name": "khen-thuong", "description": "Sổ khen thưởng"},
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

RUNTIME_MODE = "embedded" if EMBEDDED_DATABASE and EMBEDDED_TASKS else "production"
