"""OBJ_MEASURE_MISMATCH: an objective's words and its measure criterion disagree.

The criterion (``measure``, ``comparator``, ``threshold``) is what the product charts and what
decides whether the objective is met; the text is what the client, the team and a reviewer
read. They must describe the same thing. Three cases:

1. The text names a standardized measure and the criterion names another one ("score 9 or
   lower on the PHQ-9" with a GAD-7 criterion).                                  → error
2. The text counts a behaviour and names no score at all, but the criterion is an
   instrument ("say hello to 2 coworkers each day" with a GAD-7 criterion).       → error
3. The text names a standardized measure and the objective has no criterion.     → warning

Severity: the first two are errors because the record then says two different things about
what will be counted, and the issue's test of an error is exactly that one cannot tell what
success looks like or what will be counted; progress shown from the criterion would also be
wrong. The third is a warning: the text alone is clear to a reader, but nothing in the record
tracks it, so progress cannot be shown from the data.
"""

from __future__ import annotations

import re

from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.plan_context import _INSTRUMENT_KEY, instruments_in
from txplan.core.audit.text import fold
from txplan.core.plan import Objective, Plan

NAMES = {
    "phq9": "PHQ-9",
    "phq_a": "PHQ-A",
    "phq15": "PHQ-15",
    "gad7": "GAD-7",
    "pcl5": "PCL-5",
    "audit_c": "AUDIT-C",
    "audit": "AUDIT",
    "dast10": "DAST-10",
    "epds": "EPDS",
    "asrs_v1_1_screener": "ASRS v1.1",
    "cssrs_screener": "C-SSRS",
    "ors": "ORS",
    "srs": "SRS",
    "whodas12": "WHODAS 2.0",
    "mdq": "MDQ",
    "pss10": "PSS-10",
    "k10": "K10",
}
KNOWN = frozenset(_INSTRUMENT_KEY.values()) - {"other"}
# Versions of one instrument: naming either agrees with a criterion on the other.
_SAME = ({"phq9", "phq_a"}, {"audit", "audit_c"})

# Words that say the objective is about a score or a symptom level, so a criterion on an
# instrument can stand for it even when the text does not name the instrument.
_SCORE_WORDS = re.compile(
    r"\bscor|\bscale|\brat(?:e|es|ed|ing)\b|\bmeasure|\bquestionnaire|\bscreen|\brange\b"
    r"|\bseverity|\bsymptom|\bminimal\b|\bmild\b|\bmoderate\b|\bsevere\b|\bpoints?\b"
    r"|\bremission|\bresponse\b|\binventory|\bcut-?off|\bclinical\b|\bsubclinical"
)
# A count or frequency of something the client does: the objective measures a behaviour.
_COUNT = re.compile(
    r"\b\d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|once|twice)\b"
    r"|\b(?:daily|weekly|each|every|per)\b"
)


def _agrees(measure: str, named: set[str]) -> bool:
    if measure in named:
        return True
    return any(measure in group and group & named for group in _SAME)


def _name(measure: str) -> str:
    return NAMES.get(measure, measure.upper())


def check(plan: Plan) -> list[Finding]:
    out: list[Finding] = []
    for objective in plan.objectives():
        finding = _judge(objective)
        if finding is not None:
            out.append(finding)
    return out


def _judge(objective: Objective) -> Finding | None:
    low = fold(objective.text)
    named = instruments_in(low)
    criterion = objective.criterion
    known_named = named & KNOWN
    if criterion is None:
        if not known_named:
            return None
        names = ", ".join(sorted(_name(m) for m in known_named))
        return Finding(
            "OBJ_MEASURE_MISMATCH",
            Severity.WARNING,
            element_id=objective.id,
            field="criterion",
            explanation=(
                f"The objective names the {names}, but it has no measure criterion, so "
                "progress toward it cannot be shown from the recorded scores."
            ),
            suggestion=f"Set the criterion to the {names} target the text states.",
        )
    measure = criterion.measure
    if named:
        if _agrees(measure, named):
            return None
        if not known_named and measure not in KNOWN:
            return None  # an instrument outside the registry on both sides: cannot compare
        said = ", ".join(sorted(_name(m) for m in known_named)) or "another instrument"
        return Finding(
            "OBJ_MEASURE_MISMATCH",
            Severity.ERROR,
            element_id=objective.id,
            field="criterion",
            explanation=(
                f"The objective's text names the {said}, but its criterion is on the "
                f"{_name(measure)}: the record says two different things about what will "
                "be counted, and progress would be judged on a measure the text never "
                "mentions."
            ),
            suggestion="Make the criterion measure the instrument the text names, or "
            "rewrite the text to the criterion.",
        )
    if measure in KNOWN and _COUNT.search(low) and not _SCORE_WORDS.search(low):
        return Finding(
            "OBJ_MEASURE_MISMATCH",
            Severity.ERROR,
            element_id=objective.id,
            field="criterion",
            explanation=(
                f"The objective counts something the client does, but its criterion is a "
                f"{_name(measure)} score: whether it is met would be decided by a "
                "questionnaire the text never mentions, not by the behaviour it describes."
            ),
            suggestion="Remove the criterion (the text's count is the measure), or move "
            f"the {_name(measure)} target to an objective about symptoms.",
        )
    return None
