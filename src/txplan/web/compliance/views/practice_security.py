from axes.models import AccessAttempt
from django.contrib import messages
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from txplan.web.accounts.auth import current_user
from txplan.web.accounts.models import User
from txplan.web.compliance import actions, policy
from txplan.web.compliance.guards import require_admin
from txplan.web.compliance.models import EmergencyGrant


def practice_security(request: HttpRequest) -> HttpResponse:
    """For the practice administrator: the practice-wide MFA rule, each user's second
    factor and lockout (with unlock), and every emergency access grant."""
    user = current_user(request)
    require_admin(user)
    practice = user.practice
    assert practice is not None
    if request.method == "POST":
        required = request.POST.get("mfa_required") == "on"
        actions.set_practice_mfa(practice=practice, by=user, required=required)
        messages.success(
            request,
            "Everyone in the practice now needs a second factor."
            if required
            else "Only administrators (and anyone who set one up) need a second factor now.",
        )
        return redirect("practice_security")
    people = list(User.objects.filter(practice=practice).order_by("last_name", "username"))
    failures = dict(
        AccessAttempt.objects.filter(username__in=[p.username for p in people])
        .values_list("username")
        .annotate(n=Sum("failures_since_start"))
    )
    rows = [
        {
            "person": p,
            "has_factor": policy.has_second_factor(p),
            "failures": failures.get(p.username, 0),
        }
        for p in people
    ]
    grants = (
        EmergencyGrant.objects.filter(client__practice=practice)
        .select_related("user", "client", "reviewed_by")
        .order_by("-starts_at")[:200]
    )
    return render(
        request,
        "compliance/practice_security.html",
        {"practice": practice, "rows": rows, "grants": grants, "now": timezone.now()},
    )
