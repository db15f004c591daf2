"""Seeing is not writing: every clinical write path (editor, sign, amend, client agreement,
new plan, measure recording, API PUT) is for the client's treating clinician only. The
supervisor co-signs; the administrator manages people and settings."""

from __future__ import annotations

import json

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import PASSWORD, World, sample_document
from txplan.core.document import to_data
from txplan.web.accounts.models import User
from txplan.web.clients.access import can_manage_record, can_write_clinical
from txplan.web.errors import NotAllowed
from txplan.web.measures import actions as measures
from txplan.web.measures.models import Administration
from txplan.web.plans import actions as plans
from txplan.web.plans.models import PlanVersion

pytestmark = pytest.mark.django_db


def as_user(user: User) -> HttpClient:
    http = HttpClient()
    http.force_login(user)
    return http


def test_can_write_clinical_is_the_treating_clinician_only(world: World) -> None:
    assert can_write_clinical(world.owner, world.client)
    for user in (world.supervisor, world.stranger, world.admin, world.outsider):
        assert not can_write_clinical(user, world.client), user.username


def test_can_manage_record_is_the_clinician_or_a_same_practice_admin(world: World) -> None:
    assert can_manage_record(world.owner, world.client)
    assert can_manage_record(world.admin, world.client)
    for user in (world.supervisor, world.stranger, world.outsider):
        assert not can_manage_record(user, world.client), user.username


def test_an_inactive_owner_writes_nothing(world: World) -> None:
    world.owner.is_active = False
    assert not can_write_clinical(world.owner, world.client)
    assert not can_manage_record(world.owner, world.client)


# (user attribute, expected status) for a write page of a client the user may or may not see.
WRITE_STATUS = [("owner", None), ("supervisor", 403), ("admin", 403), ("stranger", 404)]


@pytest.mark.parametrize(("who", "status"), WRITE_STATUS)
def test_the_editor_opens_and_saves_only_for_the_treating_clinician(
    world: World, who: str, status: int | None
) -> None:
    http = as_user(getattr(world, who))
    url = reverse("plan_edit", args=[world.version.plan_id, 1])
    before = world.version.document
    response = http.get(url)
    assert response.status_code == (status or 200)
    post = http.post(url, {"op": "save", "lock": "0"})
    if status:
        assert post.status_code == status
        world.version.refresh_from_db()
        assert world.version.document == before and world.version.lock == 0


@pytest.mark.parametrize(("who", "status"), WRITE_STATUS)
def test_only_the_treating_clinician_signs(world: World, who: str, status: int | None) -> None:
    user = getattr(world, who)
    url = reverse("plan_sign", args=[world.version.plan_id, 1])
    response = as_user(user).post(
        url, {"password": PASSWORD, "attest": "on", "override_reason": "Test."}
    )
    world.version.refresh_from_db()
    if status:
        assert response.status_code == status
        assert not world.version.is_signed
    else:
        assert world.version.is_signed


@pytest.mark.parametrize(("who", "status"), WRITE_STATUS)
def test_only_the_treating_clinician_amends(
    world: World, signed: PlanVersion, who: str, status: int | None
) -> None:
    url = reverse("plan_amend", args=[world.version.plan_id, 1])
    response = as_user(getattr(world, who)).post(url, {"note": "New concern."})
    count = world.version.plan.versions.count()
    if status:
        assert response.status_code == status
        assert count == 1
    else:
        assert count == 2


@pytest.mark.parametrize(("who", "status"), WRITE_STATUS)
def test_only_the_treating_clinician_records_the_clients_agreement(
    world: World, signed: PlanVersion, who: str, status: int | None
) -> None:
    url = reverse("plan_client_agreement", args=[world.version.plan_id, 1])
    data = {"role": "client", "method": "unable", "name": "Robin", "unable_reason": "Away."}
    response = as_user(getattr(world, who)).post(url, data)
    if status:
        assert response.status_code == status
        assert signed.signatures.count() == 1


@pytest.mark.parametrize(("who", "status"), WRITE_STATUS)
def test_only_the_treating_clinician_starts_a_plan(
    world: World, who: str, status: int | None
) -> None:
    url = reverse("plan_new", args=[world.client.pk])
    response = as_user(getattr(world, who)).get(url)
    assert response.status_code == (status or 200)


@pytest.mark.parametrize(("who", "status"), WRITE_STATUS)
def test_only_the_treating_clinician_records_a_measure(
    world: World, who: str, status: int | None
) -> None:
    url = reverse("measure_record", args=[world.client.pk, "gad7"])
    data = {"administered_on": "2026-09-01", "mode": "total", "total": "12"}
    response = as_user(getattr(world, who)).post(url, data)
    if status:
        assert response.status_code == status
        assert not Administration.objects.exists()
    else:
        assert Administration.objects.count() == 1


@pytest.mark.parametrize(("who", "status"), WRITE_STATUS)
def test_only_the_treating_clinician_saves_through_the_api(
    world: World, who: str, status: int | None
) -> None:
    doc = to_data(sample_document())
    doc["presenting_problem"] = "Changed through the API."
    response = as_user(getattr(world, who)).put(
        f"/api/v1/plans/{world.version.plan_id}/versions/1",
        data=json.dumps({"lock": 0, "document": doc}),
        content_type="application/json",
    )
    world.version.refresh_from_db()
    if status:
        assert response.status_code == status
        assert world.version.document["presenting_problem"] != "Changed through the API."
    else:
        assert response.status_code == 200
        assert world.version.document["presenting_problem"] == "Changed through the API."


def test_the_actions_refuse_anyone_but_the_treating_clinician(
    world: World, signed: PlanVersion
) -> None:
    for user in (world.supervisor, world.admin, world.stranger):
        with pytest.raises(NotAllowed):
            plans.amend_version(version=signed, by=user, note="Not theirs.")
        with pytest.raises(NotAllowed):
            plans.create_plan(client=world.client, by=user, document=sample_document())
        with pytest.raises(NotAllowed):
            measures.record_administration(
                client=world.client,
                by=user,
                instrument="gad7",
                on=signed.created_at.date(),
                today=signed.created_at.date(),
                total=5,
            )
    draft = plans.amend_version(version=signed, by=world.owner, note="Next review.")
    for user in (world.supervisor, world.admin, world.stranger):
        with pytest.raises(NotAllowed):
            plans.save_draft(version=draft, by=user, document=sample_document(), lock=0)
