"""PLAN_CLONED: a plan whose goal, objective and intervention sentences are, word for word,
those of other clients' plans in the practice.

``clone_report(plan, others)`` is pure: the web app collects the normalised statements of the
latest version of other clients' plans in the same practice (``PlanFacts.other_plans_statements``)
and passes them in. Statements are compared after ``normalise``: case, whitespace, typographic
punctuation, a final full stop, and the client's name (and "the client") folded to one token,
so "Maria will walk daily." and "Client will walk daily" are the same sentence.

Threshold: a warning when at least half of the plan's statements (``SHARE``), and at least
three (``MIN_SHARED``), appear in other plans. Why: auditors cite "cloned" documentation, where
plans for different people read the same; a plan that shares one standard intervention
sentence with a colleague's plan is normal, a plan that is mostly someone else's is not. Half
is twice the drafter's own target for distinct clients with one diagnosis (≤ 25% shared), so a
plan drafted from the library and individualised as intended stays below it; three keeps a
two-statement plan from tripping over one shared sentence. Severity: warning, because shared
wording can be legitimate (a group protocol, a programme's standard safety intervention) and
needs a judgement, and because the document alone cannot show it: only the practice can.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from txplan.core.audit.facts import PlanFacts
from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.text import fold
from txplan.core.plan import Plan

SHARE = 0.5
MIN_SHARED = 3
NAMES_SHOWN = 3  # other plans named in the finding
CLIENT = "<client>"


def normalise(text: str, names: Iterable[str] = ()) -> str:
    """Lower case, one space, no final full stop; the client's name and "(the) client"
    become one token."""
    low = " ".join(fold(text).split()).rstrip(" .")
    mark = "\x00"  # stands for the client while names are replaced
    low = re.sub(r"\b(?:the )?client\b", mark, low)
    for name in sorted({n.strip().lower() for n in names if n.strip()}, key=len, reverse=True):
        low = re.sub(rf"\b{re.escape(name)}\b", mark, low)
    # "Maria Lopez" given as two names becomes two marks; fold to one.
    return re.sub(rf"{mark}(?:\s+{mark})*", CLIENT, low)


def plan_statements(plan: Plan, names: Iterable[str] = ()) -> list[str]:
    """The plan's goal, objective and intervention sentences, normalised, in tree order."""
    names = tuple(names)
    out: list[str] = []
    for problem in plan.problems:
        for goal in problem.goals:
            out.append(normalise(goal.text, names))
            for objective in goal.objectives:
                out.append(normalise(objective.text, names))
                out += [normalise(i.text, names) for i in objective.interventions]
    return [s for s in out if s]


@dataclass(frozen=True)
class CloneReport:
    statements: int  # the plan's goal, objective and intervention sentences
    shared: int  # how many of them appear word for word in another client's plan
    by_plan: tuple[tuple[str, int], ...]  # other plan label → statements shared, most first

    @property
    def share(self) -> float:
        return self.shared / self.statements if self.statements else 0.0

    @property
    def cloned(self) -> bool:
        return self.shared >= MIN_SHARED and self.share >= SHARE


def clone_report(
    plan: Plan, others: Mapping[str, Iterable[str]], names: Iterable[str] = ()
) -> CloneReport:
    """How much of ``plan`` appears word for word in ``others`` (label → normalised
    statements, e.g. from ``plan_statements``)."""
    own = plan_statements(plan, names)
    sets = {label: set(statements) for label, statements in others.items()}
    shared = sum(1 for s in own if any(s in other for other in sets.values()))
    counts = [(label, sum(1 for s in own if s in other)) for label, other in sets.items()]
    ranked = tuple(sorted(((lb, n) for lb, n in counts if n), key=lambda x: (-x[1], x[0])))
    return CloneReport(len(own), shared, ranked)


def check(plan: Plan, facts: PlanFacts | None) -> list[Finding]:
    if facts is None or not facts.other_plans_statements:
        return []
    report = clone_report(plan, facts.other_plans_statements, facts.client_names)
    if not report.cloned:
        return []
    shown = [f"{label} ({n})" for label, n in report.by_plan[:NAMES_SHOWN]]
    more = len(report.by_plan) - NAMES_SHOWN
    named = ", ".join(shown) + (f" and {more} more" if more > 0 else "")
    return [
        Finding(
            "PLAN_CLONED",
            Severity.WARNING,
            field="problems",
            explanation=(
                f"{report.shared} of this plan's {report.statements} goal, objective and "
                f"intervention statements ({report.share:.0%}) appear word for word in other "
                f"clients' plans: {named}. Auditors cite plans that read the same for "
                "different people as cloned documentation."
            ),
            suggestion=(
                "Rewrite the shared statements with this client's own situations, people, "
                "numbers and words."
            ),
        )
    ]
