from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from txplan.web.accounts.auth import current_user
from txplan.web.accounts.models import Role
from txplan.web.plans.signing_queue import queue_rows


def cosign_queue(request: HttpRequest) -> HttpResponse:
    """Plans awaiting the logged-in supervisor's co-signature, oldest first.

    Only supervisors have a queue: anyone else gets 404, as for any page not theirs (the
    nav shows the link to supervisors only).
    """
    user = current_user(request)
    if user.role != Role.SUPERVISOR:
        raise Http404("Only supervisors have a co-signature queue")
    rows = queue_rows(user, timezone.localdate())
    return render(request, "plans/cosign_queue.html", {"rows": rows})
