"""What plan-mode rules share: the plan's presentations, measures in use, review dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from txplan.core.audit.diagnoses import Presentation, resolve
from txplan.core.audit.statements import context_for
from txplan.core.audit.suggest import Context
from txplan.core.plan import Plan

# Instrument names as clinicians write them → registry id ("other" = standardized but not in
# the registry, which still counts as measurement).
_INSTRUMENTS = (
    (r"phq-?\s?a\b|phq-?9-?m", "phq_a"),
    (r"phq-?\s?15", "phq15"),
    (r"phq-?\s?9|phq\b", "phq9"),
    (r"gad-?\s?7|gad\s?7", "gad7"),
    (r"pcl-?\s?5", "pcl5"),
    (r"audit-?\s?c\b", "audit_c"),
    (r"\baudit\b", "audit"),
    (r"\bdast", "dast10"),
    (r"\bepds\b|edinburgh", "epds"),
    (r"\basrs", "asrs_v1_1_screener"),
    (r"c-?ssrs|columbia", "cssrs_screener"),
    (r"\bors\b|outcome rating", "ors"),
    (r"\bsrs\b|session rating", "srs"),
    (r"whodas", "whodas12"),
    (r"\bmdq\b", "mdq"),
    (r"\bpss-?\s?10|\bpss\b", "pss10"),
    (r"\bk-?\s?10\b|kessler", "k10"),
    (
        r"y-?bocs|cy-?bocs|\bisi\b|insomnia severity|ede-?q|\bbdi|\bbai\b|vanderbilt"
        r"|\bscared\b|rcads|\bsdq\b|\bcdi\b|\bmasc\b|madrs|ymrs|\bdass|\boci-?r|pdss|lsas|\bspin\b"
        r"|pg-?13|\bcgi\b",
        "other",
    ),
)
# One pass: each alternative is a named group whose name says which instrument it found.
_INSTRUMENT_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<i{n}>{p})" for n, (p, _) in enumerate(_INSTRUMENTS)) + ")"
)
_INSTRUMENT_KEY = {f"i{n}": key for n, (_, key) in enumerate(_INSTRUMENTS)}
# Equivalent instruments: using either satisfies a diagnosis that calls for the other.
EQUIVALENT = {
    "phq9": {"phq9", "phq_a"},
    "audit_c": {"audit_c", "audit"},
    "gad7": {"gad7"},
    "pcl5": {"pcl5"},
    "dast10": {"dast10"},
    "epds": {"epds", "phq9"},
    "asrs_v1_1_screener": {"asrs_v1_1_screener"},
}


def instruments_in(low: str) -> set[str]:
    return {_INSTRUMENT_KEY[m.lastgroup] for m in _INSTRUMENT_RE.finditer(low) if m.lastgroup}


@dataclass(frozen=True)
class PlanContext:
    today: date
    presentations: tuple[Presentation, ...]
    measures_used: frozenset[str]  # registry ids (and "other") used anywhere in objectives
    review_date: date | None  # next_review_date, else established_on + interval
    statement: Context  # the context statement rules are judged in


def plan_context(plan: Plan, today: date) -> PlanContext:
    presentations: list[Presentation] = []
    for diagnosis in plan.diagnoses:
        found = resolve(f"{diagnosis.code} {diagnosis.description}")
        if found is not None and found not in presentations:
            presentations.append(found)
    primary = plan.primary_diagnosis()
    if primary is not None:
        first = resolve(f"{primary.code} {primary.description}")
        if first in presentations:
            presentations.remove(first)
            presentations.insert(0, first)
    used: set[str] = set()
    for objective in plan.objectives():
        if objective.criterion is not None:
            used.add(objective.criterion.measure)
        used |= instruments_in(objective.text.lower())
    review = plan.next_review_date
    if review is None and plan.established_on is not None:
        review = plan.established_on + timedelta(days=plan.review_interval_days)
    if plan.next_review_date is not None and plan.next_review_date > today:
        timeframe = f"by {plan.next_review_date.isoformat()}"
    else:
        weeks = max(1, min(12, plan.review_interval_days // 7))
        timeframe = f"within {weeks} weeks"
    ordered = tuple(sorted(used))
    statement = context_for(tuple(presentations), timeframe=timeframe, measures_used=ordered)
    return PlanContext(today, tuple(presentations), frozenset(used), review, statement)
