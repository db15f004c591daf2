from base64 import b32encode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from txplan.web.accounts.auth import current_user
from txplan.web.compliance import actions, policy
from txplan.web.compliance.forms import TokenForm
from txplan.web.compliance.views._next import safe_next
from txplan.web.errors import ActionError


def mfa_setup(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator (TOTP): show the key, confirm with a code, then show the
    recovery codes once. Someone who already has one must pass it before replacing it."""
    user = current_user(request)
    if policy.has_second_factor(user) and not policy.is_verified(user):
        return redirect("mfa_verify")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    form = TokenForm(request.POST or None)
    if request.method == "POST" and request.POST.get("op") == "start":
        device = actions.start_totp(user=user)
        form = TokenForm()
    elif request.method == "POST" and device is not None and form.is_valid():
        try:
            codes = actions.confirm_totp(user=user, device=device, token=form.cleaned_data["token"])
        except ActionError as exc:
            form.add_error("token", exc.message)
        else:
            otp_login(request, device)
            return render(
                request,
                "compliance/recovery_codes.html",
                {"codes": codes, "next": safe_next(request)},
            )
    key = ""
    if device is not None:
        secret = b32encode(device.bin_key).decode().rstrip("=")
        key = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return render(
        request,
        "compliance/mfa_setup.html",
        {
            "device": device,
            "key": key,
            "config_url": device.config_url if device else "",
            "form": form,
            "enrolled": policy.has_second_factor(user),
            "required": policy.mfa_required(user),
            "next": request.GET.get("next", "") or request.POST.get("next", ""),
        },
    )
