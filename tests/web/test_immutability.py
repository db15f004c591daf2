"""A signed version cannot be changed by any path, and a direct database edit is detected."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import START, World, at, sample_document
from tests.web.tamper import raw
from txplan.core.document import content_hash, to_data
from txplan.web.errors import EditConflict, VersionLocked
from txplan.web.plans import actions, integrity, triggers
from txplan.web.plans.models import PlanVersion, VersionSignature

pytestmark = pytest.mark.django_db


def changed_document() -> dict:
    data = to_data(sample_document())
    data["presenting_problem"] = "Edited after signing."
    return data


def test_action_refuses_to_save_a_signed_version(world: World, signed: PlanVersion) -> None:
    with pytest.raises(VersionLocked):
        actions.save_draft(
            version=signed, by=world.owner, document=changed_document(), lock=signed.lock
        )


def test_model_save_refuses_a_signed_version_even_if_status_is_changed_in_memory(
    signed: PlanVersion,
) -> None:
    signed.status = "draft"
    signed.document = changed_document()
    with pytest.raises(VersionLocked):
        signed.save()


def test_queryset_update_and_delete_refuse_signed_versions(signed: PlanVersion) -> None:
    with pytest.raises(VersionLocked):
        PlanVersion.objects.filter(pk=signed.pk).update(document=changed_document())
    with pytest.raises(VersionLocked):
        PlanVersion.objects.filter(pk=signed.pk).delete()
    with pytest.raises(VersionLocked):
        signed.delete()


def test_signatures_cannot_be_changed_or_deleted(signed: PlanVersion) -> None:
    signature = signed.signatures.get()
    signature.name = "Someone Else"
    with pytest.raises(VersionLocked):
        signature.save()
    with pytest.raises(VersionLocked):
        signature.delete()


def test_plans_versions_and_signatures_are_not_in_the_admin(
    world: World, signed: PlanVersion
) -> None:
    """Not even a superuser edits or deletes a version through the admin: clinical records
    are served only by the app's scoped pages (issue 13)."""
    from django.contrib import admin

    from txplan.web.accounts.models import User
    from txplan.web.plans.models import Plan

    for model in (Plan, PlanVersion, VersionSignature):
        assert not admin.site.is_registered(model), model
    superuser = User.objects.create_superuser("root", "", "another-synthetic-password")
    http = HttpClient()
    http.force_login(superuser)
    for path in (
        f"/admin/plans/planversion/{signed.pk}/change/",
        f"/admin/plans/planversion/{signed.pk}/delete/",
        f"/admin/plans/plan/{signed.plan_id}/delete/",
    ):
        response = http.post(path, {"document": json.dumps(changed_document()), "post": "yes"})
        assert response.status_code in (302, 404), path
    signed.refresh_from_db()
    assert signed.document["presenting_problem"] != "Edited after signing."
    assert PlanVersion.objects.filter(pk=signed.pk).exists()


