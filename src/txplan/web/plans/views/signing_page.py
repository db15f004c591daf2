"""What the signing views share: the plan page shown again with the refused form, and a
per-session limit on wrong password re-entries."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from txplan.web.compliance.actions import record_wrong_signing_password
from txplan.web.errors import ActionError, NotAllowed, VersionLocked
from txplan.web.plans.models import PlanVersion
from txplan.web.plans.queries import version_context

log = logging.getLogger("txplan.signing")

_WRONG = "txplan.signing.wrong_passwords"


def _limit() -> int:
    # The same budget as a login: the re-entry must not be a slower way to guess it.
    return int(getattr(settings, "AXES_FAILURE_LIMIT", 5))


def password_accepted(request: HttpRequest) -> None:
    request.session.pop(_WRONG, None)


def refuse(
    request: HttpRequest,
    version: PlanVersion,
    form: Form,
    *,
    form_name: str,
    error: ActionError | None = None,
    field_map: dict[str, str] | None = None,
) -> HttpResponse:
    """The plan page again with ``form`` and its errors; nothing was written.

    An ActionError about a field of the form is shown beside that field; any other (who may
    sign, the order of signatures) as a message at the top. Not allowed → 403, already
    signed → 409, anything else the person can correct → 200.
    """
    if getattr(form, "wrong_password", False):
        wrong = request.session.get(_WRONG, 0) + 1
        request.session[_WRONG] = wrong
        log.warning(
            "wrong password re-entered to sign: user %s, version %s", request.user.pk, version.pk
        )
        record_wrong_signing_password(version)
        if wrong >= _limit():
            logout(request)
            messages.error(request, "Too many wrong passwords: log in again to continue.")
            page = reverse("plan_version", args=[version.plan_id, version.number])
            return redirect(f"{reverse('login')}?next={page}")
    status = 200
    if error is not None:
        field = (field_map or {}).get(error.field, error.field)
        if field in form.fields:
            form.add_error(field, error.message)
        else:
            messages.error(request, str(error.message))
        if isinstance(error, NotAllowed):
            status = 403
        elif isinstance(error, VersionLocked):
            status = 409
    context: dict[str, Any] = {**version_context(version), form_name: form}
    return render(request, "plans/plan_detail.html", context, status=status)
