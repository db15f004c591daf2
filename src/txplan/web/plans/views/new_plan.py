from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from txplan.core.document import parse_plan
from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_client, require_clinical_write
from txplan.web.clients.models import Client
from txplan.web.errors import ActionError
from txplan.web.plans import actions
from txplan.web.plans.forms import NewPlanForm
from txplan.web.plans.models import PlanVersion


def new_plan(request: HttpRequest, client_id: int) -> HttpResponse:
    """New plan → Draft (from the library and the client's diagnoses) or Blank."""
    client = get_client(current_user(request), client_id)
    require_clinical_write(current_user(request), client)
    form = NewPlanForm(request.POST or None, client=client)
    if request.method == "POST" and form.is_valid():
        try:
            version = _create(request, client, form)
        except ActionError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            return redirect("plan_version", plan_id=version.plan_id, number=version.number)
    return render(request, "plans/new_plan.html", {"client": client, "form": form})


def _create(request: HttpRequest, client: Client, form: NewPlanForm) -> PlanVersion:
    data = form.cleaned_data
    user = current_user(request)
    if data["mode"] == "blank":
        document = parse_plan(
            {
                "diagnoses": [
                    {"code": d.code, "description": d.description, "primary": d.primary}
                    for d in client.diagnoses.all()
                ],
                "presenting_problem": data["presenting_problem"],
                "review_interval_days": data["review_days"],
            }
        )
        return actions.create_plan(
            client=client, by=user, document=document, note=_note("Blank plan.", data)
        )
    version, draft = actions.draft_new_plan(
        client=client,
        by=user,
        presenting_problem=data["presenting_problem"],
        start=timezone.localdate(),
        review_days=data["review_days"],
        approach=data["approach"],
        strengths=data["strengths"].splitlines(),
        client_words=data["client_words"],
        note=_note("", data),
    )
    for warning in draft.warnings:
        messages.warning(request, warning)
    for item in draft.to_supply:
        messages.info(request, f"To complete: {item}")
    return version


def _note(note: str, data: dict[str, Any]) -> str:
    """The version's change note, with the reason for a second active plan when one was given."""
    reason = data.get("second_plan_reason", "").strip()
    return f"{note} Second active plan: {reason}" if reason else note
