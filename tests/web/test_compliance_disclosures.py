"""(d)(11) accounting of disclosures: every export or print records recipient and purpose,
listed per client."""

from __future__ import annotations

import json

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import World
from txplan.web.compliance.models import Action, AuditEvent, Disclosure

pytestmark = pytest.mark.django_db

FORM = {"kind": "export", "recipient": "Synthetic Health Plan", "purpose": "payer review"}


def as_user(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    return http


def disclose_url(world: World) -> str:
    return reverse("plan_disclose", args=[world.version.plan_id, 1])


def test_an_export_through_the_form_records_recipient_and_purpose(world: World) -> None:
    response = as_user(world.owner).post(disclose_url(world), FORM)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert json.loads(response.content)["problems"]
    d = Disclosure.objects.get()
    assert (d.recipient, d.purpose, d.kind, d.by) == (
        "Synthetic Health Plan",
        "payer review",
        "export",
        world.owner,
    )
    assert d.client == world.client and d.version == world.version
    assert AuditEvent.objects.filter(action=Action.EXPORT, client_id_at=world.client.pk).exists()


def test_a_print_is_recorded_and_opens_the_page_to_print(world: World) -> None:
    response = as_user(world.supervisor).post(
        disclose_url(world), {**FORM, "kind": "print", "recipient": "Client's school"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("plan_version", args=[world.version.plan_id, 1])
    assert Disclosure.objects.get().kind == "print"
    assert AuditEvent.objects.filter(action=Action.PRINT).exists()


def test_recipient_and_purpose_are_required_and_named(world: World) -> None:
    response = as_user(world.owner).post(disclose_url(world), {**FORM, "recipient": ""})
    assert response.status_code == 400
    assert "Recipient: This field is required." in response.content.decode()
    assert not Disclosure.objects.exists()


def test_a_direct_json_download_is_recorded_too(world: World) -> None:
    as_user(world.owner).get(reverse("plan_version_json", args=[world.version.plan_id, 1]))
    d = Disclosure.objects.get()
    assert d.kind == "export" and "direct download" in d.purpose


def test_the_list_per_client(world: World) -> None:
    as_user(world.owner).post(disclose_url(world), FORM)
    url = reverse("disclosures", args=[world.client.pk])
    for user in (world.owner, world.supervisor, world.admin):
        page = as_user(user).get(url)
        assert page.status_code == 200, user.username
        assert (
            "Synthetic Health Plan" in page.content.decode()
            and "payer review" in page.content.decode()
        )
    for user in (world.stranger, world.outsider):
        assert as_user(user).get(url).status_code == 404, user.username


def test_who_may_export(world: World) -> None:
    url = disclose_url(world)
    for user in (world.owner, world.supervisor, world.admin):
        assert as_user(user).get(url).status_code == 200, user.username
    for user in (world.stranger, world.outsider):
        assert as_user(user).get(url).status_code == 404, user.username
        assert as_user(user).post(url, FORM).status_code == 404, user.username
    assert not Disclosure.objects.exists()


def test_the_form_needs_a_csrf_token(world: World) -> None:
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(world.owner)
    assert http.post(disclose_url(world), FORM).status_code == 403


def test_a_version_failing_its_integrity_check_is_not_served_nor_recorded(
    world: World,
    signed,  # type: ignore[no-untyped-def]
) -> None:
    from tests.web.tamper import raw

    raw("UPDATE plans_planversion SET change_note = 'edited' WHERE id = %s", [signed.pk])
    for response in (
        as_user(world.owner).post(disclose_url(world), FORM),
        as_user(world.owner).get(reverse("plan_version_json", args=[world.version.plan_id, 1])),
    ):
        assert response.status_code != 200 or "application/json" not in response["Content-Type"]
    assert not Disclosure.objects.exists()
