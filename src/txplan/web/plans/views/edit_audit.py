from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_version
from txplan.web.plans.editing import IncompleteForm, document_from_post
from txplan.web.plans.review import live_review


@require_POST
def plan_edit_audit(request: HttpRequest, plan_id: int, number: int) -> HttpResponse:
    """Live audit while typing: the findings of one element, and the checklist out of band."""
    version = get_version(current_user(request), plan_id, number, log=False)
    try:
        document = document_from_post(request.POST, version.document)
    except IncompleteForm as exc:
        return HttpResponseBadRequest(f"{exc}: reload the editor; nothing was saved.")
    review = live_review(version, document, timezone.localdate())
    element = request.POST.get("element", "")
    return render(
        request,
        "plans/_live_findings.html",
        {"review": review, "element_id": element, "findings": review.by_element.get(element, [])},
    )
