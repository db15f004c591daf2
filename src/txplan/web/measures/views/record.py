from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from txplan.core.measures import registry
from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_client, require_clinical_write
from txplan.web.errors import ActionError
from txplan.web.measures import actions
from txplan.web.measures.forms import AdministrationForm


def record(request: HttpRequest, client_id: int, instrument_id: str) -> HttpResponse:
    """Record an administration of one instrument for a client, item by item or as a total."""
    client = get_client(current_user(request), client_id)
    require_clinical_write(current_user(request), client)
    try:
        instrument = registry.get(instrument_id)
    except registry.UnknownInstrument:
        raise Http404("No such instrument") from None
    today = timezone.localdate()
    form = AdministrationForm(
        request.POST or None, instrument=instrument, initial={"administered_on": today}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        by_items = data["mode"] == "items"
        try:
            done = actions.record_administration(
                client=client,
                by=current_user(request),
                instrument=instrument.id,
                on=data["administered_on"],
                today=today,
                answers=form.answers() if by_items else None,
                total=None if by_items else data["total"],
            )
        except ActionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"{instrument.short_name} recorded: {done.total:g}"
                f"{f' ({done.band})' if done.band else ''}.",
            )
            for flag in done.flags:
                if flag["severity"] == "risk":
                    messages.error(request, f"Risk: {flag['message']}")
                else:
                    messages.info(request, flag["message"])
            return redirect("client", client_id=client.pk)
    return render(
        request, "measures/record.html", {"client": client, "instrument": instrument, "form": form}
    )


def record_chooser(request: HttpRequest, client_id: int) -> HttpResponse:
    """The instrument picker on the client page submits here (works without JavaScript)."""
    client = get_client(current_user(request), client_id)
    return redirect(
        "measure_record", client_id=client.pk, instrument_id=request.GET.get("instrument", "phq9")
    )
