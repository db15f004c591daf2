"""txplan draft / library: draft a plan offline and browse the evidence-tagged library."""

from __future__ import annotations

import difflib
import json
from datetime import date
from typing import Any

import click
from pydantic import ValidationError

from txplan.core.document import dumps, errors_from
from txplan.core.drafting import (
    Draft,
    DraftError,
    DraftRequest,
    Library,
    LibraryError,
    draft_with_notes,
    load_library,
)
from txplan.core.plan import Plan


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(2)


_OPTION_OF_FIELD = {
    "diagnoses": "--dx",
    "presenting_problem": "--problem",
    "approach": "--approach",
    "review_days": "--review-days",
    "start": "--start",
    "strengths": "--strength",
    "client_words": "--client-words",
    "session_frequency": "--frequency",
    "age": "--age",
}


def _option(message: str) -> str:
    """'diagnoses[0]: …' → '--dx: …': errors name the option the user typed."""
    head, sep, rest = message.partition(":")
    field = head.split(".")[0].split("[")[0]
    if not sep or field not in _OPTION_OF_FIELD:
        return message
    return f"{_OPTION_OF_FIELD[field]}:{rest}"


@click.command()
@click.option(
    "--dx",
    "diagnoses",
    multiple=True,
    metavar="CODE",
    help="ICD-10-CM code; repeat for several (the first is primary).",
)
@click.option(
    "--problem",
    "presenting_problem",
    required=True,
    metavar="TEXT",
    help="The presenting problem in the clinician's words.",
)
@click.option(
    "--approach",
    default=None,
    metavar="MODALITY",
    help="Preferred modality, e.g. CBT, ACT, EMDR, 'motivational interviewing'.",
)
@click.option(
    "--review-days",
    default=90,
    show_default=True,
    type=int,
    help="Payer review interval: 30, 60 or 90 days.",
)
@click.option(
    "--start", default=None, metavar="YYYY-MM-DD", help="Date the plan starts (default: today)."
)
@click.option(
    "--strength",
    "strengths",
    multiple=True,
    metavar="TEXT",
    help="A client strength; repeat for several.",
)
@click.option(
    "--client-words",
    default=None,
    metavar="TEXT",
    help="The client's own words for what they want.",
)
@click.option(
    "--frequency",
    default="weekly",
    show_default=True,
    help="Session frequency, e.g. weekly, biweekly, 2x/week.",
)
@click.option(
    "--age",
    default=None,
    type=int,
    metavar="N",
    help="The client's age in years: picks child, adolescent or adult variants.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="json: the plan document; text: a readable summary.",
)
def draft(
    diagnoses: tuple[str, ...],
    presenting_problem: str,
    approach: str | None,
    review_days: int,
    start: str | None,
    strengths: tuple[str, ...],
    client_words: str | None,
    frequency: str,
    age: int | None,
    fmt: str,
) -> None:
    """Draft a plan from diagnoses and a presenting problem, offline, from the library.

    Warnings and what the clinician must still supply go to stderr with --format json.
    """
    try:
        # The CLI is the edge where the clock may be read; the core always gets the date.
        start_date = date.fromisoformat(start) if start else date.today()
    except ValueError:
        _fail(f"--start: {start!r} is not a date (expected YYYY-MM-DD)")
        return
    try:
        request = DraftRequest(
            diagnoses=list(diagnoses),
            presenting_problem=presenting_problem,
            approach=approach,
            review_days=review_days,
            start=start_date,
            strengths=list(strengths),
            client_words=client_words,
            session_frequency=frequency,
            age=age,
        )
    except ValidationError as exc:
        _fail("; ".join(_option(str(e)) for e in errors_from(exc)))
        return
    try:
        result = draft_with_notes(request)
    except DraftError as exc:
        _fail(_option(str(exc)))
        return
    except LibraryError as exc:
        _fail(f"the library is invalid:\n{exc}")
        return
    if fmt == "json":
        click.echo(dumps(result.plan), nl=False)
        for line in _notes(result):
            click.echo(line, err=True)
    else:
        click.echo(_text(result))


def _notes(result: Draft) -> list[str]:
    return [f"warning: {w}" for w in result.warnings] + [
        f"to supply: {s}" for s in result.to_supply
    ]


