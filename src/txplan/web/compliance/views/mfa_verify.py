from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from txplan.web.accounts.auth import current_user
from txplan.web.compliance import actions, policy
from txplan.web.compliance.forms import TokenForm
from txplan.web.compliance.models import Action
from txplan.web.compliance.views._next import safe_next


def mfa_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in: a code from the authenticator or a recovery code."""
    user = current_user(request)
    if not policy.has_second_factor(user):
        return redirect("mfa_setup")
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].replace(" ", "").lower()
        for device in devices_for_user(user, confirmed=True):
            if device.verify_is_allowed()[0] and device.verify_token(token):
                otp_login(request, device)
                used = Action.MFA_RECOVERY_USED if isinstance(device, StaticDevice) else None
                actions.record(used or Action.MFA_VERIFIED, user=user)
                return redirect(safe_next(request))
        actions.record(Action.MFA_FAILED, user=user)
        form.add_error(
            "token", "That code was not accepted. Wait for the next code, or use a recovery code."
        )
        status = 200
    return render(
        request,
        "compliance/mfa_verify.html",
        {"form": form, "next": request.GET.get("next", "") or request.POST.get("next", "")},
        status=status,
    )
