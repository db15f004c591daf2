"""docs/instruments.md, rendered from the registry so the two cannot drift apart.

``scripts/write_instruments_doc.py`` writes the file; a test fails when the file differs from
``render_markdown()`` or when an instrument is missing from it.
"""

from __future__ import annotations

import inspect

from txplan.core.measures import criteria, registry
from txplan.core.measures.model import Cutoff, Instrument
from txplan.core.measures.scoring import fmt

HEADER = """\
# Instruments

<!-- Generated from src/txplan/data/instruments/*.yaml by scripts/write_instruments_doc.py.
     Do not edit by hand: change the YAML and re-run the script. -->

Every standardized instrument txplan can score, with the values it uses and where each comes
from. Values were checked against the project's shared reference notes
(`instruments.yaml` / `instruments.md`); anything marked *unconfirmed* there is marked here too.
Where sources disagree, the value in use is marked **chosen**, with the reason, and the
alternatives are listed so a practice can choose another (`change.classify_series(...,
threshold=...)` accepts one).

Score from the command line: `txplan score phq9 --answers 2,2,1,3,1,0,2,1,0` or
`txplan score phq9 --total 14` (`--format json` for machines); list them with
`txplan instruments`.
"""


def _range(ins: Instrument) -> str:
    return f"{fmt(ins.range[0])}–{fmt(ins.range[1])}"


def _cut(cut: Cutoff) -> str:
    note = f"; {cut.note}" if cut.note else ""
    return f"{cut.comparator.value} {fmt(cut.value)} ({cut.population}; {cut.source}{note})"


def render_markdown() -> str:
    instruments = registry.all_instruments()
    out = [
        HEADER,
        "| id | name | items | range | better | caseness (chosen) | reliable change |",
        "|---|---|---|---|---|---|---|",
    ]
    for ins in instruments:
        case = ins.caseness.chosen if ins.caseness else None
        rc = ins.reliable_change.chosen if ins.reliable_change else None
        out.append(
            f"| `{ins.id}` | [{ins.short_name}](#{ins.id}) | {ins.item_count} | {_range(ins)} | "
            f"{ins.direction.value.split('_')[0]} | "
            f"{f'{case.comparator.value} {fmt(case.value)}' if case else '—'} | "
            f"{f'{fmt(rc.value)} ({rc.kind.value})' if rc else '—'} |"
        )
    for ins in instruments:
        out += ["", *_section(ins)]
    out += [
        "",
        "## How objective criteria are evaluated",
        "",
        inspect.cleandoc(criteria.__doc__ or ""),
    ]
    return "\n".join(out).rstrip() + "\n"


def _section(ins: Instrument) -> list[str]:
    lines = [
        f'<a id="{ins.id}"></a>',
        f"## {ins.short_name} — `{ins.id}`",
        "",
        f"**{ins.name}.** {ins.item_count} items, total {_range(ins)}, "
        f"{ins.direction.value.replace('_', ' ')}. Timeframe: {ins.timeframe}.",
        "",
        f"- **Scoring:** {ins.scoring.method}",
        f"- **Answers are** {ins.scoring.answers_are.rstrip('.')}.",
        f"- **Missing items:** {ins.scoring.missing_items_note}",
    ]
    if ins.options:
        opts = ", ".join(f"{o.value} = {o.label}" for o in ins.options)
        lines.append(f"- **Options:** {opts}.")
    own = [item for item in ins.items if item.options]
    for item in own:
        opts = ", ".join(f"{o.value} = {o.label}" for o in item.options or [])
        lines.append(f"- **Item {item.n} options:** {opts}.")
    if ins.scale:
        lines.append(
            f"- **Scale:** each item {fmt(ins.scale.min)}–{fmt(ins.scale.max)} {ins.scale.unit}, "
            f"{ins.scale.decimals} decimal place(s)."
        )
    lines += [f"- {note}" for note in ins.scoring.notes]
    lines.append("")
    if ins.bands:
        lines += ["| band | label | scores |", "|---|---|---|"]
        lines += [f"| `{b.id}` | {b.label} | {fmt(b.min)}–{fmt(b.max)} |" for b in ins.bands]
        lines += ["", f"Bands: {ins.bands_source}"]
    else:
        lines.append("No severity bands.")
    if ins.bands_note:
        lines.append(f"{ins.bands_note}")
    lines.append("")
    if ins.caseness:
        lines.append(f"**Caseness (chosen):** {_cut(ins.caseness.chosen)}. {ins.caseness.why}")
        lines += [f"- alternative: {_cut(alt)}" for alt in ins.caseness.alternatives]
    else:
        lines.append(f"**Caseness:** none. {ins.caseness_note}")
    lines.append("")
    rc = ins.reliable_change
    if rc and rc.chosen:
        c = rc.chosen
        note = f"; {c.note}" if c.note else ""
        lines.append(
            f"**Reliable change (chosen):** {fmt(c.value)} points ({c.kind.value}; "
            f"{c.source}{note}). {rc.why}"
        )
    elif rc and rc.jacobson_truax:
        jt = rc.jacobson_truax
        lines.append(
            f"**Reliable change:** Jacobson–Truax from SD {fmt(jt.sd)} and reliability "
            f"{fmt(jt.reliability)} ({jt.source}). {rc.why}"
        )
    else:
        lines.append(f"**Reliable change:** none on record. {ins.reliable_change_note}")
    if rc:
        for alt in rc.alternatives:
            note = f"; {alt.note}" if alt.note else ""
            lines.append(f"- alternative: {fmt(alt.value)} ({alt.kind.value}; {alt.source}{note})")
        lines += [f"- {note}" for note in rc.notes]
    lines.append("")
    for rule in ins.flags:
        lines.append(
            f"**Flag `{rule.code}` ({rule.severity.value}):** item {rule.item} score "
            f"{rule.comparator.value} {fmt(rule.value)}. {rule.message} Source: {rule.source}"
        )
    if ins.subscales:
        parts = [f"{s.id} {s.name} (items {', '.join(map(str, s.items))})" for s in ins.subscales]
        lines.append(f"**Subscales:** {'; '.join(parts)}.")
    if ins.provisional:
        p = ins.provisional
        need = ", ".join(f"{k} ≥ {v}" for k, v in p.required.items())
        lines.append(
            f"**{p.name}:** an item scored {p.item_min} or more is endorsed; needs {need} "
            f"endorsed items. {p.note} Source: {p.source}"
        )
    lines.append("")
    lines.append(_loinc(ins))
    text = "shown (licence allows)" if ins.item_text_allowed else "not stored"
    lines += ["", f"**Item text:** {text}. **Licence:** {ins.licence}"]
    if ins.attribution:
        lines.append(f"Attribution: {ins.attribution}")
    lines += ["", "Sources:", *[f"- <{url}>" for url in ins.sources]]
    return lines


def _loinc(ins: Instrument) -> str:
    parts = []
    for label, code in (("panel", ins.loinc.panel), ("total score", ins.loinc.total)):
        if code is None:
            continue
        flag = "" if code.confirmed else " (unconfirmed" + (f": {code.note}" if code.note else "")
        parts.append(f"{label} {code.code}{flag}{')' if flag else ''}")
    text = "; ".join(parts) if parts else "none"
    note = f" {ins.loinc.note}" if ins.loinc.note else ""
    return f"**LOINC:** {text}.{note}"
