from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from txplan.core.measures import registry
from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import can_manage_record, can_write_clinical, get_client
from txplan.web.clients.discharge import active_plans
from txplan.web.clients.queries import is_minor
from txplan.web.measures.queries import history, risk_alerts, trends


def client_detail(request: HttpRequest, client_id: int) -> HttpResponse:
    user = current_user(request)
    client = get_client(user, client_id)
    plans = client.plans.prefetch_related("versions").all()
    active = set(active_plans(client).values_list("pk", flat=True))
    return render(
        request,
        "clients/client_detail.html",
        {
            "client": client,
            "diagnoses": client.diagnoses.all(),
            "plans": plans,
            "active_plan_ids": active,
            "discharge": client.discharges.first(),
            "needs_guardian": is_minor(client, timezone.localdate()) and not client.guardian_name,
            "can_manage": can_manage_record(user, client),
            "can_write": can_write_clinical(user, client),
            "administrations": history(client),
            "alerts": risk_alerts(client),
            "trends": trends(client),
            "instruments": registry.all_instruments(),
        },
    )
