from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from txplan.web.clients.access import get_plan, get_version
from txplan.web.plans.queries import version_context


def plan_detail(request: HttpRequest, plan_id: int, number: int | None = None) -> HttpResponse:
    """A plan, showing its latest version or the version asked for, with the list of versions."""
    if number is None:
        plan = get_plan(request.user, plan_id)  # type: ignore[arg-type]
        version = plan.latest_version()
    else:
        version = get_version(request.user, plan_id, number)  # type: ignore[arg-type]
    return render(request, "plans/plan_detail.html", version_context(version))
