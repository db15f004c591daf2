"""txplan backup / restore: the whole database to one file and back, SQLite or PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import click

from txplan.cli.web import _django


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
def backup(file: Path, force: bool) -> None:
    """Write the whole database to FILE (mode 0600): every row, exactly, in a format
    `txplan restore` loads into SQLite or PostgreSQL. The secret key is not included: keep it
    apart (docs/settings.md)."""
    if file.exists() and not force:
        raise click.UsageError(f"{file} exists; choose another name or add --force")
    _django()
    from txplan.web import backup as ops

    summary = ops.backup(file)
    click.echo(f"Backed up {summary.rows} rows from {summary.tables} tables to {file}")
    click.echo(f"  sha256 {summary.sha256}")


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def restore(file: Path) -> None:
    """Load FILE (from `txplan backup`) into an empty database, then check every signed
    version's seal. Exit 1 if any seal fails (e.g. a different secret key), 2 if the file or
    the database cannot be used."""
    _django()
    from txplan.web import backup as ops

    try:
        summary = ops.restore(file)
    except ops.BackupError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"Restored {summary.rows} rows into {summary.tables} tables from {file}")
    problems = ops.seal_problems()
    if problems:
        for problem in problems:
            click.echo(f"  integrity: {problem}", err=True)
        raise click.ClickException(
            f"{len(problems)} integrity problems: is TXPLAN_SECRET_KEY the one the backup's "
            "practice used?"
        )
    click.echo("  every plan version and signature passes its integrity check")


COMMANDS = [backup, restore]
