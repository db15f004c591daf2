"""One active plan per client: the new-plan page warns before a second one and creates it only
with a stated reason, kept in the version's change note. A discharged client needs
re-admission first."""

from __future__ import annotations

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import World
from txplan.web.clients import actions as clients
from txplan.web.clients.models import Client
from txplan.web.plans.models import Plan

pytestmark = pytest.mark.django_db
BLANK = {"mode": "blank", "presenting_problem": "Synthetic worry at work.", "review_days": 90}


def as_owner(world: World) -> HttpClient:
    http = HttpClient()
    http.force_login(world.owner)
    return http


def url(client: Client) -> str:
    return reverse("plan_new", args=[client.pk])


def test_the_page_warns_before_a_second_active_plan(world: World) -> None:
    page = as_owner(world).get(url(world.client)).content.decode()
    assert "already has an active plan" in page and "Why a second active plan" in page


def test_a_second_plan_without_a_reason_is_refused_and_the_input_stays(world: World) -> None:
    response = as_owner(world).post(url(world.client), BLANK)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Why a second active plan: Robin Synthetic already has an active plan" in html
    assert "Synthetic worry at work." in html
    assert Plan.objects.filter(client=world.client).count() == 1


def test_a_second_plan_with_a_reason_keeps_the_reason(world: World) -> None:
    reason = "Couples work alongside the individual plan."
    response = as_owner(world).post(url(world.client), {**BLANK, "second_plan_reason": reason})
    assert response.status_code == 302
    newest = Plan.objects.filter(client=world.client).exclude(pk=world.version.plan_id).get()
    assert reason in newest.versions.get().change_note


def test_a_first_plan_needs_no_reason(world: World) -> None:
    fresh = clients.create_client(
        practice=world.practice, clinician=world.owner, first_name="Jo", last_name="Synthetic"
    )
    clients.add_diagnosis(client=fresh, code="F41.1")
    page = as_owner(world).get(url(fresh)).content.decode()
    assert "Why a second active plan" not in page
    assert as_owner(world).post(url(fresh), BLANK).status_code == 302


def test_a_discharged_client_needs_readmission_before_a_new_plan(world: World) -> None:
    Client.objects.filter(pk=world.client.pk).update(discharged_on=timezone.localdate())
    response = as_owner(world).post(url(world.client), {**BLANK, "second_plan_reason": "x"})
    assert "re-admit the client" in response.content.decode()
    assert Plan.objects.filter(client=world.client).count() == 1
