"""Signing in the browser: the clinician's password signature (with an override reason when
the audit finds errors), the supervisor's co-signature and the co-signature queue.

Every view is tried as the owning clinician, the supervisor, an unrelated clinician and an
anonymous visitor; every POST also without a CSRF token. The views stamp signatures with the
real clock, so the documents here carry dates relative to today (tests/web/signing_helpers.py).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import PASSWORD, World
from tests.web.signing_helpers import (
    dated_document,
    fresh,
    http_as,
    redate,
    sign_post,
    text,
    url,
)
from txplan.core.document import parse_plan
from txplan.core.plan import SignatureMethod, SignerRole
from txplan.web.accounts import actions as accounts
from txplan.web.accounts.models import Role, User
from txplan.web.clients import actions as clients
from txplan.web.errors import ActionError, VersionLocked
from txplan.web.plans import actions as plans
from txplan.web.plans import integrity
from txplan.web.plans.models import PlanVersion
from txplan.web.plans.sign_forms import WRONG_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def clean_draft(world: World) -> PlanVersion:
    """A draft the audit finds no errors in today."""
    return redate(world.version, 56)


@pytest.fixture
def faulty_draft(world: World) -> PlanVersion:
    """A draft whose objective's target date has passed: an audit error."""
    return redate(world.version, -1)


# --- the clinician signs -------------------------------------------------------------------


def test_the_treating_clinician_signs_a_clean_draft_with_their_password(
    world: World, clean_draft: PlanVersion
) -> None:
    response = http_as(world.owner).post(url("plan_sign", clean_draft), sign_post())
    assert response.status_code == 302
    version = fresh(clean_draft)
    assert version.is_signed and version.override_reason == ""
    clinician = version.signatures.get(role=SignerRole.CLINICIAN)
    assert clinician.method == SignatureMethod.PASSWORD and clinician.user == world.owner
    assert integrity.check(version) == []


def test_the_supervisor_cannot_sign_the_associates_plan(
    world: World, clean_draft: PlanVersion
) -> None:
    response = http_as(world.supervisor).post(url("plan_sign", clean_draft), sign_post())
    assert response.status_code == 403
    assert "only the client's treating clinician signs" in text(response)
    assert not fresh(clean_draft).is_signed


def test_an_unrelated_clinician_gets_404_when_signing(
    world: World, clean_draft: PlanVersion
) -> None:
    response = http_as(world.stranger).post(url("plan_sign", clean_draft), sign_post())
    assert response.status_code == 404
    assert not fresh(clean_draft).is_signed


def test_an_anonymous_visitor_signing_is_sent_to_login(
    world: World, clean_draft: PlanVersion
) -> None:
    response = http_as(None).post(url("plan_sign", clean_draft), sign_post())
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not fresh(clean_draft).is_signed


def test_signing_requires_a_csrf_token(world: World, clean_draft: PlanVersion) -> None:
    response = http_as(world.owner, csrf=True).post(url("plan_sign", clean_draft), sign_post())
    assert response.status_code == 403
    assert not fresh(clean_draft).is_signed


def test_a_wrong_password_is_refused_and_nothing_changes(
    world: World, clean_draft: PlanVersion
) -> None:
    before = fresh(clean_draft)
    response = http_as(world.owner).post(
        url("plan_sign", clean_draft), sign_post(password="not-my-password")
    )
    assert response.status_code == 200
    assert WRONG_PASSWORD in text(response)
    after = fresh(clean_draft)
    assert not after.is_signed and after.signatures.count() == 0
    assert (after.lock, after.content_hash, after.seal) == (before.lock, before.content_hash, "")


def test_repeated_wrong_passwords_end_the_session(world: World, clean_draft: PlanVersion) -> None:
    http = http_as(world.owner)
    responses = [
        http.post(url("plan_sign", clean_draft), sign_post(password=f"guess-{n}")) for n in range(5)
    ]
    assert [r.status_code for r in responses[:4]] == [200] * 4
    assert responses[4].status_code == 302
    assert responses[4]["Location"].startswith(reverse("login"))
    assert http.get(url("plan_version", clean_draft)).status_code == 302  # logged out
    assert not fresh(clean_draft).is_signed


def test_the_attestation_must_be_ticked(world: World, clean_draft: PlanVersion) -> None:
    response = http_as(world.owner).post(url("plan_sign", clean_draft), {"password": PASSWORD})
    assert response.status_code == 200 and "This field is required" in text(response)
    assert not fresh(clean_draft).is_signed


def test_signing_with_audit_errors_needs_an_override_reason(
    world: World, faulty_draft: PlanVersion
) -> None:
    http = http_as(world.owner)
    refused = http.post(url("plan_sign", faulty_draft), sign_post())
    assert refused.status_code == 200
    assert "OBJ_TARGET_PAST" in text(refused)
    assert not fresh(faulty_draft).is_signed
    reason = "Target date agreed with the client in session; to be reset at the next visit."
    signed = http.post(url("plan_sign", faulty_draft), sign_post(override_reason=reason))
    assert signed.status_code == 302
    version = fresh(faulty_draft)
    assert version.is_signed and version.override_reason == reason
    page = text(http.get(url("plan_version", version)))
    assert "Signed with audit findings outstanding" in page and reason in page


