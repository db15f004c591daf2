"""txplan instruments / score: the instrument registry and scoring, offline.

Bad input exits 2 with a message naming the item (or the total), and an unknown instrument
exits 2 listing the valid ids — the same errors the web form shows.
"""

from __future__ import annotations

import json
import re

import click

from txplan.core.measures import registry, scoring
from txplan.core.measures.model import Instrument
from txplan.core.measures.scoring import Score, ScoringError, fmt

_INT = re.compile(r"^[+-]?\d+$")


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    raise SystemExit(2)


@click.command()
def instruments() -> None:
    """List the instruments that can be scored: id, name, items, range."""
    rows = [
        (
            ins.id,
            ins.short_name,
            f"{ins.item_count} items",
            f"{fmt(ins.range[0])}–{fmt(ins.range[1])}",
            ins.direction.value.replace("_", " "),
        )
        for ins in registry.all_instruments()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[4]]))


@click.command()
@click.argument("instrument")
@click.option(
    "--answers",
    metavar="A,B,…",
    help="Item answers in item order, comma-separated, e.g. 2,2,1,3,1,0,2,1,0.",
)
@click.option("--total", metavar="N", help="Score a total recorded without its items.")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def score(instrument: str, answers: str | None, total: str | None, output: str) -> None:
    """Score INSTRUMENT from item --answers or from a --total (see `txplan instruments`)."""
    try:
        ins = registry.get(instrument)
    except registry.UnknownInstrument as exc:
        _fail(str(exc))
        return
    if (answers is None) == (total is None):
        _fail("give either --answers (item by item) or --total, not both")
    try:
        if answers is not None:
            result = scoring.score_items(ins.id, _parse_answers(answers))
        else:
            result = scoring.score_total(ins.id, _parse_number(total or "", "total"))
    except ScoringError as exc:
        _fail(str(exc))
        return
    if output == "json":
        low, high = (int(x) if x == int(x) else x for x in ins.range)
        data = {"name": ins.name, "range": [low, high], **result.to_dict()}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(_text(ins, result))


def _parse_number(text: str, where: str) -> float:
    token = text.strip()
    if _INT.match(token):
        return int(token)
    try:
        value = float(token)
    except ValueError:
        raise ScoringError(f"{where}: {token!r} is not a number") from None
    return value


def _parse_answers(text: str) -> list[float | None]:
    """ "2,,1" → [2, None, 1]: an empty place is a missing answer (reported by the scorer)."""
    out: list[float | None] = []
    for n, token in enumerate(text.split(","), start=1):
        out.append(None if not token.strip() else _parse_number(token, f"item {n}"))
    return out


def _text(ins: Instrument, result: Score) -> str:
    band = f" — {result.band_label}" if result.band_label else ""
    lines = [
        f"{ins.short_name}: total {fmt(result.total)} "
        f"(range {fmt(ins.range[0])}–{fmt(ins.range[1])}){band}"
    ]
    if ins.caseness is not None and result.case is not None:
        cut = ins.caseness.chosen
        where = "in" if result.case else "not in"
        lines.append(
            f"{where} the clinical range (cut-off: {cut.comparator.value} {fmt(cut.value)})"
        )
    if result.subscales:
        names = {s.id: s.name for s in ins.subscales}
        parts = [f"{key} {names[key].lower()} {fmt(v)}" for key, v in result.subscales.items()]
        lines.append("subscales: " + "; ".join(parts))
    if result.provisional is not None:
        lines.append(result.provisional.explanation)
    for flag in result.flags:
        where = f"item {flag.item}: " if flag.item else ""
        lines.append(f"{flag.severity.value.upper()}  {where}{flag.message} [{flag.code}]")
    return "\n".join(lines)


COMMANDS = [instruments, score]
