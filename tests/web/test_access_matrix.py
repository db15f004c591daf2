"""The access matrix: every URL pattern the project serves (its pages, the API and the whole
Django admin, enumerated from the resolver so a new route is covered the day it is added),
requested as 7 roles across 2 practices, against objects of both practices.

Asserted, never printed: no request answers 5xx, and no 200 carries data the user may not
see (another practice's clients, people or practice; clients outside their caseload). After
the run, the other practice's records are exactly as they were: nothing was edited or
deleted across the practice boundary, admin included (issue 13).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.test import Client as HttpClient
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from tests.web.conftest import PASSWORD, START, at, sample_document
from txplan.web.accounts import actions as accounts
from txplan.web.accounts.models import Practice, Role, User
from txplan.web.clients import actions as clients
from txplan.web.clients.access import visible_clients
from txplan.web.clients.models import Client
from txplan.web.plans import actions as plans
from txplan.web.plans.models import Plan, PlanVersion, VersionSignature

pytestmark = pytest.mark.django_db

ROLES = (
    "owner",  # licensed clinician treating the practice's first client
    "associate",  # pre-licensed clinician, supervised, treating the second client
    "supervisor",  # supervises the associate
    "stranger",  # clinician of the same practice with no client here
    "admin",  # the practice administrator (staff)
    "other_clinician",  # clinician of the other practice
    "other_admin",  # administrator of the other practice
)


@dataclass
class Side:
    """One practice's people and records, with names no other row shares."""

    practice: Practice
    users: dict[str, User] = field(default_factory=dict)
    clients: list[Client] = field(default_factory=list)
    plan: Plan | None = None
    signature: VersionSignature | None = None


def _user(practice: Practice, name: str, role: Role, supervisor: User | None = None) -> User:
    return accounts.create_user(
        practice=practice,
        username=name,
        password=PASSWORD,
        role=role,
        first_name=f"{name.title()}first",
        last_name=f"{name.title()}last",
        credentials="LPC",
        supervisor=supervisor,
    )


def _client(practice: Practice, clinician: User, first: str, last: str) -> Client:
    client = clients.create_client(
        practice=practice, clinician=clinician, first_name=first, last_name=last
    )
    clients.add_diagnosis(client=client, code="F41.1", primary=True)
    return client


def _plan(client: Client, clinician: User) -> tuple[Plan, VersionSignature]:
    version = plans.create_plan(client=client, by=clinician, document=sample_document())
    signed = plans.sign_version(
        version=version, by=clinician, at=at(START), override_reason="Matrix fixture."
    )
    plans.amend_version(version=signed, by=clinician, note="Matrix fixture draft.")
    return signed.plan, signed.signatures.get()


def build() -> dict[str, Side]:
    alpha = Side(accounts.create_practice(name="Alphaville Synthetic Practice"))
    sup = _user(alpha.practice, "alsup", Role.SUPERVISOR)
    alpha.users = {
        "owner": _user(alpha.practice, "alowner", Role.CLINICIAN),
        "associate": _user(alpha.practice, "alassoc", Role.CLINICIAN, supervisor=sup),
        "supervisor": sup,
        "stranger": _user(alpha.practice, "alstranger", Role.CLINICIAN),
        "admin": _user(alpha.practice, "aladmin", Role.ADMIN),
    }
    alpha.clients = [
        _client(alpha.practice, alpha.users["owner"], "Quillonia", "Ravensmoor"),
        _client(alpha.practice, alpha.users["associate"], "Zephyrine", "Marwickton"),
    ]
    alpha.plan, alpha.signature = _plan(alpha.clients[0], alpha.users["owner"])
    _plan(alpha.clients[1], alpha.users["associate"])

    bravo = Side(accounts.create_practice(name="Bravoport Synthetic Practice"))
    bravo.users = {
        "clinician": _user(bravo.practice, "brclin", Role.CLINICIAN),
        "admin": _user(bravo.practice, "bradmin", Role.ADMIN),
    }
    bravo.clients = [_client(bravo.practice, bravo.users["clinician"], "Ottoline", "Brackwater")]
    bravo.plan, bravo.signature = _plan(bravo.clients[0], bravo.users["clinician"])
    return {"alpha": alpha, "bravo": bravo}


def people(sides: dict[str, Side]) -> dict[str, User]:
    a, b = sides["alpha"].users, sides["bravo"].users
    return {
        **{role: a[role] for role in ROLES[:5]},
        "other_clinician": b["clinician"],
        "other_admin": b["admin"],
    }


