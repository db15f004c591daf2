"""What the audit reports: findings, their severity, and the rule registry's entry shape.

A finding is deliberately a small frozen dataclass (not a pydantic model): the audit runs as the
clinician types and on whole caseloads, and a finding is created thousands of times a second.
``to_dict`` gives the JSON shape the CLI and the web API print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from txplan.core.audit.facts import PlanFacts


class Severity(StrEnum):
    ERROR = "error"  # a reviewer would cite it; the plan is not ready until it is fixed
    WARNING = "warning"  # weakens the plan or needs clinical judgement; fix or justify
    INFO = "info"  # worth a look; never blocks readiness


class StatementKind(StrEnum):
    GOAL = "goal"  # broad, functional outcome tied to the diagnosis
    OBJECTIVE = "objective"  # SMART step towards a goal
    INTERVENTION = "intervention"  # what the clinician does (and the client between sessions)


class Scope(StrEnum):
    STATEMENT = "statement"  # judged on one statement's own words (plus diagnosis context)
    PLAN = "plan"  # judged on the plan document as a whole


class Family(StrEnum):
    """Rule families; the web checklist groups plan-level findings by these."""

    GOALS = "goals"  # goal statements
    OBJECTIVES = "objectives"  # objective statements
    INTERVENTIONS = "interventions"  # intervention statements
    STRUCTURE = "structure"  # problem → goal → objective → intervention completeness
    NECESSITY = "necessity"  # diagnosis and medical-necessity content
    MEASURES = "measures"  # standardized measures
    DATES = "dates"  # target dates, review dates, service and duration
    SIGNATURES = "signatures"  # who signed, and when


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable rule code from the registry, e.g. "OBJ_NOT_TIME_BOUND"
    severity: Severity
    explanation: str  # why this matters, in a clinician's terms
    suggestion: str | None = None  # a concrete rewrite or next step, where one can be made
    element_id: str | None = None  # problem/goal/objective/intervention id; None = whole plan
    span: tuple[int, int] | None = None  # [start, end) in the statement text, if about text
    field: str | None = None  # the field the finding is about, e.g. "text", "next_review_date"
    # The structured part of a suggested rewrite: the objective's measure criterion as editor
    # field pairs (("measure", "phq9"), ("comparator", "<="), …); (("measure", ""),) removes it.
    # Not part of to_dict (the JSON contract): the editor's "Use suggestion" applies it.
    criterion: tuple[tuple[str, str], ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "element_id": self.element_id,
            "field": self.field,
            "span": list(self.span) if self.span is not None else None,
            "explanation": self.explanation,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class PlanExample:
    """A plan-rule example: dotted-path edits applied to the registry's baseline plan.

    ``edits`` maps a path such as ``"signatures"`` or ``"problems.0.goals"`` to the value it is
    set to; the result must trigger (flawed) or not trigger (fixed) the rule.
    """

    description: str  # what the example shows, for the docs
    edits: dict[str, Any] = field(default_factory=dict)
    requires_cosignature: bool = False
    facts: PlanFacts | None = None  # what the client record adds (audit_plan(..., facts=))


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    family: Family
    scope: Scope
    summary: str  # one line: what the rule catches
    flawed: str | PlanExample  # statement text, or a plan example
    fixed: str | PlanExample
    kind: StatementKind | None = None  # statement rules: which statements it judges
    diagnosis: str | None = None  # statement examples that need diagnosis context
