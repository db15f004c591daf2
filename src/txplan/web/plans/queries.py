"""Read-side helpers for plan pages: nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from txplan.core.audit.clones import plan_statements
from txplan.core.document import PlanDocumentError, parse_plan
from txplan.core.plan import Plan as PlanDocument
from txplan.core.plan import SignerRole
from txplan.web.clients.models import Client
from txplan.web.measures.queries import objective_progress, risk_alerts
from txplan.web.plans import integrity
from txplan.web.plans.models import Plan, PlanVersion, VersionSignature
from txplan.web.plans.review import review_version


@dataclass
class CaseloadRow:
    client: Client
    plan: Plan | None
    version: PlanVersion | None
    next_review: date | None
    overdue: bool
    needs_cosign: bool
    risk: bool


def _needs_cosign(version: PlanVersion, signatures: list[VersionSignature]) -> bool:
    """An associate's signed version still waiting for the supervisor."""
    clinician = version.plan.client.clinician
    return (
        version.is_signed
        and clinician.supervisor_id is not None
        # Only a sealed co-signature given to this version counts: a row copied from another
        # version does not take a plan off the queue.
        and not any(
            s.role == SignerRole.SUPERVISOR and integrity.signature_is_valid(s, version)
            for s in signatures
        )
    )


def plan_rows(clients: QuerySet[Client], today: date | None = None) -> list[CaseloadRow]:
    today = today or timezone.localdate()
    rows = []
    for client in clients.prefetch_related("plans__versions__signatures", "administrations"):
        plans = list(client.plans.all())
        plan = plans[0] if plans else None
        versions = sorted(plan.versions.all(), key=lambda v: v.number) if plan else []
        version = versions[-1] if versions else None
        next_review = None
        if version:
            raw = version.document.get("next_review_date")
            next_review = date.fromisoformat(raw) if raw else None
        rows.append(
            CaseloadRow(
                client=client,
                plan=plan,
                version=version,
                next_review=next_review,
                overdue=bool(next_review and next_review < today),
                needs_cosign=bool(
                    version and _needs_cosign(version, list(version.signatures.all()))
                ),
                risk=bool(risk_alerts(client)),
            )
        )
    return rows


def version_context(version: PlanVersion | None, today: date | None = None) -> dict[str, Any]:
    if version is None:
        raise ValueError("a plan always has at least one version")
    day = today or timezone.localdate()
    plan = version.plan
    try:
        document: PlanDocument = parse_plan(version.document)
    except (PlanDocumentError, TypeError, ValueError, AttributeError):
        # A stored document that is not a plan was changed outside txplan: the integrity
        # page says so (IntegrityFailureMiddleware) instead of a server error.
        raise integrity.IntegrityFailure(version, integrity.check(version)) from None
    signatures = list(version.signatures.select_related("user"))
    return {
        "plan": plan,
        "client": plan.client,
        "version": version,
        "doc": document,
        "versions": plan.versions.select_related("created_by").order_by("-number"),
        "signatures": signatures,
        "integrity_problems": integrity.check(version),
        "needs_cosign": _needs_cosign(version, signatures),
        "has_open_draft": plan.versions.filter(status="draft").exists(),
        "review": review_version(version, day),
        "progress": objective_progress(plan.client, document, day),
        "alerts": risk_alerts(plan.client),
    }


# How many other plans the cloned-plan check compares with: the practice's most recent ones.
OTHER_PLANS_LIMIT = 200


def other_plans_statements(
    client: Client, limit: int = OTHER_PLANS_LIMIT
) -> dict[str, tuple[str, ...]]:
    """The goal, objective and intervention sentences of the latest version of other clients'
    plans in ``client``'s practice (the ``limit`` most recently created plans), normalised
    with each plan's own client's names (``core.audit.clones``).

    Keyed by a label that names the plan and its clinician but not its client: whoever reads
    the finding may not have access to that client."""
    newest = PlanVersion.objects.filter(plan=OuterRef("pk")).order_by("-number").values("number")
    plans = list(
        Plan.objects.filter(client__practice_id=client.practice_id)
        .exclude(client_id=client.pk)
        .select_related("client__clinician")
        .annotate(newest=Subquery(newest[:1]))
        .order_by("-created_at")[:limit]
    )
    wanted = Q(pk__in=[])
    for plan in plans:
        wanted |= Q(plan_id=plan.pk, number=plan.newest)
    by_plan = {plan.pk: plan for plan in plans}
    out: dict[str, tuple[str, ...]] = {}
    for version in PlanVersion.objects.filter(wanted).only("plan_id", "number", "document"):
        plan = by_plan[version.plan_id]
        try:
            document = parse_plan(version.document)
        except PlanDocumentError:
            continue  # a stored draft that does not parse has nothing to compare
        other = plan.client
        names = (other.first_name, other.last_name, f"{other.first_name} {other.last_name}")
        clinician = other.clinician.get_full_name() or other.clinician.username
        label = f"plan {plan.pk} v{version.number} ({clinician})"
        out[label] = tuple(plan_statements(document, names))
    return out
