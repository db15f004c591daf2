import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_version
from txplan.web.compliance import actions
from txplan.web.compliance.forms import DisclosureForm
from txplan.web.plans.export import export_document


def disclose(request: HttpRequest, plan_id: int, number: int) -> HttpResponse:
    """Export or print a plan version for someone: the recipient and purpose are recorded in
    the client's accounting of disclosures, then the file is served (or the page printed)."""
    user = current_user(request)
    version = get_version(user, plan_id, number)
    form = DisclosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        # Refuses (IntegrityFailure → the integrity page) a version that fails its check, before
        # anything is recorded as disclosed.
        body = json.dumps(export_document(version), indent=2, ensure_ascii=False)
        actions.record_disclosure(
            version=version,
            by=user,
            kind=kind,
            recipient=form.cleaned_data["recipient"],
            purpose=form.cleaned_data["purpose"],
        )
        if kind == "print":
            return redirect("plan_version", plan_id=plan_id, number=number)
        response = HttpResponse(body, content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="plan-{plan_id}-v{number}.json"'
        return response
    return render(
        request,
        "compliance/disclose.html",
        {"version": version, "plan": version.plan, "client": version.plan.client, "form": form},
        status=400 if request.method == "POST" else 200,
    )
