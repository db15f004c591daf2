"""Self-service password change, and an administrator unlocks an account (django-axes)."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import PASSWORD, World
from txplan.web.compliance.models import Action, AuditEvent

pytestmark = pytest.mark.django_db

NEW = "another-long-synthetic-pass-2"


def as_user(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    return http


def test_a_user_changes_their_own_password(world: World) -> None:
    http = as_user(world.owner)
    assert http.get(reverse("password_change")).status_code == 200
    response = http.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    world.owner.refresh_from_db()
    assert world.owner.check_password(NEW)
    # Still logged in (the session hash was updated), and the change is in the trail.
    assert http.get(reverse("caseload")).status_code == 200
    assert AuditEvent.objects.filter(action=Action.PASSWORD_CHANGED, username="owner").exists()


def test_a_wrong_old_password_or_a_weak_new_one_is_named(world: World) -> None:
    http = as_user(world.owner)
    wrong = http.post(
        reverse("password_change"),
        {"old_password": "not-it", "new_password1": NEW, "new_password2": NEW},
    )
    assert "Old password:" in wrong.content.decode()
    weak = http.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"},
    )
    assert "too short" in weak.content.decode()
    world.owner.refresh_from_db()
    assert world.owner.check_password(PASSWORD)


def lock_out(username: str, limit: int) -> None:
    http = HttpClient()
    for _ in range(limit):
        http.post(reverse("login"), {"username": username, "password": "wrong-password-x"})


def test_an_administrator_unlocks_a_locked_account(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    lock_out("owner", settings.AXES_FAILURE_LIMIT)
    locked = HttpClient().post(reverse("login"), {"username": "owner", "password": PASSWORD})
    assert locked.status_code != 302  # locked: the right password is refused too
    page = as_user(world.admin).get(reverse("practice_security")).content.decode()
    assert "Unlock" in page
    url = reverse("account_unlock", args=[world.owner.pk])
    for user in (world.owner, world.supervisor, world.stranger):
        assert as_user(user).post(url).status_code == 403, user.username
    assert as_user(world.outsider).post(url).status_code == 404
    assert AccessAttempt.objects.filter(username="owner").exists()
    assert as_user(world.admin).post(url).status_code == 302
    assert not AccessAttempt.objects.filter(username="owner").exists()
    ok = HttpClient().post(reverse("login"), {"username": "owner", "password": PASSWORD})
    assert ok.status_code == 302
    assert AuditEvent.objects.filter(action=Action.ACCOUNT_UNLOCKED, username="admin").exists()
    # The failures stay in the audit trail after the unlock and the successful login.
    failed = AuditEvent.objects.filter(action=Action.LOGIN_FAILED, username="owner").count()
    assert failed >= settings.AXES_FAILURE_LIMIT


def test_the_security_page_is_for_the_administrator(world: World) -> None:
    url = reverse("practice_security")
    for user in (world.owner, world.supervisor, world.stranger):
        assert as_user(user).get(url).status_code == 403, user.username
    assert as_user(world.admin).get(url).status_code == 200
    page = as_user(world.outsider).get(url).content.decode()
    assert "Owner Test" not in page  # another practice's people are not listed
    assert HttpClient().get(url).status_code == 302


def test_unlock_needs_a_csrf_token_and_post(world: World) -> None:
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(world.admin)
    url = reverse("account_unlock", args=[world.owner.pk])
    assert http.post(url).status_code == 403
    assert as_user(world.admin).get(url).status_code == 405
