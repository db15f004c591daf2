"""Operations (issue 13): headers on PHI, API docs behind login without a CDN, the SQLite file
mode, the secret key's sources, demo safety, `check --deploy` and `make run PORT=…`."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client as HttpClient
from django.test import override_settings
from django.urls import reverse

from tests.web.conftest import World
from txplan.cli import main
from txplan.web.accounts.models import Practice
from txplan.web.demo.build import DEMO_PASSWORD, PRACTICE_NAME, build_demo
from txplan.web.ops import demo_accounts, refuse_demo_in_production

ROOT = Path(__file__).parents[2]
DAY = date(2026, 11, 27)
CLI = "from txplan.cli import main; main()"


def _phi_urls(world: World) -> list[str]:
    plan = world.version.plan_id
    return [
        reverse("caseload"),
        reverse("client", args=[world.client.pk]),
        reverse("plan", args=[plan]),
        reverse("plan_version", args=[plan, 1]),
        reverse("plan_version_json", args=[plan, 1]),
        reverse("plan_edit", args=[plan, 1]),
        f"/api/v1/plans/{plan}/versions/1",
    ]


@pytest.mark.django_db
def test_phi_pages_exports_and_api_answers_are_never_stored(world: World) -> None:
    http = HttpClient()
    http.force_login(world.owner)
    for url in _phi_urls(world):
        response = http.get(url)
        assert response.status_code == 200, url
        cache = response.get("Cache-Control", "")
        assert "no-store" in cache and "private" in cache, (url, cache)


@pytest.mark.django_db
def test_a_refused_or_anonymous_answer_is_not_stored_either(world: World) -> None:
    plan = world.version.plan_id
    assert "no-store" in HttpClient().get(reverse("plan", args=[plan]))["Cache-Control"]
    stranger = HttpClient()
    stranger.force_login(world.stranger)
    response = stranger.get(reverse("plan", args=[plan]))
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]


def test_static_files_come_from_whitenoise_with_cache_lifetimes() -> None:
    response = HttpClient().get("/static/txplan/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "max-age=" in response["Cache-Control"]


@pytest.mark.django_db
def test_openapi_docs_and_schema_need_a_login(world: World) -> None:
    anonymous = HttpClient()
    for url in ("/api/v1/docs", "/api/v1/openapi.json"):
        response = anonymous.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    http = HttpClient()
    http.force_login(world.owner)
    assert http.get("/api/v1/openapi.json").status_code == 200


@pytest.mark.django_db
def test_openapi_docs_load_swagger_ui_from_our_own_static_files(world: World) -> None:
    http = HttpClient()
    http.force_login(world.owner)
    page = http.get("/api/v1/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any(s.endswith("swagger-ui-bundle.js") for s in sources), sources
    assert all(s.startswith("/static/") for s in sources), sources
    assert "cdn" not in page.lower()
    # The assets it names are really served.
    for source in sources:
        assert http.get(source).status_code == 200, source


@pytest.mark.django_db
def test_demo_accounts_are_found_by_practice_or_published_password(world: World) -> None:
    assert demo_accounts() == []
    refuse_demo_in_production()  # the test practice is not a demo
    build_demo(today=DAY)
    assert demo_accounts() == ["moreno", "nair", "okafor", "reyes", "whitfield"]
    with pytest.raises(Exception, match=r"refuse to start.*reyes"):
        refuse_demo_in_production()
    with override_settings(DEVELOPMENT=True):
        refuse_demo_in_production()
    # Renaming the practice does not hide a user who still has the published password.
    Practice.objects.filter(name=PRACTICE_NAME).update(name="Renamed")
    assert "reyes" in demo_accounts()


@pytest.mark.django_db
def test_a_real_user_named_like_a_demo_user_is_not_a_demo_account(world: World) -> None:
    world.owner.username = "reyes"
    world.owner.save()
    assert not world.owner.check_password(DEMO_PASSWORD)
    assert demo_accounts() == []


@pytest.mark.django_db
def test_txplan_demo_refuses_in_production_mode() -> None:
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 2
    assert "TXPLAN_MODE=development" in result.output
    assert not Practice.objects.filter(name=PRACTICE_NAME).exists()


@pytest.mark.django_db
def test_txplan_serve_refuses_a_database_with_demo_accounts() -> None:
    build_demo(today=DAY)
    result = CliRunner().invoke(main, ["serve", "--no-migrate", "--port", "1"])
    assert result.exit_code == 1
    assert "refuse to start" in result.output


def _settings_in(home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Import the settings in a fresh interpreter with TXPLAN_HOME=home (SQLite)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TXPLAN_")}
    environment.pop("DATABASE_URL", None)
    environment.update(TXPLAN_HOME=str(home), **env)
    code = "from txplan.web import settings as s; print(s.SECRET_KEY)"
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60
    )


def test_the_sqlite_file_and_home_are_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert _settings_in(home).returncode == 0
    assert stat.S_IMODE((home / "txplan.sqlite3").stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "secret_key").stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


def test_an_existing_readable_sqlite_file_is_tightened(tmp_path: Path) -> None:
    (tmp_path / "txplan.sqlite3").write_bytes(b"")
    (tmp_path / "txplan.sqlite3").chmod(0o644)
    assert _settings_in(tmp_path).returncode == 0
    assert stat.S_IMODE((tmp_path / "txplan.sqlite3").stat().st_mode) == 0o600


def test_the_secret_key_comes_from_the_environment_or_a_file_apart(tmp_path: Path) -> None:
    home = tmp_path / "home"
    given = _settings_in(home, TXPLAN_SECRET_KEY="from-the-environment-" + "x" * 40)
    assert given.stdout.strip() == "from-the-environment-" + "x" * 40
    key_file = tmp_path / "elsewhere" / "secret_key"
    key_file.parent.mkdir()
    key_file.write_text("from-a-file-" + "y" * 40 + "\n")
    from_file = _settings_in(home, TXPLAN_SECRET_KEY_FILE=str(key_file))
    assert from_file.stdout.strip() == "from-a-file-" + "y" * 40
    assert not (home / "secret_key").exists()  # nothing generated beside the database
    missing = _settings_in(home, TXPLAN_SECRET_KEY_FILE=str(tmp_path / "nope"))
    assert missing.returncode != 0
    assert "TXPLAN_SECRET_KEY_FILE: cannot read" in missing.stderr


def test_a_bad_mode_stops_start_up_with_its_name(tmp_path: Path) -> None:
    result = _settings_in(tmp_path, TXPLAN_MODE="prod")
    assert result.returncode != 0
    assert "TXPLAN_MODE" in result.stderr


def _check_deploy(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TXPLAN_")}
    environment.pop("DATABASE_URL", None)
    environment.update(TXPLAN_HOME=str(tmp_path), **env)
    # Set by the test harness (tests/web/test_browser.py) and refused by check --deploy.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from txplan.cli import main; main()",
            "manage",
            "check",
            "--deploy",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings(tmp_path: Path) -> None:
    key = tmp_path / "key"
    key.write_text("k" * 20 + "-a-production-secret-key-" + "Z9" * 20)
    production = _check_deploy(
        tmp_path,
        TXPLAN_SECRET_KEY_FILE=str(key),
        TXPLAN_ALLOWED_HOSTS="plans.example.org",
        TXPLAN_CSRF_TRUSTED_ORIGINS="https://plans.example.org",
        TXPLAN_HTTPS="1",
    )
    assert production.returncode == 0, production.stdout + production.stderr
    assert "no issues" in production.stdout
    # The check is real: without HTTPS it names what is missing.
    plain = _check_deploy(tmp_path, TXPLAN_SECRET_KEY_FILE=str(key))
    assert "security.W012" in plain.stdout + plain.stderr


def test_make_run_takes_a_port_and_runs_in_development_mode() -> None:
    result = subprocess.run(
        ["make", "-n", "run", "PORT=8001"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    serve = [line for line in result.stdout.splitlines() if "txplan serve" in line]
    assert serve and "--port 8001" in serve[0], result.stdout
    assert "TXPLAN_MODE=development" in serve[0]
    demo = [line for line in result.stdout.splitlines() if "txplan demo" in line]
    assert demo and "TXPLAN_MODE=development" in demo[0]


def test_server_errors_are_logged_to_stderr(tmp_path: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TXPLAN_")}
    environment.pop("DATABASE_URL", None)
    environment.update(TXPLAN_HOME=str(tmp_path), DJANGO_SETTINGS_MODULE="txplan.web.settings")
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').error('Internal Server Error: /plans/1/')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60
    )
    assert "ERROR django.request: Internal Server Error: /plans/1/" in result.stderr
    assert result.stdout == ""


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_txplan_serve_runs_gunicorn_with_whitenoise_under_production_settings(
    tmp_path: Path,
) -> None:
    import time
    import urllib.request

    port = _free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TXPLAN_")}
    environment.pop("DATABASE_URL", None)
    environment.update(TXPLAN_HOME=str(tmp_path))
    server = subprocess.Popen(
        [sys.executable, "-c", CLI, "serve", "--port", str(port), "--workers", "1"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            assert time.monotonic() < deadline, "the server did not answer"
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        with urllib.request.urlopen(base + "/login/", timeout=10) as page:
            assert page.headers["Server"].startswith("gunicorn")
            assert "no-store" in page.headers["Cache-Control"]
        with urllib.request.urlopen(base + "/static/txplan/app.css", timeout=10) as css:
            assert "max-age=" in css.headers["Cache-Control"]
            assert "no-store" not in css.headers["Cache-Control"]
        assert (tmp_path / "static" / "txplan" / "app.css").exists()  # collectstatic ran
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert "Booting worker" in output  # gunicorn's own log, on stderr
