from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from txplan.web.accounts.auth import current_user
from txplan.web.compliance import actions
from txplan.web.compliance.guards import require_admin
from txplan.web.compliance.models import EmergencyGrant


@require_POST
def emergency_review(request: HttpRequest, grant_id: int) -> HttpResponse:
    """The administrator marks an emergency access grant as reviewed."""
    admin = current_user(request)
    require_admin(admin)
    grant = EmergencyGrant.objects.filter(
        pk=grant_id, client__practice_id=admin.practice_id or 0
    ).first()
    if grant is None:
        raise Http404("No such grant in your practice")
    actions.review_emergency_grant(grant=grant, by=admin)
    return redirect("practice_security")