# ---- enumerating every route -------------------------------------------------------------

_PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>[^)]*)\)")


def routes() -> Iterator[str]:
    """Every pattern's full route text, admin included (regex patterns as they are)."""

    def walk(resolver: URLResolver, prefix: str) -> Iterator[str]:
        for entry in resolver.url_patterns:
            text = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                yield from walk(entry, text)
            elif isinstance(entry, URLPattern):
                yield text

    yield from walk(get_resolver(), "")


def _owned_by(model: type[Model], practice: Practice) -> Model | None:
    """An object of ``model`` belonging to ``practice``, by the usual paths to a practice."""
    if model is Practice:
        return practice
    rows = model._default_manager.all()
    for path in (
        "practice",
        "client__practice",
        "user__practice",
        "plan__client__practice",
        "version__plan__client__practice",
        "by__practice",
    ):
        try:
            found = rows.filter(**{path: practice}).order_by("pk").first()
        except Exception:  # this model has no such path; try the next
            continue
        if found is not None:
            return found
    return None


def _model_for_stem(stem: str) -> type[Model] | None:
    key = stem.replace("_", "")
    for model in apps.get_models():
        if key and key in model._meta.model_name:
            return model
    return None


def fill(route: str, side: Side) -> list[str]:
    """Concrete paths for a route, naming ``side``'s objects (more than one for a regex
    alternative such as the admin's app list)."""
    assert side.plan is not None and side.signature is not None
    admin_model = re.match(r"admin/(\w+)/(\w+)/", route)
    model: type[Model] | None = None
    if admin_model:
        try:
            model = apps.get_model(admin_model.group(1), admin_model.group(2))
        except LookupError:
            model = None
    values: dict[str, str] = {
        "client_id": str(side.clients[0].pk),
        "plan_id": str(side.plan.pk),
        "number": "1",
        "signature_id": str(side.signature.pk),
        "instrument_id": "gad7",
        "content_type_id": str(ContentType.objects.get_for_model(Client).pk),
        "user_id": str(side.clients[0].clinician_id),
        "id": str(side.clients[0].clinician_id),
    }

    def value(name: str) -> str:
        if name in ("object_id", "pk") and model is not None:
            found = _owned_by(model, side.practice)
            return str(found.pk) if found is not None else "999999"
        if name == "object_id":  # view_on_site: the client of this side
            return str(side.clients[0].pk)
        if name in values:
            return values[name]
        target = _model_for_stem(name.removesuffix("_id"))
        found = _owned_by(target, side.practice) if target is not None else None
        return str(found.pk) if found is not None else "999999"

    # Regex groups first (the admin's app list and catch-all), then <converter:name> params.
    paths = [route]
    group = _GROUP.search(route)
    if group:
        body = group.group("body")
        options = body.split("|") if "|" in body else ["nonexistent/page/"]
        paths = [route[: group.start()] + option + route[group.end() :] for option in options]
    return [
        "/" + _PARAM.sub(lambda m: value(m.group("name")), p).replace("^", "").replace("$", "")
        for p in paths
    ]


# ---- what each user may not see ------------------------------------------------------------


def forbidden_markers(user: User, sides: dict[str, Side]) -> set[str]:
    """Strings that must never appear in a 200 this user gets."""
    visible = set(visible_clients(user).values_list("pk", flat=True))
    markers: set[str] = set()
    for side in sides.values():
        for client in side.clients:
            if client.pk not in visible:
                markers |= {client.first_name, client.last_name}
        if side.practice.pk != user.practice_id:
            markers.add(side.practice.name)
            for person in side.users.values():
                markers |= {person.first_name, person.last_name}
    return markers


@dataclass
class Tally:
    requests: int = 0
    leaks: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def snapshot(side: Side) -> dict[str, Any]:
    """What another practice must never be able to change."""
    practice = side.practice
    return {
        "practice": Practice.objects.filter(pk=practice.pk).values().first(),
        # last_login moves with every force_login; everything else must hold still.
        "users": [
            {k: v for k, v in row.items() if k != "last_login"}
            for row in User.objects.filter(practice=practice).order_by("pk").values()
        ],
        "clients": list(Client.objects.filter(practice=practice).order_by("pk").values()),
        "plans": list(Plan.objects.filter(client__practice=practice).order_by("pk").values()),
        "versions": list(
            PlanVersion.objects.filter(plan__client__practice=practice)
            .order_by("pk")
            .values("pk", "status", "lock", "content_hash", "seal", "document")
        ),
        "signatures": list(
            VersionSignature.objects.filter(version__plan__client__practice=practice)
            .order_by("pk")
            .values("pk", "seal")
        ),
    }


