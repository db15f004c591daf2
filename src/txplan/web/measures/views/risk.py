"""A risk flag and the risk assessment that closes it.

Anyone who may see the client sees the flag and its record; only the treating clinician
records the assessment (who, when, outcome, safety plan reviewed), which is kept with the flag.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import can_write_clinical, get_client, require_clinical_write
from txplan.web.errors import ActionError
from txplan.web.measures import actions
from txplan.web.measures.forms import RiskAssessmentForm
from txplan.web.measures.models import RiskFlag
from txplan.web.measures.queries import _alert


def risk_flag(request: HttpRequest, flag_id: int) -> HttpResponse:
    user = current_user(request)
    try:
        flag = RiskFlag.objects.select_related("administration", "assessed_by").get(pk=flag_id)
    except RiskFlag.DoesNotExist:
        raise Http404("No such risk flag") from None
    client = get_client(user, flag.client_id)  # 404 outside the caseload
    writable = can_write_clinical(user, client) and flag.is_open
    today = timezone.localdate()
    form = RiskAssessmentForm(request.POST or None, initial={"assessed_on": today})
    if request.method == "POST":
        require_clinical_write(user, client)
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.record_risk_assessment(
                    flag=flag,
                    by=user,
                    on=data["assessed_on"],
                    today=today,
                    outcome=data["outcome"],
                    safety_plan_reviewed=data["safety_plan_reviewed"] == "yes",
                    note=data["note"],
                )
            except ActionError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, f"Risk assessment recorded; the {flag.name} flag is closed."
                )
                return redirect("client", client_id=client.pk)
    return render(
        request,
        "measures/risk_flag.html",
        {
            "client": client,
            "flag": flag,
            "alert": _alert(flag),
            "form": form,
            "writable": writable,
        },
    )
