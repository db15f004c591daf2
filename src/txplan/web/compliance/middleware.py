"""Per request: the audit context, the inactivity time-out (d)(5), the second-factor gate
(d)(13), and an audit entry for every Django admin page viewed or changed."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from txplan.web.compliance import policy
from txplan.web.compliance.context import current_request
from txplan.web.compliance.models import Action

LAST_SEEN = "txplan.last_seen"
# Writing the session on every request would cost a write per request; a few seconds of
# slack on a 15-minute time-out is harmless (the page's own timer is exact).
TOUCH_AFTER = 10

# Reachable before the second factor is passed.
MFA_OPEN = ("/login/", "/logout/", "/account/mfa/", "/static/", "/healthz", "/session/")


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _to_login(request: HttpRequest, message: str) -> HttpResponse:
    target = f"{reverse('login')}?next={quote(request.get_full_path())}"
    if _wants_json(request):
        return JsonResponse({"detail": message}, status=401)
    if getattr(request, "htmx", False):
        # htmx follows HX-Redirect with a full page load; the editor keeps its unsaved text
        # in the browser and offers it back after the login.
        response = HttpResponse(message, status=401, content_type="text/plain")
        referer = request.headers.get("HX-Current-URL", "")
        page = referer if referer.startswith("http") else request.get_full_path()
        response["HX-Redirect"] = f"{reverse('login')}?next={quote(_path_of(page))}"
        return response
    messages.info(request, message)
    return redirect(target)


def _path_of(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class ComplianceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_request.set(request)
        try:
            early = self._before(request)
            if early is not None:
                return early
            user = getattr(request, "user", None)  # before a logout replaces it
            response = self.get_response(request)
            self._after(request, response, user)
            return response
        finally:
            current_request.reset(token)

    def _before(self, request: HttpRequest) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        now = int(time.time())
        last = request.session.get(LAST_SEEN)
        if isinstance(last, int) and now - last > policy.idle_seconds():
            from txplan.web.compliance import actions

            actions.record(Action.TIMEOUT, user=user, detail=f"idle {now - last} s")
            logout(request)
            return _to_login(request, "You were logged out after a period of inactivity.")
        if not isinstance(last, int) or now - last >= TOUCH_AFTER:
            request.session[LAST_SEEN] = now
        if (
            not request.path.startswith(MFA_OPEN)
            and not user.is_verified()
            and policy.mfa_required(user)
        ):
            if _wants_json(request):
                return JsonResponse(
                    {"detail": "A second factor is required: log in on the web page first."},
                    status=403,
                )
            name = "mfa_verify" if policy.has_second_factor(user) else "mfa_setup"
            return redirect(f"{reverse(name)}?next={quote(request.get_full_path())}")
        return None

    def _after(self, request: HttpRequest, response: HttpResponse, user: Any) -> None:
        if not request.path.startswith("/admin/") or user is None or not user.is_authenticated:
            return
        from txplan.web.compliance import actions

        unsafe = request.method not in ("GET", "HEAD", "OPTIONS")
        # The path only (object ids); a query string may hold a search for a name.
        actions.record(
            Action.ADMIN_EDIT if unsafe else Action.ADMIN_VIEW,
            user=user,
            object_type="admin",
            detail=f"{request.method} {request.path} → {response.status_code}",
        )
