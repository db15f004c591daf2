"""txplan plan validate FILE: check a plan document and list every problem with its field path."""

from __future__ import annotations

from pathlib import Path

import click

from txplan.core.document import PlanDocumentError, loads


@click.group()
def plan() -> None:
    """Work with plan documents (JSON)."""


@plan.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def validate(file: Path) -> None:
    """Validate a plan document; print every error with its field path (exit 2 if any)."""
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{file}: cannot read: {exc.strerror}") from None
    try:
        document = loads(text)
    except PlanDocumentError as exc:
        for error in exc.errors:
            click.echo(f"{file}: {error}", err=True)
        raise SystemExit(2) from None
    counts = (
        f"{len(document.problems)} problems, "
        f"{sum(len(p.goals) for p in document.problems)} goals, "
        f"{len(document.objectives())} objectives"
    )
    click.echo(f"{file}: valid plan document ({counts})")


COMMANDS = [plan]