def test_a_placeholder_only_warned_about_in_the_draft_still_needs_an_override(
    world: World, clean_draft: PlanVersion
) -> None:
    # The draft audit calls a placeholder a warning; once signed it is an error, and signing
    # is judged by the plan it produces.
    data = dated_document(56)
    data["presenting_problem"] = "Worry at work. [Clinician to complete: onset and triggers]"
    draft = plans.save_draft(
        version=clean_draft, by=world.owner, document=data, lock=clean_draft.lock
    )
    http = http_as(world.owner)
    page = text(http.get(url("plan_version", draft)))
    assert 'name="override_reason"' in page and "PLAN_PLACEHOLDER" in page
    refused = http.post(url("plan_sign", draft), sign_post())
    assert refused.status_code == 200 and not fresh(draft).is_signed
    reason = "Onset to be confirmed with the family; plan needed for authorization today."
    http.post(url("plan_sign", draft), sign_post(override_reason=reason))
    assert fresh(draft).override_reason == reason


def test_the_sign_card_offers_the_override_field_only_when_the_audit_finds_errors(
    world: World, clean_draft: PlanVersion
) -> None:
    http = http_as(world.owner)
    clean_page = text(http.get(url("plan_version", clean_draft)))
    assert 'action="' + url("plan_sign", clean_draft) in clean_page
    assert 'name="override_reason"' not in clean_page
    redate(fresh(clean_draft), -1)
    faulty_page = text(http.get(url("plan_version", clean_draft)))
    assert 'name="override_reason"' in faulty_page


def test_an_override_reason_is_not_stored_when_there_is_nothing_to_override(
    world: World, clean_draft: PlanVersion
) -> None:
    http_as(world.owner).post(
        url("plan_sign", clean_draft), sign_post(override_reason="just in case")
    )
    version = fresh(clean_draft)
    assert version.is_signed and version.override_reason == ""


def test_missing_signatures_do_not_block_signing(world: World, clean_draft: PlanVersion) -> None:
    errors = plans.blocking_errors(clean_draft, timezone.localdate())
    assert errors == []


def test_the_signed_version_is_locked_afterwards(world: World, clean_draft: PlanVersion) -> None:
    http = http_as(world.owner)
    http.post(url("plan_sign", clean_draft), sign_post())
    version = fresh(clean_draft)
    with pytest.raises(VersionLocked):
        plans.save_draft(
            version=version, by=world.owner, document=dated_document(30), lock=version.lock
        )
    again = http.post(url("plan_sign", version), sign_post())
    assert again.status_code == 409
    assert version.signatures.filter(role=SignerRole.CLINICIAN).count() == 1
    page = text(http.get(url("plan_version", version)))
    assert "locked" in page and 'action="' + url("plan_sign", version) not in page


def test_only_the_treating_clinician_sees_the_sign_card(
    world: World, clean_draft: PlanVersion
) -> None:
    form_action = 'action="' + url("plan_sign", clean_draft)
    assert form_action in text(http_as(world.owner).get(url("plan_version", clean_draft)))
    supervisor_page = http_as(world.supervisor).get(url("plan_version", clean_draft))
    assert form_action not in text(supervisor_page)


# --- the supervisor co-signs ---------------------------------------------------------------


def supervisor_signatures(version: PlanVersion) -> int:
    return version.signatures.filter(role=SignerRole.SUPERVISOR).count()


def test_the_supervisor_cosigns_with_their_password(world: World, signed: PlanVersion) -> None:
    http = http_as(world.supervisor)
    page = text(http.get(url("plan_version", signed)))
    assert 'action="' + url("plan_cosign", signed) in page
    response = http.post(url("plan_cosign", signed), sign_post())
    assert response.status_code == 302 and response["Location"] == reverse("cosign_queue")
    cosignature = signed.signatures.get(role=SignerRole.SUPERVISOR)
    assert cosignature.user == world.supervisor
    assert integrity.check(fresh(signed)) == []


def test_the_supervisors_wrong_password_is_refused(world: World, signed: PlanVersion) -> None:
    response = http_as(world.supervisor).post(
        url("plan_cosign", signed), sign_post(password="not-my-password")
    )
    assert response.status_code == 200
    assert supervisor_signatures(signed) == 0


def test_the_associate_cannot_cosign_their_own_plan(world: World, signed: PlanVersion) -> None:
    response = http_as(world.owner).post(url("plan_cosign", signed), sign_post())
    assert response.status_code == 403
    assert supervisor_signatures(signed) == 0
    page = text(http_as(world.owner).get(url("plan_version", signed)))
    assert 'action="' + url("plan_cosign", signed) not in page


def test_an_unrelated_clinician_gets_404_cosigning(world: World, signed: PlanVersion) -> None:
    assert http_as(world.stranger).post(url("plan_cosign", signed), sign_post()).status_code == 404
    assert supervisor_signatures(signed) == 0


