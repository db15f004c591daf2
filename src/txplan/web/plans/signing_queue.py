"""The supervisor's co-signature queue: read-side only, nothing here writes.

Every signed version of a supervisee's plan without the supervisor's signature waits here,
including one a later version has superseded: it was the plan in force for a while, and an
auditor asks for its co-signature too. The row says when a version is superseded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from txplan.core.audit.findings import Severity
from txplan.core.plan import SignerRole
from txplan.web.accounts.models import Role, User
from txplan.web.clients.access import visible_clients
from txplan.web.plans import integrity
from txplan.web.plans.models import PlanVersion, VersionStatus
from txplan.web.plans.review import review_version

# The finding co-signing resolves: not counted against the plan in the queue.
_RESOLVED_BY_COSIGNING = "SIG_MISSING_SUPERVISOR"


@dataclass(frozen=True)
class QueueRow:
    version: PlanVersion
    outstanding: tuple[str, ...]  # error codes co-signing will not resolve, e.g. no client
    warnings: int
    superseded_by: int | None  # the number of a later signed version, if any

    @property
    def ready_once_cosigned(self) -> bool:
        return not self.outstanding


def waiting_versions(user: User) -> QuerySet[PlanVersion]:
    """Signed versions of ``user``'s supervisees' plans still lacking ``user``'s co-signature,
    oldest signature first. Empty for anyone but a supervisor."""
    if not user.is_authenticated or user.role != Role.SUPERVISOR:
        return PlanVersion.objects.none()
    clients = visible_clients(user).filter(clinician__supervisor=user)
    signed = PlanVersion.objects.filter(status=VersionStatus.SIGNED, plan__client__in=clients)
    # A version leaves the queue only with a sealed co-signature given to it: a supervisor
    # row copied in from another version (the seal names that version) does not count.
    cosigned = [
        version.pk
        for version in signed.filter(signatures__role=SignerRole.SUPERVISOR).prefetch_related(
            "signatures"
        )
        if any(
            s.role == SignerRole.SUPERVISOR and integrity.signature_is_valid(s, version)
            for s in version.signatures.all()
        )
    ]
    return (
        signed.exclude(pk__in=cosigned)
        .select_related("plan__client__clinician")
        .order_by("signed_at", "pk")
    )


def queue_rows(user: User, today: date) -> list[QueueRow]:
    rows = []
    for version in waiting_versions(user).prefetch_related("signatures"):
        review = review_version(version, today)
        later = (
            version.plan.versions.filter(status=VersionStatus.SIGNED, number__gt=version.number)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
        rows.append(
            QueueRow(
                version=version,
                outstanding=tuple(
                    dict.fromkeys(
                        f.code
                        for f in review.problems
                        if f.severity is Severity.ERROR and f.code != _RESOLVED_BY_COSIGNING
                    )
                ),
                warnings=review.readiness.warnings,
                superseded_by=later,
            )
        )
    return rows
