from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from txplan.web.accounts.auth import current_user
from txplan.web.clients import discharge as actions
from txplan.web.clients.access import can_manage_record, can_write_clinical, get_client
from txplan.web.clients.forms import DischargeSummaryForm, PasswordForm, StartDischargeForm
from txplan.web.clients.models import Client, Discharge
from txplan.web.clients.views._common import (
    password_accepted,
    require_clinical_writer,
    require_record_manager,
    show_error,
    wrong_password,
)
from txplan.web.errors import ActionError


def client_discharge(request: HttpRequest, client_id: int) -> HttpResponse:
    """Discharge: a reason and a date, then a summary drafted from the plan and the measures,
    edited and signed by the treating clinician. Others who see the client read it."""
    user = current_user(request)
    client = get_client(user, client_id)
    today = timezone.localdate()
    current = client.discharges.filter(signed_at__isnull=True).first()
    signed = client.discharges.filter(signed_at__isnull=False).first()
    op = request.POST.get("op", "")
    start = StartDischargeForm(
        request.POST if op == "start" else None,
        initial={"discharged_on": today},
    )
    summary = _summary_form(request, current, op)
    sign = PasswordForm(request.POST if op == "sign" else None, user=user)
    if request.method == "POST":
        if op == "readmit":
            require_record_manager(user, client)
        else:
            require_clinical_writer(user, client)
        try:
            if op == "start" and start.is_valid():
                actions.draft_discharge(client=client, by=user, today=today, **_start(start))
                messages.info(request, "Summary drafted from the plan and the measures: check it.")
                return redirect("client_discharge", client_id=client.pk)
            if op in ("save", "sign") and current is not None and summary is not None:
                if not summary.is_valid():
                    raise _Invalid
                current = actions.save_discharge(
                    discharge=current, by=user, edit=_edit(summary), today=today
                )
                if op == "save":
                    messages.success(request, "Summary saved (not signed).")
                    return redirect("client_discharge", client_id=client.pk)
                if not sign.is_valid():
                    if wrong_password(request):
                        logout(request)
                        messages.error(request, "Too many wrong passwords: log in again.")
                        return redirect(f"{reverse('login')}?next={request.path}")
                    raise _Invalid
                password_accepted(request)
                actions.sign_discharge(discharge=current, by=user, at=timezone.now())
                messages.success(request, f"{client} is discharged; the plan is closed.")
                return redirect("client", client_id=client.pk)
            if op == "readmit":
                return _readmit(request, client, today)
            if op == "cancel" and current is not None:
                actions.cancel_discharge(discharge=current, by=user)
                messages.info(request, "Discharge withdrawn; the client stays in care.")
                return redirect("client", client_id=client.pk)
        except _Invalid:
            pass
        except ActionError as exc:
            show_error(summary if op in ("save", "sign") and summary else start, exc)
    return render(
        request,
        "clients/discharge.html",
        {
            "client": client,
            "current": current,
            "signed": signed,
            "start": start,
            "summary": summary,
            "sign": sign,
            "can_write": can_write_clinical(user, client),
            "can_manage": can_manage_record(user, client),
            "open_draft": actions.has_open_draft_plan(client),
        },
    )


def _readmit(request: HttpRequest, client: Client, today: date) -> HttpResponse:
    try:
        day = date.fromisoformat(request.POST.get("intake_date", ""))
        actions.readmit_client(
            client=client, by=current_user(request), intake_date=day, today=today
        )
    except ValueError as exc:
        # ActionError is a ValueError too: a bad date and a refused one read the same way.
        detail = exc.message if isinstance(exc, ActionError) else "give a date (YYYY-MM-DD)"
        messages.error(request, f"New intake date: {detail}")
        return redirect("client_discharge", client_id=client.pk)
    messages.success(request, f"{client} is back on the active caseload; start a new plan.")
    return redirect("client", client_id=client.pk)


class _Invalid(Exception):
    """The form shows its own errors; nothing was written."""


def _summary_form(
    request: HttpRequest, current: Discharge | None, op: str
) -> DischargeSummaryForm | None:
    if current is None:
        return None
    initial = {
        "discharged_on": current.discharged_on,
        "reason": current.reason,
        "reason_detail": current.reason_detail,
        "course": current.course,
        "recommendations": current.recommendations,
    }
    data = request.POST if op in ("save", "sign") else None
    return DischargeSummaryForm(data, initial=initial, objectives=current.objectives)


def _start(form: StartDischargeForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "on": data["discharged_on"],
        "reason": data["reason"],
        "reason_detail": data["reason_detail"],
    }


def _edit(form: DischargeSummaryForm) -> actions.SummaryEdit:
    data = form.cleaned_data
    return actions.SummaryEdit(
        discharged_on=data["discharged_on"],
        reason=data["reason"],
        reason_detail=data["reason_detail"],
        course=data["course"],
        recommendations=data["recommendations"],
        outcomes=form.outcomes(),
    )
