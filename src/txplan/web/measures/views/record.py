from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone

from txplan.core.measures import registry, scoring
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
        mode = data["mode"]
        try:
            if mode == "items":
                answers: list[float | None] | None = form.answers()
            elif mode == "scores":
                answers = form.keyed_scores()
            else:
                answers = None
            done = actions.record_administration(
                client=client,
                by=current_user(request),
                instrument=instrument.id,
                on=data["administered_on"],
                today=today,
                answers=answers,
                total=data["total"] if mode == "total" else None,
                keyed=mode == "scores",
            )
        except ValidationError as exc:
            form.add_error("item_scores", exc)
        except ActionError as exc:
            form.add_error(None, str(exc))
        else:
            sex = actions.client_sex(client)
            cut, note = scoring.cutoff_for(instrument, sex)
            case = scoring.is_case(instrument, done.total, sex)
            where = (
                ""
                if cut is None or case is None
                else f"; {'in' if case else 'not in'} the clinical range "
                f"(cut-off {scoring.cutoff_words(cut)})"
            )
            how = {"item_scores": " from item scores", "responses": " from responses"}.get(
                done.entered_as, ""
            )
            messages.success(
                request,
                f"{instrument.short_name} recorded{how}: {done.total:g}"
                f"{f' ({done.band})' if done.band else ''}{where}.",
            )
            for flag in done.flags:
                if flag["severity"] == "risk":
                    messages.error(
                        request,
                        f"Risk ({instrument.short_name}): {flag['message']} The flag stays "
                        "open until a risk assessment is recorded.",
                    )
                else:
                    messages.info(request, flag["message"])
            if note:
                messages.info(request, note)
            return redirect("client", client_id=client.pk)
    return render(
        request, "measures/record.html", {"client": client, "instrument": instrument, "form": form}
    )


def record_chooser(request: HttpRequest, client_id: int) -> HttpResponse:
    """The instrument picker on the client page submits here (works without JavaScript)."""
    client = get_client(current_user(request), client_id)
    chosen = request.GET.get("instrument", "phq9")
    try:
        registry.get(chosen)
    except registry.UnknownInstrument:
        return HttpResponseBadRequest(f"instrument: no instrument is called {chosen[:40]!r}")
    return redirect("measure_record", client_id=client.pk, instrument_id=chosen)
