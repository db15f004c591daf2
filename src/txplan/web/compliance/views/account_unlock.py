from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from txplan.web.accounts.auth import current_user
from txplan.web.accounts.models import User
from txplan.web.compliance import actions
from txplan.web.compliance.guards import require_admin


def _person(admin: User, user_id: int) -> User:
    person = User.objects.filter(pk=user_id, practice_id=admin.practice_id or 0).first()
    if person is None:
        raise Http404("No such user in your practice")
    return person


@require_POST
def account_unlock(request: HttpRequest, user_id: int) -> HttpResponse:
    """An administrator clears a user's lockout after failed logins."""
    admin = current_user(request)
    require_admin(admin)
    person = _person(admin, user_id)
    actions.unlock_account(user=person, by=admin)
    messages.success(request, f"{person.username} can log in again.")
    return redirect("practice_security")


@require_POST
def account_mfa_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """An administrator removes a user's lost authenticator; they set up a new one."""
    admin = current_user(request)
    require_admin(admin)
    person = _person(admin, user_id)
    actions.reset_second_factor(user=person, by=admin)
    messages.success(request, f"{person.username} sets up a new authenticator at their next login.")
    return redirect("practice_security")
