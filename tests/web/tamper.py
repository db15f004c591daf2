"""Helpers for tests that play someone editing the database directly."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connection

from txplan.web.plans import triggers


@contextmanager
def without_triggers() -> Iterator[None]:
    """The database owner can drop the triggers; the seals must still catch the edit."""
    triggers.execute(connection, triggers.DROP)
    try:
        yield
    finally:
        triggers.execute(connection, triggers.CREATE)


def raw(sql: str, params: Sequence[Any] = ()) -> None:
    """One statement with the triggers dropped around it."""
    with without_triggers(), connection.cursor() as cursor:
        cursor.execute(sql, list(params))
