from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_client
from txplan.web.compliance.models import Disclosure


def disclosures(request: HttpRequest, client_id: int) -> HttpResponse:
    """The accounting of disclosures for one client: every export and print, to whom, why."""
    client = get_client(current_user(request), client_id)
    rows = (
        Disclosure.objects.filter(client=client)
        .select_related("by", "version__plan")
        .order_by("-at", "-id")
    )
    return render(request, "compliance/disclosures.html", {"client": client, "rows": rows})
