"""Inputs that once gave a server error now get a clear 400/422 naming the problem, and
nothing saved is lost (issue 13, medium findings)."""

from __future__ import annotations

import json

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import World, sample_document
from tests.web.editor_forms import form_data
from txplan.core.document import to_data
from txplan.web.errors import ActionError
from txplan.web.plans import actions
from txplan.web.plans.models import PlanVersion

pytestmark = pytest.mark.django_db


def owner(world: World) -> HttpClient:
    http = HttpClient()
    http.force_login(world.owner)
    return http


def test_a_null_character_in_plan_text_is_refused_naming_the_field(world: World) -> None:
    document = to_data(sample_document())
    document["presenting_problem"] = "Worry\x00 about work."
    with pytest.raises(ActionError) as caught:
        actions.save_draft(version=world.version, by=world.owner, document=document, lock=0)
    assert caught.value.field == "presenting_problem"
    assert "null character" in caught.value.message
    response = owner(world).put(
        f"/api/v1/plans/{world.version.plan_id}/versions/1",
        data=json.dumps({"lock": 0, "document": document}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "presenting_problem" in response.json()["detail"]
    assert PlanVersion.objects.get(pk=world.version.pk).lock == 0


def test_a_null_character_typed_in_the_editor_is_refused_and_the_draft_kept(world: World) -> None:
    document = to_data(sample_document())
    data = form_data(document, 0, op="save")
    data["presenting_problem"] = "Typed\x00 text"
    response = owner(world).post(reverse("plan_edit", args=[world.version.plan_id, 1]), data)
    assert response.status_code == 200
    assert "null character" in response.content.decode()
    assert PlanVersion.objects.get(pk=world.version.pk).lock == 0


@pytest.mark.parametrize(
    "structure",
    [
        json.dumps(["not an object"]),
        json.dumps([{"children": []}]),  # no id
        json.dumps([{"id": "prob-a", "children": ["x"]}]),  # child not an object
        json.dumps([{"id": "prob-a", "children": {"id": "goal-a"}}]),  # children not a list
        json.dumps([{"id": 7}]),
        # deeper than problem → goal → objective → intervention
        json.dumps(
            [
                {
                    "id": "a",
                    "children": [
                        {
                            "id": "b",
                            "children": [
                                {"id": "c", "children": [{"id": "d", "children": [{"id": "e"}]}]}
                            ],
                        }
                    ],
                }
            ]
        ),
        "[" * 5000 + "]" * 5000,
        json.dumps({"id": "prob-a"}),
    ],
)
def test_a_malformed_editor_structure_is_a_clear_400(world: World, structure: str) -> None:
    data = form_data(to_data(sample_document()), 0, op="save")
    data["structure"] = structure
    response = owner(world).post(reverse("plan_edit", args=[world.version.plan_id, 1]), data)
    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode()
    assert PlanVersion.objects.get(pk=world.version.pk).lock == 0


@pytest.mark.parametrize("instrument", ["a b", "../x", "", "no-such-thing"])
def test_an_unknown_instrument_on_the_measure_chooser_is_a_clear_400(
    world: World, instrument: str
) -> None:
    url = reverse("measure_record_chooser", args=[world.client.pk])
    response = owner(world).get(url, {"instrument": instrument})
    assert response.status_code == 400
    assert "instrument" in response.content.decode()


def test_a_known_instrument_on_the_chooser_still_redirects(world: World) -> None:
    url = reverse("measure_record_chooser", args=[world.client.pk])
    response = owner(world).get(url, {"instrument": "gad7"})
    assert response.status_code == 302
