"""Caseload scoping: every object a view shows is loaded through these, else 404.

- a clinician sees the clients they treat;
- a supervisor sees those and their supervisees' clients;
- an administrator sees every client of the practice.
Nobody sees another practice's clients. Each load of clinical data is written to the access
log (django-auditlog), with the user and the object's id but no clinical text.
"""

from __future__ import annotations

from typing import TypeVar

from auditlog.signals import accessed
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from txplan.web.accounts.models import Role, User
from txplan.web.clients.models import Client
from txplan.web.compliance.grants import active_client_ids
from txplan.web.plans.models import Plan, PlanVersion


def visible_clients(user: User) -> QuerySet[Client]:
    if not user.is_authenticated or user.practice_id is None:
        return Client.objects.none()
    in_practice = Client.objects.filter(practice_id=user.practice_id)
    if user.role == Role.ADMIN:
        return in_practice
    # Break-glass: a client held under an unexpired emergency grant (txplan.web.compliance).
    emergency = Q(pk__in=active_client_ids(user))
    if user.role == Role.SUPERVISOR:
        return in_practice.filter(Q(clinician=user) | Q(clinician__supervisor=user) | emergency)
    return in_practice.filter(Q(clinician=user) | emergency)


T = TypeVar("T", Client, Plan)


def _logged(obj: T) -> T:
    accessed.send(obj.__class__, instance=obj)
    return obj


def get_client(user: User, client_id: int) -> Client:
    client = visible_clients(user).select_related("clinician").filter(pk=client_id).first()
    if client is None:
        raise Http404("No such client in your caseload")
    return _logged(client)


def get_plan(user: User, plan_id: int, *, log: bool = True) -> Plan:
    plan = (
        Plan.objects.filter(pk=plan_id, client__in=visible_clients(user))
        .select_related("client__clinician__supervisor")
        .first()
    )
    if plan is None:
        raise Http404("No such plan in your caseload")
    return _logged(plan) if log else plan


def get_version(user: User, plan_id: int, number: int, *, log: bool = True) -> PlanVersion:
    """``log=False`` only for partial refreshes of a page whose load was already logged (the
    editor's live audit runs on every pause in typing)."""
    plan = get_plan(user, plan_id, log=log)
    version = plan.versions.filter(number=number).first()
    if version is None:
        raise Http404("No such version")
    return version


# Seeing is not writing. Visibility (above) decides what a user may open; these decide what
# they may change. Every clinical write path (editor, sign, amend, measures, API) asks
# ``can_write_clinical``; record keeping that is not clinical content (demographics, the
# clinician assigned) asks ``can_manage_record``.


def can_write_clinical(user: User, client: Client) -> bool:
    """Only the client's treating clinician writes clinical content (plans, measures).

    A supervisor co-signs or returns their supervisee's plan but does not edit it; an
    administrator manages people and settings, never a draft, a measure or an amendment.
    """
    return bool(
        user.is_authenticated
        and user.is_active
        and user.practice_id is not None
        and user.practice_id == client.practice_id
        and client.clinician_id == user.pk
    )


def can_manage_record(user: User, client: Client) -> bool:
    """The treating clinician, or an administrator of the same practice: demographics and who
    treats the client, not clinical content."""
    if not user.is_authenticated or not user.is_active or user.practice_id is None:
        return False
    if user.practice_id != client.practice_id:
        return False
    return client.clinician_id == user.pk or user.role == Role.ADMIN


def require_clinical_write(user: User, client: Client) -> None:
    """403 for anyone but the treating clinician (the caller has already loaded ``client``
    through the caseload, so a user who may not even see it got 404 before this)."""
    if not can_write_clinical(user, client):
        raise PermissionDenied(
            "Only the client's treating clinician writes clinical content: a supervisor "
            "co-signs or returns the plan, an administrator manages people and settings."
        )
