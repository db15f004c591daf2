from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_version
from txplan.web.errors import ActionError
from txplan.web.plans import actions
from txplan.web.plans.sign_forms import CosignForm
from txplan.web.plans.views.signing_page import password_accepted, refuse


@require_POST
def cosign(request: HttpRequest, plan_id: int, number: int) -> HttpResponse:
    """The associate's supervisor co-signs a signed version by re-entering their password."""
    user = current_user(request)
    version = get_version(user, plan_id, number)
    form = CosignForm(request.POST, user=user)
    if not form.is_valid():
        return refuse(request, version, form, form_name="cosign_form")
    password_accepted(request)
    try:
        actions.cosign_version(version=version, by=user, at=timezone.now())
    except ActionError as exc:
        return refuse(request, version, form, form_name="cosign_form", error=exc)
    messages.success(request, f"Version {number} is co-signed.")
    return redirect("cosign_queue")
