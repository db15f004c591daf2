"""The audit in the web app gets what the record knows (PlanFacts): other clients' plans in
the practice (PLAN_CLONED), the date of birth, the intake date and measure risk flags; and
the findings show on the plan page and in the editor's checklist."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.web.conftest import START, World, at, sample_document
from txplan.core.audit import Finding
from txplan.core.plan import SignatureMethod, SignerRole
from txplan.web.accounts.models import Practice
from txplan.web.clients import actions as clients
from txplan.web.clients.models import Client
from txplan.web.measures import actions as measures
from txplan.web.plans import actions as plans
from txplan.web.plans.facts import plan_facts
from txplan.web.plans.models import PlanVersion
from txplan.web.plans.queries import other_plans_statements
from txplan.web.plans.review import live_review, review_version

pytestmark = pytest.mark.django_db
TODAY = START + timedelta(days=10)


def codes(version: PlanVersion, today: date = TODAY) -> dict[str, Finding]:
    return {f.code: f for f in review_version(version, today).problems}


def other_client(world: World, first: str = "Casey", practice: Practice | None = None) -> Client:
    where = practice or world.practice
    clinician = world.stranger if practice is None else world.outsider
    return clients.create_client(
        practice=where, clinician=clinician, first_name=first, last_name="Other"
    )


def test_a_plan_copied_from_another_clients_plan_is_flagged_naming_that_plan(world: World) -> None:
    assert "PLAN_CLONED" not in codes(world.version)
    other = other_client(world)
    copy = plans.create_plan(client=other, by=world.stranger, document=sample_document())
    finding = codes(world.version)["PLAN_CLONED"]
    assert finding.severity.value == "warning"
    text = finding.explanation
    assert f"plan {copy.plan_id} v1" in text and "Stranger Test" in text
    assert "Casey" not in text  # the other client is not named: the reader may not see them
    # Both plans are flagged: each is a copy of the other.
    assert "PLAN_CLONED" in codes(copy)


def test_the_plan_page_and_the_editor_checklist_show_the_clone_finding(world: World) -> None:
    other = other_client(world)
    plans.create_plan(client=other, by=world.stranger, document=sample_document())
    http = HttpClient()
    http.force_login(world.owner)
    page = http.get(reverse("plan", args=[world.version.plan_id]))
    assert page.status_code == 200 and "PLAN_CLONED" in page.content.decode()
    editor = http.get(reverse("plan_edit", args=[world.version.plan_id, 1]))
    assert editor.status_code == 200 and "PLAN_CLONED" in editor.content.decode()
    review = live_review(world.version, world.version.document, TODAY)
    assert "PLAN_CLONED" in {f.code for f in review.problems}


def test_plans_in_another_practice_and_the_clients_own_plans_do_not_count(world: World) -> None:
    outsider_client = other_client(world, practice=world.outsider.practice)
    plans.create_plan(client=outsider_client, by=world.outsider, document=sample_document())
    plans.create_plan(client=world.client, by=world.owner, document=sample_document())
    assert other_plans_statements(world.client) == {}
    assert "PLAN_CLONED" not in codes(world.version)


def test_only_the_latest_version_of_another_plan_is_compared(world: World) -> None:
    other = other_client(world)
    first = plans.create_plan(client=other, by=world.stranger, document=sample_document())
    signed = plans.sign_version(version=first, by=world.stranger, at=at(START))
    draft = plans.amend_version(version=signed, by=world.stranger, note="rewrite")
    rewritten = sample_document()
    objective = rewritten.problems[0].goals[0].objectives[0]
    rewritten.problems[0].goals[0].text = "Casey will hand in weekly reports on Fridays."
    objective.interventions[0].text = "Clinician will use worry postponement, weekly."
    plans.save_draft(version=draft, by=world.stranger, document=rewritten, lock=draft.lock)
    statements = other_plans_statements(world.client)
    assert list(statements) == [f"plan {first.plan_id} v2 (Stranger Test)"]
    assert "PLAN_CLONED" not in codes(world.version)  # 1 of 3 statements still shared


def fresh(version: PlanVersion) -> PlanVersion:
    """The version as a request would load it, with the client record as stored."""
    return PlanVersion.objects.select_related("plan__client").get(pk=version.pk)


def test_date_of_birth_and_intake_date_come_from_the_client_record(world: World) -> None:
    Client.objects.filter(pk=world.client.pk).update(date_of_birth=date(2012, 3, 3))
    version = fresh(world.version)
    facts = plan_facts(version)
    assert facts.client_birth_date == date(2012, 3, 3)
    assert facts.client_names[:2] == ("Robin", "Synthetic")
    draft = review_version(version, TODAY)
    assert "PLAN_MINOR_NO_GUARDIAN" in {g.code for g in draft.info_groups}  # info on a draft
    # Signing is not blocked by the guardian signature that comes after it ...
    assert "PLAN_MINOR_NO_GUARDIAN" not in {f.code for f in plans.blocking_errors(version, TODAY)}
    signed = plans.sign_version(version=version, by=world.owner, at=at(START))
    # ... but the signed plan is not in order until the guardian signs.
    finding = codes(fresh(signed))["PLAN_MINOR_NO_GUARDIAN"]
    assert finding.severity.value == "error"
    plans.record_client_signature(
        version=signed,
        by=world.owner,
        name="Jo Synthetic",
        at=at(START, 11),
        method=SignatureMethod.TYPED_VERBAL,
        attestation="Parent agreed verbally in session.",
        role=SignerRole.GUARDIAN,
    )
    assert "PLAN_MINOR_NO_GUARDIAN" not in codes(fresh(signed))


def test_a_plan_established_long_after_intake_is_late(world: World) -> None:
    Client.objects.filter(pk=world.client.pk).update(intake_date=START - timedelta(days=45))
    version = fresh(world.version)
    assert plan_facts(version).intake_date == START - timedelta(days=45)
    assert codes(version)["PLAN_LATE_AFTER_INTAKE"].severity.value == "warning"
    # A review version is not "late after intake".
    signed = plans.sign_version(version=version, by=world.owner, at=at(START))
    review = plans.amend_version(version=signed, by=world.owner, note="review")
    assert plan_facts(fresh(review)).intake_date is None


def test_a_phq9_item9_answer_needs_a_safety_plan_before_signing(world: World) -> None:
    measures.record_administration(
        client=world.client,
        by=world.owner,
        instrument="phq9",
        on=START,
        today=START,
        answers=[2, 2, 1, 1, 1, 2, 1, 1, 1],
    )
    assert plan_facts(world.version).risk_flags == ("phq9_item9",)
    errors = {f.code for f in plans.blocking_errors(world.version, TODAY)}
    assert "PLAN_RISK_UNADDRESSED" in errors
    document = sample_document()
    document.problems[0].goals[0].objectives[0].interventions[
        0
    ].text += " Clinician will also complete a written safety plan with Robin and review it weekly."
    saved = plans.save_draft(
        version=world.version, by=world.owner, document=document, lock=world.version.lock
    )
    assert "PLAN_RISK_UNADDRESSED" not in {f.code for f in plans.blocking_errors(saved, TODAY)}
