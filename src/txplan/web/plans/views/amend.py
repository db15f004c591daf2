from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_version, require_clinical_write
from txplan.web.errors import ActionError
from txplan.web.plans import actions


@require_POST
def amend(request: HttpRequest, plan_id: int, number: int) -> HttpResponse:
    """Start a new draft from a signed version; the reason is required and kept."""
    version = get_version(current_user(request), plan_id, number)
    require_clinical_write(current_user(request), version.plan.client)
    try:
        draft = actions.amend_version(
            version=version,
            by=current_user(request),
            note=request.POST.get("note", ""),
        )
    except ActionError as exc:
        messages.error(request, str(exc))
        return redirect("plan_version", plan_id=plan_id, number=number)
    messages.success(request, f"Version {draft.number} is a new draft.")
    return redirect("plan_version", plan_id=plan_id, number=draft.number)
