"""Signatures: SIG_MISSING_CLINICIAN, SIG_NO_CREDENTIALS, SIG_MISSING_CLIENT, SIG_UNDATED,
SIG_MISSING_SUPERVISOR, SIG_FUTURE_DATED.

A plan is in force once the treating clinician (with credentials) and the client or guardian
have signed and dated it, or the reason the client could not sign is documented. An associate's
plan also needs the supervisor's co-signature; the document alone does not say whether its
author is an associate, so the caller passes ``requires_cosignature``.

A draft (``draft=True``) has not been signed yet by definition: a missing signature is then its
lifecycle state, not a flaw, and is reported at severity info (with what signing requires) so
that a draft can be audit-clean. Undated, future-dated or uncredentialed signatures on a draft
are still judged as usual: those are flaws in a signature that does exist.
"""

from __future__ import annotations

from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.plan_context import PlanContext
from txplan.core.plan import Plan, SignatureMethod, SignerRole

# Appended to a missing-signature explanation on a draft: why it is only info for now.
_DRAFT_NOTE = (
    " This is a draft, so that is expected; the plan must be signed (dated, by an "
    "authenticated signer) before it is used for treatment or billing."
)


def check(
    plan: Plan, pc: PlanContext, *, requires_cosignature: bool, draft: bool = False
) -> list[Finding]:
    out: list[Finding] = []
    roles = {s.role for s in plan.signatures}
    missing = Severity.INFO if draft else Severity.ERROR
    note = _DRAFT_NOTE if draft else ""
    if SignerRole.CLINICIAN not in roles:
        out.append(
            Finding(
                "SIG_MISSING_CLINICIAN",
                missing,
                field="signatures",
                explanation=(
                    "The treating clinician has not signed the plan, so it is not in force." + note
                ),
                suggestion="Sign the plan with your name and credentials once it is final.",
            )
        )
    if not roles & {SignerRole.CLIENT, SignerRole.GUARDIAN}:
        out.append(
            Finding(
                "SIG_MISSING_CLIENT",
                missing,
                field="signatures",
                explanation=(
                    "Neither the client nor a guardian has signed, and no reason is "
                    "documented. Reviewers look for the client's agreement to the plan." + note
                ),
                suggestion=(
                    "Obtain the client's (or guardian's) dated signature, or record the "
                    "attempts made and why it could not be obtained."
                ),
            )
        )
    if requires_cosignature and SignerRole.SUPERVISOR not in roles:
        out.append(
            Finding(
                "SIG_MISSING_SUPERVISOR",
                missing,
                field="signatures",
                explanation=(
                    "This plan was written by an associate and needs the supervisor's "
                    "co-signature before it is in force." + note
                ),
                suggestion="Send the plan to the supervisor for review and co-signature.",
            )
        )
    for index, signature in enumerate(plan.signatures):
        field = f"signatures[{index}]"
        if signature.signed_at is None:
            out.append(
                Finding(
                    "SIG_UNDATED",
                    Severity.ERROR,
                    field=f"{field}.signed_at",
                    explanation=(
                        f"The {signature.role.value} signature ({signature.name}) has no "
                        "date. An undated signature does not show when the plan was "
                        "agreed."
                    ),
                    suggestion="Record the date and time of the signature.",
                )
            )
        elif signature.signed_at.date() > pc.today:
            out.append(
                Finding(
                    "SIG_FUTURE_DATED",
                    Severity.WARNING,
                    field=f"{field}.signed_at",
                    explanation=(
                        f"The {signature.role.value} signature is dated "
                        f"{signature.signed_at.date().isoformat()}, after today."
                    ),
                    suggestion="Correct the signature date.",
                )
            )
        if (
            signature.role in (SignerRole.CLINICIAN, SignerRole.SUPERVISOR)
            and signature.method is not SignatureMethod.UNABLE
            and not signature.credentials.strip()
        ):
            out.append(
                Finding(
                    "SIG_NO_CREDENTIALS",
                    Severity.WARNING,
                    field=f"{field}.credentials",
                    explanation=(
                        f"The {signature.role.value} signature ({signature.name}) has no "
                        "credentials; reviewers check the signer is licensed to provide "
                        "the service."
                    ),
                    suggestion="Add credentials, e.g. 'LCSW' or 'PhD, licensed psychologist'.",
                )
            )
    return out
