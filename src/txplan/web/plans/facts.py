"""What the audit needs from the record around a plan version (``core.audit.facts``).

The plan document does not hold the client's date of birth, the intake date, the latest
measures' risk flags or the other plans in the practice; this gathers them for ``audit_plan``.

- date of birth: ``Client.date_of_birth``;
- intake: the client's intake date (``Client.intake_date``), passed only for the
  first version of the client's first plan (a review version, or a later episode of care, is
  not "late after intake");
- days allowed from intake to plan: ``settings.TXPLAN_PLAN_DUE_DAYS_BY_PAYER[payer name]``,
  else ``settings.TXPLAN_PLAN_DUE_DAYS``, else 30;
- risk flags: the risk flags of the latest administration of each measure
  (``measures.queries.risk_alerts``), as "phq9_item9";
- other plans: ``queries.other_plans_statements`` (latest version of other clients' plans in the
  practice, bounded).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings

from txplan.core.audit.facts import DEFAULT_PLAN_DUE_DAYS, PlanFacts
from txplan.web.clients.models import Client
from txplan.web.measures.queries import risk_alerts
from txplan.web.plans.models import PlanVersion


def plan_due_days(client: Client) -> int:
    by_payer = getattr(settings, "TXPLAN_PLAN_DUE_DAYS_BY_PAYER", {}) or {}
    payer = client.payer.name if client.payer else ""
    if payer and payer in by_payer:
        return int(by_payer[payer])
    return int(getattr(settings, "TXPLAN_PLAN_DUE_DAYS", DEFAULT_PLAN_DUE_DAYS))


def _intake_date(version: PlanVersion, client: Client) -> date | None:
    if version.number != 1:
        return None
    first = client.plans.order_by("created_at", "pk").values_list("pk", flat=True).first()
    if first != version.plan_id:
        return None
    return client.intake_date


def plan_facts(version: PlanVersion) -> PlanFacts:
    # Imported here: queries imports review, which imports this module.
    from txplan.web.plans.queries import other_plans_statements

    client = version.plan.client
    flags = tuple(
        dict.fromkeys(
            f"{a.instrument}_item{a.item}" if a.item is not None else a.instrument
            for a in risk_alerts(client)
        )
    )
    return PlanFacts(
        client_birth_date=client.date_of_birth,
        intake_date=_intake_date(version, client),
        plan_due_days=plan_due_days(client),
        risk_flags=flags,
        other_plans_statements=other_plans_statements(client),
        client_names=(
            client.first_name,
            client.last_name,
            f"{client.first_name} {client.last_name}",
        ),
    )
