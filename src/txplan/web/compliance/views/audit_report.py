import csv
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from txplan.web.accounts.auth import current_user
from txplan.web.accounts.models import User
from txplan.web.compliance import actions, queries
from txplan.web.compliance.forms import AuditFilterForm
from txplan.web.compliance.guards import require_admin
from txplan.web.compliance.models import Action, AuditEvent

PAGE = 100


def audit_report(request: HttpRequest) -> HttpResponse:
    """The practice's audit trail, filtered by user, client, action and date; ?format=csv
    downloads the same selection."""
    user = current_user(request)
    require_admin(user)
    form = AuditFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    if request.GET and not form.is_valid():
        events = queries.practice_events(user).none()
    else:
        events = queries.filtered(user, data)
    if request.GET.get("format") == "csv" and form.is_valid():
        return _csv(user, events, data)
    page = Paginator(events, PAGE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(
        request,
        "compliance/audit_report.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "clients": queries.client_labels(rows),
            "query": query.urlencode(),
        },
        status=200 if form.is_valid() or not request.GET else 400,
    )


def _csv(user: User, events: QuerySet[AuditEvent], data: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-report.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "id",
            "time",
            "user",
            "action",
            "client_id",
            "object_type",
            "object_id",
            "detail",
            "ip",
            "emergency",
            "entry_hash",
        ]
    )
    count = 0
    for e in events.iterator(chunk_size=2000):
        count += 1
        writer.writerow(
            [
                e.pk,
                timezone.localtime(e.at).isoformat(),
                e.username,
                e.action,
                e.client_id_at or "",
                e.object_type,
                e.object_id,
                _cell(e.detail),
                e.ip,
                "yes" if e.emergency else "",
                e.entry_hash,
            ]
        )
    filters = ", ".join(f"{k}={v}" for k, v in sorted(data.items()) if v)
    actions.record(Action.AUDIT_REPORT, user=user, detail=f"{count} rows; {filters}"[:300])
    return response


def _cell(text: str) -> str:
    # A spreadsheet must not run a cell as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
