"""Plan structure: every problem has a goal, every goal an objective, every objective an
intervention, every intervention a frequency; discharge criteria; and the person-centred
details auditors cite (client's own words, strengths, drafts that were never individualised).

Codes: PLAN_NO_PROBLEM, PROB_NO_GOAL, GOAL_NO_OBJECTIVE, OBJ_NO_INTERVENTION, INT_NO_FREQUENCY,
PLAN_NO_DISCHARGE_CRITERIA, PLAN_NO_CLIENT_WORDS, PLAN_NO_STRENGTHS, DRAFT_NOT_INDIVIDUALISED.
"""

from __future__ import annotations

import re

from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.plan_context import PlanContext
from txplan.core.plan import Actor, Plan

# A frequency written in the intervention text also counts ("weekly", "in each session").
_FREQUENCY_TEXT = re.compile(
    r"\b(?:daily|nightly|weekly|biweekly|fortnightly|monthly|twice|once|every\s+(?:\w+\s+)?"
    r"(?:session|week|day|night|month|visit|other\s+week)|each\s+(?:session|week|day|visit)"
    r"|per\s+(?:week|day|month|session)|\d+\s*(?:x|times)\s*(?:/|a|per|each)\s*\w+"
    r"|(?:a|per)\s+(?:week|day|month)|sessions?\s+\d|\d+\s+(?:weekly|sessions)|at\s+intake"
    r"|at\s+every|in\s+(?:each|every)\s+session)\b"
)


def check(plan: Plan, pc: PlanContext) -> list[Finding]:
    out: list[Finding] = []
    if not plan.problems:
        out.append(
            Finding(
                "PLAN_NO_PROBLEM",
                Severity.ERROR,
                field="problems",
                explanation="The plan lists no problem, so there is nothing for goals to address.",
                suggestion="Add the presenting problem in functional terms, with a goal under it.",
            )
        )
    for problem in plan.problems:
        if not problem.goals:
            out.append(
                Finding(
                    "PROB_NO_GOAL",
                    Severity.ERROR,
                    element_id=problem.id,
                    field="goals",
                    explanation=(
                        f"The problem “{problem.title}” has no goal: a reviewer sees a "
                        "need documented and nothing planned for it."
                    ),
                    suggestion="Add a functional goal for this problem, or remove the problem.",
                )
            )
        for goal in problem.goals:
            if not goal.objectives:
                out.append(
                    Finding(
                        "GOAL_NO_OBJECTIVE",
                        Severity.ERROR,
                        element_id=goal.id,
                        field="objectives",
                        explanation=(
                            "This goal has no objective, so there is no measurable step "
                            "to show progress toward it."
                        ),
                        suggestion="Add at least one measurable, time-bound objective.",
                    )
                )
            for objective in goal.objectives:
                clinician = [i for i in objective.interventions if i.actor is Actor.CLINICIAN]
                if not objective.interventions:
                    out.append(
                        Finding(
                            "OBJ_NO_INTERVENTION",
                            Severity.ERROR,
                            element_id=objective.id,
                            field="interventions",
                            explanation=(
                                "This objective has no intervention: the plan does not say "
                                "what treatment will bring it about."
                            ),
                            suggestion="Add the clinician's method for this objective, with a "
                            "frequency.",
                        )
                    )
                elif not clinician:
                    out.append(
                        Finding(
                            "OBJ_NO_CLINICIAN_INTERVENTION",
                            Severity.WARNING,
                            element_id=objective.id,
                            field="interventions",
                            explanation=(
                                "Every intervention under this objective is the client's "
                                "own task; none says what the clinician provides."
                            ),
                            suggestion="Add the clinician's method beside the client's task.",
                        )
                    )
                for intervention in objective.interventions:
                    if intervention.frequency is None and not _FREQUENCY_TEXT.search(
                        intervention.text.lower()
                    ):
                        service = plan.service.frequency
                        hint = f" (the plan's sessions are {service.label()})" if service else ""
                        out.append(
                            Finding(
                                "INT_NO_FREQUENCY",
                                Severity.WARNING,
                                element_id=intervention.id,
                                field="frequency",
                                explanation=(
                                    "The intervention has no frequency, so a reviewer "
                                    "cannot tell how much treatment is planned" + hint + "."
                                ),
                                suggestion=(
                                    "Set a frequency such as "
                                    f"'{service.label() if service else 'weekly'}'."
                                ),
                            )
                        )
    if not [c for c in plan.discharge_criteria if c.strip()]:
        out.append(
            Finding(
                "PLAN_NO_DISCHARGE_CRITERIA",
                Severity.WARNING,
                field="discharge_criteria",
                explanation=(
                    "There are no discharge criteria: nothing says what will show that "
                    "treatment can end or step down."
                ),
                suggestion=(
                    "e.g. 'PHQ-9 below 10 on two consecutive administrations and back at "
                    "work full time for 4 weeks.'"
                ),
            )
        )
    out.extend(_person_centred(plan))
    return out


def _person_centred(plan: Plan) -> list[Finding]:
    out: list[Finding] = []
    words = (
        [plan.client_words]
        + [p.client_words for p in plan.problems]
        + [g.client_words for p in plan.problems for g in p.goals]
    )
    if plan.problems and not any(w.strip() for w in words):
        out.append(
            Finding(
                "PLAN_NO_CLIENT_WORDS",
                Severity.INFO,
                field="client_words",
                explanation=(
                    "The client's own words appear nowhere in the plan. Auditors look for "
                    "goals the client recognises as theirs."
                ),
                suggestion="Add what the client said they want, in their words, to the main goal.",
            )
        )
    if plan.problems and not [s for s in plan.strengths if s.strip()]:
        out.append(
            Finding(
                "PLAN_NO_STRENGTHS",
                Severity.INFO,
                field="strengths",
                explanation="No strengths are listed; a plan should build on what already works.",
                suggestion="List two or three strengths (supports, skills, interests) to build on.",
            )
        )
    for element in plan.elements():
        origin = element.origin
        text = str(getattr(element, "text", None) or getattr(element, "title", "") or "")
        if origin is not None and " ".join(text.split()) == " ".join(origin.library_text.split()):
            out.append(
                Finding(
                    "DRAFT_NOT_INDIVIDUALISED",
                    Severity.INFO,
                    element_id=element.id,
                    field="text",
                    explanation=(
                        "This statement is still the library's text word for word. Plans "
                        "with the same scripted language across clients are an audit "
                        "finding in themselves."
                    ),
                    suggestion="Add this client's specifics: their situation, words and numbers.",
                )
            )
    return out