def test_api_answers_409_to_a_change_of_a_signed_version(world: World, signed: PlanVersion) -> None:
    http = HttpClient()
    http.force_login(world.owner)
    url = f"/api/v1/plans/{signed.plan_id}/versions/1"
    response = http.put(
        url,
        json.dumps({"lock": signed.lock, "document": changed_document()}),
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "signed" in response.json()["detail"]
    signed.refresh_from_db()
    assert signed.document["presenting_problem"] != "Edited after signing."


def test_api_saves_a_draft_and_reports_field_paths_for_a_bad_document(world: World) -> None:
    http = HttpClient()
    http.force_login(world.owner)
    url = f"/api/v1/plans/{world.version.plan_id}/versions/1"
    good = http.put(
        url,
        json.dumps({"lock": 0, "document": changed_document()}),
        content_type="application/json",
    )
    assert good.status_code == 200 and good.json()["lock"] == 1
    bad_doc = changed_document()
    bad_doc["problems"][0]["goals"][0]["objectives"][0]["target_date"] = "next spring"
    bad = http.put(
        url, json.dumps({"lock": 1, "document": bad_doc}), content_type="application/json"
    )
    assert bad.status_code == 422
    assert "problems[0].goals[0].objectives[0].target_date: not a date" in bad.json()["errors"][0]


def test_a_direct_database_edit_of_a_signed_version_is_detected(signed: PlanVersion) -> None:
    assert integrity.check(signed) == []
    tampered = changed_document()
    raw(
        "UPDATE plans_planversion SET document = %s WHERE id = %s",
        [json.dumps(tampered), signed.pk],
    )
    signed.refresh_from_db()
    assert "the stored document does not match its content hash" in integrity.check(signed)


def test_recomputing_the_hash_after_a_direct_edit_is_still_detected_by_the_seal(
    signed: PlanVersion,
) -> None:
    tampered = changed_document()
    new_hash = content_hash(
        sample_document().model_copy(update={"presenting_problem": "Edited after signing."})
    )
    raw(
        "UPDATE plans_planversion SET document = %s, content_hash = %s WHERE id = %s",
        [json.dumps(tampered), new_hash, signed.pk],
    )
    signed.refresh_from_db()
    problems = integrity.check(signed)
    assert any("seal" in p for p in problems)
    assert any("different content" in p for p in problems)


def test_the_plan_page_warns_when_integrity_fails(world: World, signed: PlanVersion) -> None:
    raw("UPDATE plans_planversion SET content_hash = %s WHERE id = %s", ["0" * 64, signed.pk])
    http = HttpClient()
    http.force_login(world.owner)
    page = http.get(reverse("plan", args=[signed.plan_id])).content.decode()
    assert "Integrity check failed" in page


def test_amending_a_signed_version_makes_a_new_draft_that_keeps_element_ids(
    world: World,
    signed: PlanVersion,
) -> None:
    draft = actions.amend_version(version=signed, by=world.owner, note="New concern")
    assert (draft.number, draft.status, draft.parent_id) == (2, "draft", signed.pk)
    assert draft.document["problems"][0]["goals"][0]["objectives"][0]["id"] == "obj-a"
    assert draft.document["signatures"] == []
    saved = actions.save_draft(
        version=draft, by=world.owner, document=changed_document(), lock=draft.lock
    )
    assert saved.document["presenting_problem"] == "Edited after signing."
    signed.refresh_from_db()
    assert signed.document["presenting_problem"] != "Edited after signing."


def test_a_second_open_draft_is_refused(world: World, signed: PlanVersion) -> None:
    actions.amend_version(version=signed, by=world.owner, note="First change")
    with pytest.raises(actions.ActionError, match="already an open draft"):
        actions.amend_version(version=signed, by=world.owner, note="Second change")


def test_saving_with_a_stale_lock_is_a_conflict_that_keeps_both_texts(world: World) -> None:
    first = actions.save_draft(
        version=world.version, by=world.owner, document=changed_document(), lock=0
    )
    assert first.lock == 1
    mine = to_data(sample_document())
    mine["presenting_problem"] = "My edit from an old page."
    with pytest.raises(EditConflict) as caught:
        actions.save_draft(version=world.version, by=world.owner, document=mine, lock=0)
    assert caught.value.theirs["presenting_problem"] == "Edited after signing."
    assert caught.value.yours["presenting_problem"] == "My edit from an old page."
    world.version.refresh_from_db()
    assert world.version.document["presenting_problem"] == "Edited after signing."


def test_signing_twice_is_refused(world: World, signed: PlanVersion) -> None:
    with pytest.raises(VersionLocked):
        actions.sign_version(version=signed, by=world.owner, at=at(START))
    assert VersionSignature.objects.filter(version=signed).count() == 1


def test_seals_made_before_a_key_rotation_still_verify_with_the_old_key_as_fallback(
    signed: PlanVersion,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    old = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-synthetic-secret-key-for-rotation-tests-0123456789"
    settings.SECRET_KEY_FALLBACKS = []
    assert any("seal" in p for p in integrity.check(signed))
    settings.SECRET_KEY_FALLBACKS = [old]
    assert integrity.check(signed) == []


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE plans_planversion SET status = 'draft' WHERE id = {version}",
        "UPDATE plans_planversion SET override_reason = 'x' WHERE id = {version}",
        "DELETE FROM plans_planversion WHERE id = {version}",
        "UPDATE plans_versionsignature SET attestation = 'x' WHERE version_id = {version}",
        "DELETE FROM plans_versionsignature WHERE version_id = {version}",
        "UPDATE plans_plan SET client_id = {other} WHERE id = {plan}",
    ],
)
def test_database_triggers_refuse_changes_to_signed_rows(
    world: World, signed: PlanVersion, sql: str
) -> None:
    """On SQLite and PostgreSQL alike, the database itself refuses (migration 0005)."""
    from django.db import IntegrityError, InternalError, transaction

    from txplan.web.clients import actions as clients

    other = clients.create_client(
        practice=world.practice, clinician=world.owner, first_name="Sam", last_name="Other"
    )
    triggers.forbid_flush(connection)  # a flush allowance left by an earlier test
    statement = sql.format(version=signed.pk, plan=signed.plan_id, other=other.pk)
    with (
        pytest.raises((IntegrityError, InternalError)) as caught,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert "txplan:" in str(caught.value)
    fresh = PlanVersion.objects.get(pk=signed.pk)
    assert fresh.status == "signed" and fresh.plan.client_id == world.client.pk
    assert fresh.signatures.count() == 1


def test_triggers_let_drafts_change(world: World) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE plans_planversion SET change_note = 'ok' WHERE id = %s", [world.version.pk]
        )
    assert PlanVersion.objects.get(pk=world.version.pk).change_note == "ok"
