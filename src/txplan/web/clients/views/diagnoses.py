from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from txplan.core import icd10
from txplan.web.accounts.auth import current_user
from txplan.web.clients import actions
from txplan.web.clients.access import can_write_clinical, get_client
from txplan.web.clients.forms import DiagnosisForm, ResolveForm
from txplan.web.clients.models import Client
from txplan.web.clients.queries import diagnosis_history
from txplan.web.clients.views._common import require_clinical_writer, show_error
from txplan.web.errors import ActionError


def client_diagnoses(request: HttpRequest, client_id: int) -> HttpResponse:
    """Diagnoses with their history: add by code or by searching ICD-10-CM, mark one primary,
    resolve with a date. Everyone who sees the client reads this page; only the treating
    clinician changes it."""
    user = current_user(request)
    client = get_client(user, client_id)
    form = DiagnosisForm(request.POST if request.POST.get("op") == "add" else None)
    resolve = ResolveForm(initial={"resolved_on": timezone.localdate()})
    if request.method == "POST":
        require_clinical_writer(user, client)
        op = request.POST.get("op", "")
        try:
            done = _apply(request, client, op, form)
        except ActionError as exc:
            if op == "add":
                show_error(form, exc)  # the code typed stays in the field
            else:
                messages.error(request, str(exc))
        else:
            if done:
                messages.success(request, done)
                return redirect("client_diagnoses", client_id=client.pk)
    query = request.GET.get("q", "").strip()
    results = icd10.search(query, limit=15, chapters="FZ") if len(query) >= 2 else []
    return render(
        request,
        "clients/diagnoses.html",
        {
            "client": client,
            "history": diagnosis_history(client),
            "form": form,
            "resolve_form": resolve,
            "query": query,
            "results": results,
            "can_write": can_write_clinical(user, client),
        },
    )


def _apply(request: HttpRequest, client: Client, op: str, form: DiagnosisForm) -> str:
    by = current_user(request)
    if op == "add":
        if not form.is_valid():
            return ""
        added = actions.add_diagnosis(
            client=client,
            code=form.cleaned_data["code"],
            primary=form.cleaned_data["primary"],
            by=by,
        )
        return f"Added {added.code} {added.description}."
    kind, _, raw = op.partition(":")
    if not raw.isdigit():
        raise ActionError("unknown request; reload the page", field="op")
    if kind == "primary":
        found = actions.set_primary_diagnosis(client=client, diagnosis_id=int(raw), by=by)
        return f"{found.code} is now the primary diagnosis."
    if kind == "resolve":
        dated = ResolveForm(request.POST)
        if not dated.is_valid():
            raise ActionError("give the date it resolved (YYYY-MM-DD)", field="resolved_on")
        found = actions.resolve_diagnosis(
            client=client, diagnosis_id=int(raw), on=dated.cleaned_data["resolved_on"], by=by
        )
        return f"{found.code} resolved on {found.resolved_on:%b %-d, %Y}; it stays in the history."
    raise ActionError("unknown request; reload the page", field="op")
