from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import visible_clients
from txplan.web.plans.queries import plan_rows


def caseload(request: HttpRequest) -> HttpResponse:
    clients = visible_clients(current_user(request)).select_related("clinician")
    return render(request, "clients/caseload.html", {"rows": plan_rows(clients)})
