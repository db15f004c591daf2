"""Readiness: the plan-level checklist the web page shows beside the plan."""

from __future__ import annotations

from dataclasses import dataclass

from txplan.core.audit.findings import Family, Finding, Severity
from txplan.core.audit.registry import RULE_BY_CODE

_LABELS = {
    Family.NECESSITY: "Diagnosis and medical necessity",
    Family.GOALS: "Goals are functional and tied to the diagnosis",
    Family.OBJECTIVES: "Objectives are specific, measurable, realistic and time-bound",
    Family.INTERVENTIONS: "Interventions name the clinician's method and target",
    Family.STRUCTURE: "Every problem, goal and objective is complete",
    Family.MEASURES: "Standardized measures",
    Family.DATES: "Target dates, review and service",
    Family.SIGNATURES: "Signatures",
}


@dataclass(frozen=True)
class ChecklistItem:
    family: Family
    label: str
    passed: bool  # no error or warning in this family
    errors: int
    warnings: int
    codes: tuple[str, ...]  # distinct codes found, in first-seen order


@dataclass(frozen=True)
class Readiness:
    ready: bool  # no errors anywhere: the plan would hold up
    errors: int
    warnings: int
    infos: int
    items: tuple[ChecklistItem, ...]


def readiness(findings: list[Finding]) -> Readiness:
    """Counts by severity and one checklist line per rule family."""
    items = []
    for family, label in _LABELS.items():
        mine = [f for f in findings if RULE_BY_CODE[f.code].family is family]
        errors = sum(f.severity is Severity.ERROR for f in mine)
        warnings = sum(f.severity is Severity.WARNING for f in mine)
        codes = tuple(dict.fromkeys(f.code for f in mine))
        items.append(ChecklistItem(family, label, errors + warnings == 0, errors, warnings, codes))
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    infos = sum(f.severity is Severity.INFO for f in findings)
    return Readiness(errors == 0, errors, warnings, infos, tuple(items))
