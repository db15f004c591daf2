from __future__ import annotations

from typing import Any

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from txplan.web.compliance import policy

register = template.Library()


@register.simple_tag(takes_context=True)
def session_script(context: dict[str, Any]) -> str:
    """The time-out warning and the editor's kept draft (static/txplan/session.js); its
    settings travel as data attributes because the CSP allows no inline script."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return ""
    return format_html(
        '<script src="{}" defer data-idle="{}" data-warn="{}" data-ping="{}"></script>',
        static("txplan/session.js"),
        policy.idle_seconds(),
        policy.warning_seconds(),
        reverse("session_ping"),
    )


@register.inclusion_tag("compliance/_nav.html", takes_context=True)
def compliance_nav(context: dict[str, Any]) -> dict[str, Any]:
    """The compliance links, and a reminder while the user holds emergency access."""
    from django.utils import timezone

    from txplan.web.compliance.models import EmergencyGrant

    user = context.get("user")
    grants: list[EmergencyGrant] = []
    if user is not None and user.is_authenticated and user.role != "admin":
        grants = list(
            EmergencyGrant.objects.filter(user=user, expires_at__gt=timezone.now())
            .select_related("client")
            .order_by("expires_at")
        )
    return {"user": user, "grants": grants}
