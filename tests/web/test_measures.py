from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import World
from txplan.web.errors import ActionError
from txplan.web.measures import actions
from txplan.web.measures.models import Administration

pytestmark = pytest.mark.django_db
PHQ9_WITH_ITEM9 = [2, 2, 1, 3, 1, 0, 2, 1, 1]  # total 13: moderate; item 9 = 1 → risk flag


def as_user(user) -> HttpClient:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    return http


def url(world: World, instrument: str = "phq9") -> str:
    return reverse("measure_record", args=[world.client.pk, instrument])


def item_form(answers: list[int], on: date | None = None) -> dict[str, object]:
    data: dict[str, object] = {
        "administered_on": (on or timezone.localdate()).isoformat(),
        "mode": "items",
    }
    data.update({f"item_{n}": v for n, v in enumerate(answers, start=1)})
    return data


def test_record_page_access_follows_the_caseload(world: World) -> None:
    for user, status in (
        (world.owner, 200),
        # Seeing is not writing: only the treating clinician records a measure.
        (world.supervisor, 403),
        (world.admin, 403),
        (world.stranger, 404),
        (world.outsider, 404),
    ):
        assert as_user(user).get(url(world)).status_code == status, user.username
    assert HttpClient().get(url(world)).status_code == 302


def test_an_unknown_instrument_is_404(world: World) -> None:
    assert as_user(world.owner).get(url(world, "nope")).status_code == 404


def test_recording_item_answers_stores_total_band_and_a_risk_flag(world: World) -> None:
    response = as_user(world.owner).post(url(world), item_form(PHQ9_WITH_ITEM9))
    assert response.status_code == 302
    stored = Administration.objects.get()
    assert (stored.total, stored.band) == (13, "Moderate")
    assert [f["item"] for f in stored.flags if f["severity"] == "risk"] == [9]


def test_a_risk_flag_is_prominent_on_client_plan_and_caseload_pages(world: World) -> None:
    http = as_user(world.owner)
    http.post(url(world), item_form(PHQ9_WITH_ITEM9))
    for page in (
        reverse("client", args=[world.client.pk]),
        reverse("caseload"),
        reverse("plan", args=[world.version.plan_id]),
    ):
        html = http.get(page).content.decode()
        assert "Risk flag" in html or "Risk — item 9" in html, page


def test_a_total_alone_is_scored(world: World) -> None:
    as_user(world.owner).post(
        url(world, "gad7"),
        {"administered_on": timezone.localdate().isoformat(), "mode": "total", "total": "12"},
    )
    assert Administration.objects.get().band == "Moderate"


def test_an_out_of_range_answer_names_the_item_and_saves_nothing(world: World) -> None:
    bad = item_form([2, 2, 1, 3, 1, 0, 2, 1, 0])
    bad["item_4"] = 7
    response = as_user(world.owner).post(url(world), bad)
    assert response.status_code == 200
    assert b"Item 4" in response.content or b"item 4" in response.content
    assert not Administration.objects.exists()


def test_a_missing_answer_names_the_item(world: World) -> None:
    data = item_form([2, 2, 1, 3, 1, 0, 2, 1, 0])
    del data["item_6"]
    response = as_user(world.owner).post(url(world), data)
    assert b"item 6" in response.content
    assert not Administration.objects.exists()


def test_a_future_date_is_refused(world: World) -> None:
    with pytest.raises(ActionError) as caught:
        actions.record_administration(
            client=world.client,
            by=world.owner,
            instrument="phq9",
            on=date(2026, 12, 2),
            today=date(2026, 12, 1),
            total=5,
        )
    assert caught.value.field == "administered_on"


def test_answers_and_total_together_are_refused(world: World) -> None:
    with pytest.raises(ActionError, match="not both"):
        actions.record_administration(
            client=world.client,
            by=world.owner,
            instrument="phq9",
            on=date(2026, 9, 1),
            today=date(2026, 9, 1),
            answers=[0] * 9,
            total=0,
        )


def test_recording_requires_csrf(world: World) -> None:
    http = HttpClient(enforce_csrf_checks=True)
    http.force_login(world.owner)
    assert http.post(url(world), item_form(PHQ9_WITH_ITEM9)).status_code == 403


def test_the_plan_page_shows_a_measured_objective_met_with_its_chart(world: World) -> None:
    # The sample plan's objective: GAD-7 < 10 on 2 consecutive administrations by 2026-10-27.
    for day, total in ((date(2026, 9, 8), 14), (date(2026, 9, 22), 9), (date(2026, 10, 6), 7)):
        actions.record_administration(
            client=world.client,
            by=world.owner,
            instrument="gad7",
            on=day,
            today=day + timedelta(days=1),
            total=total,
        )
    html = as_user(world.supervisor).get(reverse("plan", args=[world.version.plan_id])).content
    page = html.decode()
    assert "Met on Oct 6, 2026" in page
    assert "<svg" in page and "GAD-7" in page


def test_the_client_page_classifies_change_from_baseline(world: World) -> None:
    # PHQ-9 from 18 to 6: a reliable improvement (threshold 6) that leaves the clinical range.
    for day, total in ((date(2026, 9, 1), 18), (date(2026, 10, 1), 11), (date(2026, 11, 1), 6)):
        actions.record_administration(
            client=world.client, by=world.owner, instrument="phq9", on=day, today=day, total=total
        )
    page = as_user(world.owner).get(reverse("client", args=[world.client.pk])).content.decode()
    assert "PHQ-9" in page and "Recovered" in page and "3 administrations" in page


def test_total_mode_with_no_total_asks_for_the_total_and_saves_nothing(world: World) -> None:
    response = as_user(world.owner).post(
        url(world, "gad7"),
        {"administered_on": timezone.localdate().isoformat(), "mode": "total", "total": ""},
    )
    assert response.status_code == 200
    assert b"enter the total score" in response.content
    assert not Administration.objects.exists()
