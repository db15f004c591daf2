from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from txplan.web.accounts.auth import current_user
from txplan.web.clients import actions
from txplan.web.clients.access import get_client
from txplan.web.clients.forms import IntakeForm
from txplan.web.clients.views._common import require_record_manager, show_error
from txplan.web.errors import ActionError


def client_edit(request: HttpRequest, client_id: int) -> HttpResponse:
    """The record (demographics, contact, payer, guardian): the treating clinician or an
    administrator; only an administrator reassigns the clinician."""
    user = current_user(request)
    client = get_client(user, client_id)
    require_record_manager(user, client)
    form = IntakeForm(request.POST or None, practice=client.practice, by=user, client=client)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_client(
                client=client,
                by=user,
                details=form.details(),
                clinician=form.cleaned_data["clinician"],
            )
        except ActionError as exc:
            show_error(form, exc)
        else:
            messages.success(request, "Saved.")
            return redirect("client", client_id=client.pk)
    return render(request, "clients/intake.html", {"form": form, "client": client})
