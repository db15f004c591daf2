"""Rules that need the client record: PLAN_MINOR_NO_GUARDIAN and PLAN_LATE_AFTER_INTAKE.

Both read ``PlanFacts`` (see facts.py); without the fact they need they stay silent.

PLAN_MINOR_NO_GUARDIAN: a client under 18 on the plan's established date (today when it has
none) whose plan carries no guardian's signature and no documented guardian consent. A parent
or guardian consents to a minor's treatment in most settings, and reviewers look for that
consent on the plan. A guardian signature of any method counts, including one recorded as
"unable" with its reason (for example a minor who consents alone under state law: the reason
documents it). Severity: error on a plan in force, info on a draft, like the other missing
signatures: a draft is not signed yet by definition. Signing does not wait for it (the guardian
signs after the clinician), so the web app does not count it as blocking.

PLAN_LATE_AFTER_INTAKE: the plan was established more than ``plan_due_days`` (default 30,
configurable per practice or payer) after intake; a plan not yet established is judged as of
today. Severity: warning. Medicaid programmes and accreditors cite initial plans completed
after their deadline, but the plan's content cannot fix it: what helps is documenting why
(missed appointments, a late referral). Blocking the signature would only make it later.
"""

from __future__ import annotations

from datetime import date

from txplan.core.audit.facts import PlanFacts
from txplan.core.audit.findings import Finding, Severity
from txplan.core.plan import Plan, SignerRole

ADULT_AGE = 18


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def check(plan: Plan, facts: PlanFacts | None, today: date, *, draft: bool) -> list[Finding]:
    if facts is None:
        return []
    out: list[Finding] = []
    established = plan.established_on or today
    birth = facts.client_birth_date
    if birth is not None and age_on(birth, established) < ADULT_AGE:
        guardian = any(s.role is SignerRole.GUARDIAN for s in plan.signatures)
        if not guardian and not facts.guardian_consent:
            age = age_on(birth, established)
            note = (
                " This is a draft, so that is expected; a parent or guardian must sign or "
                "consent before the plan is used."
                if draft
                else ""
            )
            out.append(
                Finding(
                    "PLAN_MINOR_NO_GUARDIAN",
                    Severity.INFO if draft else Severity.ERROR,
                    field="signatures",
                    explanation=(
                        f"The client was {age} when the plan was established, and there is no "
                        "guardian's signature and no documented guardian consent. Reviewers "
                        "look for a parent's or guardian's agreement to a minor's plan." + note
                    ),
                    suggestion=(
                        "Obtain the parent's or guardian's signature, or record why the client "
                        "consents alone (e.g. the state's minor-consent law) as the guardian "
                        "signature's reason."
                    ),
                )
            )
    intake = facts.intake_date
    if intake is not None:
        days = (established - intake).days
        if days > facts.plan_due_days:
            when = "established" if plan.established_on else "still not established"
            out.append(
                Finding(
                    "PLAN_LATE_AFTER_INTAKE",
                    Severity.WARNING,
                    field="established_on",
                    explanation=(
                        f"The plan was {when} {days} days after intake "
                        f"({intake.isoformat()}); the practice's limit is "
                        f"{facts.plan_due_days} days. Auditors cite initial plans completed "
                        "late."
                    ),
                    suggestion=(
                        "Complete and sign the plan now, and document why it was delayed "
                        "(e.g. missed appointments or a late referral)."
                    ),
                )
            )
    return out
