"""Discharge: a reason, a summary drafted from the plan and the measures, edited and signed by
the treating clinician; the plan closes and the client leaves the active caseload but stays
searchable. Supervisors and administrators read it; nobody else writes it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import PASSWORD, START, World
from txplan.web.clients import discharge as discharges
from txplan.web.clients.models import Client, Discharge
from txplan.web.errors import ActionError, NotAllowed, VersionLocked
from txplan.web.measures import actions as measures
from txplan.web.plans.models import PlanVersion

pytestmark = pytest.mark.django_db


def as_user(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    if user is not None:
        http.force_login(user)
    return http


def url(world: World) -> str:
    return reverse("client_discharge", args=[world.client.pk])


def gad7(world: World, *totals: tuple[date, float]) -> None:
    for on, total in totals:
        measures.record_administration(
            client=world.client,
            by=world.owner,
            instrument="gad7",
            on=on,
            today=timezone.localdate(),
            total=total,
        )


def start_form(**changes: str) -> dict[str, str]:
    return {
        "op": "start",
        "discharged_on": timezone.localdate().isoformat(),
        "reason": "goals_met",
        "reason_detail": "",
        **changes,
    }


def summary_form(discharge: Discharge, op: str = "save", **changes: str) -> dict[str, str]:
    data = {
        "op": op,
        "discharged_on": discharge.discharged_on.isoformat(),
        "reason": discharge.reason,
        "reason_detail": discharge.reason_detail,
        "course": discharge.course,
        "recommendations": discharge.recommendations,
    }
    data.update({f"outcome_{o['id']}": o["outcome"] for o in discharge.objectives})
    data.update(changes)
    return data


def test_the_summary_is_drafted_from_the_plan_and_the_measures(
    world: World, signed: PlanVersion
) -> None:
    gad7(world, (START, 14), (START + timedelta(days=21), 8), (START + timedelta(days=35), 6))
    response = as_user(world.owner).post(url(world), start_form())
    assert response.status_code == 302
    discharge = world.client.discharges.get()
    [objective] = discharge.objectives
    assert objective["id"] == "obj-a" and objective["outcome"] == "met"
    assert "Met on" in objective["evidence"]
    [score] = discharge.scores
    assert (score["name"], score["first"], score["last"], score["count"]) == ("GAD-7", 14, 6, 3)
    assert "1 of 1 objectives met" in discharge.course
    assert discharge.recommendations  # something to edit, never empty
    page = as_user(world.owner).get(url(world)).content.decode()
    assert "Sign and discharge" in page and "GAD-7" in page


def test_an_unmet_objective_is_drafted_as_work_to_continue(
    world: World, signed: PlanVersion
) -> None:
    gad7(world, (START, 14), (START + timedelta(days=21), 15))
    discharge = discharges.draft_discharge(
        client=world.client,
        by=world.owner,
        on=timezone.localdate(),
        reason="client_choice",
        today=timezone.localdate(),
    )
    assert discharge.objectives[0]["outcome"] == "not_met"
    assert "Continue work toward: Within 8 weeks" in discharge.recommendations


def test_signing_closes_the_plan_and_takes_the_client_off_the_active_caseload(
    world: World, signed: PlanVersion
) -> None:
    as_user(world.owner).post(url(world), start_form())
    discharge = world.client.discharges.get()
    edited = summary_form(
        discharge, op="sign", recommendations="Return if worry returns.", password=PASSWORD
    )
    edited["outcome_obj-a"] = "partly_met"
    response = as_user(world.owner).post(url(world), edited)
    assert response.status_code == 302
    discharge.refresh_from_db()
    assert discharge.is_signed and discharge.signed_by == world.owner
    assert discharge.objectives[0]["outcome"] == "partly_met"
    assert list(discharge.closed_plans.all()) == [signed.plan]
    assert not discharges.active_plans(world.client).exists()
    client = Client.objects.get(pk=world.client.pk)
    assert client.discharged_on == timezone.localdate()
    caseload = as_user(world.owner).get(reverse("caseload")).content.decode()
    assert "Synthetic, Robin" not in caseload
    found = as_user(world.owner).get(reverse("caseload"), {"q": "Robin"}).content.decode()
    assert "Synthetic, Robin" in found and "Discharged" in found
    page = as_user(world.supervisor).get(url(world)).content.decode()
    assert "Return if worry returns." in page and "Partly met" in page
    client_page = as_user(world.owner).get(reverse("client", args=[client.pk])).content.decode()
    assert "Closed at discharge" in client_page


def test_a_signed_discharge_is_frozen(world: World, signed: PlanVersion) -> None:
    discharge = discharges.draft_discharge(
        client=world.client,
        by=world.owner,
        on=timezone.localdate(),
        reason="goals_met",
        today=timezone.localdate(),
    )
    discharges.sign_discharge(discharge=discharge, by=world.owner, at=timezone.now())
    discharge.refresh_from_db()
    discharge.recommendations = "changed"
    with pytest.raises(VersionLocked):
        discharge.save()
    with pytest.raises(VersionLocked):
        discharge.delete()
    with pytest.raises(ActionError):
        discharges.draft_discharge(
            client=Client.objects.get(pk=world.client.pk),
            by=world.owner,
            on=timezone.localdate(),
            reason="goals_met",
            today=timezone.localdate(),
        )


def test_a_wrong_password_signs_nothing_and_keeps_the_edits(
    world: World, signed: PlanVersion
) -> None:
    as_user(world.owner).post(url(world), start_form())
    discharge = world.client.discharges.get()
    page = as_user(world.owner).post(
        url(world),
        summary_form(discharge, op="sign", recommendations="Keep me.", password="wrong"),
    )
    assert "That is not your password. Nothing was signed." in page.content.decode()
    discharge.refresh_from_db()
    assert not discharge.is_signed and discharge.recommendations == "Keep me."
    assert Client.objects.get(pk=world.client.pk).discharged_on is None


def test_bad_input_is_refused_naming_the_field(world: World, signed: PlanVersion) -> None:
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    for changes, message in (
        ({"reason": ""}, "Reason: This field is required."),
        ({"reason": "other"}, "Details: say what the reason is"),
        ({"discharged_on": future}, "Discharge date: is in the future"),
    ):
        page = as_user(world.owner).post(url(world), start_form(**changes)).content.decode()
        assert message in page, changes
    assert not world.client.discharges.exists()
    as_user(world.owner).post(url(world), start_form())
    discharge = world.client.discharges.get()
    page = as_user(world.owner).post(url(world), summary_form(discharge, recommendations=""))
    assert "Recommendations: This field is required." in page.content.decode()


def test_access_owner_writes_supervisor_and_admin_read_stranger_404(
    world: World, signed: PlanVersion
) -> None:
    for user, read, write in (
        (world.supervisor, 200, 403),
        (world.admin, 200, 403),
        (world.stranger, 404, 404),
        (world.outsider, 404, 404),
        (world.owner, 200, 302),
    ):
        assert as_user(user).get(url(world)).status_code == read, user.username
        assert as_user(user).post(url(world), start_form()).status_code == write, user.username
    assert world.client.discharges.count() == 1
    assert as_user(None).get(url(world)).status_code == 302
    for user in (world.supervisor, world.admin):
        with pytest.raises(NotAllowed):
            discharges.sign_discharge(
                discharge=world.client.discharges.get(), by=user, at=timezone.now()
            )


def test_starting_a_discharge_requires_a_csrf_token(world: World) -> None:
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(world.owner)
    assert http.post(url(world), start_form()).status_code == 403
    assert not world.client.discharges.exists()


def test_a_withdrawn_discharge_leaves_the_client_in_care(world: World) -> None:
    as_user(world.owner).post(url(world), start_form())
    as_user(world.owner).post(url(world), {"op": "cancel"})
    assert not world.client.discharges.exists()
    assert Client.objects.get(pk=world.client.pk).discharged_on is None


def test_a_discharged_client_is_readmitted_with_a_new_intake_date(
    world: World, signed: PlanVersion
) -> None:
    Client.objects.filter(pk=world.client.pk).update(intake_date=START)
    world.client.refresh_from_db()
    discharge = discharges.draft_discharge(
        client=world.client,
        by=world.owner,
        on=timezone.localdate() - timedelta(days=10),
        reason="goals_met",
        today=timezone.localdate(),
    )
    discharges.sign_discharge(discharge=discharge, by=world.owner, at=timezone.now())
    too_early = (timezone.localdate() - timedelta(days=20)).isoformat()
    as_user(world.admin).post(url(world), {"op": "readmit", "intake_date": too_early})
    assert Client.objects.get(pk=world.client.pk).discharged_on is not None
    assert (
        as_user(world.supervisor)
        .post(url(world), {"op": "readmit", "intake_date": timezone.localdate().isoformat()})
        .status_code
        == 403
    )
    response = as_user(world.admin).post(
        url(world), {"op": "readmit", "intake_date": timezone.localdate().isoformat()}
    )
    assert response.status_code == 302
    client = Client.objects.get(pk=world.client.pk)
    assert client.discharged_on is None and client.intake_date == timezone.localdate()
    assert not discharges.active_plans(client).exists()  # the old plan stays closed
    assert "Synthetic, Robin" in as_user(world.owner).get(reverse("caseload")).content.decode()
