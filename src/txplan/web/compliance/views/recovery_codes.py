from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from txplan.web.accounts.auth import current_user
from txplan.web.compliance import actions, policy


@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes (the old ones stop working). Only after passing the second factor."""
    user = current_user(request)
    if not policy.is_verified(user):
        return redirect("mfa_verify")
    codes = actions.new_recovery_codes(user=user)
    return render(request, "compliance/recovery_codes.html", {"codes": codes, "next": ""})
