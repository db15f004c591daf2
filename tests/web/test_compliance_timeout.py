"""(d)(5) automatic log-off after inactivity, with a warning first and the editor's text kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import World
from txplan.web.compliance.middleware import LAST_SEEN
from txplan.web.compliance.models import Action, AuditEvent

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).parents[2] / "src" / "txplan" / "web" / "static" / "txplan"


def idle_for(http: HttpClient, seconds: int) -> None:
    session = http.session
    session[LAST_SEEN] = session[LAST_SEEN] - seconds
    session.save()


def logged_in(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    assert http.get(reverse("caseload")).status_code == 200  # starts the idle clock
    return http


def test_a_session_idle_past_the_limit_is_logged_out(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TXPLAN_IDLE_MINUTES = 15
    http = logged_in(world.owner)
    idle_for(http, 15 * 60 + 5)
    page = reverse("client", args=[world.client.pk])
    response = http.get(page)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "next=" in response["Location"] and str(world.client.pk) in response["Location"]
    # Logged out for good: the next request is anonymous.
    assert http.get(page)["Location"].startswith(reverse("login"))
    assert AuditEvent.objects.filter(action=Action.TIMEOUT, username="owner").count() == 1


def test_a_session_used_within_the_limit_stays(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TXPLAN_IDLE_MINUTES = 15
    http = logged_in(world.owner)
    idle_for(http, 14 * 60)
    assert http.get(reverse("client", args=[world.client.pk])).status_code == 200
    idle_for(http, 14 * 60)  # counted from the last request, not from the login
    assert http.get(reverse("client", args=[world.client.pk])).status_code == 200


def test_the_limit_is_configurable(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TXPLAN_IDLE_MINUTES = 5
    http = logged_in(world.owner)
    idle_for(http, 5 * 60 + 5)
    assert http.get(reverse("caseload")).status_code == 302


def test_an_editor_save_after_the_time_out_sends_htmx_to_the_login(world: World) -> None:
    http = logged_in(world.owner)
    idle_for(http, 16 * 60)
    edit = reverse("plan_edit", args=[world.version.plan_id, 1])
    response = http.post(
        edit,
        {"lock": "0"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=f"http://testserver{edit}",
    )
    assert response.status_code == 401
    assert response["HX-Redirect"].startswith(reverse("login") + "?next=")
    assert "edit" in response["HX-Redirect"]
    world.version.refresh_from_db()
    assert world.version.lock == 0  # nothing half-saved


def test_the_api_answers_401_after_the_time_out(world: World) -> None:
    http = logged_in(world.owner)
    idle_for(http, 16 * 60)
    assert http.get(f"/api/v1/plans/{world.version.plan_id}/versions/1").status_code == 401


def test_every_page_carries_the_warning_script_with_its_times(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TXPLAN_IDLE_MINUTES = 15
    settings.TXPLAN_IDLE_WARNING_SECONDS = 120
    http = logged_in(world.owner)
    page = http.get(reverse("plan_edit", args=[world.version.plan_id, 1])).content.decode()
    assert 'src="/static/txplan/session.js"' in page
    assert 'data-idle="900"' in page and 'data-warn="120"' in page
    assert 'data-ping="/session/ping"' in page
    # The CSP allows no inline script: the page has none.
    assert "<script>" not in page
    assert http.get(reverse("session_ping")).json() == {"idle_seconds": 900}


def test_the_script_warns_and_keeps_the_editor_draft() -> None:
    js = (STATIC / "session.js").read_text()
    # The warning with a way to stay, and the draft kept per tab and offered back.
    assert "Stay logged in" in js
    assert "sessionStorage.setItem" in js and "txplan-draft:" in js
    assert "Put it back in the form" in js
    assert "innerHTML" not in js and "eval(" not in js


def test_the_login_page_has_no_warning_script(db: None) -> None:
    assert "session.js" not in HttpClient().get(reverse("login")).content.decode()
