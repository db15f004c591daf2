"""The audit on a plan page: findings beside each statement and the plan-level checklist.

Read-side only. The audit itself is ``txplan.core.audit``; this module decides what the page
shows: which findings sit beside which element, the checklist by rule family, and a summary.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from txplan.core.audit import audit_plan, audit_statement
from txplan.core.audit.findings import SEVERITY_ORDER, Finding, Severity
from txplan.core.audit.summary import Readiness, readiness
from txplan.core.document import PlanDocumentError, parse_plan
from txplan.web.plans.export import export_document
from txplan.web.plans.facts import plan_facts
from txplan.web.plans.models import PlanVersion


@dataclass(frozen=True)
class InfoGroup:
    """Info findings of one code, shown once with a count rather than once per statement."""

    code: str
    count: int
    explanation: str


@dataclass
class PlanReview:
    readiness: Readiness
    by_element: dict[str, list[Finding]] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)  # errors, then warnings
    info_groups: list[InfoGroup] = field(default_factory=list)

    @property
    def summary(self) -> str:
        r = self.readiness
        if r.ready and not r.warnings:
            return "Ready: nothing an auditor would flag."
        if r.ready:
            return f"Ready, with {_count(r.warnings, 'warning')} to consider."
        return f"Not ready: {_count(r.errors, 'error')} and {_count(r.warnings, 'warning')}."


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def requires_cosignature(version: PlanVersion) -> bool:
    return version.plan.client.clinician.supervisor_id is not None


def review_version(version: PlanVersion, today: date) -> PlanReview:
    document = parse_plan(export_document(version, check=False))  # the page shows any failure
    findings = audit_plan(
        document,
        today,
        requires_cosignature=requires_cosignature(version),
        draft=not version.is_signed,
        facts=plan_facts(version),
    )
    return _review(findings)


def _review(findings: list[Finding]) -> PlanReview:
    findings = sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.code))
    by_element: dict[str, list[Finding]] = defaultdict(list)
    infos: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.element_id:
            by_element[finding.element_id].append(finding)
        if finding.severity is Severity.INFO:
            infos[finding.code].append(finding)
    return PlanReview(
        readiness=readiness(findings),
        by_element=dict(by_element),
        problems=[f for f in findings if f.severity is not Severity.INFO],
        info_groups=[InfoGroup(code, len(fs), fs[0].explanation) for code, fs in infos.items()],
    )


def _statements(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for problem in document.get("problems", []):
        for goal in problem.get("goals", []):
            out.append(("goal", goal))
            for objective in goal.get("objectives", []):
                out.append(("objective", objective))
                out += [("intervention", i) for i in objective.get("interventions", [])]
    return out


def live_review(version: PlanVersion, document: dict[str, Any], today: date) -> PlanReview:
    """The audit of a document as it stands in the editor (not yet saved). When the document
    does not parse yet (a half-typed date), each statement is still judged on its own words."""
    try:
        plan = parse_plan(document)
    except PlanDocumentError:
        plan = None
    findings: list[Finding]
    if plan is not None:
        findings = audit_plan(
            plan,
            today,
            requires_cosignature=requires_cosignature(version),
            draft=True,
            facts=plan_facts(version),
        )
    else:
        dx = next((d.get("code") for d in document.get("diagnoses", [])), None)
        findings = []
        for kind, element in _statements(document):
            for f in audit_statement(kind, element.get("text", ""), dx):
                findings.append(replace(f, element_id=element["id"]))
    return _review(findings)
