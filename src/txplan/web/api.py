"""The REST API (django-ninja, OpenAPI at /api/v1/docs). Same actions, same scoping as the
pages: session login with CSRF on unsafe methods, objects loaded through the caseload."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from ninja import NinjaAPI, Schema, Status
from ninja.security import SessionAuth

from txplan.core.document import PlanDocumentError, parse_plan
from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import can_write_clinical, get_version
from txplan.web.errors import ActionError, EditConflict, VersionLocked
from txplan.web.plans import actions
from txplan.web.plans.export import export_document
from txplan.web.plans.integrity import IntegrityFailure

# The OpenAPI schema and its docs page need a login too; the page loads Swagger UI from
# django-ninja's own static files ("ninja" is in INSTALLED_APPS), never from a CDN.
api = NinjaAPI(
    title="txplan API",
    version="1",
    auth=SessionAuth(csrf=True),
    docs_url="/docs",
    docs_decorator=login_required,
)


@api.exception_handler(IntegrityFailure)
def integrity_failed(request: HttpRequest, exc: IntegrityFailure) -> Any:
    """A version that fails the integrity check is never served, nor saved over."""
    return api.create_response(
        request,
        {
            "detail": "integrity check failed: this version was changed outside txplan",
            "errors": exc.problems,
        },
        status=409,
    )


class VersionOut(Schema):
    plan: int
    number: int
    status: str
    lock: int
    content_hash: str
    document: dict[str, Any]


class DocumentIn(Schema):
    lock: int
    document: dict[str, Any]


class ErrorOut(Schema):
    detail: str
    errors: list[str] = []


def _out(version: Any) -> dict[str, Any]:
    return {
        "plan": version.plan_id,
        "number": version.number,
        "status": version.status,
        "lock": version.lock,
        "content_hash": version.content_hash,
        "document": export_document(version),
    }


@api.get("/plans/{plan_id}/versions/{number}", response={200: VersionOut, 409: ErrorOut})
def read_version(request: HttpRequest, plan_id: int, number: int) -> dict[str, Any]:
    return _out(get_version(current_user(request), plan_id, number))


@api.put(
    "/plans/{plan_id}/versions/{number}",
    response={200: VersionOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
)
def save_version(request: HttpRequest, plan_id: int, number: int, payload: DocumentIn) -> Any:
    """Save a draft's document. A signed version answers 409; a stale lock answers 409 too."""
    version = get_version(current_user(request), plan_id, number)
    if not can_write_clinical(current_user(request), version.plan.client):
        return Status(
            403, {"detail": "only the client's treating clinician edits the plan", "errors": []}
        )
    try:
        parse_plan(payload.document)
    except PlanDocumentError as exc:
        return Status(
            422, {"detail": "invalid plan document", "errors": [str(e) for e in exc.errors]}
        )
    try:
        saved = actions.save_draft(
            version=version,
            by=current_user(request),
            document=payload.document,
            lock=payload.lock,
        )
    except (VersionLocked, EditConflict) as exc:
        return Status(409, {"detail": str(exc)})
    except ActionError as exc:
        return Status(422, {"detail": str(exc)})
    return Status(200, _out(saved))