def _text(result: Draft) -> str:
    plan: Plan = result.plan
    lines = [f"Draft plan, established {plan.established_on}, next review {plan.next_review_date}"]
    for dx in plan.diagnoses:
        lines.append(f"  {dx.code} {dx.description}{' (primary)' if dx.primary else ''}")
    for problem in plan.problems:
        lines += ["", f"PROBLEM: {problem.title}", f"  {problem.description}"]
        for goal in problem.goals:
            lines.append(f"  GOAL: {goal.text}")
            for objective in goal.objectives:
                lines.append(f"    OBJECTIVE (by {objective.target_date}): {objective.text}")
                if objective.criterion:
                    lines.append(f"      criterion: {objective.criterion.label()}")
                for item in objective.interventions:
                    how = item.frequency.label() if item.frequency else ""
                    tag = f"{item.actor.value}, {item.modality}, {how}"
                    lines.append(f"      - [{tag}] {item.text}")
    if plan.discharge_criteria:
        lines += ["", "DISCHARGE CRITERIA:"] + [f"  - {c}" for c in plan.discharge_criteria]
    lines += ["", "WHY THESE AREAS:"] + [f"  - {r.explanation}" for r in result.reasons]
    if result.warnings:
        lines += ["", "WARNINGS:"] + [f"  - {w}" for w in result.warnings]
    lines += ["", "STILL TO SUPPLY:"] + [f"  - {s}" for s in result.to_supply]
    return "\n".join(lines)


@click.group()
def library() -> None:
    """Browse the evidence-tagged library of problem areas."""


def _library() -> Library:
    try:
        return load_library()
    except LibraryError as exc:
        _fail(f"the library is invalid:\n{exc}")
        raise  # unreachable: _fail exits


@library.command("list")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def list_areas(fmt: str) -> None:
    """List every problem area with its codes and size."""
    lib = _library()
    rows: list[dict[str, Any]] = [
        {
            "id": a.id,
            "name": a.name,
            "icd10": a.icd10,
            "goals": len(a.goals),
            "objectives": len(a.objectives),
            "interventions": len(a.interventions),
            "modalities": a.modalities(),
            "measures": a.measures,
        }
        for a in lib.areas.values()
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        counts = f"{row['goals']}g/{row['objectives']}o/{row['interventions']}i"
        click.echo(f"{row['id']:<24} {counts:<10} {', '.join(row['icd10']):<28} {row['name']}")
    click.echo(f"{len(rows)} areas", err=True)


@library.command("show")
@click.argument("area_id")
def show_area(area_id: str) -> None:
    """Show one area in full: codes, signals, goals, objectives, interventions and sources."""
    lib = _library()
    if area_id not in lib.areas:
        close = difflib.get_close_matches(area_id, list(lib.areas), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else " (see: txplan library list)"
        _fail(f"no problem area {area_id!r}{hint}")
    area = lib.areas[area_id]
    out = [
        f"{area.id}: {area.name}",
        f"ICD-10-CM: {', '.join(area.icd10) or '-'}",
        f"Measures: {', '.join(area.measures) or '-'}",
        f"Signals: {', '.join(area.signals)}",
        "",
        "Definitions:",
    ]
    out += [f"  - {d}" for d in area.definitions]
    out += ["", "Core elements (what its guideline makes core):"]
    for e in area.core_elements:
        limits = _ages(e, " ") + (f" (when: {', '.join(e.when)})" if e.when else "")
        out.append(f"  {e.id}: {e.label}{limits}")
        out.append(f"      source: {e.source}")
    out += ["", "Goals:"] + [f"  {g.id}: {g.text}" for g in area.goals]
    out += ["", "Objectives:"]
    for o in area.objectives:
        tags = f" [core: {', '.join(o.core)}]" if o.core else ""
        out.append(f"  {o.id} (goal {o.goal}){tags}{_ages(o, ' ')}: {o.text}")
        if o.criterion:
            c = o.criterion
            out.append(
                f"      criterion: {c.measure} {c.comparator.value} {c.threshold:g}"
                f" x{c.consecutive}"
            )
    out += ["", "Interventions:"]
    for i in area.interventions:
        tags = "".join(
            [
                f" protocols: {', '.join(i.protocols)};" if i.protocols else "",
                f" core: {', '.join(i.core)};" if i.core else "",
            ]
        )
        out.append(f"  {i.id} [{i.modality}, {i.frequency.label()}]{_ages(i, ' ')} {i.text}")
        if tags:
            out.append(f"     {tags.rstrip(';')}")
        if i.client_task:
            out.append(f"      client: {i.client_task}")
        out.append(f"      source: {i.source}")
    click.echo("\n".join(out))


def _ages(entry: Any, lead: str = "") -> str:
    """'ages 2-7', 'child, adolescent' or '' for an entry with no age limit."""
    parts = []
    if entry.ages is not None:
        parts.append(f"ages {entry.ages.min}-{entry.ages.max}")
    if entry.age_groups:
        parts.append(", ".join(entry.age_groups))
    return f"{lead}({'; '.join(parts)})" if parts else ""


COMMANDS = [draft, library]
