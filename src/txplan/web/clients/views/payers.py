from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from txplan.web.accounts.auth import current_user
from txplan.web.accounts.models import Role
from txplan.web.clients import actions
from txplan.web.clients.models import Payer
from txplan.web.errors import ActionError


def payers(request: HttpRequest) -> HttpResponse:
    """The practice's payer list, which intake picks from: the administrator adds to it."""
    user = current_user(request)
    if user.practice is None or user.role != Role.ADMIN:
        raise Http404("Only a practice administrator manages the payer list")
    error = ""
    name = ""
    if request.method == "POST":
        name = request.POST.get("name", "")
        try:
            payer = actions.create_payer(practice=user.practice, name=name, by=user)
        except ActionError as exc:
            error = f"Payer name: {exc.message}"
        else:
            messages.success(request, f"{payer.name} added.")
            return redirect("payers")
    return render(
        request,
        "clients/payers.html",
        {"payers": Payer.objects.filter(practice=user.practice), "error": error, "name": name},
    )
