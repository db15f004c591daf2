"""Diagnoses on the client record: billable ICD-10-CM codes only (with the same refusals as
everywhere), one primary, resolved with a date and kept as history; only the treating
clinician changes them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import World
from txplan.web.clients import actions as clients
from txplan.web.clients.models import ClientDiagnosis
from txplan.web.clients.queries import diagnosis_history
from txplan.web.errors import ActionError, NotAllowed

pytestmark = pytest.mark.django_db


def as_user(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    if user is not None:
        http.force_login(user)
    return http


def url(world: World) -> str:
    return reverse("client_diagnoses", args=[world.client.pk])


def test_everyone_who_sees_the_client_reads_only_the_owner_writes(world: World) -> None:
    for user, read, write in (
        (world.owner, 200, 302),
        (world.supervisor, 200, 403),
        (world.admin, 200, 403),
        (world.stranger, 404, 404),
        (world.outsider, 404, 404),
    ):
        assert as_user(user).get(url(world)).status_code == read, user.username
        response = as_user(user).post(url(world), {"op": "add", "code": "F43.10"})
        assert response.status_code == write, user.username
    assert [d.code for d in world.client.diagnoses.all()] == ["F41.1", "F43.10"]
    assert as_user(None).get(url(world)).status_code == 302


def test_a_category_is_refused_with_its_codes_and_the_input_stays(world: World) -> None:
    page = as_user(world.owner).post(url(world), {"op": "add", "code": "F41"}).content.decode()
    assert "ICD-10-CM code: F41 (Other anxiety disorders) is a category" in page
    assert "use one of: F41.0, F41.1" in page
    assert 'value="F41"' in page
    page = as_user(world.owner).post(url(world), {"op": "add", "code": "F99.9"}).content.decode()
    assert "did you mean F99" in page and 'value="F99.9"' in page
    assert world.client.diagnoses.count() == 1


def test_search_by_words_offers_billable_codes_to_add(world: World) -> None:
    page = as_user(world.owner).get(url(world), {"q": "post traumatic stress"}).content.decode()
    assert "F43.10" in page and 'name="code" value="F43.10"' in page
    page = as_user(world.supervisor).get(url(world), {"q": "panic"}).content.decode()
    assert "Only the treating clinician adds or resolves diagnoses." in page


def test_one_primary_and_the_first_diagnosis_is_primary(world: World) -> None:
    added = clients.add_diagnosis(client=world.client, code="F43.10", by=world.owner)
    assert not added.primary
    as_user(world.owner).post(url(world), {"op": f"primary:{added.pk}"})
    assert [d.code for d in world.client.diagnoses.filter(primary=True)] == ["F43.10"]
    fresh = clients.create_client(
        practice=world.practice, clinician=world.owner, first_name="Al", last_name="Synthetic"
    )
    assert clients.add_diagnosis(client=fresh, code="F32.1", by=world.owner).primary


def test_resolving_keeps_the_history_and_passes_primary_on(world: World) -> None:
    other = clients.add_diagnosis(client=world.client, code="F43.10", by=world.owner)
    primary = world.client.diagnoses.get(code="F41.1")
    day = timezone.localdate()
    response = as_user(world.owner).post(
        url(world), {"op": f"resolve:{primary.pk}", "resolved_on": day.isoformat()}
    )
    assert response.status_code == 302
    assert [d.code for d in world.client.diagnoses.all()] == ["F43.10"]  # current only
    other.refresh_from_db()
    assert other.primary
    history = diagnosis_history(world.client)
    assert [(d.code, d.resolved_on, d.was_primary) for d in history] == [
        ("F43.10", None, False),
        ("F41.1", day, True),
    ]
    page = as_user(world.supervisor).get(url(world)).content.decode()
    assert "Resolved" in page and "(was primary)" in page
    # A resolved code may come back as a new current diagnosis.
    again = clients.add_diagnosis(client=world.client, code="F41.1", by=world.owner)
    assert ClientDiagnosis.with_history.filter(client=world.client, code="F41.1").count() == 2
    assert again.resolved_on is None


def test_a_resolution_date_in_the_future_is_refused(world: World) -> None:
    primary = world.client.diagnoses.get()
    with pytest.raises(ActionError) as caught:
        clients.resolve_diagnosis(
            client=world.client,
            diagnosis_id=primary.pk,
            on=timezone.localdate() + timedelta(days=2),
            by=world.owner,
        )
    assert caught.value.field == "resolved_on"
    assert world.client.diagnoses.count() == 1


def test_the_action_refuses_anyone_but_the_treating_clinician(world: World) -> None:
    for user in (world.supervisor, world.admin, world.stranger):
        with pytest.raises(NotAllowed):
            clients.add_diagnosis(client=world.client, code="F43.10", by=user)


def test_adding_a_diagnosis_requires_a_csrf_token(world: World) -> None:
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(world.owner)
    assert http.post(url(world), {"op": "add", "code": "F43.10"}).status_code == 403
    assert world.client.diagnoses.count() == 1
