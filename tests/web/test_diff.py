"""The version diff page: caseload scoping, the version choice, and what an amendment shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import INTERVENTION_TEXT, World, sample_document
from txplan.web.accounts.models import User
from txplan.web.plans import actions
from txplan.web.plans.models import PlanVersion

if TYPE_CHECKING:  # the stubs' name for what the test client returns; not importable at run time
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db

ADDED = "Client will write one worry down and postpone it to a 15-minute worry slot daily."


def get(user: User | None, url: str) -> Response:
    http = HttpClient()
    if user is not None:
        http.force_login(user)
    return http.get(url)


def url(world: World, query: str = "") -> str:
    return reverse("plan_diff", args=[world.version.plan_id]) + query


@pytest.fixture
def amended(world: World, signed: PlanVersion) -> PlanVersion:
    """v2: the objective reworded, the one intervention replaced, a diagnosis added."""
    draft = actions.amend_version(version=signed, by=world.owner, note="Client asked for 6 weeks")
    document = sample_document()
    objective = document.problems[0].goals[0].objectives[0]
    objective.text = objective.text.replace("Within 8 weeks", "Within 6 weeks")
    objective.interventions = [
        objective.interventions[0].model_copy(update={"id": "int-b", "text": ADDED})
    ]
    document.diagnoses.append(
        document.diagnoses[0].model_copy(
            update={"code": "F51.01", "description": "Primary insomnia", "primary": False}
        )
    )
    return actions.save_draft(version=draft, by=world.owner, document=document, lock=draft.lock)


def test_owner_and_supervisor_see_the_diff(world: World, amended: PlanVersion) -> None:
    for user in (world.owner, world.supervisor, world.admin):
        assert get(user, url(world)).status_code == 200, user.username


def test_unrelated_clinician_and_other_practice_get_404(world: World, amended: PlanVersion) -> None:
    for user in (world.stranger, world.outsider):
        assert get(user, url(world)).status_code == 404, user.username
        assert get(user, url(world, "?a=1&b=2")).status_code == 404, user.username


def test_anonymous_visitor_is_sent_to_login(world: World) -> None:
    response = get(None, url(world))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_amended_version_shows_added_removed_and_changed_statements(
    world: World, amended: PlanVersion
) -> None:
    page = get(world.owner, url(world)).content.decode()  # defaults: v1 against v2
    assert "From v1 to v2" in page
    assert "Client asked for 6 weeks" in page  # why the version was made
    assert "+ Added</span>" in page and ADDED in page
    assert "− Removed</span>" in page and f'<del class="stmt">{INTERVENTION_TEXT}</del>' in page
    assert "~ Changed</span>" in page
    assert '<del><span class="sr-only">removed: </span>8</del>' in page
    assert '<ins><span class="sr-only">added: </span>6</ins>' in page
    assert "F51.01" in page and "Primary insomnia" in page
    assert (
        "<strong>1</strong> added · <strong>1</strong> removed · <strong>1</strong> changed" in page
    )


def test_the_form_offers_every_version_with_who_and_why(world: World, amended: PlanVersion) -> None:
    page = get(world.supervisor, url(world, "?a=2&b=1")).content.decode()
    older = page.split('id="diff-a"')[1].split("</select>")[0]
    newer = page.split('id="diff-b"')[1].split("</select>")[0]
    assert '<option value="2" selected>v2 · Amendment · Owner Test, LPC' in older
    assert '<option value="1" selected>v1 · Initial plan · Owner Test, LPC' in newer
    assert "Client asked for 6 weeks" in page
    assert "From v2 to v1" in page  # either direction is allowed


def test_same_version_twice_says_there_is_nothing_to_compare(world: World) -> None:
    page = get(world.owner, url(world)).content.decode()  # a plan with one version
    assert "Both choices are the same version" in page


def test_a_version_that_is_not_a_number_gets_a_clear_message(world: World) -> None:
    response = get(world.owner, url(world, "?a=first&b=1"))
    assert response.status_code == 400
    assert "is not a version number" in response.content.decode()


def test_a_version_the_plan_does_not_have_is_404_with_a_message(world: World) -> None:
    response = get(world.owner, url(world, "?a=1&b=9"))
    assert response.status_code == 404
    assert "This plan has no version 9" in response.content.decode()


def test_a_diff_view_is_logged_once(world, signed) -> None:  # type: ignore[no-untyped-def]
    from auditlog.models import LogEntry
    from django.test import Client as HttpClient
    from django.urls import reverse

    from txplan.web.plans import actions

    actions.amend_version(version=signed, by=world.owner, note="New concern")
    http = HttpClient()
    http.force_login(world.owner)
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    assert http.get(reverse("plan_diff", args=[signed.plan_id])).status_code == 200
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() == before + 1
