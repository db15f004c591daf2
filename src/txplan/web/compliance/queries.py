"""Read-side helpers for the audit report."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from txplan.web.accounts.models import User
from txplan.web.clients.models import Client
from txplan.web.compliance.models import AuditEvent


def practice_events(admin: User) -> QuerySet[AuditEvent]:
    """Entries by the practice's people or about its clients."""
    assert admin.practice_id is not None  # require_admin() came first
    clients = Client.objects.filter(practice_id=admin.practice_id).values("pk")
    return AuditEvent.objects.filter(
        Q(practice_id_at=admin.practice_id) | Q(client_id_at__in=clients)
    )


def filtered(admin: User, data: dict[str, Any]) -> QuerySet[AuditEvent]:
    events = practice_events(admin)
    if data.get("user"):
        events = events.filter(username__iexact=data["user"].strip())
    if data.get("client"):
        wanted = data["client"].strip()
        ids = list(
            Client.objects.filter(practice_id=admin.practice_id or 0)
            .filter(Q(record_number__iexact=wanted) | Q(pk=int(wanted) if wanted.isdigit() else -1))
            .values_list("pk", flat=True)
        )
        events = events.filter(client_id_at__in=ids)
    if data.get("action"):
        events = events.filter(action=data["action"])
    zone = timezone.get_current_timezone()
    if data.get("date_from"):
        events = events.filter(at__gte=datetime.combine(data["date_from"], time.min, zone))
    if data.get("date_to"):
        events = events.filter(at__lte=datetime.combine(data["date_to"], time.max, zone))
    return events.order_by("-id")


def client_labels(events: list[AuditEvent]) -> dict[int, str]:
    ids = {e.client_id_at for e in events if e.client_id_at is not None}
    return {
        c.pk: f"{c.last_name}, {c.first_name}"
        + (f" ({c.record_number})" if c.record_number else "")
        for c in Client.objects.filter(pk__in=ids)
    }
