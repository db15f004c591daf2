"""(d)(6) emergency access: break-glass to a client outside one's caseload, with a reason,
time-limited, logged, and shown to the practice administrator."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import World
from txplan.web.compliance.models import Action, AuditEvent, EmergencyGrant

pytestmark = pytest.mark.django_db

REASON = "Covering a crisis call while the treating clinician is away."


def as_user(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    return http


def break_glass(http: HttpClient, reason: str = REASON, record: str = "T-1"):  # type: ignore[no-untyped-def]
    return http.post(
        reverse("emergency_access"),
        {"record_number": record, "last_name": "synthetic", "reason": reason},
    )


def test_a_clinician_outside_the_caseload_gets_in_with_a_reason(world: World) -> None:
    http = as_user(world.stranger)
    page = reverse("client", args=[world.client.pk])
    assert http.get(page).status_code == 404
    response = break_glass(http)
    assert response.status_code == 302 and response["Location"] == page
    assert http.get(page).status_code == 200
    assert http.get(reverse("plan", args=[world.version.plan_id])).status_code == 200
    grant = EmergencyGrant.objects.get(user=world.stranger)
    assert grant.reason == REASON
    # Every page reminds the user while the grant lasts.
    assert (
        "Emergency access: Robin Synthetic until" in http.get(reverse("caseload")).content.decode()
    )
    assert timedelta(minutes=59) < grant.expires_at - grant.starts_at <= timedelta(minutes=60)


def test_the_access_and_every_view_under_it_are_logged_as_emergency(world: World) -> None:
    http = as_user(world.stranger)
    break_glass(http)
    http.get(reverse("client", args=[world.client.pk]))
    assert AuditEvent.objects.filter(
        action=Action.EMERGENCY_ACCESS, username="stranger", client_id_at=world.client.pk
    ).exists()
    views = AuditEvent.objects.filter(action=Action.PHI_VIEW, username="stranger")
    assert views and all(e.emergency for e in views)
    # The treating clinician's own views are not emergency access.
    as_user(world.owner).get(reverse("client", args=[world.client.pk]))
    assert not AuditEvent.objects.filter(username="owner", emergency=True).exists()


def test_the_grant_ends_after_its_time(world: World) -> None:
    http = as_user(world.stranger)
    break_glass(http)
    EmergencyGrant.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert http.get(reverse("client", args=[world.client.pk])).status_code == 404


def test_emergency_access_does_not_allow_writing(world: World) -> None:
    http = as_user(world.stranger)
    break_glass(http)
    edit = reverse("plan_edit", args=[world.version.plan_id, 1])
    assert http.post(edit, {"lock": "0"}).status_code in (403, 404)


def test_a_reason_is_required_and_named(world: World) -> None:
    response = break_glass(as_user(world.stranger), reason="   ")
    assert response.status_code == 400
    assert "Why you need this record now" in response.content.decode()
    short = break_glass(as_user(world.stranger), reason="need it")
    assert short.status_code == 400
    assert "at least 10 characters" in short.content.decode()
    assert not EmergencyGrant.objects.exists()


def test_an_unknown_client_or_another_practice_gives_a_clear_error(world: World) -> None:
    response = break_glass(as_user(world.stranger), record="NOPE-9")
    assert response.status_code == 400
    assert "no client of your practice" in response.content.decode()
    outsider = break_glass(as_user(world.outsider))
    assert outsider.status_code == 400
    assert not EmergencyGrant.objects.exists()


def test_the_administrator_sees_and_reviews_the_grant(world: World) -> None:
    break_glass(as_user(world.stranger))
    grant = EmergencyGrant.objects.get()
    admin = as_user(world.admin)
    page = admin.get(reverse("practice_security")).content.decode()
    assert REASON in page and "Stranger Test" in page and "Active" in page
    # Another practice's administrator does not.
    assert REASON not in as_user(world.outsider).get(reverse("practice_security")).content.decode()
    review = reverse("emergency_review", args=[grant.pk])
    for user in (world.owner, world.supervisor, world.stranger):
        assert as_user(user).post(review).status_code == 403, user.username
    assert as_user(world.outsider).post(review).status_code == 404
    assert admin.post(review).status_code == 302
    grant.refresh_from_db()
    assert grant.reviewed_by == world.admin


def test_the_form_is_open_to_clinicians_and_supervisors(world: World) -> None:
    for user in (world.owner, world.supervisor, world.stranger, world.admin):
        assert as_user(user).get(reverse("emergency_access")).status_code == 200, user.username
    assert HttpClient().get(reverse("emergency_access")).status_code == 302
    # An administrator already sees every client: nothing to grant.
    response = break_glass(as_user(world.admin))
    assert response.status_code == 400
    assert "already see every client" in response.content.decode()


def test_breaking_the_glass_needs_a_csrf_token(world: World) -> None:
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(world.stranger)
    assert break_glass(http).status_code == 403
    assert not EmergencyGrant.objects.exists()
