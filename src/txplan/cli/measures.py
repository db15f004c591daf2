"""txplan instruments / score / change: the instrument registry, scoring and change, offline.

Bad input exits 2 with a message naming the item (or the total), and an unknown instrument
exits 2 listing the valid ids — the same errors the web form shows.
"""

from __future__ import annotations

import json
import re

import click

from txplan.core.measures import change as changes
from txplan.core.measures import registry, scoring
from txplan.core.measures.model import Instrument
from txplan.core.measures.scoring import Score, ScoringError, convention_text, fmt

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
    help="The RESPONSES chosen, item 1 first, comma-separated, coded as the options are "
    "numbered on the form (0 = the first option on EPDS and PSS-10, whose reverse-keyed items "
    "are scored here), e.g. 2,2,1,3,1,0,2,1,0. See `--item-scores` for scores already keyed.",
)
@click.option(
    "--item-scores",
    "item_scores",
    metavar="S,S,…",
    help="ITEM SCORES already keyed (as read from a scoring key), item 1 first; nothing is "
    "reversed. EPDS --item-scores 2,2,3,2,2,2,2,2,2,3 totals 22.",
)
@click.option("--total", metavar="N", help="Score a total recorded without its items.")
@click.option(
    "--sex",
    type=click.Choice(["female", "male"]),
    help="Chooses a sex-specific cut-off (AUDIT-C: 3 for women, 4 for men); without it the "
    "documented default is used and the output says so.",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def score(
    instrument: str,
    answers: str | None,
    item_scores: str | None,
    total: str | None,
    sex: str | None,
    output: str,
) -> None:
    """Score INSTRUMENT from --answers (responses), --item-scores (keyed) or a --total.

    The output says which convention was used; the JSON has both `responses` and
    `item_scores` (see `txplan instruments` for the ids).
    """
    try:
        ins = registry.get(instrument)
    except registry.UnknownInstrument as exc:
        _fail(str(exc))
        return
    given = [x for x in (answers, item_scores, total) if x is not None]
    if len(given) != 1:
        _fail(
            "give either --answers (responses), --item-scores (keyed scores) or --total, "
            "exactly one"
        )
    try:
        if answers is not None:
            result = scoring.score_items(ins.id, _parse_answers(answers), sex=sex)
        elif item_scores is not None:
            result = scoring.score_items(ins.id, _parse_answers(item_scores), keyed=True, sex=sex)
        else:
            result = scoring.score_total(ins.id, _parse_number(total or "", "total"), sex=sex)
    except ScoringError as exc:
        _fail(str(exc))
        return
    if output == "json":
        low, high = (int(x) if x == int(x) else x for x in ins.range)
        data = {
            "name": ins.name,
            "range": [low, high],
            **result.to_dict(),
            "convention": convention_text(result.entered_as),
            "sex": sex,
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(_text(ins, result))


@click.command()
@click.argument("instrument")
@click.option("--from", "before", required=True, metavar="N", help="The earlier total.")
@click.option("--to", "after", required=True, metavar="N", help="The later total.")
@click.option(
    "--convention",
    type=click.Choice(list(changes.CONVENTIONS)),
    default=changes.DEFAULT,
    show_default=True,
    help="Reliable-change convention: each instrument's chosen threshold, Jacobson–Truax from "
    "published norms, or the NHS Talking Therapies thresholds (see docs/instruments.md).",
)
@click.option(
    "--sex",
    type=click.Choice(["female", "male"]),
    help="For a sex-specific cut-off (AUDIT-C) in clinically significant change.",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def change(
    instrument: str, before: str, after: str, convention: str, sex: str | None, output: str
) -> None:
    """Change in INSTRUMENT between two totals: the RCI, whether the change is reliable,
    and whether it is clinically significant."""
    try:
        ins = registry.get(instrument)
    except registry.UnknownInstrument as exc:
        _fail(str(exc))
        return
    try:
        first = _parse_number(before, "--from")
        last = _parse_number(after, "--to")
        result = changes.classify_series(ins.id, [first, last], convention=convention, sex=sex)
    except ScoringError as exc:
        text = str(exc).replace("totals[0]:", "--from:").replace("totals[1]:", "--to:")
        _fail(text)
        return
    cut, note = scoring.cutoff_for(ins, sex)
    if output == "json":
        rule = result.threshold
        data = {
            "instrument": ins.id,
            "name": ins.short_name,
            "from": first,
            "to": last,
            "improvement": result.improvement,
            "rci": result.rci,
            "reliable": result.reliable,
            "threshold": None
            if rule is None
            else {
                "value": round(rule.value, 2),
                "inclusive": rule.inclusive,
                "kind": rule.kind,
                "source": rule.source,
            },
            "convention": convention,
            "convention_used": result.convention,
            # Jacobson & Truax: clinically significant = reliable AND out of the clinical range.
            "crossed_cutoff": result.clinically_significant,
            "clinically_significant": None
            if result.clinically_significant is None or result.reliable is None
            else bool(result.clinically_significant and result.reliable),
            "cutoff": scoring.cutoff_words(cut) if cut else None,
            "cutoff_note": note,
            "classification": result.classification.value,
            "explanation": result.explanation,
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    rci = (
        f"RCI {fmt(result.rci)} (|RCI| > 1.96 is reliable by Jacobson–Truax)"
        if result.rci is not None
        else "RCI: not available (no SD, reliability or published RCI on record)"
    )
    reliable = {True: "yes", False: "no", None: "cannot tell (no threshold on record)"}
    crossed = result.clinically_significant
    if crossed is None:
        significant = "cannot tell: no caseness cut-off on record"
    elif crossed and result.reliable:
        significant = "yes: a reliable change from the clinical range to outside it"
    elif crossed:
        significant = "no: out of the clinical range, but the change is not reliable"
    else:
        significant = "no: did not move from the clinical range to outside it"
    lines = [
        f"{ins.short_name}: {fmt(first)} → {fmt(last)}",
        rci,
        f"reliable change: {reliable[result.reliable]} ({result.convention})",
        f"clinically significant: {significant}"
        + (f" (cut-off {scoring.cutoff_words(cut)})" if cut else ""),
        f"{result.classification.value.replace('_', ' ')}: {result.explanation}",
    ]
    if note:
        lines.append(note)
    click.echo("\n".join(lines))


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
    lines.append(convention_text(result.entered_as))
    if result.item_scores is not None and ins.scoring.reverse_items:
        lines.append(
            "responses: "
            + ",".join(fmt(v) for v in result.responses or [])
            + "; item scores: "
            + ",".join(fmt(v) for v in result.item_scores)
        )
    if result.cutoff is not None and result.case is not None:
        where = "in" if result.case else "not in"
        lines.append(f"{where} the clinical range (cut-off: {result.cutoff})")
    if result.cutoff_note:
        lines.append(result.cutoff_note)
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


COMMANDS = [instruments, score, change]
