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
    return {"user": context.get("user")}
