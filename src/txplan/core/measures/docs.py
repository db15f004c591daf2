"""docs/instruments.md, rendered from the registry so the two cannot drift apart.

``scripts/write_instruments_doc.py`` writes the file; a test fails when the file differs from
``render_markdown()`` or when an instrument is missing from it.
"""

from __future__ import annotations

import inspect
import math

from txplan.core.measures import criteria, registry, use
from txplan.core.measures.model import Cutoff, Instrument, JacobsonTruax
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

## Answers or item scores: two conventions, never mixed

- `--answers` (and the web form's item-by-item entry) takes the **responses**: the option chosen
  for each item, in the order printed on the form, coded by the option values listed below
  (on EPDS and PSS-10, 0 = the first option). Reverse-keyed items are scored by the key here.
- `--item-scores` takes **item scores already keyed**, as read from a scoring key; nothing is
  reversed. EPDS `--item-scores 2,2,3,2,2,2,2,2,2,3` is a total of 22 with item 10 scoring 3
  (self-harm flag); the same digits as `--answers` are responses and total 11.
- The JSON output carries both lists, `responses` and `item_scores`, and `entered_as` says
  which one was typed. The two only differ on instruments that reverse an item (EPDS, PSS-10
  and any other with "reverse-scored items" below).
- Every missing item is named at once; no instrument here has a published prorating rule.

## Risk flags stay open until assessed

A risk flag (PHQ-9 item 9, EPDS item 10, and any other flag of severity `risk` below) is
raised on the item's *score*, whatever the total. In the web app it stays open — a later
administration scoring 0 does not clear it — until the treating clinician records a risk
assessment: who, the date, the outcome (no current risk, low, moderate, high) and whether the
safety plan was reviewed. The assessment is kept with the flag, and the client, plan and
caseload pages show each flag's status.

## Cut-offs that depend on sex

Where a cut-off depends on sex (AUDIT-C: 4 or more for men, 3 or more for women), the CLI takes
`--sex female|male` and the web app takes sex from the client record. Where sex is not recorded
the chosen cut-off below is the documented default, and the result says so.

## Reliable change: conventions

Each instrument's section gives the threshold or the Jacobson–Truax parameters (SD and
reliability, or a published SEM) with its source. A practice chooses one convention
(`TXPLAN_RELIABLE_CHANGE_CONVENTION` in the web settings; `--convention` in `txplan change`):

- `default`: each instrument's **chosen** threshold below;
- `jacobson_truax`: Jacobson & Truax 1991 from published norms: the instrument's SD and
  reliability (or SEM) where recorded, else its published RCI threshold (kind `rci`);
- `nhs_talking_therapies`: the NHS Talking Therapies reliable-improvement thresholds
  (PHQ-9 6, GAD-7 4).

