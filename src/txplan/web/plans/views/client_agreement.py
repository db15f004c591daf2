from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from txplan.core.plan import SignatureMethod, SignerRole
from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_version
from txplan.web.errors import ActionError
from txplan.web.plans import actions
from txplan.web.plans.sign_forms import AgreementForm
from txplan.web.plans.views.signing_page import refuse


@require_POST
def client_agreement(request: HttpRequest, plan_id: int, number: int) -> HttpResponse:
    """The client's agreement to a signed version: drawn, typed after verbal agreement, or
    the reason it could not be obtained."""
    user = current_user(request)
    version = get_version(user, plan_id, number)
    form = AgreementForm(request.POST, version=version)
    if not form.is_valid():
        return refuse(request, version, form, form_name="agreement_form")
    data = form.cleaned_data
    try:
        actions.record_client_signature(
            version=version,
            by=user,
            name=data["name"],
            at=timezone.now(),
            method=SignatureMethod(data["method"]),
            attestation=form.attestation(),
            role=SignerRole(data["role"]),
            unable_reason=data["unable_reason"],
            image=data.get("image"),
        )
    except ActionError as exc:
        return refuse(
            request,
            version,
            form,
            form_name="agreement_form",
            error=exc,
            field_map={"image": "image_data"},
        )
    messages.success(request, "The client's agreement is recorded.")
    return redirect("plan_version", plan_id=plan_id, number=number)
