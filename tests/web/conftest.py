"""A small synthetic practice built only through actions, with the role trio every view is
tested against: the owning clinician, their supervisor, and an unrelated clinician; plus an
administrator and a clinician from another practice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import pytest
from django.utils import timezone

from txplan.core.plan import Plan as PlanDocument
from txplan.web.accounts import actions as accounts
from txplan.web.accounts.models import Practice, Role, User
from txplan.web.clients import actions as clients
from txplan.web.clients.models import Client
from txplan.web.plans import actions as plans
from txplan.web.plans.models import PlanVersion

PASSWORD = "a-long-synthetic-password-1"
START = date(2026, 9, 1)
GOAL_TEXT = "Finish weekly reports on time without re-checking them for hours."
OBJECTIVE_TEXT = "Within 8 weeks, score below 10 on the GAD-7 twice in a row."
INTERVENTION_TEXT = (
    "Clinician will use CBT worry exposure targeting catastrophic predictions about deadlines, "
    "weekly."
)


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def sample_document(start: date = START) -> PlanDocument:
    return PlanDocument.model_validate(
        {
            "diagnoses": [
                {"code": "F41.1", "description": "Generalized anxiety disorder", "primary": True}
            ],
            "medical_necessity": {
                "symptoms": ["Daily worry about work deadlines (GAD-7 of 14)."],
                "impairments": [
                    {
                        "domain": "work_school",
                        "description": "Misses deadlines after re-checking reports.",
                    }
                ],
                "level_of_care": "outpatient",
                "level_of_care_rationale": "Safe and engaged; weekly sessions fit.",
            },
            "presenting_problem": "Synthetic client with worry that slows work.",
            "problems": [
                {
                    "id": "prob-a",
                    "title": "Worry that slows work",
                    "goals": [
                        {
                            "id": "goal-a",
                            "text": GOAL_TEXT,
                            "objectives": [
                                {
                                    "id": "obj-a",
                                    "text": OBJECTIVE_TEXT,
                                    "target_date": "2026-10-27",
                                    "criterion": {
                                        "measure": "gad7",
                                        "comparator": "<",
                                        "threshold": 10,
                                        "consecutive": 2,
                                    },
                                    "interventions": [
                                        {
                                            "id": "int-a",
                                            "text": INTERVENTION_TEXT,
                                            "modality": "CBT",
                                            "frequency": "weekly",
                                        }
                                    ],
                                }
                            ],
                        }
                    ],
                }
            ],
            "established_on": start.isoformat(),
            "review_interval_days": 90,
            "next_review_date": "2026-11-30",
        }
    )


@dataclass
class World:
    practice: Practice
    owner: User  # an associate clinician who treats the client
    supervisor: User  # supervises the owner
    stranger: User  # a clinician in the same practice with no link to the client
    admin: User
    outsider: User  # a clinician in another practice
    client: Client
    version: PlanVersion


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def build_world() -> World:
    practice = accounts.create_practice(name="Synthetic Practice")
    other = accounts.create_practice(name="Another Synthetic Practice")

    def user(
        name: str,
        role: Role = Role.CLINICIAN,
        supervisor: User | None = None,
        where: Practice = practice,
    ) -> User:
        return accounts.create_user(
            practice=where,
            username=name,
            password=PASSWORD,
            role=role,
            first_name=name.title(),
            last_name="Test",
            credentials="LPC",
            supervisor=supervisor,
        )

    supervisor = user("sup", Role.SUPERVISOR)
    owner = user("owner", supervisor=supervisor)
    stranger = user("stranger")
    admin = user("admin", Role.ADMIN)
    outsider = user("outsider", Role.ADMIN, where=other)
    client = clients.create_client(
        practice=practice,
        clinician=owner,
        first_name="Robin",
        last_name="Synthetic",
        record_number="T-1",
    )
    clients.add_diagnosis(client=client, code="F41.1", primary=True)
    version = plans.create_plan(client=client, by=owner, document=sample_document())
    return World(practice, owner, supervisor, stranger, admin, outsider, client, version)


@pytest.fixture
def signed(world: World) -> PlanVersion:
    return plans.sign_version(version=world.version, by=world.owner, at=at(START))
