"""Backup and restore of a whole txplan database, the same on SQLite and PostgreSQL.

`dumpdata`/`loaddata` are not enough: Django's JSON encoder cuts datetimes to milliseconds,
and the seals of signed versions cover microseconds, so a restored version would fail its
integrity check. This format keeps every value exactly:

- one JSON value per line (UTF-8, keys sorted), so the file is deterministic: backing up a
  restored database gives the same bytes, on either database engine;
- line 1 is a header (format, version, applied migrations); then, per table, a line naming
  the model and its columns followed by one line per row, in primary-key order; the last
  line holds the row count and the SHA-256 of everything before it, so a truncated or edited
  file is refused;
- datetimes in UTC with microseconds, binary data in base64, JSON documents as JSON.

Rows are inserted raw (no signals, no `auto_now`), with their original primary keys, into a
database that holds nothing yet; sessions are left out (restoring logs everyone out). The
secret key is not in the backup: keep it apart, and restore with the same key, or every
signed version fails its seal check.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.dateparse import parse_duration
from django.utils.duration import duration_string

FORMAT = "txplan-backup"
VERSION = 1
# A database with rows in these apps holds a practice's records: restore refuses it. Any
# other rows were created by `migrate` itself and make way for the backup's.
RECORD_APPS = ("accounts", "clients", "plans", "measures")
LEFT_OUT = ("sessions.session",)


class BackupError(Exception):
    """A backup file that cannot be restored here, or a database that cannot take it."""


@dataclass(frozen=True)
class Summary:
    tables: int
    rows: int
    sha256: str


def _models() -> list[type[models.Model]]:
    chosen = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in LEFT_OUT
    ]
    return sorted(chosen, key=lambda model: model._meta.label_lower)


def _columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return list(model._meta.local_concrete_fields)


def _encode(field: models.Field[Any, Any], value: Any) -> Any:
    if value is None:
        return None
    kind = field.get_internal_type()
    if kind == "JSONField":
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return duration_string(value)
    if isinstance(value, bytes | memoryview | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)  # UUID and the like


def _decode(field: models.Field[Any, Any], value: Any) -> Any:
    if value is None:
        return None
    kind = field.get_internal_type()
    if kind == "JSONField":
        return value
    if kind == "BinaryField":
        return base64.b64decode(value)
    if kind == "DurationField":
        return parse_duration(value)
    return field.to_python(value)


def _line(value: Any) -> bytes:
    return (
        json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
    ).encode("utf-8")


def _applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connection)
    return sorted([app, name] for app, name in recorder.applied_migrations())


def _lines() -> Iterator[bytes]:
    yield _line({"format": FORMAT, "version": VERSION, "migrations": _applied_migrations()})
    for model in _models():
        columns = _columns(model)
        rows = model._base_manager.order_by("pk").values_list(*(f.attname for f in columns))
        yield _line({"model": model._meta.label_lower, "columns": [f.attname for f in columns]})
        for row in rows.iterator(chunk_size=500):
            yield _line([_encode(field, value) for field, value in zip(columns, row, strict=True)])


def backup(path: Path) -> Summary:
    """Write the whole database to `path` (mode 0600), in one read transaction."""
    digest = hashlib.sha256()
    tables = rows = 0
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out, transaction.atomic():
        for line in _lines():
            if line.startswith(b'{"columns":'):
                tables += 1
            elif line.startswith(b"["):
                rows += 1
            digest.update(line)
            out.write(line)
        out.write(_line({"end": True, "rows": rows, "sha256": digest.hexdigest()}))
    partial.replace(path)
    return Summary(tables, rows, digest.hexdigest())


def _read(path: Path) -> tuple[dict[str, Any], list[tuple[str, list[str], list[list[Any]]]]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror}") from None
    lines = raw.splitlines(keepends=True)
    if len(lines) < 2:
        raise BackupError(f"{path} is not a txplan backup (too short)")
    try:
        header = json.loads(lines[0])
        footer = json.loads(lines[-1])
    except ValueError:
        raise BackupError(f"{path} is not a txplan backup (not JSON lines)") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(f"{path} is not a txplan backup")
    if header.get("version") != VERSION:
        raise BackupError(f"{path}: backup format version {header.get('version')} is unknown")
    body = b"".join(lines[:-1])
    if not isinstance(footer, dict) or footer.get("sha256") != hashlib.sha256(body).hexdigest():
        raise BackupError(f"{path} is incomplete or was changed (its checksum does not match)")
    tables: list[tuple[str, list[str], list[list[Any]]]] = []
    for line in lines[1:-1]:
        value = json.loads(line)
        if isinstance(value, dict):
            tables.append((value["model"], value["columns"], []))
        else:
            tables[-1][2].append(value)
    return header, tables


def _insert(model: type[models.Model], columns: list[str], rows: list[list[Any]]) -> None:
    by_attname = {f.attname: f for f in _columns(model)}
    unknown = [c for c in columns if c not in by_attname]
    if unknown:
        raise BackupError(
            f"{model._meta.label_lower}: columns {', '.join(unknown)} are unknown to this "
            "version of txplan (the backup is newer)"
        )
    fields = [by_attname[c] for c in columns]
    objects = []
    for row in rows:
        obj = model()
        for field, value in zip(fields, row, strict=True):
            setattr(obj, field.attname, _decode(field, value))
        objects.append(obj)
    size = max(connection.ops.bulk_batch_size(fields, objects) or len(objects), 1)
    for start in range(0, len(objects), size):
        batch = objects[start : start + size]
        model._base_manager._insert(batch, fields=fields, raw=True)  # type: ignore[attr-defined]


def restore(path: Path) -> Summary:
    """Load a backup into this database, which must hold no data yet (it is migrated first)."""
    header, tables = _read(path)
    call_command("migrate", interactive=False, verbosity=0)
    applied = {tuple(pair) for pair in _applied_migrations()}
    missing = [f"{a}.{n}" for a, n in header["migrations"] if (a, n) not in applied]
    if missing:
        raise BackupError(
            "the backup comes from a newer txplan (migrations unknown here: "
            + ", ".join(missing[:5])
            + "); upgrade txplan first"
        )
    in_use = [
        model._meta.label_lower
        for model in _models()
        if model._meta.app_label in RECORD_APPS and model._base_manager.exists()
    ]
    if in_use:
        raise BackupError(
            "restore needs a new database, and this one holds a practice's records ("
            + ", ".join(in_use[:5])
            + "); point TXPLAN_HOME or DATABASE_URL at a new one"
        )
    rows = 0
    loaded: list[type[models.Model]] = []
    with transaction.atomic(), connection.constraint_checks_disabled():
        # What `migrate` itself created (content types, permissions, seed rows) makes way
        # for the backup's own rows.
        # (Only tables that hold rows: a DELETE on an empty table would still fire triggers.)
        for model in _models():
            if model._base_manager.exists():
                model._base_manager.all()._raw_delete(connection.alias)
        for label, columns, table in tables:
            try:
                model = apps.get_model(label)
            except LookupError:
                raise BackupError(f"{label}: a table unknown to this version of txplan") from None
            if table:
                _insert(model, columns, table)
                rows += len(table)
            loaded.append(model)
        connection.check_constraints(table_names=[m._meta.db_table for m in loaded])
        statements = connection.ops.sequence_reset_sql(no_style(), loaded)
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
    apps.get_model("contenttypes.contenttype").objects.clear_cache()
    return Summary(len(tables), rows, hashlib.sha256(path.read_bytes()).hexdigest())


def seal_problems() -> list[str]:
    """Every plan version and signature whose integrity check fails after a restore."""
    from txplan.web.plans import integrity
    from txplan.web.plans.models import PlanVersion

    problems = []
    for version in PlanVersion.objects.order_by("pk"):
        for problem in integrity.check(version):
            problems.append(f"plan {version.plan_id} version {version.number}: {problem}")
    return problems
