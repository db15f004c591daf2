from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_client
from txplan.web.clients.models import Client
from txplan.web.compliance import actions
from txplan.web.compliance.forms import AmendmentDecisionForm, AmendmentRequestForm
from txplan.web.compliance.models import AmendmentStatus
from txplan.web.errors import ActionError, NotAllowed
from txplan.web.plans.models import PlanVersion


def version_choices(client: Client) -> list[tuple[str, str]]:
    return [
        (str(v.pk), f"{v.plan.title} v{v.number} ({v.get_status_display()})")
        for v in PlanVersion.objects.filter(plan__client=client)
        .select_related("plan")
        .order_by("plan_id", "number")
    ]


def amendments(request: HttpRequest, client_id: int) -> HttpResponse:
    """A client's amendment requests with their decisions; the treating clinician or an
    administrator records a new one."""
    user = current_user(request)
    client = get_client(user, client_id)
    form = AmendmentRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                actions.record_amendment_request(client=client, by=user, **form.cleaned_data)
            except NotAllowed as exc:
                status = 403
                messages.error(request, exc.message)
            except ActionError as exc:
                form.add_error(exc.field or None, exc.message)
                status = 400
            else:
                messages.success(request, "The request is recorded; it waits for a decision.")
                return redirect("amendments", client_id=client.pk)
        else:
            status = 400
    requests = client.amendment_requests.select_related(
        "recorded_by", "decided_by", "resulting_version__plan"
    )
    versions = version_choices(client)
    return render(
        request,
        "compliance/amendments.html",
        {
            "client": client,
            "form": form,
            "requests": requests,
            "decision_form": AmendmentDecisionForm(versions=versions),
            "may_decide": client.clinician_id == user.pk,
            "pending": AmendmentStatus.PENDING,
        },
        status=status,
    )
