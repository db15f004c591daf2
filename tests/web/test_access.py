"""Every page: login required, caseload scoping (else 404), CSRF on unsafe requests."""

from __future__ import annotations

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import World

pytestmark = pytest.mark.django_db


def pages(world: World) -> list[str]:
    plan = world.version.plan_id
    return [
        reverse("client", args=[world.client.pk]),
        reverse("plan", args=[plan]),
        reverse("plan_version", args=[plan, 1]),
        reverse("plan_version_json", args=[plan, 1]),
        f"/api/v1/plans/{plan}/versions/1",
    ]


def get_as(user, url: str) -> int:  # type: ignore[no-untyped-def]
    http = HttpClient()
    if user is not None:
        http.force_login(user)
    return http.get(url).status_code


def test_every_page_redirects_an_anonymous_visitor_to_login(world: World) -> None:
    for url in [reverse("caseload"), *pages(world)[:-1]]:
        response = HttpClient().get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_the_api_answers_401_to_an_anonymous_caller(world: World) -> None:
    assert get_as(None, pages(world)[-1]) == 401


def test_owning_clinician_supervisor_and_admin_can_open_every_page(world: World) -> None:
    for user in (world.owner, world.supervisor, world.admin):
        for url in pages(world):
            assert get_as(user, url) == 200, (user.username, url)


def test_unrelated_clinician_and_another_practice_get_404(world: World) -> None:
    for user in (world.stranger, world.outsider):
        for url in pages(world):
            assert get_as(user, url) == 404, (user.username, url)


def test_caseload_lists_only_clients_the_user_may_see(world: World) -> None:
    for user, sees in (
        (world.owner, True),
        (world.supervisor, True),
        (world.admin, True),
        (world.stranger, False),
        (world.outsider, False),
    ):
        http = HttpClient()
        http.force_login(user)
        page = http.get(reverse("caseload")).content.decode()
        assert ("Synthetic, Robin" in page) is sees, user.username


def test_amending_requires_a_csrf_token(world: World, signed) -> None:  # type: ignore[no-untyped-def]
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(world.owner)
    url = reverse("plan_amend", args=[world.version.plan_id, 1])
    assert http.post(url, {"note": "new concern"}).status_code == 403
    assert world.version.plan.versions.count() == 1


def test_unrelated_clinician_cannot_amend_a_plan(world: World, signed) -> None:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(world.stranger)
    url = reverse("plan_amend", args=[world.version.plan_id, 1])
    assert http.post(url, {"note": "x"}).status_code == 404
    assert world.version.plan.versions.count() == 1


def test_login_page_logs_in_with_the_right_password_and_refuses_a_wrong_one(world: World) -> None:
    from tests.web.conftest import PASSWORD

    http = HttpClient()
    bad = http.post(reverse("login"), {"username": "owner", "password": "wrong"})
    assert bad.status_code == 200 and b"didn't match" in bad.content
    good = http.post(reverse("login"), {"username": "owner", "password": PASSWORD})
    assert good.status_code == 302
    assert http.get(reverse("caseload")).status_code == 200


def test_passwords_are_stored_as_argon2_hashes(world: World) -> None:
    assert world.owner.password.startswith("argon2")
