from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from txplan.web.accounts.auth import current_user
from txplan.web.clients import actions
from txplan.web.clients.forms import IntakeForm
from txplan.web.clients.views._common import show_error
from txplan.web.errors import ActionError


def client_new(request: HttpRequest) -> HttpResponse:
    """Intake: a clinician registers a client on their own caseload; an administrator assigns
    a clinician of the practice."""
    user = current_user(request)
    if user.practice is None:
        raise Http404("Not a member of a practice")
    form = IntakeForm(request.POST or None, practice=user.practice, by=user)
    if request.method == "POST" and form.is_valid():
        try:
            client = actions.create_client(
                practice=user.practice,
                clinician=form.cleaned_data["clinician"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                by=user,
                details=form.details(),
            )
        except ActionError as exc:
            show_error(form, exc)
        else:
            messages.success(request, f"{client} is on the caseload. Add a diagnosis next.")
            return redirect("client_diagnoses", client_id=client.pk)
    return render(request, "clients/intake.html", {"form": form, "client": None})
