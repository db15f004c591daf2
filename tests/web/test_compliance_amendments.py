"""(d)(4) amendments: a client's request, its decision (accepted with the resulting version,
or denied with a reason)."""

from __future__ import annotations

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import World
from txplan.web.compliance import actions
from txplan.web.compliance.models import AmendmentRequest, AmendmentStatus
from txplan.web.errors import ActionError, NotAllowed
from txplan.web.plans import actions as plans

pytestmark = pytest.mark.django_db

REQUEST = {
    "received_on": "2026-09-10",
    "requested_by": "Robin Synthetic (client)",
    "request": "The plan says I avoid meetings; I attend them but leave early.",
}


def as_user(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    return http


def recorded(world: World) -> AmendmentRequest:
    as_user(world.owner).post(reverse("amendments", args=[world.client.pk]), REQUEST)
    return AmendmentRequest.objects.get()


def test_who_sees_the_page(world: World) -> None:
    url = reverse("amendments", args=[world.client.pk])
    for user in (world.owner, world.supervisor, world.admin):
        assert as_user(user).get(url).status_code == 200, user.username
    for user in (world.stranger, world.outsider):
        assert as_user(user).get(url).status_code == 404, user.username


def test_the_treating_clinician_or_an_administrator_records_a_request(world: World) -> None:
    url = reverse("amendments", args=[world.client.pk])
    assert as_user(world.owner).post(url, REQUEST).status_code == 302
    assert as_user(world.admin).post(url, REQUEST).status_code == 302
    assert as_user(world.supervisor).post(url, REQUEST).status_code == 403
    assert as_user(world.stranger).post(url, REQUEST).status_code == 404
    assert AmendmentRequest.objects.count() == 2
    page = as_user(world.owner).get(url).content.decode()
    assert "leave early" in page and "Pending" in page


def test_a_missing_field_is_named(world: World) -> None:
    url = reverse("amendments", args=[world.client.pk])
    response = as_user(world.owner).post(url, {**REQUEST, "request": ""})
    assert response.status_code == 400
    assert "What they ask to change, and why: This field is required." in response.content.decode()
    assert not AmendmentRequest.objects.exists()


def test_a_denial_needs_a_reason(world: World) -> None:
    amendment = recorded(world)
    url = reverse("amendment_decide", args=[world.client.pk, amendment.pk])
    response = as_user(world.owner).post(url, {"decision": "denied", "reason": ""})
    assert response.status_code == 400
    assert "must say why the request is denied" in response.content.decode()
    ok = as_user(world.owner).post(
        url, {"decision": "denied", "reason": "The note records what was observed in session."}
    )
    assert ok.status_code == 302
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.DENIED and amendment.decided_by == world.owner


def test_an_acceptance_links_the_version_that_makes_the_change(world: World, signed) -> None:  # type: ignore[no-untyped-def]
    amendment = recorded(world)
    url = reverse("amendment_decide", args=[world.client.pk, amendment.pk])
    missing = as_user(world.owner).post(url, {"decision": "accepted"})
    assert missing.status_code == 400
    assert "must name the plan version" in missing.content.decode()
    amended = plans.amend_version(version=signed, by=world.owner, note="client's amendment")
    ok = as_user(world.owner).post(url, {"decision": "accepted", "version": str(amended.pk)})
    assert ok.status_code == 302
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.ACCEPTED
    assert amendment.resulting_version == amended
    page = as_user(world.admin).get(reverse("amendments", args=[world.client.pk])).content.decode()
    assert f"v{amended.number}" in page


def test_only_the_treating_clinician_decides(world: World) -> None:
    amendment = recorded(world)
    url = reverse("amendment_decide", args=[world.client.pk, amendment.pk])
    data = {"decision": "denied", "reason": "Not accurate."}
    assert as_user(world.supervisor).post(url, data).status_code == 403
    assert as_user(world.admin).post(url, data).status_code == 403
    assert as_user(world.stranger).post(url, data).status_code == 404
    assert as_user(world.outsider).post(url, data).status_code == 404
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.PENDING


def test_a_version_of_another_client_is_refused(world: World) -> None:
    from tests.web.conftest import sample_document
    from txplan.web.clients import actions as clients

    amendment = recorded(world)
    other = clients.create_client(
        practice=world.practice, clinician=world.owner, first_name="Sam", last_name="Other"
    )
    foreign = plans.create_plan(client=other, by=world.owner, document=sample_document())
    with pytest.raises(ActionError, match="this client's plan"):
        actions.decide_amendment(
            amendment=amendment, by=world.owner, accepted=True, reason="", version=foreign
        )
    with pytest.raises(NotAllowed):
        actions.decide_amendment(
            amendment=amendment, by=world.supervisor, accepted=False, reason="no"
        )


def test_a_decided_request_is_not_decided_again(world: World) -> None:
    amendment = recorded(world)
    actions.decide_amendment(amendment=amendment, by=world.owner, accepted=False, reason="No.")
    with pytest.raises(ActionError, match="already decided"):
        actions.decide_amendment(amendment=amendment, by=world.owner, accepted=False, reason="x")
