"""Standardized measures: PLAN_NO_MEASURE and MEASURE_NOT_FOR_DIAGNOSIS.

Measurement-based care (and most payers' reviewers) expect the instrument the diagnosis calls
for: PHQ-9 for depressive disorders, GAD-7 for anxiety disorders, PCL-5 for PTSD, AUDIT-C for
alcohol use (see diagnoses.py for the full mapping and its sources).
"""

from __future__ import annotations

from txplan.core.audit import suggest
from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.plan_context import EQUIVALENT, PlanContext
from txplan.core.plan import Plan


def check(plan: Plan, pc: PlanContext) -> list[Finding]:
    wanted = [p for p in pc.presentations if p.measure]
    if not wanted:
        return []
    first = wanted[0]
    template = suggest.MEASURE_OBJECTIVES.get(first.measure or "")
    example = template.format(tf=pc.statement.timeframe) if template else None
    if not pc.measures_used:
        return [
            Finding(
                "PLAN_NO_MEASURE",
                Severity.WARNING,
                field="objectives",
                explanation=(
                    f"No objective uses a standardized measure, although the diagnosis "
                    f"({first.label}) has one: the {first.measure_name}. Scores at intake "
                    "and at each review are what show a reviewer that treatment is "
                    "working and still needed."
                ),
                suggestion=example or f"Add an objective tied to the {first.measure_name}.",
            )
        ]
    out: list[Finding] = []
    for presentation in wanted:
        accepted = EQUIVALENT.get(presentation.measure or "", {presentation.measure})
        if not accepted & pc.measures_used:
            out.append(
                Finding(
                    "MEASURE_NOT_FOR_DIAGNOSIS",
                    Severity.INFO,
                    field="objectives",
                    explanation=(
                        f"The plan measures progress, but not with the "
                        f"{presentation.measure_name}, the instrument usually expected for "
                        f"{presentation.label}."
                    ),
                    suggestion=(
                        f"Consider adding the {presentation.measure_name} at intake and at "
                        "each review."
                    ),
                )
            )
    return out
