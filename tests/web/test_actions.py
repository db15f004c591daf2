from __future__ import annotations

from datetime import date

import pytest

from tests.web.conftest import PASSWORD, START, World, at
from txplan.core.plan import SignatureMethod
from txplan.web.accounts import actions as accounts
from txplan.web.accounts.models import Role
from txplan.web.clients import actions as clients
from txplan.web.errors import ActionError, NotAllowed
from txplan.web.plans import actions as plans

pytestmark = pytest.mark.django_db


def test_a_non_billable_category_is_refused_with_its_billable_children(world: World) -> None:
    with pytest.raises(ActionError) as caught:
        clients.add_diagnosis(client=world.client, code="F41")
    assert caught.value.field == "code"
    assert "F41.0" in caught.value.message and "F41.1" in caught.value.message


def test_an_unknown_code_is_refused_with_close_matches(world: World) -> None:
    with pytest.raises(ActionError, match=r"F43\.1") as caught:
        clients.add_diagnosis(client=world.client, code="F43.19")
    assert caught.value.field == "code"


def test_a_diagnosis_is_stored_with_its_official_description(world: World) -> None:
    dx = clients.add_diagnosis(client=world.client, code="f33.1")
    assert (dx.code, dx.description) == ("F33.1", "Major depressive disorder, recurrent, moderate")


def test_only_one_primary_diagnosis_is_kept(world: World) -> None:
    clients.add_diagnosis(client=world.client, code="F33.1", primary=True)
    assert list(world.client.diagnoses.filter(primary=True).values_list("code", flat=True)) == [
        "F33.1"
    ]


def test_a_supervisor_must_have_the_supervisor_role(world: World) -> None:
    with pytest.raises(ActionError, match="supervisor role"):
        accounts.create_user(
            practice=world.practice, username="assoc2", password=PASSWORD, supervisor=world.stranger
        )


def test_weak_passwords_are_refused_naming_the_field(world: World) -> None:
    with pytest.raises(ActionError) as caught:
        accounts.create_user(
            practice=world.practice, username="weak", password="short", role=Role.CLINICIAN
        )
    assert caught.value.field == "password"


def test_a_client_needs_a_name_and_a_clinician_of_the_same_practice(world: World) -> None:
    with pytest.raises(ActionError) as caught:
        clients.create_client(
            practice=world.practice, clinician=world.owner, first_name=" ", last_name="X"
        )
    assert caught.value.field == "first_name"
    with pytest.raises(ActionError) as caught:
        clients.create_client(
            practice=world.practice, clinician=world.outsider, first_name="A", last_name="B"
        )
    assert caught.value.field == "clinician"


def test_a_bad_document_is_refused_with_every_field_path(world: World) -> None:
    with pytest.raises(ActionError) as caught:
        plans.create_plan(
            client=world.client,
            by=world.owner,
            document={"problems": [{"title": ""}], "review_interval_days": "often"},
        )
    assert caught.value.field == "document"
    assert "problems[0].title: must not be empty" in caught.value.message
    assert "review_interval_days: not a whole number" in caught.value.message


def test_only_the_treating_clinician_signs(world: World) -> None:
    with pytest.raises(NotAllowed):
        plans.sign_version(version=world.version, by=world.supervisor, at=at(START))
    world.version.refresh_from_db()
    assert world.version.status == "draft"


def test_only_the_associates_supervisor_cosigns(world: World, signed) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotAllowed):
        plans.cosign_version(version=signed, by=world.admin, at=at(START))
    signature = plans.cosign_version(version=signed, by=world.supervisor, at=at(START))
    assert signature.role == "supervisor" and signature.content_hash == signed.content_hash
    with pytest.raises(ActionError, match="already co-signed"):
        plans.cosign_version(version=signed, by=world.supervisor, at=at(START))


def test_a_client_signature_that_could_not_be_obtained_needs_a_reason(world: World, signed) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ActionError) as caught:
        plans.record_client_signature(
            version=signed,
            by=world.owner,
            name="Robin Synthetic",
            at=at(START),
            method=SignatureMethod.UNABLE,
            attestation="",
        )
    assert caught.value.field == "unable_reason"
    plans.record_client_signature(
        version=signed,
        by=world.owner,
        name="Robin Synthetic",
        at=at(date(2026, 9, 2)),
        method=SignatureMethod.UNABLE,
        attestation="",
        unable_reason="Telehealth; mailed copy twice.",
    )
    assert signed.signatures.count() == 2
