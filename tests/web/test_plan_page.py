from __future__ import annotations

import json

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import World
from txplan.core.document import parse_plan

pytestmark = pytest.mark.django_db


def open_as(user, url: str) -> str:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    response = http.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_plan_page_shows_every_part_of_the_plan(world: World, signed) -> None:  # type: ignore[no-untyped-def]
    page = open_as(world.owner, reverse("plan", args=[world.version.plan_id]))
    for text in (
        "F41.1",
        "Daily worry about work deadlines",
        "Work / school",
        "Outpatient",
        "Worry that slows work",
        "Finish weekly reports on time",
        "score below 10 on the GAD-7",
        "GAD-7 &lt; 10 on 2 consecutive",  # the display name, never the raw id
        "catastrophic predictions",
        "weekly",
        "Review every",
        "90 days",
        "Owner Test, LPC",
        "Signed",
        "locked",
    ):
        assert text in page, text


def test_plan_page_lists_versions_with_reason_and_author(world: World, signed) -> None:  # type: ignore[no-untyped-def]
    from txplan.web.plans import actions

    actions.amend_version(version=signed, by=world.owner, note="Client reported new nightmares")
    page = open_as(world.owner, reverse("plan", args=[world.version.plan_id]))
    assert "v2" in page and "v1" in page
    assert "Client reported new nightmares" in page
    assert "Amendment" in page and "Initial plan" in page


def test_json_download_is_a_valid_plan_with_its_signatures(world: World, signed) -> None:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(world.owner)
    data = json.loads(
        http.get(reverse("plan_version_json", args=[world.version.plan_id, 1])).content
    )
    document = parse_plan(data)
    assert [s.role for s in document.signatures] == ["clinician"]
    assert document.problems[0].goals[0].objectives[0].id == "obj-a"


def test_client_page_shows_diagnoses_and_plans(world: World) -> None:
    page = open_as(world.supervisor, reverse("client", args=[world.client.pk]))
    assert "Generalized anxiety disorder" in page
    assert "Treatment plan" in page and "Draft" in page


def test_client_page_title_is_the_clients_name_only(world: World) -> None:
    page = open_as(world.owner, reverse("client", args=[world.client.pk]))
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.strip() == "Robin Synthetic · txplan"
