from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_client
from txplan.web.compliance import actions
from txplan.web.compliance.forms import AmendmentDecisionForm
from txplan.web.compliance.views.amendments import version_choices
from txplan.web.errors import ActionError, NotAllowed
from txplan.web.plans.models import PlanVersion


@require_POST
def amendment_decide(request: HttpRequest, client_id: int, amendment_id: int) -> HttpResponse:
    """The treating clinician accepts (naming the resulting version) or denies with a reason."""
    user = current_user(request)
    client = get_client(user, client_id)
    amendment = client.amendment_requests.filter(pk=amendment_id).first()
    if amendment is None:
        raise Http404("No such amendment request")
    if client.clinician_id != user.pk:
        raise PermissionDenied("Only the treating clinician decides an amendment request.")
    form = AmendmentDecisionForm(request.POST, versions=version_choices(client))
    if form.is_valid():
        chosen = form.cleaned_data["version"]
        version = (
            PlanVersion.objects.filter(pk=chosen, plan__client=client).first() if chosen else None
        )
        try:
            actions.decide_amendment(
                amendment=amendment,
                by=user,
                accepted=form.cleaned_data["decision"] == "accepted",
                reason=form.cleaned_data["reason"],
                version=version,
            )
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from None
        except ActionError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "The decision is recorded.")
            return redirect("amendments", client_id=client.pk)
    return render(
        request,
        "compliance/amendment_decide.html",
        {"client": client, "amendment": amendment, "decision_form": form},
        status=400,
    )
