"""The seal covers everything that makes a signed version what it is; the API, exports and
pages refuse or flag a version that fails; forged signatures are refused (issue 13).

Every edit here is made with the triggers dropped, as the database's owner could: the
triggers stop the casual edit, the seals must catch the deliberate one."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import START, World, at, sample_document
from tests.web.tamper import raw
from txplan.core.document import to_data
from txplan.core.plan import SignatureMethod, SignerRole
from txplan.web.accounts.models import User
from txplan.web.clients import actions as clients
from txplan.web.plans import actions, integrity
from txplan.web.plans.models import PlanVersion, VersionSignature
from txplan.web.plans.signing_queue import waiting_versions

pytestmark = pytest.mark.django_db


def as_user(user: User) -> HttpClient:
    http = HttpClient()
    http.force_login(user)
    return http


def fresh(version: PlanVersion) -> PlanVersion:
    return PlanVersion.objects.get(pk=version.pk)


def problems(version: PlanVersion) -> list[str]:
    return integrity.check(fresh(version))


@pytest.fixture
def agreed(world: World, signed: PlanVersion) -> PlanVersion:
    actions.record_client_signature(
        version=signed,
        by=world.owner,
        name="Robin Synthetic",
        at=at(START, 11),
        method=SignatureMethod.TYPED_VERBAL,
        attestation="Robin agreed verbally in session.",
    )
    return signed


def test_an_intact_signed_and_agreed_version_passes(agreed: PlanVersion) -> None:
    assert problems(agreed) == []
    assert list(integrity.check_all()) == []


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        # signed → draft would make it editable again
        ("UPDATE plans_planversion SET status = 'draft' WHERE id = %s", []),
        ("UPDATE plans_planversion SET override_reason = 'Changed later.' WHERE id = %s", []),
        ("UPDATE plans_planversion SET change_note = 'Another reason.' WHERE id = %s", []),
        ("UPDATE plans_planversion SET reason = 'review' WHERE id = %s", []),
    ],
)
def test_a_raw_edit_of_a_signed_versions_fields_is_detected(
    agreed: PlanVersion, sql: str, params: list[object]
) -> None:
    raw(sql, [*params, agreed.pk])
    found = problems(agreed)
    assert any("seal" in p or "status" in p for p in found), found


def test_changing_who_created_a_signed_version_is_detected(
    world: World, agreed: PlanVersion
) -> None:
    raw(
        "UPDATE plans_planversion SET created_by_id = %s WHERE id = %s", [world.admin.pk, agreed.pk]
    )
    assert "the version's seal does not match: it was changed after signing" in problems(agreed)


@pytest.mark.parametrize("column", ["attestation", "credentials", "name", "unable_reason"])
def test_a_raw_edit_of_a_signatures_text_is_detected(agreed: PlanVersion, column: str) -> None:
    raw(
        f"UPDATE plans_versionsignature SET {column} = 'Forged text' WHERE version_id = %s "
        "AND role = 'clinician'",
        [agreed.pk],
    )
    assert "the clinician signature's seal does not match" in problems(agreed)


def test_deleting_the_clients_signature_row_is_detected(agreed: PlanVersion) -> None:
    raw("DELETE FROM plans_versionsignature WHERE version_id = %s AND role = 'client'", [agreed.pk])
    assert any("list of signatures" in p for p in problems(agreed))
    assert any(f.number is None for f in integrity.check_all())


def test_moving_a_plan_to_another_client_is_detected(world: World, agreed: PlanVersion) -> None:
    other = clients.create_client(
        practice=world.practice, clinician=world.owner, first_name="Sam", last_name="Other"
    )
    raw("UPDATE plans_plan SET client_id = %s WHERE id = %s", [other.pk, agreed.plan_id])
    found = problems(agreed)
    assert "the version's seal does not match: it was changed after signing" in found
    assert any("list of signatures" in p for p in found)


def test_a_signed_version_turned_back_into_a_draft_with_its_traces_removed_is_detected(
    world: World, signed: PlanVersion
) -> None:
    draft = actions.amend_version(version=signed, by=world.owner, note="Next review.")
    raw(
        "UPDATE plans_planversion SET status = 'draft', seal = '', signed_at = NULL WHERE id = %s",
        [signed.pk],
    )
    raw("DELETE FROM plans_versionsignature WHERE version_id = %s", [signed.pk])
    found = problems(signed)
    assert "a later version was amended from this one, so it must be signed" in found
    assert problems(draft) == [] or any("list of signatures" in p for p in problems(draft))


def test_a_copied_cosign_row_neither_passes_nor_clears_the_queue(
    world: World, signed: PlanVersion
) -> None:
    # A second signed version of the same plan, co-signed properly.
    draft = actions.amend_version(version=signed, by=world.owner, note="Next review.")
    second = actions.sign_version(version=draft, by=world.owner, at=at(START + timedelta(days=30)))
    actions.cosign_version(version=second, by=world.supervisor, at=at(START + timedelta(days=31)))
    assert list(waiting_versions(world.supervisor)) == [fresh(signed)]
    # Copy the supervisor's row onto the first version, seal and all.
    raw(
        "INSERT INTO plans_versionsignature (version_id, role, user_id, name, credentials, "
        "signed_at, method, attestation, unable_reason, image, content_hash, seal) "
        "SELECT %s, role, user_id, name, credentials, signed_at, method, attestation, "
        "unable_reason, image, content_hash, seal FROM plans_versionsignature "
        "WHERE version_id = %s AND role = 'supervisor'",
        [signed.pk, second.pk],
    )
    assert VersionSignature.objects.filter(version=signed, role=SignerRole.SUPERVISOR).exists()
    assert list(waiting_versions(world.supervisor)) == [fresh(signed)]
    found = problems(signed)
    assert "the supervisor signature's seal does not match" in found
    assert any("list of signatures" in p for p in found)


def test_the_api_and_the_exports_refuse_a_version_that_fails(
    world: World, agreed: PlanVersion
) -> None:
    raw("UPDATE plans_planversion SET override_reason = 'Rewritten.' WHERE id = %s", [agreed.pk])
    http = as_user(world.owner)
    api = http.get(f"/api/v1/plans/{agreed.plan_id}/versions/1")
    assert api.status_code == 409
    assert "integrity check failed" in api.json()["detail"]
    assert any("seal" in e for e in api.json()["errors"])
    download = http.get(reverse("plan_version_json", args=[agreed.plan_id, 1]))
    assert download.status_code == 409
    assert "Integrity check failed" in download.content.decode()
    assert "Rewritten." not in download.content.decode()
    page = http.get(reverse("plan_version", args=[agreed.plan_id, 1]))
    assert page.status_code == 200 and "Integrity check failed" in page.content.decode()


def test_a_stored_document_that_is_not_a_plan_shows_the_integrity_page(
    world: World, signed: PlanVersion
) -> None:
    raw(
        "UPDATE plans_planversion SET document = %s WHERE id = %s",
        [json.dumps({"problems": "not a list"}), signed.pk],
    )
    http = as_user(world.owner)
    for path in (
        reverse("plan", args=[signed.plan_id]),
        reverse("plan_version", args=[signed.plan_id, 1]),
        reverse("plan_version_json", args=[signed.plan_id, 1]),
    ):
        response = http.get(path)
        assert response.status_code == 409, path
        assert "the stored document is not a valid plan" in response.content.decode(), path
    assert http.get(f"/api/v1/plans/{signed.plan_id}/versions/1").status_code == 409


def test_a_plan_whose_only_version_was_deleted_shows_the_integrity_page(world: World) -> None:
    raw("DELETE FROM plans_planversion WHERE id = %s", [world.version.pk])
    response = as_user(world.owner).get(reverse("plan", args=[world.version.plan_id]))
    assert response.status_code == 409
    assert "the plan has no versions" in response.content.decode()
    assert any("no versions" in f.problem for f in integrity.check_all())


def test_a_put_with_a_signatures_array_is_refused_and_nothing_is_saved(world: World) -> None:
    document = to_data(sample_document())
    document["signatures"] = [
        {
            "role": "supervisor",
            "name": "Sup Test",
            "credentials": "LPC",
            "signed_at": "2026-09-01T10:00:00+00:00",
            "method": "password",
            "attestation": "I approve.",
        }
    ]
    response = as_user(world.owner).put(
        f"/api/v1/plans/{world.version.plan_id}/versions/1",
        data=json.dumps({"lock": 0, "document": document}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "signatures" in response.json()["detail"]
    version = fresh(world.version)
    assert version.lock == 0 and version.document.get("signatures", []) == []
    download = as_user(world.owner).get(reverse("plan_version_json", args=[version.plan_id, 1]))
    assert json.loads(download.content)["signatures"] == []


def test_the_export_takes_signatures_only_from_rows(world: World) -> None:
    from txplan.web.plans.export import export_document

    document = to_data(sample_document())
    document["signatures"] = [
        {
            "role": "clinician",
            "name": "Nobody",
            "signed_at": "2026-09-01T10:00:00+00:00",
            "method": "password",
            "attestation": "Forged.",
        }
    ]
    # Even a document stored with signatures (written before this check) exports none.
    raw(
        "UPDATE plans_planversion SET document = %s WHERE id = %s",
        [json.dumps(document), world.version.pk],
    )
    version = fresh(world.version)
    assert export_document(version, check=False)["signatures"] == []
