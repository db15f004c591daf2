"""Diagnosis and medical necessity: PLAN_NO_DIAGNOSIS, NEC_NO_SYMPTOMS, NEC_NO_IMPAIRMENT,
NEC_NO_LEVEL_OF_CARE, NEC_NO_LOC_RATIONALE.

Payers pay for treatment that is medically necessary: a diagnosis, the symptoms that support
it, the functional impairment it causes, and why this level of care (and not a lower one).
"""

from __future__ import annotations

from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.plan_context import PlanContext
from txplan.core.plan import Plan


def check(plan: Plan, pc: PlanContext) -> list[Finding]:
    out: list[Finding] = []
    nec = plan.medical_necessity
    if not plan.diagnoses:
        out.append(
            Finding(
                "PLAN_NO_DIAGNOSIS",
                Severity.ERROR,
                field="diagnoses",
                explanation=(
                    "The plan has no diagnosis. Every goal must follow from a diagnosis, "
                    "and a payer will not accept a plan without an ICD-10-CM code."
                ),
                suggestion=(
                    "Add the primary diagnosis with its billable ICD-10-CM code (e.g. F33.1)."
                ),
            )
        )
    if not [s for s in nec.symptoms if s.strip()]:
        out.append(
            Finding(
                "NEC_NO_SYMPTOMS",
                Severity.ERROR,
                field="medical_necessity.symptoms",
                explanation=(
                    "No current symptoms are documented. A reviewer needs the symptoms "
                    "that support the diagnosis and show why treatment is needed now."
                ),
                suggestion=(
                    "List the current symptoms with frequency and severity, e.g. 'low mood "
                    "most days for 3 months; PHQ-9 of 17 at intake'."
                ),
            )
        )
    if not nec.impairments:
        out.append(
            Finding(
                "NEC_NO_IMPAIRMENT",
                Severity.ERROR,
                field="medical_necessity.impairments",
                explanation=(
                    "No functional impairment is documented. Medical necessity rests on "
                    "how the symptoms get in the way of work, school, relationships or "
                    "self-care, not on the symptoms alone."
                ),
                suggestion=(
                    "Add at least one impairment, e.g. work: 'missed 6 workdays in the "
                    "last month because of low energy'."
                ),
            )
        )
    if nec.level_of_care is None:
        out.append(
            Finding(
                "NEC_NO_LEVEL_OF_CARE",
                Severity.ERROR,
                field="medical_necessity.level_of_care",
                explanation=(
                    "The level of care is not stated, so the plan does not show why this "
                    "intensity of treatment is the right one."
                ),
                suggestion="Set the level of care (e.g. outpatient) and say why it fits.",
            )
        )
    elif not nec.level_of_care_rationale.strip():
        out.append(
            Finding(
                "NEC_NO_LOC_RATIONALE",
                Severity.WARNING,
                field="medical_necessity.level_of_care_rationale",
                explanation=(
                    "The level of care has no rationale. Reviewers ask why the client "
                    "needs this level, and why a lower one would not do."
                ),
                suggestion=(
                    "e.g. 'Outpatient: symptoms impair work but the client is safe, has "
                    "support at home and can keep weekly appointments.'"
                ),
            )
        )
    return out