An instrument without a value under the chosen convention falls back to its chosen threshold.
Every "reliably improved" the app or CLI shows names the convention and the threshold used.
`txplan change ID --from N --to N [--convention …] [--format json]` prints the RCI
((post − pre) / S_diff, where S_diff is known), whether the change is reliable, and whether it
is clinically significant (from the clinical range to outside it).
"""


def _range(ins: Instrument) -> str:
    return f"{fmt(ins.range[0])}–{fmt(ins.range[1])}"


def _cut(cut: Cutoff) -> str:
    note = f"; {cut.note}" if cut.note else ""
    sex = f"{cut.sex}s only; " if cut.sex else ""
    return f"{cut.comparator.value} {fmt(cut.value)} ({sex}{cut.population}; {cut.source}{note})"


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
    out += ["", *_use_table(), "", *_area_table()]
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
    if ins.scoring.reverse_items:
        rev = ", ".join(map(str, ins.scoring.reverse_items))
        lines.append(
            f"- **Reverse-scored items:** {rev}. `--answers` takes responses (keyed here); "
            "`--item-scores` takes scores already keyed."
        )
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
    lines += _use_line(ins)
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
        lines.append(f"**Reliable change (chosen):** {_jt(rc.jacobson_truax)}. {rc.why}")
    else:
        lines.append(f"**Reliable change:** none on record. {ins.reliable_change_note}")
    if rc and rc.chosen and rc.jacobson_truax:
        lines.append(f"- Jacobson–Truax convention: {_jt(rc.jacobson_truax)}")
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
    for count in ins.count_flags:
        lines.append(
            f"**Flag `{count.code}` ({count.severity.value}):** {count.at_least} or more items "
            f"scored {count.item_min} or more. {count.message} Source: {count.source}"
        )
    for only in ins.only_items_flags:
        items = ", ".join(map(str, only.items))
        lines.append(
            f"**Flag `{only.code}` ({only.severity.value}):** total above 0 with every point "
            f"from item(s) {items}. {only.message} Source: {only.source}"
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


def _jt(jt: JacobsonTruax) -> str:
    if jt.sem is not None:
        value = 1.96 * math.sqrt(2) * jt.sem
        params = f"SEM {fmt(jt.sem)}"
    else:
        assert jt.sd is not None and jt.reliability is not None
        value = 1.96 * math.sqrt(2) * jt.sd * math.sqrt(1 - jt.reliability)
        params = f"SD {fmt(jt.sd)} and reliability {fmt(jt.reliability)}"
    note = f" {jt.note}" if jt.note else ""
    return (
        f"Jacobson–Truax from {params} ({jt.source}): a change of more than "
        f"{fmt(round(value, 2))} points.{note}"
    )


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


# Ages, role and recall window (data/instrument_use.yaml) ------------------------------------


def _use_line(ins: Instrument) -> list[str]:
    u = use.get(ins.id)
    if u is None:
        return []
    repeat = (
        f"repeat as an outcome at least {u.min_days_apart} days apart"
        + (" (a weekly outcome)" if u.weekly_outcome else " (not a weekly outcome)")
        if u.outcome
        else "a screen: baseline and case-finding only, never a measured objective's criterion"
    )
    return [
        f"- **Use:** ages {u.ages.text()}; completed by {u.respondent}; recall "
        f"{u.recall_days} days; {repeat}. Source: {u.source}."
    ]


def _use_table() -> list[str]:
    lines = [
        "## Which instrument for which client",
        "",
        "From `src/txplan/data/instrument_use.yaml`. The drafter never drafts a measured "
        "objective on an instrument outside its ages, and a library objective may repeat an "
        "instrument no more often than its window allows (tests/core/drafting/"
        "test_area_measures.py).",
        "",
        "| id | ages | completed by | role | recall (days) | repeat at least (days) | weekly |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, u in sorted(use.all_uses().items()):
        lines.append(
            f"| `{key}` | {u.ages.text()} | {u.respondent} | {u.role.value} | {u.recall_days} | "
            f"{u.min_days_apart or '—'} | {'yes' if u.weekly_outcome else 'no'} |"
        )
    return lines


def _area_table() -> list[str]:
    from txplan.core.drafting.library import load_library  # the library names the measures

    lines = [
        "## Measures each library area names",
        "",
        "The first fitting outcome measure for the client's age carries the draft's measured "
        "objective; screens (AUDIT, DAST-10, PC-PTSD-5, C-SSRS) are named for intake and review.",
        "",
        "| area | measures | measured objectives (instrument, target, spacing) |",
        "|---|---|---|",
    ]
    for area_id, area in sorted(load_library().areas.items()):
        measured = [
            f"{o.criterion.measure} {o.criterion.comparator.value} {fmt(o.criterion.threshold)}"
            f" ×{o.criterion.consecutive}, {o.criterion.min_days_apart} d"
            for o in area.objectives
            if o.criterion is not None
        ]
        lines.append(
            f"| `{area_id}` | {', '.join(area.measures) or '—'} | {'; '.join(measured) or '—'} |"
        )
    return lines
