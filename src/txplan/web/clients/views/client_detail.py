from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from txplan.core.measures import registry
from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_client
from txplan.web.measures.queries import history, risk_alerts, trends


def client_detail(request: HttpRequest, client_id: int) -> HttpResponse:
    client = get_client(current_user(request), client_id)
    plans = client.plans.prefetch_related("versions").all()
    return render(
        request,
        "clients/client_detail.html",
        {
            "client": client,
            "diagnoses": client.diagnoses.all(),
            "plans": plans,
            "administrations": history(client),
            "alerts": risk_alerts(client),
            "trends": trends(client),
            "instruments": registry.all_instruments(),
        },
    )
