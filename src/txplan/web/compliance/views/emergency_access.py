from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from txplan.web.accounts.auth import current_user
from txplan.web.clients.models import Client
from txplan.web.compliance import actions
from txplan.web.compliance.forms import EmergencyForm
from txplan.web.errors import ActionError


def emergency_access(request: HttpRequest) -> HttpResponse:
    """Break-glass: open a client outside one's caseload for a limited time, with a reason.

    The client is named by record number and last name (no browsing of other caseloads)."""
    user = current_user(request)
    form = EmergencyForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        client = Client.objects.filter(
            practice_id=user.practice_id or 0,
            record_number__iexact=form.cleaned_data["record_number"].strip(),
            last_name__iexact=form.cleaned_data["last_name"].strip(),
        ).first()
        if client is None:
            form.add_error(
                "record_number", "no client of your practice has this record number and last name"
            )
        else:
            try:
                grant = actions.grant_emergency_access(
                    user=user, client=client, reason=form.cleaned_data["reason"]
                )
            except ActionError as exc:
                if exc.field in form.fields:
                    form.add_error(exc.field, exc.message)
                else:
                    form.add_error(None, exc.message)
            else:
                messages.warning(
                    request,
                    f"Emergency access until {grant.expires_at:%H:%M %Z}. Every page you open is "
                    "logged and your administrator is shown this access.",
                )
                return redirect("client", client_id=client.pk)
    if request.method == "POST" and form.errors:
        status = 400
    return render(request, "compliance/emergency_access.html", {"form": form}, status=status)