def test_an_anonymous_visitor_cosigning_is_sent_to_login(world: World, signed: PlanVersion) -> None:
    response = http_as(None).post(url("plan_cosign", signed), sign_post())
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert supervisor_signatures(signed) == 0


def test_cosigning_requires_a_csrf_token(world: World, signed: PlanVersion) -> None:
    response = http_as(world.supervisor, csrf=True).post(url("plan_cosign", signed), sign_post())
    assert response.status_code == 403
    assert supervisor_signatures(signed) == 0


def test_a_draft_cannot_be_cosigned(world: World, clean_draft: PlanVersion) -> None:
    response = http_as(world.supervisor).post(url("plan_cosign", clean_draft), sign_post())
    assert response.status_code == 200
    assert "the treating clinician must sign first" in text(response)
    assert supervisor_signatures(clean_draft) == 0


# --- the co-signature queue ----------------------------------------------------------------


@pytest.fixture
def signed_today(world: World, clean_draft: PlanVersion) -> PlanVersion:
    """Signed an hour ago: the queue's audit, run as of today, finds nothing but signatures."""
    return plans.sign_version(
        version=clean_draft, by=world.owner, at=timezone.now() - timedelta(hours=1)
    )


def test_the_queue_lists_exactly_the_versions_waiting_for_this_supervisor(
    world: World, signed_today: PlanVersion
) -> None:
    def clinician(name: str, supervisor: User | None) -> User:
        return accounts.create_user(
            practice=world.practice,
            username=name,
            password=PASSWORD,
            role=Role.CLINICIAN,
            first_name=name.title(),
            last_name="Test",
            credentials="LPC",
            supervisor=supervisor,
        )

    def plan_for(who: User, last: str, hours_ago: int | None) -> PlanVersion:
        client = clients.create_client(
            practice=world.practice, clinician=who, first_name="Alex", last_name=last
        )
        version = plans.create_plan(client=client, by=who, document=dated_document(56))
        if hours_ago is not None:
            moment = timezone.now() - timedelta(hours=hours_ago)
            version = plans.sign_version(version=version, by=who, at=moment)
        return version

    second = clinician("assoc2", world.supervisor)
    earlier = plan_for(second, "Earlier", 2)  # signed before the owner's version
    cosigned = plan_for(world.owner, "Cosigned", 3)
    plans.cosign_version(version=cosigned, by=world.supervisor, at=timezone.now())
    plan_for(world.owner, "Draft", None)
    plan_for(world.stranger, "Unsupervised", 4)  # the stranger has no supervisor

    http = http_as(world.supervisor)
    response = http.get(reverse("cosign_queue"))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row.version.pk for row in rows] == [earlier.pk, signed_today.pk]
    # The client has not agreed yet: co-signing alone will not make these plans complete.
    assert [row.outstanding for row in rows] == [("SIG_MISSING_CLIENT",)] * 2
    page = text(response)
    assert "Co-sign queue (2)" in page
    assert url("plan_version", signed_today) in page and url("plan_version", earlier) in page
    http.post(url("plan_cosign", signed_today), sign_post())
    after = http.get(reverse("cosign_queue"))
    assert [row.version.pk for row in after.context["rows"]] == [earlier.pk]
    assert "Co-sign queue (1)" in text(after)


def test_a_version_whose_client_agreed_is_ready_once_cosigned(
    world: World, signed_today: PlanVersion
) -> None:
    plans.record_client_signature(
        version=signed_today,
        by=world.owner,
        name="Robin Synthetic",
        at=timezone.now(),
        method=SignatureMethod.TYPED_VERBAL,
        attestation="Client agreed verbally.",
    )
    [row] = http_as(world.supervisor).get(reverse("cosign_queue")).context["rows"]
    assert row.version.pk == signed_today.pk and row.ready_once_cosigned
    page = text(http_as(world.supervisor).get(reverse("cosign_queue")))
    assert "Ready once co-signed" in page


def test_only_supervisors_have_a_queue(world: World, signed: PlanVersion) -> None:
    for user in (world.owner, world.stranger, world.admin):
        assert http_as(user).get(reverse("cosign_queue")).status_code == 404, user.username
        page = text(http_as(user).get(reverse("caseload")))
        assert "Co-sign queue" not in page, user.username


def test_an_anonymous_visitor_asking_for_the_queue_is_sent_to_login(world: World) -> None:
    response = http_as(None).get(reverse("cosign_queue"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_action_refuses_to_sign_over_audit_errors_without_a_reason(
    world: World, faulty_draft: PlanVersion
) -> None:
    with pytest.raises(ActionError) as caught:
        plans.sign_version(version=faulty_draft, by=world.owner, at=timezone.now())
    assert caught.value.field == "override_reason" and "OBJ_TARGET_PAST" in caught.value.message
    assert not fresh(faulty_draft).is_signed


def test_a_redated_document_parses(world: World) -> None:
    # Guards the helper the other tests rely on: the dates land where the audit reads them.
    document = parse_plan(dated_document(-1))
    objective = document.problems[0].goals[0].objectives[0]
    assert objective.target_date == timezone.localdate() - timedelta(days=1)
