from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_version
from txplan.web.errors import ActionError
from txplan.web.plans import actions
from txplan.web.plans.sign_forms import SignForm
from txplan.web.plans.views.signing_page import password_accepted, refuse


@require_POST
def sign(request: HttpRequest, plan_id: int, number: int) -> HttpResponse:
    """The treating clinician signs a draft by re-entering their password; it is then frozen."""
    user = current_user(request)
    version = get_version(user, plan_id, number)
    form = SignForm(request.POST, user=user)
    if not form.is_valid():
        return refuse(request, version, form, form_name="sign_form")
    password_accepted(request)
    try:
        actions.sign_version(
            version=version,
            by=user,
            at=timezone.now(),
            override_reason=form.cleaned_data["override_reason"],
        )
    except ActionError as exc:
        return refuse(request, version, form, form_name="sign_form", error=exc)
    messages.success(request, f"Version {number} is signed and locked.")
    return redirect("plan_version", plan_id=plan_id, number=number)
