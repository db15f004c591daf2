"""(d)(13) multi-factor authentication: TOTP (django-otp) and single-use recovery codes,
required for administrators and, when the practice turns it on, for everyone."""

from __future__ import annotations

import re
import time

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.web.conftest import PASSWORD, World
from txplan.web.compliance import actions
from txplan.web.compliance.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _enforced(settings):  # type: ignore[no-untyped-def]
    settings.TXPLAN_MFA_ENFORCED = True


def login(username: str) -> HttpClient:
    http = HttpClient()
    response = http.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:300]
    return http


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the app shows now (or ``steps_ahead`` steps later: a code is accepted once)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def enroll(http: HttpClient, user) -> list[str]:  # type: ignore[no-untyped-def]
    http.post(reverse("mfa_setup"), {"op": "start"})
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page = http.post(reverse("mfa_setup"), {"token": code_for(device)})
    assert page.status_code == 200
    return list(page.context["codes"])


def test_an_administrator_must_set_up_a_second_factor_before_any_page(world: World) -> None:
    http = login("admin")
    response = http.get(reverse("caseload"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_setup"))
    assert http.get(reverse("audit_report")).status_code == 302
    assert http.get("/admin/").status_code == 302


def test_the_api_refuses_an_administrator_without_the_second_factor(world: World) -> None:
    http = login("admin")
    response = http.get(f"/api/v1/plans/{world.version.plan_id}/versions/1")
    assert response.status_code == 403


def test_a_clinician_is_not_asked_unless_the_practice_requires_it(world: World) -> None:
    assert login("owner").get(reverse("caseload")).status_code == 200
    actions.set_practice_mfa(practice=world.practice, by=world.admin, required=True)
    response = login("owner").get(reverse("caseload"))
    assert response.status_code == 302 and reverse("mfa_setup") in response["Location"]
    # Another practice is not affected.
    world.outsider.role = "clinician"
    world.outsider.is_staff = False
    world.outsider.save()
    assert login("outsider").get(reverse("caseload")).status_code == 200


def test_setup_with_a_wrong_code_names_the_field_and_keeps_the_key(world: World) -> None:
    http = login("admin")
    http.post(reverse("mfa_setup"), {"op": "start"})
    device = TOTPDevice.objects.get(user=world.admin)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    page = http.post(reverse("mfa_setup"), {"token": wrong})
    assert "Code: is not the code your app shows now" in page.content.decode()
    assert TOTPDevice.objects.get(pk=device.pk).confirmed is False


def test_setup_then_login_asks_for_the_code(world: World) -> None:
    http = login("admin")
    codes = enroll(http, world.admin)
    assert len(codes) == 10 and len(set(codes)) == 10
    # The session that set it up is verified.
    assert http.get(reverse("audit_report")).status_code == 200
    assert AuditEvent.objects.filter(action=Action.MFA_ENROLLED, username="admin").exists()

    again = login("admin")
    response = again.get(reverse("audit_report"))
    assert response["Location"].startswith(reverse("mfa_verify"))
    refused = again.post(reverse("mfa_verify"), {"token": "000000x"})
    assert "That code was not accepted" in refused.content.decode()
    device = TOTPDevice.objects.get(user=world.admin, confirmed=True)
    # A failure makes the device wait before the next try (django-otp throttling).
    assert device.throttling_failure_count == 1
    device.throttle_reset()
    ok = again.post(reverse("mfa_verify") + "?next=/audit/", {"token": code_for(device, 1)})
    assert ok.status_code == 302 and ok["Location"] == "/audit/"
    assert again.get(reverse("audit_report")).status_code == 200


def test_a_recovery_code_works_once(world: World) -> None:
    codes = enroll(login("admin"), world.admin)
    first = login("admin")
    assert first.post(reverse("mfa_verify"), {"token": codes[0]}).status_code == 302
    assert first.get(reverse("audit_report")).status_code == 200
    assert AuditEvent.objects.filter(action=Action.MFA_RECOVERY_USED).count() == 1
    second = login("admin")
    page = second.post(reverse("mfa_verify"), {"token": codes[0]})
    assert page.status_code == 200 and "not accepted" in page.content.decode()


def test_new_recovery_codes_replace_the_old_ones(world: World) -> None:
    http = login("admin")
    old = enroll(http, world.admin)
    page = http.post(reverse("mfa_recovery_codes"))
    new = list(page.context["codes"])
    assert set(new).isdisjoint(old)
    other = login("admin")
    assert "not accepted" in other.post(reverse("mfa_verify"), {"token": old[1]}).content.decode()


def test_the_next_address_cannot_send_the_user_off_site(world: World) -> None:
    codes = enroll(login("admin"), world.admin)
    http = login("admin")
    response = http.post(reverse("mfa_verify") + "?next=https://evil.example/", {"token": codes[2]})
    assert response["Location"] == reverse("caseload")


def test_an_administrator_resets_a_lost_second_factor(world: World) -> None:
    actions.set_practice_mfa(practice=world.practice, by=world.admin, required=True)
    enroll(login("owner"), world.owner)
    admin = login("admin")
    enroll(admin, world.admin)
    for user in (world.owner, world.supervisor, world.stranger):
        http = HttpClient()
        http.force_login(user)
        url = reverse("account_mfa_reset", args=[world.owner.pk])
        assert http.post(url).status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=world.owner).exists()
    response = admin.post(reverse("account_mfa_reset", args=[world.owner.pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=world.owner).exists()
    page = login("owner").get(reverse("caseload"))
    assert reverse("mfa_setup") in page["Location"]


def test_the_practice_setting_is_for_its_administrator_only(world: World) -> None:
    for user in (world.owner, world.supervisor, world.stranger):
        http = HttpClient()
        http.force_login(user)
        response = http.post(reverse("practice_security"), {"mfa_required": "on"})
        assert response.status_code in (302, 403), user.username
        if response.status_code == 302:  # the MFA gate, before the view
            assert reverse("mfa_setup") in response["Location"]
    world.practice.refresh_from_db()
    assert world.practice.mfa_required is False
    admin = login("admin")
    enroll(admin, world.admin)
    assert admin.post(reverse("practice_security"), {"mfa_required": "on"}).status_code == 302
    world.practice.refresh_from_db()
    assert world.practice.mfa_required is True
    assert AuditEvent.objects.filter(action=Action.PRACTICE_CHANGED).exists()


def test_the_setup_page_shows_the_key_in_groups(world: World) -> None:
    http = login("admin")
    page = http.post(reverse("mfa_setup"), {"op": "start"}).content.decode()
    assert re.search(r'<code id="totp-key">([A-Z2-7]{4} ){3,}', page)


def test_every_role_opens_their_own_account_page(world: World) -> None:
    for user in (world.owner, world.supervisor, world.stranger, world.admin, world.outsider):
        http = HttpClient()
        http.force_login(user)
        assert http.get(reverse("mfa_setup")).status_code == 200, user.username
    assert HttpClient().get(reverse("mfa_setup")).status_code == 302
