"""txplan plan validate FILE: check a plan document and list every problem with its field path."""

from __future__ import annotations

from pathlib import Path

import click

from txplan.cli.files import read_plan


@click.group()
def plan() -> None:
    """Work with plan documents (JSON)."""


@plan.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def validate(file: Path) -> None:
    """Validate a plan document; print every error with its field path (exit 2 if any)."""
    document = read_plan(file)
    counts = (
        f"{len(document.problems)} problems, "
        f"{sum(len(p.goals) for p in document.problems)} goals, "
        f"{len(document.objectives())} objectives"
    )
    click.echo(f"{file}: valid plan document ({counts})")


COMMANDS = [plan]
