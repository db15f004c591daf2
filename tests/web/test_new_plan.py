from __future__ import annotations

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import World
from txplan.web.clients import actions as clients
from txplan.web.plans.models import Plan

pytestmark = pytest.mark.django_db

PROBLEM = (
    "Worries every evening about losing her job at the print shop; re-checks orders for hours "
    "and has stopped seeing her sister."
)


def post_as(user, world: World, data: dict) -> object:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    # world.client already has an active plan: a second one needs a stated reason.
    data = {"second_plan_reason": "A separate synthetic episode for the test.", **data}
    return http.post(reverse("plan_new", args=[world.client.pk]), data)


def test_new_plan_page_opens_for_the_treating_clinician_only(world: World) -> None:
    url = reverse("plan_new", args=[world.client.pk])
    for user, status in (
        (world.owner, 200),
        (world.supervisor, 403),  # seeing is not writing (issue 13)
        (world.admin, 403),
        (world.stranger, 404),
        (world.outsider, 404),
    ):
        http = HttpClient()
        http.force_login(user)
        assert http.get(url).status_code == status, user.username


def test_drafting_opens_an_unsigned_version_built_from_the_clients_diagnoses(world: World) -> None:
    before = Plan.objects.count()
    response = post_as(
        world.owner,
        world,
        {"mode": "draft", "presenting_problem": PROBLEM, "review_days": 60, "approach": "CBT"},
    )
    assert response.status_code == 302  # type: ignore[attr-defined]
    plan = Plan.objects.exclude(pk=world.version.plan_id).get()
    assert Plan.objects.count() == before + 1
    version = plan.latest_version()
    assert version is not None and version.status == "draft"
    assert version.document["diagnoses"][0]["code"] == "F41.1"
    assert version.document["review_interval_days"] == 60
    assert version.document["problems"], "the draft has problems"
    assert "Drafted from the library" in version.change_note


def test_drafting_without_a_diagnosis_says_what_to_do_and_creates_nothing(world: World) -> None:
    client = clients.create_client(
        practice=world.practice, clinician=world.owner, first_name="Kim", last_name="Synthetic"
    )
    http = HttpClient()
    http.force_login(world.owner)
    response = http.post(
        reverse("plan_new", args=[client.pk]),
        {"mode": "draft", "presenting_problem": PROBLEM, "review_days": 90},
    )
    assert response.status_code == 200
    assert b"add a diagnosis to the client before drafting" in response.content
    assert not client.plans.exists()


def test_a_missing_presenting_problem_is_named_and_nothing_is_created(world: World) -> None:
    response = post_as(
        world.owner, world, {"mode": "draft", "presenting_problem": "", "review_days": 90}
    )
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert b"Presenting problem: This field is required." in response.content  # type: ignore[attr-defined]
    assert Plan.objects.count() == 1


def test_a_blank_plan_carries_the_diagnoses_and_nothing_else(world: World) -> None:
    post_as(world.owner, world, {"mode": "blank", "presenting_problem": PROBLEM, "review_days": 30})
    plan = Plan.objects.exclude(pk=world.version.plan_id).get()
    document = plan.latest_version().document  # type: ignore[union-attr]
    assert document["problems"] == [] and document["diagnoses"][0]["code"] == "F41.1"


def test_creating_a_plan_requires_a_csrf_token(world: World) -> None:
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(world.owner)
    response = http.post(
        reverse("plan_new", args=[world.client.pk]),
        {"mode": "blank", "presenting_problem": PROBLEM, "review_days": 30},
    )
    assert response.status_code == 403


def test_a_bad_request_names_the_field_and_the_problem(world: World) -> None:
    from tests.web.conftest import START
    from txplan.web.errors import ActionError
    from txplan.web.plans import actions

    with pytest.raises(ActionError) as caught:
        actions.draft_new_plan(
            client=world.client,
            by=world.owner,
            presenting_problem=PROBLEM,
            start=START,
            review_days=90,
            strengths=["x" * 400],
        )
    assert caught.value.field == "strengths"
    assert "strengths[0]: is too long" in caught.value.message
    assert "pydantic" not in caught.value.message


def test_the_drafters_reasons_are_kept_beside_the_plan_and_shown_in_the_editor(
    world: World,
) -> None:
    post_as(world.owner, world, {"mode": "draft", "presenting_problem": PROBLEM, "review_days": 90})
    plan = Plan.objects.exclude(pk=world.version.plan_id).get()
    version = plan.latest_version()
    assert version is not None
    notes = version.draft_notes
    assert notes["reasons"] and "F41.1" in notes["reasons"][0]["explanation"]
    assert notes["to_supply"]
    # Tool text stays out of the document a clinician signs.
    document = str(version.document).lower()
    assert "why this area" not in document and "is among the codes of" not in document
    http = HttpClient()
    http.force_login(world.owner)
    page = http.get(reverse("plan_edit", args=[plan.pk, version.number])).content.decode()
    assert "Drafting notes" in page
    assert notes["reasons"][0]["explanation"].split("(")[0] in page


def test_drafting_uses_the_clients_age_on_the_plan_start(world: World) -> None:
    from datetime import date

    from txplan.web.plans.actions import draft_new_plan

    areas = {}
    for born in (date(2017, 3, 3), date(1990, 5, 1)):  # 8 on 2026-03-02; 35
        client = clients.create_client(
            practice=world.practice,
            clinician=world.owner,
            first_name="Sam",
            last_name="Synthetic",
            date_of_birth=born,
        )
        clients.add_diagnosis(client=client, code="F90.0", primary=True)
        _, draft = draft_new_plan(
            client=client,
            by=world.owner,
            presenting_problem="Disorganised; loses things.",
            start=date(2026, 3, 2),
            review_days=90,
        )
        areas[born.year] = draft.plan.problems[0].origin.library_id  # type: ignore[union-attr]
    assert areas == {2017: "child_adhd", 1990: "adult_adhd"}


def test_the_drafters_notes_show_on_the_draft_page_too(world: World) -> None:
    post_as(world.owner, world, {"mode": "draft", "presenting_problem": PROBLEM, "review_days": 90})
    plan = Plan.objects.exclude(pk=world.version.plan_id).get()
    version = plan.latest_version()
    assert version is not None
    http = HttpClient()
    http.force_login(world.owner)
    page = http.get(reverse("plan_version", args=[plan.pk, version.number])).content.decode()
    assert "Drafting notes" in page and "not part of the plan" in page
