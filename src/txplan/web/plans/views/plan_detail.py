from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_plan, get_version
from txplan.web.plans.integrity import IntegrityFailure
from txplan.web.plans.models import PlanVersion
from txplan.web.plans.queries import version_context


def plan_detail(request: HttpRequest, plan_id: int, number: int | None = None) -> HttpResponse:
    """A plan, showing its latest version or the version asked for, with the list of versions."""
    if number is None:
        plan = get_plan(current_user(request), plan_id)
        version = plan.latest_version()
        if version is None:  # its only version was deleted outside txplan
            problem = "the plan has no versions: one was deleted outside txplan"
            raise IntegrityFailure(PlanVersion(plan=plan, number=0), [problem])
    else:
        version = get_version(current_user(request), plan_id, number)
    return render(request, "plans/plan_detail.html", version_context(version))
