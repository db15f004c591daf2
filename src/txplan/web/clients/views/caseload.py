from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import visible_clients
from txplan.web.clients.caseload import Filter, page_of, search


def caseload(request: HttpRequest) -> HttpResponse:
    """The clients the user may see: search by name or record number, a filter, a page."""
    today = timezone.localdate()
    query = request.GET.get("q", "").strip()[:100]
    which = request.GET.get("filter", "")
    if which not in dict(Filter.CHOICES):
        which = Filter.ACTIVE
    rows = search(visible_clients(current_user(request)), query=query, which=which, today=today)
    page = page_of(rows, request.GET.get("page"), today)
    return render(
        request,
        "clients/caseload.html",
        {
            "rows": page.rows,
            "page": page.page,
            "query": query,
            "which": which,
            "filters": Filter.CHOICES,
        },
    )
