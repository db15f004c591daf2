"""Emergency access (break-glass) grants as the caseload check reads them."""

from __future__ import annotations

from typing import Any

from django.utils import timezone


def active_client_ids(user: Any) -> Any:
    """A subquery of the client ids ``user`` holds an unexpired emergency grant for."""
    from txplan.web.compliance.models import EmergencyGrant

    return EmergencyGrant.objects.filter(
        user_id=user.pk, starts_at__lte=timezone.now(), expires_at__gt=timezone.now()
    ).values("client_id")


def active_grant(user: Any, client: Any) -> Any:
    from txplan.web.compliance.models import EmergencyGrant

    now = timezone.now()
    return (
        EmergencyGrant.objects.filter(
            user_id=user.pk, client_id=client.pk, starts_at__lte=now, expires_at__gt=now
        )
        .order_by("-expires_at")
        .first()
    )
