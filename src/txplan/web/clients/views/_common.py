"""What the client views share: refusing a write, and showing an action's error on its form."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest

from txplan.web.accounts.models import User
from txplan.web.clients.access import can_manage_record, can_write_clinical
from txplan.web.clients.models import Client
from txplan.web.errors import ActionError

# The same per-session budget of wrong password re-entries as signing a plan.
_WRONG = "txplan.signing.wrong_passwords"


def require_record_manager(user: User, client: Client) -> None:
    if not can_manage_record(user, client):
        raise PermissionDenied(
            "Only the client's treating clinician or a practice administrator edits the record."
        )


def require_clinical_writer(user: User, client: Client) -> None:
    if not can_write_clinical(user, client):
        raise PermissionDenied("Only the client's treating clinician writes clinical content.")


def show_error(form: Form, exc: ActionError) -> None:
    """Beside the field it names when the form has that field, else at the top."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message if field else str(exc))


def wrong_password(request: HttpRequest) -> bool:
    """Counts a wrong re-entry; True when the budget is spent (the caller logs the user out)."""
    wrong = int(request.session.get(_WRONG, 0)) + 1
    request.session[_WRONG] = wrong
    return wrong >= int(getattr(settings, "AXES_FAILURE_LIMIT", 5))


def password_accepted(request: HttpRequest) -> None:
    request.session.pop(_WRONG, None)
