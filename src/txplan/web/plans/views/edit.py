import copy
import json
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django_htmx.http import HttpResponseClientRedirect

from txplan.core import icd10
from txplan.core.document import PlanDocumentError, parse_plan
from txplan.core.measures import registry
from txplan.core.plan import Comparator, ImpairmentDomain, LevelOfCare, ServiceType
from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_version, require_clinical_write
from txplan.web.errors import ActionError, EditConflict
from txplan.web.http import HtmxHttpRequest
from txplan.web.plans import actions
from txplan.web.plans.editing import (
    IncompleteForm,
    apply_op,
    document_from_post,
    form_values,
    structure_of,
)
from txplan.web.plans.editor_errors import conflict_rows, errors_by_field
from txplan.web.plans.models import PlanVersion
from txplan.web.plans.review import live_review
from txplan.web.plans.templatetags.plan_tags import label


def plan_edit(request: HtmxHttpRequest, plan_id: int, number: int) -> HttpResponse:
    """The editor of a draft version: every part in place; Save keeps the draft."""
    version = get_version(current_user(request), plan_id, number)
    require_clinical_write(current_user(request), version.plan.client)
    if version.is_signed:
        messages.info(request, f"Version {number} is signed and locked; amend it to make changes.")
        return redirect("plan_version", plan_id=plan_id, number=number)
    state: dict[str, Any] = {"icd_results": [], "conflict": None, "errors": {}, "focus": ""}
    if request.method != "POST":
        document, lock = copy.deepcopy(version.document), version.lock
    else:
        try:
            document = document_from_post(request.POST, version.document)
        except IncompleteForm as exc:
            return HttpResponseBadRequest(f"{exc}: reload the editor; nothing was saved.")
        lock = int(request.POST.get("lock") or 0)
        op = request.POST.get("op", "")
        if op in ("save", "save-mine"):
            saved = _save(
                request, version, document, version.lock if op == "save-mine" else lock, state
            )
            if saved:
                url = reverse("plan_edit", args=[plan_id, number])
                return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        else:
            _edit(op, document, request, state)
    return _render(request, version, document, lock, state)


def _save(
    request: HttpRequest,
    version: PlanVersion,
    document: dict[str, Any],
    lock: int,
    state: dict[str, Any],
) -> bool:
    try:
        parsed = parse_plan(document)
    except PlanDocumentError as exc:
        state["errors"] = errors_by_field(document, exc.errors)
        messages.error(request, "Not saved: fix the fields marked below. Nothing was lost.")
        return False
    try:
        actions.save_draft(version=version, by=current_user(request), document=parsed, lock=lock)
    except EditConflict as exc:
        state["conflict"] = exc
        return False
    except ActionError as exc:
        messages.error(request, f"Not saved: {exc}")
        return False
    messages.success(request, "Saved.")
    return True


def _edit(op: str, document: dict[str, Any], request: HttpRequest, state: dict[str, Any]) -> None:
    if op == "search-dx":
        state["icd_results"] = icd10.search(request.POST.get("icd_q", ""), limit=12, chapters="FZ")
        return
    if op.startswith("add-dx"):
        code = op.partition(":")[2] or request.POST.get("dx_new", "")
        try:
            found = icd10.lookup(code)
        except icd10.IcdError as exc:
            state["errors"] = {"dx_new": [str(exc)]}
            return
        if all(d["code"] != found.code for d in document["diagnoses"]):
            document["diagnoses"].append(
                {
                    "code": found.code,
                    "description": found.description,
                    "primary": not document["diagnoses"],
                }
            )
        return
    state["focus"] = apply_op(document, op, request.POST)


def _render(
    request: HtmxHttpRequest,
    version: PlanVersion,
    document: dict[str, Any],
    lock: int,
    state: dict[str, Any],
) -> HttpResponse:
    context = {
        "plan": version.plan,
        "client": version.plan.client,
        "version": version,
        "d": form_values(document),
        "structure": json.dumps(structure_of(document)),
        "lock": lock,
        "review": live_review(version, document, timezone.localdate()),
        "instruments": registry.all_instruments(),
        "domains": [(d.value, label(d)) for d in ImpairmentDomain],
        "levels": [(lv.value, label(lv)) for lv in LevelOfCare],
        "comparators": [c.value for c in Comparator],
        "service_types": [t.value for t in ServiceType],
        **state,
    }
    if state["conflict"]:
        context["conflict_rows"] = conflict_rows(state["conflict"].theirs, document)
    template = "plans/_editor.html" if request.htmx else "plans/edit.html"
    return render(request, template, context)
