"""Intake and the client record: who may add and edit a client, what the form refuses, and
that nothing typed is lost when it does."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import World
from txplan.web.clients import actions as clients
from txplan.web.clients.models import Client
from txplan.web.errors import ActionError, NotAllowed

pytestmark = pytest.mark.django_db


def as_user(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    if user is not None:
        http.force_login(user)
    return http


def intake(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "first_name": "Casey",
        "last_name": "Intake",
        "preferred_name": "Case",
        "pronouns": "they/them",
        "sex": "x",
        "date_of_birth": "1990-04-05",
        "phone": "555-0100",
        "email": "casey@example.org",
        "record_number": "N-77",
        "intake_date": timezone.localdate().isoformat(),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_clinician_adds_a_client_to_their_own_caseload(world: World) -> None:
    response = as_user(world.stranger).post(reverse("client_new"), intake())
    client = Client.objects.get(record_number="N-77")
    assert response.status_code == 302
    assert response["Location"] == reverse("client_diagnoses", args=[client.pk])
    assert client.clinician == world.stranger
    assert (client.preferred_name, client.pronouns, client.sex) == ("Case", "they/them", "x")
    assert client.intake_date == timezone.localdate()


def test_a_clinician_cannot_assign_a_client_to_someone_else(world: World) -> None:
    # The clinician field is fixed to the user: a forged value is ignored, not obeyed.
    as_user(world.stranger).post(reverse("client_new"), intake(clinician=world.owner.pk))
    assert Client.objects.get(record_number="N-77").clinician == world.stranger
    with pytest.raises(NotAllowed):
        clients.create_client(
            practice=world.practice,
            clinician=world.owner,
            first_name="A",
            last_name="B",
            by=world.stranger,
        )


def test_an_administrator_assigns_a_clinician_of_the_practice(world: World) -> None:
    as_user(world.admin).post(reverse("client_new"), intake(clinician=world.owner.pk))
    assert Client.objects.get(record_number="N-77").clinician == world.owner
    page = as_user(world.admin).post(reverse("client_new"), intake(record_number="N-78"))
    assert "Assigned clinician" in page.content.decode() and page.status_code == 200
    assert not Client.objects.filter(record_number="N-78").exists()
    with pytest.raises(ActionError) as caught:
        clients.create_client(
            practice=world.practice,
            clinician=world.admin,
            first_name="A",
            last_name="B",
            by=world.admin,
        )
    assert caught.value.field == "clinician"


def test_a_minor_needs_a_guardian_and_the_typed_input_stays(world: World) -> None:
    born = (timezone.localdate() - timedelta(days=365 * 12)).isoformat()
    page = as_user(world.owner).post(
        reverse("client_new"), intake(date_of_birth=born, first_name="Kit")
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "Guardian&#x27;s name: is required for a client under 18" in html
    assert 'value="Kit"' in html and 'value="555-0100"' in html
    assert not Client.objects.filter(first_name="Kit").exists()
    as_user(world.owner).post(
        reverse("client_new"),
        intake(
            date_of_birth=born,
            first_name="Kit",
            guardian_name="Lee Intake",
            guardian_relationship="mother",
            guardian_phone="555-0199",
        ),
    )
    kit = Client.objects.get(first_name="Kit")
    assert (kit.guardian_name, kit.guardian_relationship) == ("Lee Intake", "mother")


def test_bad_input_is_refused_naming_the_field(world: World) -> None:
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    for changes, message in (
        ({"record_number": "T-1"}, "Record number: &#x27;T-1&#x27; is already used"),
        ({"intake_date": future}, "Intake date: is in the future"),
        ({"intake_date": "1980-01-01"}, "Intake date: is before the date of birth"),
        ({"email": "not-an-email"}, "Email: Enter a valid email address."),
        ({"last_name": ""}, "Legal last name: This field is required."),
    ):
        page = as_user(world.owner).post(reverse("client_new"), intake(**changes))
        assert message in page.content.decode(), changes
    assert not Client.objects.filter(first_name="Casey").exists()


def test_a_payer_comes_from_the_practice_list(world: World) -> None:
    mine = clients.create_payer(practice=world.practice, name="Synthetic Mutual")
    theirs = clients.create_payer(practice=world.outsider.practice, name="Elsewhere Health")
    as_user(world.owner).post(reverse("client_new"), intake(payer=theirs.pk))
    assert not Client.objects.filter(record_number="N-77").exists()
    as_user(world.owner).post(reverse("client_new"), intake(payer=mine.pk))
    assert Client.objects.get(record_number="N-77").payer == mine
    with pytest.raises(ActionError) as caught:
        clients.create_payer(practice=world.practice, name="synthetic  mutual")
    assert caught.value.field == "name"


def test_only_the_administrator_opens_the_payer_list(world: World) -> None:
    for user, status in (
        (world.owner, 404),
        (world.supervisor, 404),
        (world.stranger, 404),
        (world.admin, 200),
    ):
        assert as_user(user).get(reverse("payers")).status_code == status, user.username
    as_user(world.admin).post(reverse("payers"), {"name": "Harbor Plan"})
    assert world.practice.payers.filter(name="Harbor Plan").exists()


def test_edit_access_owner_and_admin_write_supervisor_reads_stranger_404(world: World) -> None:
    url = reverse("client_edit", args=[world.client.pk])
    for user, status in (
        (world.owner, 200),
        (world.admin, 200),
        (world.supervisor, 403),
        (world.stranger, 404),
        (world.outsider, 404),
    ):
        assert as_user(user).get(url).status_code == status, user.username
        form = intake(first_name="Changed", clinician=world.owner.pk)
        written = as_user(user).post(url, form).status_code
        assert written == (302 if status == 200 else status), user.username
    assert as_user(None).get(url).status_code == 302


def test_the_owner_edits_the_record_and_only_the_admin_reassigns(world: World) -> None:
    url = reverse("client_edit", args=[world.client.pk])
    as_user(world.owner).post(
        url,
        intake(first_name="Robin", last_name="Synthetic", record_number="T-1", pronouns="he/him"),
    )
    world.client.refresh_from_db()
    assert world.client.pronouns == "he/him" and world.client.clinician == world.owner
    with pytest.raises(NotAllowed):
        clients.update_client(
            client=world.client,
            by=world.owner,
            details=clients.ClientDetails(first_name="Robin", last_name="Synthetic"),
            clinician=world.stranger,
        )
    as_user(world.admin).post(
        url, intake(first_name="Robin", last_name="Synthetic", clinician=world.stranger.pk)
    )
    world.client.refresh_from_db()
    assert world.client.clinician == world.stranger


def test_editing_requires_a_csrf_token(world: World) -> None:
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(world.owner)
    url = reverse("client_edit", args=[world.client.pk])
    assert http.post(url, intake(first_name="Forged")).status_code == 403
    world.client.refresh_from_db()
    assert world.client.first_name == "Robin"


def test_the_client_page_shows_the_record_and_warns_about_a_missing_guardian(world: World) -> None:
    Client.objects.filter(pk=world.client.pk).update(
        date_of_birth=date(timezone.localdate().year - 10, 1, 1), pronouns="she/her"
    )
    html = as_user(world.owner).get(reverse("client", args=[world.client.pk])).content.decode()
    assert "she/her" in html and "no parent or guardian on record" in html


def test_intake_access_anyone_in_a_practice_adds_to_their_own_side(world: World) -> None:
    assert as_user(None).get(reverse("client_new")).status_code == 302
    for user in (world.owner, world.supervisor, world.stranger, world.admin):
        assert as_user(user).get(reverse("client_new")).status_code == 200, user.username
    # An administrator of another practice cannot assign this practice's clinician.
    page = as_user(world.outsider).post(reverse("client_new"), intake(clinician=world.owner.pk))
    assert "Select a valid choice" in page.content.decode()
    assert not Client.objects.filter(record_number="N-77").exists()
    # A supervisor registers a client on their own caseload.
    as_user(world.supervisor).post(reverse("client_new"), intake())
    assert Client.objects.get(record_number="N-77").clinician == world.supervisor
