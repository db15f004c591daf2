"""txplan icd search / show: ICD-10-CM offline."""

from __future__ import annotations

import click

from txplan.core import icd10


@click.group()
def icd() -> None:
    """Look up ICD-10-CM codes (offline)."""


@icd.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, help="Most results to show.")
@click.option("--z-codes", is_flag=True, help="Also search Z codes (relational, occupational …).")
def search(text: tuple[str, ...], limit: int, z_codes: bool) -> None:
    """Search billable F-chapter codes whose description contains every word of TEXT."""
    hits = icd10.search(" ".join(text), limit=limit, chapters="FZ" if z_codes else "F")
    if not hits:
        click.echo("No billable codes match.", err=True)
        raise SystemExit(1)
    for hit in hits:
        click.echo(f"{hit.code:<8} {hit.description}")


@icd.command()
@click.argument("code")
def show(code: str) -> None:
    """Show a billable code; an unknown or non-billable code exits 2 with suggestions."""
    try:
        found = icd10.lookup(code)
    except icd10.IcdError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from None
    click.echo(f"{found.code}  {found.description}  (billable)")


COMMANDS = [icd]
