"""(d)(2)/(d)(3) audit log and report, (d)(10) tamper evidence."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import PASSWORD, World
from txplan.web.accounts.models import Role
from txplan.web.compliance import actions
from txplan.web.compliance.chain import verify_chain
from txplan.web.compliance.models import Action, AuditEvent, ChainHead

pytestmark = pytest.mark.django_db


def as_user(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    return http


def events(action: str, **filters: object) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action, **filters).order_by("id"))


# --- what is recorded -------------------------------------------------------------------


def test_failed_logins_are_recorded_and_kept_after_a_successful_login(world: World) -> None:
    http = HttpClient()
    for _ in range(2):
        http.post(reverse("login"), {"username": "owner", "password": "wrong-password-x"})
    assert len(events(Action.LOGIN_FAILED, username="owner")) == 2
    response = http.post(reverse("login"), {"username": "owner", "password": PASSWORD})
    assert response.status_code == 302
    # django-axes resets its counter on success; the audit trail keeps every failure.
    assert len(events(Action.LOGIN_FAILED, username="owner")) == 2
    assert len(events(Action.LOGIN, username="owner")) == 1
    failed = events(Action.LOGIN_FAILED)[0]
    assert failed.practice_id_at == world.practice.pk


def test_a_failed_login_for_an_unknown_name_is_recorded_too(world: World) -> None:
    HttpClient().post(reverse("login"), {"username": "nobody-here", "password": "x" * 12})
    assert len(events(Action.LOGIN_FAILED, username="nobody-here")) == 1


def test_role_and_user_changes_are_recorded(world: World) -> None:
    world.stranger.role = Role.SUPERVISOR
    world.stranger.save()
    changed = events(Action.USER_CHANGED, object_id=str(world.stranger.pk))
    assert changed and "role: clinician → supervisor" in changed[-1].detail
    world.stranger.is_active = False
    world.stranger.save()
    assert "is_active: True → False" in events(Action.USER_CHANGED)[-1].detail


def test_saving_a_user_without_a_change_records_nothing(world: World) -> None:
    before = AuditEvent.objects.filter(action=Action.USER_CHANGED).count()
    world.owner.save()
    assert AuditEvent.objects.filter(action=Action.USER_CHANGED).count() == before


def test_admin_pages_viewed_and_changes_made_are_recorded(world: World) -> None:
    http = as_user(world.admin)
    http.get("/admin/")
    http.get(f"/admin/accounts/user/{world.owner.pk}/change/?q=Robin")
    viewed = events(Action.ADMIN_VIEW, username="admin")
    assert len(viewed) >= 2
    # The path is kept, never the query string (a search may name a client).
    assert all("Robin" not in e.detail for e in viewed)
    http.post("/admin/logout/")
    assert events(Action.ADMIN_EDIT, username="admin")


def test_every_phi_view_is_recorded_with_its_client(world: World) -> None:
    as_user(world.owner).get(reverse("client", args=[world.client.pk]))
    as_user(world.supervisor).get(reverse("plan", args=[world.version.plan_id]))
    views = events(Action.PHI_VIEW)
    assert {(e.username, e.client_id_at) for e in views} >= {
        ("owner", world.client.pk),
        ("sup", world.client.pk),
    }


def test_an_export_is_recorded(world: World) -> None:
    as_user(world.owner).get(reverse("plan_version_json", args=[world.version.plan_id, 1]))
    exported = events(Action.EXPORT, username="owner")
    assert exported and exported[0].client_id_at == world.client.pk


def test_a_wrong_signing_password_is_recorded(world: World) -> None:
    http = as_user(world.owner)
    url = reverse("plan_sign", args=[world.version.plan_id, 1])
    http.post(url, {"password": "not-my-password", "attestation": "on"})
    refused = events(Action.SIGN_WRONG_PASSWORD, username="owner")
    assert len(refused) == 1
    assert refused[0].object_id == str(world.version.pk)


# --- the chain --------------------------------------------------------------------------


def test_an_untouched_trail_verifies(world: World) -> None:
    as_user(world.owner).get(reverse("client", args=[world.client.pk]))
    assert AuditEvent.objects.count() > 3
    assert verify_chain() == []


def test_editing_an_entry_in_the_database_is_found(world: World) -> None:
    as_user(world.owner).get(reverse("client", args=[world.client.pk]))
    entry = AuditEvent.objects.filter(action=Action.PHI_VIEW).first()
    assert entry is not None
    AuditEvent.objects.filter(pk=entry.pk).update(username="someone-else")
    problems = verify_chain()
    assert any(f"audit entry {entry.pk}" in p and "changed" in p for p in problems)


def test_deleting_an_entry_is_found(world: World) -> None:
    as_user(world.owner).get(reverse("client", args=[world.client.pk]))
    middle = AuditEvent.objects.order_by("id")[1]
    AuditEvent.objects.filter(pk=middle.pk).delete()
    problems = verify_chain()
    assert any("does not follow" in p for p in problems)
    assert any("remain" in p for p in problems)


def test_cutting_the_last_entries_off_is_found(world: World) -> None:
    actions.record(Action.LOGIN, user=world.owner)
    AuditEvent.objects.order_by("-id").first().delete()  # type: ignore[union-attr]
    assert any("remain" in p for p in verify_chain())


def test_rewriting_an_entry_and_its_hash_without_the_key_is_found(world: World) -> None:
    import hashlib

    entry = actions.record(Action.LOGIN, user=world.owner)
    forged = hashlib.sha256(b"forged").hexdigest()
    AuditEvent.objects.filter(pk=entry.pk).update(action=Action.LOGOUT, entry_hash=forged)
    ChainHead.objects.filter(pk=1).update(last_hash=forged)
    assert any(f"audit entry {entry.pk}" in p for p in verify_chain())


def test_the_trail_survives_a_dump_and_load(world: World) -> None:
    from django.core import serializers

    as_user(world.owner).get(reverse("client", args=[world.client.pk]))
    data = serializers.serialize("json", [*AuditEvent.objects.all(), *ChainHead.objects.all()])
    AuditEvent.objects.all().delete()
    for obj in serializers.deserialize("json", data):
        obj.save()
    assert verify_chain() == []


# --- the report -------------------------------------------------------------------------


def test_only_the_practice_administrator_opens_the_report(world: World) -> None:
    url = reverse("audit_report")
    for user in (world.owner, world.supervisor, world.stranger):
        assert as_user(user).get(url).status_code == 403, user.username
        assert as_user(user).get(url + "?format=csv").status_code == 403, user.username
    assert as_user(world.admin).get(url).status_code == 200
    assert HttpClient().get(url).status_code == 302


def test_another_practice_administrator_sees_none_of_this_practice(world: World) -> None:
    as_user(world.owner).get(reverse("client", args=[world.client.pk]))
    page = as_user(world.outsider).get(reverse("audit_report")).content.decode()
    assert "Synthetic, Robin" not in page
    assert ">owner<" not in page


def test_the_report_filters_by_user_client_action_and_date(world: World) -> None:
    as_user(world.owner).get(reverse("client", args=[world.client.pk]))
    as_user(world.supervisor).get(reverse("client", args=[world.client.pk]))
    http = as_user(world.admin)
    page = http.get(reverse("audit_report"), {"user": "sup", "client": "T-1", "action": "phi_view"})
    assert page.status_code == 200
    rows = page.context["rows"]
    assert rows and all(e.username == "sup" and e.action == "phi_view" for e in rows)
    assert all(e.client_id_at == world.client.pk for e in rows)
    none = http.get(reverse("audit_report"), {"date_from": "2001-01-01", "date_to": "2001-01-02"})
    assert list(none.context["rows"]) == []


def test_a_bad_date_range_names_the_field(world: World) -> None:
    page = as_user(world.admin).get(
        reverse("audit_report"), {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    )
    assert page.status_code == 400
    assert "To: must not be before the From date" in page.content.decode()


def test_the_report_downloads_as_csv_and_the_download_is_recorded(world: World) -> None:
    as_user(world.owner).get(reverse("client", args=[world.client.pk]))
    response = as_user(world.admin).get(
        reverse("audit_report"), {"action": "phi_view", "format": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["id", "time", "user", "action"]
    assert len(rows) > 1 and all(r[3] == "phi_view" for r in rows[1:])
    assert events(Action.AUDIT_REPORT, username="admin")
