"""`txplan backup` / `txplan restore` (issue 13): the round trip is byte-equal with every seal
intact, on SQLite and from SQLite into PostgreSQL and back.

Each command runs in its own interpreter, as a practice would run it, against databases made
for the test under tmp_path (and a PostgreSQL database created and dropped by the test)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

# `make test` runs tests/web a second time with DATABASE_URL=TXPLAN_TEST_DATABASE_URL. These
# tests make their own databases whatever the suite's is, and the first pass already restores
# into PostgreSQL, so the second pass would only repeat them.
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL"))
    and os.environ.get("DATABASE_URL") == os.environ.get("TXPLAN_TEST_DATABASE_URL"),
    reason="the SQLite pass of `make test` already ran these, PostgreSQL restore included",
)
CLI = "from txplan.cli import main; main()"
KEY = "round-trip-secret-key-" + "r" * 40


def txplan(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TXPLAN_")}
    environment.pop("DATABASE_URL", None)
    environment.update(TXPLAN_HOME=str(home), TXPLAN_SECRET_KEY=KEY)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", CLI, *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A backup of the demo practice (signed, co-signed, amended and draft plans, measures,
    drawn signatures) taken from a new SQLite database."""
    folder = tmp_path_factory.mktemp("backup")
    built = txplan(folder / "a", "demo", "--today", "2026-11-27", TXPLAN_MODE="development")
    assert built.returncode == 0, built.stderr
    made = txplan(folder / "a", "backup", str(folder / "a.txb"))
    assert made.returncode == 0, made.stderr
    return folder / "a.txb"


def test_backup_file_is_private_and_names_its_rows(source: Path) -> None:
    assert stat.S_IMODE(source.stat().st_mode) == 0o600
    lines = source.read_bytes().splitlines()
    assert lines[0].startswith(b'{"format":"txplan-backup"')
    assert b'"model":"plans.planversion"' in source.read_bytes()
    assert b'"model":"sessions.session"' not in source.read_bytes()
    # Microseconds survive (Django's own JSON encoder cuts them to milliseconds).
    assert any(b"." in line and b'+00:00"' in line for line in lines)


def test_sqlite_round_trip_is_byte_equal_with_every_seal_intact(
    source: Path, tmp_path: Path
) -> None:
    started = time.perf_counter()
    restored = txplan(tmp_path / "b", "restore", str(source))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "every plan version and signature passes its integrity check" in restored.stdout
    again = txplan(tmp_path / "b", "backup", str(tmp_path / "b.txb"))
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "b.txb").read_bytes() == source.read_bytes()
    print(
        f"\nSQLite round trip: {restored.stdout.splitlines()[0]} in "
        f"{time.perf_counter() - started:.1f} s, byte-equal"
    )


def _postgres_url() -> str:
    for name in ("TXPLAN_TEST_DATABASE_URL", "DATABASE_URL"):
        url = os.environ.get(name, "")
        if url.startswith(("postgres://", "postgresql://")):
            return url
    return ""


@pytest.mark.skipif(
    not _postgres_url(), reason="needs TXPLAN_TEST_DATABASE_URL (PostgreSQL), as .ci/run sets"
)
def test_sqlite_to_postgresql_and_back_is_byte_equal(source: Path, tmp_path: Path) -> None:
    import psycopg

    base = urlsplit(_postgres_url())
    name = f"txplan_restore_test_{os.getpid()}"
    # The server's maintenance database, so the test needs no database of its own first.
    admin = psycopg.connect(urlunsplit(base._replace(path="/postgres")), autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    url = urlunsplit(base._replace(path="/" + name))
    try:
        restored = txplan(tmp_path / "pg", "restore", str(source), DATABASE_URL=url)
        assert restored.returncode == 0, restored.stdout + restored.stderr
        assert "passes its integrity check" in restored.stdout
        again = txplan(tmp_path / "pg", "backup", str(tmp_path / "pg.txb"), DATABASE_URL=url)
        assert again.returncode == 0, again.stderr
        assert (tmp_path / "pg.txb").read_bytes() == source.read_bytes()
        # Sequences follow the restored keys: a new row gets a fresh id.
        added = txplan(
            tmp_path / "pg",
            "manage",
            "shell",
            "-c",
            "from txplan.web.accounts.models import Practice as P; "
            "top = max(P.objects.values_list('pk', flat=True)); "
            "print(P.objects.create(name='New').pk > top)",
            DATABASE_URL=url,
        )
        assert added.stdout.strip().splitlines()[-1] == "True", added.stdout + added.stderr
        # And back into SQLite.
        back = txplan(tmp_path / "c", "restore", str(tmp_path / "pg.txb"))
        assert back.returncode == 0, back.stderr
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_a_different_secret_key_shows_every_seal_failing(source: Path, tmp_path: Path) -> None:
    restored = txplan(
        tmp_path / "d", "restore", str(source), TXPLAN_SECRET_KEY="another-key-" + "w" * 40
    )
    assert restored.returncode == 1
    assert "integrity:" in restored.stderr
    assert "TXPLAN_SECRET_KEY" in restored.stderr


def test_a_truncated_or_edited_backup_is_refused(source: Path, tmp_path: Path) -> None:
    lines = source.read_bytes().splitlines(keepends=True)
    truncated = tmp_path / "cut.txb"
    truncated.write_bytes(b"".join(lines[:-5] + lines[-1:]))
    result = txplan(tmp_path / "e", "restore", str(truncated))
    assert result.returncode == 2
    assert "checksum does not match" in result.stderr
    edited = tmp_path / "edited.txb"
    edited.write_bytes(source.read_bytes().replace(b"Lindqvist", b"Lindqvisk", 1))
    assert txplan(tmp_path / "e", "restore", str(edited)).returncode == 2
    assert txplan(tmp_path / "e", "restore", str(tmp_path / "nope.txb")).returncode == 2


def test_restore_refuses_a_database_that_holds_records(source: Path, tmp_path: Path) -> None:
    assert txplan(tmp_path / "f", "restore", str(source)).returncode == 0
    second = txplan(tmp_path / "f", "restore", str(source))
    assert second.returncode == 2
    assert "holds a practice's records" in second.stderr


def test_backup_does_not_overwrite_without_force(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "exists.txb"
    target.write_text("keep me")
    result = txplan(tmp_path / "g", "backup", str(target))
    assert result.returncode == 2
    assert target.read_text() == "keep me"