def request(user: User, method: str, path: str) -> Any:
    http = HttpClient()
    http.force_login(user)
    if method == "GET":
        return http.get(path)
    if path.startswith("/api/"):
        return http.put(path, data="{}", content_type="application/json")
    return http.post(path, {})


def test_every_route_for_seven_roles_across_two_practices_leaks_nothing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = False
    sides = build()
    users = people(sides)
    before = {name: snapshot(side) for name, side in sides.items()}
    all_routes = list(routes())
    assert any(r.startswith("admin/") for r in all_routes), "the admin is part of the matrix"
    tally = Tally()
    for role, user in users.items():
        markers = forbidden_markers(user, sides)
        assert markers, role
        own = next(s for s in sides.values() if s.practice.pk == user.practice_id)
        for route in all_routes:
            has_object = "<" in route
            for side in sides.values() if has_object else [own]:
                for path in fill(route, side):
                    # GET everything; the unsafe request only against the other practice's
                    # objects (and the user's own, for routes without an object).
                    methods = ["GET"]
                    if side is not own or not has_object:
                        methods.append("POST")
                    for method in methods:
                        response = request(user, method, path)
                        tally.requests += 1
                        where = f"{method} {path} as {role} ({response.status_code})"
                        if response.status_code >= 500:
                            tally.errors.append(where)
                        if response.status_code == 200 and not getattr(
                            response, "streaming", False
                        ):
                            body = response.content.decode(errors="replace")
                            seen = sorted(m for m in markers if m in body)
                            if seen:
                                tally.leaks.append(f"{where}: {', '.join(seen)}")
    assert tally.errors == []
    assert tally.leaks == []
    # Another practice's records are untouched by everything above (admin posts included).
    for name, side in sides.items():
        assert snapshot(side) == before[name], name
    # The matrix is as large as it says: 7 roles, 2 practices, every route.
    assert len(users) == 7
    assert tally.requests >= len(all_routes) * 7
    figures = os.environ.get("TXPLAN_MATRIX_FIGURES")  # a file to write the counts to
    if figures:
        Path(figures).write_text(
            f"routes={len(all_routes)} requests={tally.requests} leaks={len(tally.leaks)} "
            f"5xx={len(tally.errors)}\n"
        )


def test_a_practice_admin_sees_only_their_practice_in_the_admin(settings) -> None:  # type: ignore[no-untyped-def]
    sides = build()
    admin = sides["alpha"].users["admin"]
    http = HttpClient()
    http.force_login(admin)
    users = http.get("/admin/accounts/user/")
    assert users.status_code == 200
    body = users.content.decode()
    assert "alowner" in body and "brclin" not in body
    other = sides["bravo"].users["clinician"]
    assert http.get(f"/admin/accounts/user/{other.pk}/change/").status_code in (302, 403, 404)
    for path in ("/admin/plans/planversion/", "/admin/plans/plan/", "/admin/clients/client/"):
        assert http.get(path).status_code == 404, path
    for path in ("/admin/auditlog/logentry/", "/admin/auth/group/", "/admin/otp_totp/totpdevice/"):
        assert http.get(path).status_code in (302, 403), path


def test_a_practice_admin_cannot_grant_privileges_or_move_a_user(settings) -> None:  # type: ignore[no-untyped-def]
    sides = build()
    admin = sides["alpha"].users["admin"]
    stranger = sides["alpha"].users["stranger"]
    http = HttpClient()
    http.force_login(admin)
    page = http.get(f"/admin/accounts/user/{stranger.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="is_superuser"' not in html and 'name="user_permissions"' not in html
    response = http.post(
        f"/admin/accounts/user/{stranger.pk}/change/",
        {
            "username": stranger.username,
            "first_name": "Renamed",
            "last_name": stranger.last_name,
            "email": "",
            "is_active": "on",
            "is_superuser": "on",
            "practice": str(sides["bravo"].practice.pk),
            "role": "clinician",
            "credentials": "LPC",
            "supervisor": "",
            "date_joined_0": timezone.localdate().isoformat(),
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code in (200, 302)
    stranger.refresh_from_db()
    assert not stranger.is_superuser
    assert stranger.practice_id == sides["alpha"].practice.pk
