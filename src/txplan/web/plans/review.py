"""The audit on a plan page: findings beside each statement and the plan-level checklist.

Read-side only. The audit itself is ``txplan.core.audit``; this module decides what the page
shows: which findings sit beside which element, and how ready the plan is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from txplan.core.audit import audit_plan
from txplan.core.audit.findings import SEVERITY_ORDER, Finding, Severity
from txplan.core.document import parse_plan
from txplan.web.plans.models import PlanVersion
from txplan.web.plans.export import export_document


@dataclass
class Readiness:
    errors: int
    warnings: int
    infos: int

    @property
    def ready(self) -> bool:
        return self.errors == 0

    @property
    def summary(self) -> str:
        if self.ready and not self.warnings:
            return "Ready: nothing an auditor would flag."
        if self.ready:
            return f"Ready, with {self.warnings} warning{'s' * (self.warnings != 1)} to consider."
        return (
            f"Not ready: {self.errors} error{'s' * (self.errors != 1)} and "
            f"{self.warnings} warning{'s' * (self.warnings != 1)}."
        )


@dataclass
class PlanReview:
    by_element: dict[str, list[Finding]] = field(default_factory=dict)
    checklist: list[Finding] = field(default_factory=list)  # every finding, worst first
    readiness: Readiness = field(default_factory=lambda: Readiness(0, 0, 0))


def requires_cosignature(version: PlanVersion) -> bool:
    return version.plan.client.clinician.supervisor_id is not None


def review_version(version: PlanVersion, today: date) -> PlanReview:
    document = parse_plan(export_document(version))
    findings = audit_plan(document, today, requires_cosignature=requires_cosignature(version))
    findings = sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.code))
    by_element: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.element_id:
            by_element[finding.element_id].append(finding)
    count = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return PlanReview(
        by_element=dict(by_element),
        checklist=findings,
        readiness=Readiness(count[Severity.ERROR], count[Severity.WARNING], count[Severity.INFO]),
    )
