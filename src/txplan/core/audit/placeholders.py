"""PLAN_PLACEHOLDER: text left for the clinician to complete.

The drafter marks what only the clinician can supply ("[Clinician to complete: …]") instead of
inventing it. Such a marker in a plan that is used for treatment or billing is exactly the
template language auditors cite, so it is an error once the plan is meant to be final; in a
draft it is a warning: expected, but to be done before signing.
"""

from __future__ import annotations

import re

from txplan.core.audit.findings import Finding, Severity
from txplan.core.plan import Plan

# The drafter's marker, and the bracketed prompts clinicians paste from templates.
_MARKER = re.compile(
    r"\[(?:clinician to complete|to complete|insert|tbd|todo|fill in)\b[^\]]*\]?", re.IGNORECASE
)


def _texts(plan: Plan) -> list[tuple[str | None, str, str]]:
    """(element id, field, text) for every free-text field of the plan."""
    nec = plan.medical_necessity
    out: list[tuple[str | None, str, str]] = [
        (None, "presenting_problem", plan.presenting_problem),
        (None, "client_words", plan.client_words),
        (None, "medical_necessity.level_of_care_rationale", nec.level_of_care_rationale),
    ]
    out += [(None, f"medical_necessity.symptoms[{n}]", s) for n, s in enumerate(nec.symptoms)]
    out += [
        (None, f"medical_necessity.impairments[{n}].description", i.description)
        for n, i in enumerate(nec.impairments)
    ]
    out += [(None, f"strengths[{n}]", s) for n, s in enumerate(plan.strengths)]
    out += [(None, f"discharge_criteria[{n}]", s) for n, s in enumerate(plan.discharge_criteria)]
    for problem in plan.problems:
        out += [
            (problem.id, "title", problem.title),
            (problem.id, "description", problem.description),
        ]
        for goal in problem.goals:
            out.append((goal.id, "text", goal.text))
            for objective in goal.objectives:
                out.append((objective.id, "text", objective.text))
                out += [(i.id, "text", i.text) for i in objective.interventions]
    return out


def check(plan: Plan, *, draft: bool) -> list[Finding]:
    out: list[Finding] = []
    for element_id, field, text in _texts(plan):
        match = _MARKER.search(text)
        if match is None:
            continue
        out.append(
            Finding(
                "PLAN_PLACEHOLDER",
                Severity.WARNING if draft else Severity.ERROR,
                element_id=element_id,
                field=field,
                span=match.span() if element_id else None,
                explanation=(
                    "This text still holds a placeholder for the clinician to complete. "
                    "A signed plan with template prompts in it reads as unfinished, "
                    "copied documentation."
                ),
                suggestion="Replace the bracketed prompt with what you know about this client.",
            )
        )
    return out
