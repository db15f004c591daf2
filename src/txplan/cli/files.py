"""Reading plan files for CLI commands: one place for the messages and exit codes."""

from __future__ import annotations

from pathlib import Path

import click

from txplan.core.document import PlanDocumentError, loads
from txplan.core.plan import Plan


def read_plan(file: Path) -> Plan:
    """The plan in ``file``; otherwise each problem on stderr, prefixed with the file name,
    and exit 2 (bad input), so scripts can tell bad input from a plan with audit errors."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        click.echo(f"{file}: cannot read: {reason}", err=True)
        raise SystemExit(2) from None
    try:
        return loads(text)
    except PlanDocumentError as exc:
        for error in exc.errors:
            click.echo(f"{file}: {error}", err=True)
        raise SystemExit(2) from None
