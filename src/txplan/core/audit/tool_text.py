"""PLAN_TOOL_TEXT: drafting-tool or template text left in the plan.

Three kinds, each about text a reviewer should never find in a clinical record:

1. The drafter's own rationale ("Why this area: …", "… is among the codes of '…'", "'…' stands
   in as the nearest …"): one finding per field.
2. Bracketed or slot-style prompts that PLAN_PLACEHOLDER does not already report: "[client
   name]", "[X]", "[date]", "{situation}", "<name>", "____". PLAN_PLACEHOLDER owns the drafter's
   "[Clinician to complete: …]" marker and the template keywords it lists (insert, TBD, TODO,
   fill in, to complete); a bracket it matched in a field is never reported again here, so one
   prompt gives one finding.
3. Unchanged library text: ONE summary finding when at least half of the plan's goals,
   objectives and interventions (and at least 3) are still the library's generic text word
   for word (``drafting.individual.statement_status``: unchanged, with only the library's
   defaults in its specific slots). DRAFT_NOT_INDIVIDUALISED still marks each statement (info).

Severity: kinds 1 and 2 are errors in a plan in force (a warning in a draft): tool text and
prompts in a signed plan read as unreviewed, machine-made documentation, which auditors cite.
Kind 3 is a warning in both: library statements are measurable and name the client, and what
auditors cite is sameness across clients, which PLAN_CLONED measures directly; an error would
push clinicians to cosmetic edits and stop them signing a draft after light edits.
"""

from __future__ import annotations

import re

from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.placeholders import _MARKER, _texts
from txplan.core.plan import Plan

_RATIONALE = re.compile(
    r"why this area\s*:|is among the codes of\b|has no area of its own in the library"
    r"|stands in as the nearest\b|which signals? '|comes first whatever the diagnosis"
    r"|\bas an ai\b|\b(?:here is|below is) (?:a|the|your) (?:draft|treatment plan)",
    re.IGNORECASE,
)
_PROMPT_WORDS = (
    r"client|name|date|number|#|specify|describe|enter|add|select|choose|behaviou?r|goal"
    r"|target|frequency|duration|symptom|intervention|skill|situation|person|strength"
    r"|activity|method|measure|score|timeframe|weeks?|days?|e\.g\.|pronoun|diagnosis|x|n|\?|\.\.\.|…"
)
_BRACKET = re.compile(r"\[([^\[\]]{1,80})\]")
_BRACKET_PROMPT = re.compile(rf"(?:^|[\s/(-])(?:{_PROMPT_WORDS})(?:$|[\s/:,)-])", re.IGNORECASE)
_OTHER_PROMPT = re.compile(r"\{\{?\s*[A-Za-z_][\w ]{0,30}\}\}?|<[a-z][a-z _]{1,30}>|_{3,}")

SHARE = 0.5  # unchanged generic library statements, as a share of the plan's statements
MIN_STATEMENTS = 3


def _prompt(inner: str) -> bool:
    inner = inner.strip()
    # Capitals over two or more words ("[CLIENT'S EMPLOYER]") are a template's prompt; one
    # capitalised word is usually an acronym ("[PHQ-9]", "[EMDR]") unless the vocabulary below
    # says otherwise ("[NAME]").
    letters = [c for c in inner if c.isalpha()]
    shouting = len(inner.split()) >= 2 and all(c.isupper() for c in letters)
    return shouting or bool(_BRACKET_PROMPT.search(inner.lower()))


def check(plan: Plan, *, draft: bool) -> list[Finding]:
    severity = Severity.WARNING if draft else Severity.ERROR
    out: list[Finding] = []
    for element_id, field, text in _texts(plan):
        span = None
        kind = ""
        rationale = _RATIONALE.search(text)
        if rationale is not None:
            span, kind = rationale.span(), "rationale"
        else:
            taken = [m.span() for m in _MARKER.finditer(text)]
            for m in [*_BRACKET.finditer(text), *_OTHER_PROMPT.finditer(text)]:
                inner = m.group(1) if m.re is _BRACKET else m.group(0)
                if m.re is _BRACKET and not _prompt(inner):
                    continue
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue  # PLAN_PLACEHOLDER reports this one
                span, kind = m.span(), "prompt"
                break
        if span is None:
            continue
        out.append(
            Finding(
                "PLAN_TOOL_TEXT",
                severity,
                element_id=element_id,
                field=field,
                span=span if element_id else None,
                explanation=(
                    "This text still holds the drafting tool's explanation of its choice. "
                    if kind == "rationale"
                    else "This text still holds a template prompt. "
                )
                + "Tool and template text in a plan reads as unreviewed, machine-made "
                "documentation; the plan should hold only clinical content.",
                suggestion=(
                    "Delete the tool's explanation and keep only what describes the client."
                    if kind == "rationale"
                    else "Replace the prompt with what it asks for, about this client."
                ),
            )
        )
    summary = _library_summary(plan)
    if summary is not None:
        out.append(summary)
    return out


def _library_summary(plan: Plan) -> Finding | None:
    if not any(e.origin is not None for e in plan.elements()):
        return None
    from txplan.core.drafting.individual import StatementState, statement_status

    statuses = [s for s in statement_status(plan) if s.kind != "problem"]
    generic = [s for s in statuses if s.state is StatementState.DRAFT_GENERIC]
    if len(generic) < MIN_STATEMENTS or len(generic) < SHARE * len(statuses):
        return None
    return Finding(
        "PLAN_TOOL_TEXT",
        Severity.WARNING,
        field="problems",
        explanation=(
            f"{len(generic)} of the plan's {len(statuses)} goals, objectives and "
            "interventions are still the library's text word for word, with none of this "
            "client's specifics. Plans whose statements read the same for every client are "
            "an audit finding in themselves."
        ),
        suggestion=(
            "Before signing, add this client's situations, people, numbers and words to the "
            "goals and objectives (the statements marked 'not individualised')."
        ),
    )
