"""Django settings for txplan: every value comes from the environment (see docs/settings.md).

SQLite under ``TXPLAN_HOME`` by default (WAL, busy timeout); ``DATABASE_URL`` switches to
PostgreSQL. Nothing here depends on the machine's state except ``TXPLAN_HOME``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from txplan.web.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
HOME = Path(
    env_str("TXPLAN_HOME", "var", "Folder for the SQLite database, secret key and uploads.")
).resolve()

DEBUG = env_bool("TXPLAN_DEBUG", False, "Django debug pages. Never on in production.")
# Production unless told otherwise: the demo practice (whose password is published) is only
# created, and only accepted at start-up, in development mode (`make run` sets it).
MODE = env_str("TXPLAN_MODE", "production", "production, or development (allows the demo).")
if MODE not in ("production", "development"):
    raise ImproperlyConfigured(f"TXPLAN_MODE: {MODE!r} is not production or development")
DEVELOPMENT = MODE == "development"


def _secret_key() -> str:
    """TXPLAN_SECRET_KEY, else the file TXPLAN_SECRET_KEY_FILE, else a key generated once and
    kept in TXPLAN_HOME/secret_key (0600).

    The key also seals signed plan versions, so it must survive restarts: a practice that
    runs several web workers sets TXPLAN_SECRET_KEY to the same value on each. Keeping it
    apart from the database (environment or a file elsewhere) means a stolen database or
    backup alone cannot forge a seal.
    """
    given = env_str("TXPLAN_SECRET_KEY", "", "Secret key; generated into TXPLAN_HOME if unset.")
    if given:
        return given
    key_file = env_str("TXPLAN_SECRET_KEY_FILE", "", "File holding the secret key (one line).")
    if key_file:
        try:
            key = Path(key_file).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(
                f"TXPLAN_SECRET_KEY_FILE: cannot read {key_file}: {exc}"
            ) from None
        if not key:
            raise ImproperlyConfigured(f"TXPLAN_SECRET_KEY_FILE: {key_file} is empty")
        return key
    path = HOME / "secret_key"
    if not path.exists():
        HOME.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
# Old keys still accepted for sessions and for checking seals of versions signed before a
# rotation; new seals always use SECRET_KEY.
SECRET_KEY_FALLBACKS = env_list(
    "TXPLAN_SECRET_KEY_FALLBACKS", "", "Comma-separated previous secret keys (key rotation)."
)
ALLOWED_HOSTS = env_list(
    "TXPLAN_ALLOWED_HOSTS", "127.0.0.1,localhost", "Comma-separated host names served."
)
CSRF_TRUSTED_ORIGINS = env_list(
    "TXPLAN_CSRF_TRUSTED_ORIGINS", "", "Comma-separated origins (https://…) behind a proxy."
)

INSTALLED_APPS = [
    # The admin, closed by default: superuser-only unless a model admin is practice-scoped.
    "txplan.web.admin_site.TxplanAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    # Listed so the API docs page uses its own copy of Swagger UI, not a CDN.
    "ninja",
    "axes",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "txplan.web.accounts",
    "txplan.web.clients",
    "txplan.web.plans",
    "txplan.web.measures",
    "txplan.web.compliance",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files, compressed and with long cache headers, before anything touches a session.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control: no-store on everything else (pages, exports and API answers hold PHI).
    "txplan.web.ops.NoStoreMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Every page requires login unless its view is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A plan version that fails the integrity check gets the integrity page (409), not a 500.
    "txplan.web.plans.middleware.IntegrityFailureMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Audit context, inactivity time-out, the second-factor gate and admin-page logging.
    "txplan.web.compliance.middleware.ComplianceMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "txplan.web.urls"
WSGI_APPLICATION = "txplan.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner only (0600), or tighten an existing one.

    SQLite gives its -wal and -shm files the database file's mode, so they follow.
    """
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        for extra in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if extra.exists() and extra.stat().st_mode & 0o077:
                extra.chmod(0o600)
    except OSError as exc:
        raise ImproperlyConfigured(f"TXPLAN_HOME: cannot create {path}: {exc}") from None


def _database() -> dict[str, object]:
    url = env_str(
        "DATABASE_URL", "", "Database URL; unset means SQLite at TXPLAN_HOME/txplan.sqlite3."
    )
    if url:
        config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
        return config
    HOME.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = HOME / "txplan.sqlite3"
    _private_file(name)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": name,
        "OPTIONS": {
            # WAL lets readers work while one writer commits; IMMEDIATE takes the write lock at
            # the start of a transaction, so concurrent writers wait (timeout) instead of
            # failing half-way with "database is locked".
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "caseload"
LOGOUT_REDIRECT_URL = "login"

# Lock an account/IP pair out after repeated failures (django-axes).
AXES_FAILURE_LIMIT = env_int("TXPLAN_LOGIN_FAILURE_LIMIT", 5, "Failed logins before lockout.")
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

SESSION_COOKIE_AGE = env_int("TXPLAN_SESSION_SECONDS", 8 * 3600, "Session lifetime in seconds.")
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Compliance (txplan.web.compliance): ONC 170.315(d)(5) time-out, (d)(13) MFA, (d)(6) break-glass.
TXPLAN_IDLE_MINUTES = env_int(
    "TXPLAN_IDLE_MINUTES", 15, "Minutes without activity before a session is logged out."
)
TXPLAN_IDLE_WARNING_SECONDS = env_int(
    "TXPLAN_IDLE_WARNING_SECONDS", 120, "Seconds before the time-out that the page warns."
)
TXPLAN_MFA_ENFORCED = env_bool(
    "TXPLAN_MFA_ENFORCED", True, "Require the second factor (administrators; practice option)."
)
TXPLAN_EMERGENCY_MINUTES = env_int(
    "TXPLAN_EMERGENCY_MINUTES", 60, "How long an emergency (break-glass) access grant lasts."
)
OTP_TOTP_ISSUER = "txplan"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE = env_bool("TXPLAN_HTTPS", False, "Served over HTTPS: secure cookies, HSTS, redirect.")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE and env_bool(
    "TXPLAN_HSTS_INCLUDE_SUBDOMAINS", True, "HSTS also covers the host's subdomains."
)
SECURE_HSTS_PRELOAD = SECURE and env_bool(
    "TXPLAN_HSTS_PRELOAD", True, "HSTS header carries preload (browsers' built-in list)."
)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

AUDITLOG_INCLUDE_ALL_MODELS = False

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TXPLAN_TIME_ZONE", "America/New_York", "The practice's time zone.")
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = HOME / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# WhiteNoise serves STATIC_ROOT (`txplan serve` runs collectstatic) and, through the finders,
# the app's own folders, so tests and `manage runserver` need no collectstatic.
WHITENOISE_USE_FINDERS = True
# (A read-only TXPLAN_HOME leaves WhiteNoise serving from the finders alone.)
with contextlib.suppress(OSError):
    STATIC_ROOT.mkdir(mode=0o755, parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Plain copies: compressing every file (source maps included) at each start took ~45 s.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Logs carry ids, never clinical text. Everything goes to stderr (the service manager keeps
# it): txplan's own messages, and Django's errors, including each 500's traceback, which
# Django would otherwise only print with DEBUG on or mail to ADMINS.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
        }
    },
    "loggers": {
        "txplan": {"handlers": ["console"], "level": "INFO"},
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
