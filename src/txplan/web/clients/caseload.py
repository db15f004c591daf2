"""The caseload list as one database query: search, filters and a page of rows.

Everything a row shows (the current plan, its latest version and status, the next review
date, whether it waits for a co-signature, whether a risk flag is open) is computed by
subqueries, so a page costs the same few queries whatever the caseload's size, and filtering
and paginating happen in the database.

- the current plan is the client's newest plan not closed by a discharge (else the newest);
- the next review date is the latest version's ``next_review_date`` (an ISO date string in
  the document, so it compares as text);
- a risk flag is open until a clinician records a risk assessment for it, whatever later
  administrations score (``measures.models.RiskFlag``, as ``measures.queries.risk_alerts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.fields.json import KT

from txplan.core.plan import SignerRole
from txplan.web.clients.models import Client
from txplan.web.measures.models import RiskFlag
from txplan.web.plans.models import Plan, PlanVersion, VersionSignature, VersionStatus

PAGE_SIZE = 25


class Filter:
    ACTIVE = ""  # the active caseload: everyone not discharged
    OVERDUE = "overdue"  # the plan's review date has passed
    UNSIGNED = "unsigned"  # the latest version is an unsigned draft, or there is no plan
    RISK = "risk"  # a risk flag is open (no risk assessment has answered it)
    DISCHARGED = "discharged"  # discharged clients only
    CHOICES = [
        (ACTIVE, "Active"),
        (OVERDUE, "Review overdue"),
        (UNSIGNED, "Unsigned"),
        (RISK, "Risk flag"),
        (DISCHARGED, "Discharged"),
    ]


def annotated(clients: QuerySet[Client]) -> QuerySet[Client]:
    plans = Plan.objects.filter(client=OuterRef("pk")).order_by(
        # Open plans before closed ones, then the newest.
        Exists(Plan.discharges.through.objects.filter(plan=OuterRef("pk"))).asc(),
        "-created_at",
        "-pk",
    )
    latest = PlanVersion.objects.filter(plan=OuterRef("plan_id")).order_by("-number")
    supervisor_signed = VersionSignature.objects.filter(
        version=OuterRef("version_id"), role=SignerRole.SUPERVISOR
    )
    return (
        clients.select_related("clinician", "payer")
        .annotate(plan_id=Subquery(plans.values("pk")[:1]))
        .annotate(
            plan_title=Subquery(plans.values("title")[:1]),
            version_id=Subquery(latest.values("pk")[:1]),
            version_number=Subquery(latest.values("number")[:1]),
            version_status=Subquery(latest.values("status")[:1]),
            next_review=Subquery(
                latest.annotate(due=KT("document__next_review_date")).values("due")[:1]
            ),
            risk=Exists(RiskFlag.objects.filter(client=OuterRef("pk"), assessed_on__isnull=True)),
        )
        .annotate(
            awaiting_cosign=ExpressionWrapper(
                Q(version_status=VersionStatus.SIGNED)
                & Q(clinician__supervisor__isnull=False)
                & ~Exists(supervisor_signed),
                output_field=BooleanField(),
            )
        )
    )


def search(
    clients: QuerySet[Client], *, query: str = "", which: str = "", today: date
) -> QuerySet[Client]:
    """``clients`` (already scoped to the user) matching every word of ``query`` in a name or
    the record number, narrowed by the filter ``which``. Without a query or a filter, the
    active caseload; a query also finds discharged clients (they stay searchable)."""
    rows = annotated(clients)
    for word in query.split():
        rows = rows.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(preferred_name__icontains=word)
            | Q(record_number__icontains=word)
        )
    if which == Filter.DISCHARGED:
        return rows.filter(discharged_on__isnull=False).order_by("-discharged_on", "last_name")
    if not query.strip() or which:
        rows = rows.filter(discharged_on__isnull=True)
    if which == Filter.OVERDUE:
        rows = rows.filter(next_review__lt=today.isoformat())  # type: ignore[misc]
    elif which == Filter.UNSIGNED:
        rows = rows.filter(Q(version_status=VersionStatus.DRAFT) | Q(version_id__isnull=True))
    elif which == Filter.RISK:
        rows = rows.filter(risk=True)  # type: ignore[misc]
    return rows.order_by("last_name", "first_name", "pk")


@dataclass
class CaseloadPage:
    page: Page
    rows: list[Client]
    today: date


def page_of(rows: QuerySet[Client], number: str | int | None, today: date) -> CaseloadPage:
    page = Paginator(rows, PAGE_SIZE).get_page(number)
    items = list(page.object_list)
    for client in items:
        due = client.next_review
        client.next_review_date = date.fromisoformat(due) if due else None
        client.overdue = bool(due and due < today.isoformat() and client.discharged_on is None)
    return CaseloadPage(page=page, rows=items, today=today)
