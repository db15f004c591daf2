"""The demo practice: synthetic clinicians, clients and plans, built only through actions.

The tests build the same practice (tests/web/conftest.py), so what the demo shows is what the
suite checks. Every name, date of birth and story here is invented.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from importlib import resources
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from txplan.core.document import parse_plan, to_data
from txplan.core.plan import FunctionalImpairment, SignatureMethod, SignerRole
from txplan.core.plan import Plan as PlanDocument
from txplan.web.accounts import actions as accounts
from txplan.web.accounts.models import Practice, Role, User
from txplan.web.clients import actions as clients
from txplan.web.clients.models import Client
from txplan.web.plans import actions as plans
from txplan.web.plans.models import PlanVersion, VersionReason

PRACTICE_NAME = "Riverbend Counseling (demo)"
DEMO_PASSWORD = "riverbend-demo-2026"

STAFF = [
    # username, first, last, credentials, role, supervisor
    ("okafor", "Maya", "Okafor", "PhD, Clinical Director", Role.SUPERVISOR, None),
    ("reyes", "Jordan", "Reyes", "LPC", Role.CLINICIAN, None),
    ("whitfield", "Sam", "Whitfield", "LCSW", Role.CLINICIAN, None),
    ("nair", "Priya", "Nair", "LPC-Associate", Role.CLINICIAN, "okafor"),
    ("moreno", "Alex", "Moreno", "Practice Manager", Role.ADMIN, None),
]


@dataclass
class DemoClient:
    first: str
    last: str
    born: date
    clinician: str
    codes: list[str]
    # How the plan's story goes: "draft", "signed", "cosigned", "reviewed", "amending",
    # "discharged" (signed, then discharged two weeks ago), "none".
    story: str
    started_days_ago: int
    plan_file: str = ""  # a hand-written plan in demo/plans/, else a draft from the library
    problem: str = ""  # presenting problem for the drafter
    strengths: list[str] = field(default_factory=list)
    payer: str = "Blue Harbor Health (synthetic)"
    # A minor's parent or guardian, who agrees to the plan in the client's place.
    guardian: str = ""
    # What the clinician adds to a library draft before signing it: the parts the drafter
    # leaves bracketed because only the clinician knows them.
    impairment: tuple[str, str] = ("work_school", "")
    rationale: str = (
        "Safe, living at home with support and able to practise skills between sessions; "
        "weekly outpatient therapy is the least intensive care that fits."
    )


CLIENTS = [
    DemoClient(
        "Ava",
        "Lindqvist",
        date(1985, 3, 14),
        "reyes",
        ["F33.1"],
        "reviewed",
        120,
        plan_file="lindqvist.yaml",
    ),
    DemoClient(
        "Marcus", "Bell", date(1990, 7, 2), "reyes", ["F41.1"], "signed", 30, plan_file="bell.yaml"
    ),
    DemoClient(
        "Nora",
        "Castillo",
        date(1997, 11, 23),
        "nair",
        ["F43.12"],
        "signed",
        12,
        plan_file="castillo.yaml",
    ),
    DemoClient(
        "Grace",
        "Holloway",
        date(1988, 1, 9),
        "nair",
        ["F41.0"],
        "cosigned",
        40,
        problem="Panic attacks on the commuter train twice a week; has started driving an "
        "hour each way to avoid the train and fears losing her job at the bank.",
        strengths=["Runs three times a week", "Supportive manager"],
        impairment=(
            "work_school",
            "Late to the bank three times in a month after driving two hours to avoid the train; "
            "her manager has raised it.",
        ),
    ),
    DemoClient(
        "Eli",
        "Park",
        date(2015, 5, 30),
        "whitfield",
        ["F90.2"],
        "draft",
        3,
        problem="Ten-year-old with trouble finishing homework, leaving his seat in class "
        "and arguments with his parents at bedtime; the school has sent two notes home.",
        strengths=["Loves building with Lego", "Parents both attend sessions"],
        guardian="Jun Park",
        impairment=(
            "work_school",
            "Two notes home from school this term for leaving his seat; finishes about half of "
            "his homework.",
        ),
    ),
    DemoClient(
        "Tomas",
        "Ferreira",
        date(1979, 9, 17),
        "whitfield",
        ["F10.20"],
        "signed",
        50,
        problem="Drinks 5-6 beers most evenings since his divorce; missed two Monday "
        "mornings at the garage and his daughter will not visit when he has been "
        "drinking.",
        strengths=["Skilled mechanic", "Wants to keep weekend visits"],
        impairment=(
            "parenting",
            "His daughter has cancelled two weekend visits because he had been drinking; missed "
            "two Monday shifts.",
        ),
    ),
    DemoClient(
        "Leah",
        "Brandt",
        date(2001, 2, 11),
        "reyes",
        ["F40.10"],
        "draft",
        5,
        problem="Avoids speaking in seminars and has skipped four tutorials this term; "
        "eats lunch alone because she fears saying something foolish.",
        strengths=["Strong written work", "One close friend in her course"],
        impairment=(
            "work_school",
            "Has skipped four tutorials this term and lost marks for not speaking in seminars.",
        ),
    ),
    DemoClient(
        "Owen",
        "Mbeki",
        date(1993, 6, 5),
        "okafor",
        ["F42.2"],
        "signed",
        35,
        problem="Checks the stove and door locks for up to an hour before leaving home; "
        "late to work three times this month.",
        strengths=["Very organised at work"],
        impairment=(
            "work_school",
            "Late to work three times this month after checking the stove and locks for up to an "
            "hour.",
        ),
    ),
    DemoClient(
        "Ruth",
        "Adeyemi",
        date(1968, 12, 1),
        "nair",
        ["F43.23"],
        "draft",
        2,
        problem="Since being made redundant from her accounting job in the spring she "
        "cries daily, worries about the mortgage and has stopped applying for jobs.",
        strengths=["Twenty years of experience", "Active in her church"],
        impairment=(
            "housing_finances",
            "Has not applied for a job in six weeks and is two months behind on the mortgage.",
        ),
    ),
    DemoClient(
        "Daniel",
        "Sato",
        date(1982, 4, 22),
        "whitfield",
        ["F51.01"],
        "amending",
        70,
        problem="Takes over an hour to fall asleep on most nights and wakes at 4am; "
        "dozing at his desk in the afternoons.",
        strengths=["Regular exerciser"],
        impairment=(
            "work_school",
            "Dozes at his desk most afternoons; missed a deadline after a run of short nights.",
        ),
    ),
    DemoClient(
        "Isla",
        "Novak",
        date(1994, 8, 8),
        "okafor",
        ["F53.0"],
        "signed",
        25,
        problem="Low mood and tearfulness since her son was born four months ago; "
        "feels she is failing as a mother, dreads the night feeds and has stopped seeing "
        "friends.",
        strengths=["Partner shares night feeds", "Attends a parent group"],
        impairment=(
            "social",
            "Has stopped seeing friends and skipped her parent group for three weeks.",
        ),
    ),
    DemoClient(
        "Hannah",
        "Weiss",
        date(2009, 10, 19),
        "reyes",
        ["F32.1"],
        "signed",
        110,
        problem="Sixteen-year-old with low mood since changing schools, withdrawing "
        "from friends, grades falling, and cutting her forearm twice in the last "
        "month when upset.",
        strengths=["Plays the cello", "Close to her grandmother"],
        guardian="Miriam Weiss",
        impairment=(
            "safety",
            "Has cut her forearm twice in the past month when upset; grades have fallen from Bs "
            "to Ds.",
        ),
    ),
    DemoClient(
        "Felix",
        "Romero",
        date(1986, 10, 3),
        "whitfield",
        ["F43.21"],
        "discharged",
        160,
        problem="Low mood and broken sleep since moving cities for a new job; has stopped "
        "going to team lunches and calls his brother only to cancel plans.",
        strengths=["Keen cyclist", "Close to his brother"],
        payer="Lakeside Medicaid Plan (synthetic)",
        impairment=(
            "social",
            "Has skipped every team lunch for two months and cancelled three visits to his "
            "brother.",
        ),
    ),
]

# The practice's payer list (all invented); the clients' payers are added to it.
DEMO_PAYERS = ["Blue Harbor Health (synthetic)", "Lakeside Medicaid Plan (synthetic)", "Self-pay"]

# Sex on record, pronouns and a preferred name, by last name (all invented).
_IDENTITY = {
    "Lindqvist": ("female", "she/her", ""),
    "Bell": ("male", "he/him", ""),
    "Castillo": ("female", "she/her", ""),
    "Holloway": ("female", "she/her", ""),
    "Park": ("male", "he/him", ""),
    "Ferreira": ("male", "he/him", "Tom"),
    "Brandt": ("female", "they/them", "Lee"),
    "Mbeki": ("male", "he/him", ""),
    "Adeyemi": ("female", "she/her", ""),
    "Sato": ("male", "he/him", "Dan"),
    "Novak": ("female", "she/her", ""),
    "Weiss": ("female", "she/her", ""),
    "Romero": ("male", "he/him", ""),
}

_DATE_FIELDS = {"target_date", "established_on", "next_review_date", "by_date"}


def _resolve_dates(node: Any, start: date) -> Any:
    """Hand-written plans give dates as day offsets from the start, so the demo stays current."""
    if isinstance(node, dict):
        return {
            k: (
                start + timedelta(days=v)
                if k in _DATE_FIELDS and isinstance(v, int)
                else _resolve_dates(v, start)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_resolve_dates(v, start) for v in node]
    return node


def _hand_written(name: str, start: date) -> PlanDocument:
    text = resources.files("txplan.web.demo").joinpath("plans", name).read_text("utf-8")
    data = _resolve_dates(yaml.safe_load(text), start)
    data["established_on"] = start
    data["next_review_date"] = start + timedelta(days=data.get("review_interval_days", 90))
    return parse_plan(data)


def _drafted(spec: DemoClient, start: date, review_days: int) -> PlanDocument:
    from txplan.core.drafting import DraftRequest, draft_plan

    return draft_plan(
        DraftRequest(
            diagnoses=spec.codes,
            presenting_problem=spec.problem,
            strengths=spec.strengths,
            review_days=review_days,
            start=start,
            client_name=spec.first,
        )
    )


_PROMPT = re.compile(r"\s*\[Clinician to complete:[^\]]*\]")


def _completed(document: PlanDocument, spec: DemoClient) -> PlanDocument:
    """The draft as the clinician completes it before signing: own symptoms, impairment and
    rationale in place of the drafter's bracketed prompts."""
    domain, impairment = spec.impairment
    necessity = document.medical_necessity.model_copy(
        update={
            "symptoms": [spec.problem],
            "impairments": [
                FunctionalImpairment(domain=domain, description=impairment or spec.problem)
            ],
            "level_of_care_rationale": spec.rationale,
        }
    )
    data = to_data(document.model_copy(update={"medical_necessity": necessity}))
    return parse_plan(_strip_prompts(data))


def _strip_prompts(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _strip_prompts(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_strip_prompts(v) for v in node]
    return _PROMPT.sub("", node) if isinstance(node, str) else node


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _tell_story(
    version: PlanVersion, spec: DemoClient, staff: dict[str, User], start: date
) -> None:
    clinician = staff[spec.clinician]
    if spec.story in ("draft", "none"):
        return
    if not spec.plan_file:
        version = plans.save_draft(
            version=version,
            by=clinician,
            lock=version.lock,
            document=_completed(parse_plan(version.document), spec),
        )
    # No override: a demo plan that would need one is a bug in the demo or the drafter.
    version = plans.sign_version(version=version, by=clinician, at=_at(start))
    plans.record_client_signature(
        version=version,
        by=clinician,
        name=spec.guardian or f"{spec.first} {spec.last}",
        at=_at(start, 11),
        method=SignatureMethod.TYPED_VERBAL,
        attestation=(
            f"{spec.guardian} (parent) reviewed the plan with {spec.first} in session and "
            "agreed to it verbally."
            if spec.guardian
            else "Client reviewed the plan in session and agreed to it verbally."
        ),
        role=SignerRole.GUARDIAN if spec.guardian else SignerRole.CLIENT,
    )
    if spec.story in ("cosigned", "reviewed") and clinician.supervisor:
        plans.cosign_version(version=version, by=clinician.supervisor, at=_at(start, 15))
    if spec.story == "reviewed":
        review_day = start + timedelta(days=90)
        draft = plans.amend_version(
            version=version,
            by=clinician,
            reason=VersionReason.REVIEW,
            note="90-day review: choir attendance met; PHQ-9 down from 17 to 8.",
        )
        doc = parse_plan(copy.deepcopy(draft.document))
        # The review sets new target dates for the next period.
        for objective in doc.objectives():
            objective.target_date = review_day + timedelta(days=70)
            if objective.criterion is not None:
                objective.criterion = objective.criterion.model_copy(update={"by_date": None})
        doc = doc.model_copy(
            update={
                "established_on": review_day,
                "next_review_date": review_day + timedelta(days=90),
            }
        )
        draft = plans.save_draft(version=draft, by=clinician, document=doc, lock=draft.lock)
        reviewed = plans.sign_version(version=draft, by=clinician, at=_at(review_day))
        plans.record_client_signature(
            version=reviewed,
            by=clinician,
            name=f"{spec.first} {spec.last}",
            at=_at(review_day, 11),
            method=SignatureMethod.TYPED_VERBAL,
            attestation="Client reviewed the updated plan in session and agreed to it verbally.",
        )
    if spec.story == "amending":
        plans.amend_version(
            version=version,
            by=clinician,
            note="Adding a nightmare-related objective after the client described new nightmares.",
        )


@transaction.atomic
def build_demo(*, today: date) -> Practice:
    """Creates the demo practice; does nothing if it already exists."""
    existing = Practice.objects.filter(name=PRACTICE_NAME).first()
    if existing:
        return existing
    practice = accounts.create_practice(name=PRACTICE_NAME, default_review_days=90)
    staff: dict[str, User] = {}
    for username, first, last, creds, role, supervisor in STAFF:
        staff[username] = accounts.create_user(
            practice=practice,
            username=username,
            password=DEMO_PASSWORD,
            role=role,
            first_name=first,
            last_name=last,
            credentials=creds,
            supervisor=staff[supervisor] if supervisor else None,
            check_password=False,
        )
    payers = {
        name: clients.create_payer(practice=practice, name=name)
        for name in dict.fromkeys([*DEMO_PAYERS, *(spec.payer for spec in CLIENTS)])
    }
    for number, spec in enumerate(CLIENTS, start=1):
        sex, pronouns, preferred = _IDENTITY.get(spec.last, ("unknown", "", ""))
        client = clients.create_client(
            practice=practice,
            clinician=staff[spec.clinician],
            first_name=spec.first,
            last_name=spec.last,
            details=clients.ClientDetails(
                first_name=spec.first,
                last_name=spec.last,
                preferred_name=preferred,
                pronouns=pronouns,
                sex=sex,
                date_of_birth=spec.born,
                record_number=f"RB-{1000 + number}",
                payer=payers[spec.payer],
                # The intake assessment a week or so before the plan was started.
                intake_date=today - timedelta(days=spec.started_days_ago + 7 + number % 5),
                phone=f"555-01{number:02d}",
                guardian_name=spec.guardian,
                guardian_relationship="parent" if spec.guardian else "",
                guardian_phone=f"555-02{number:02d}" if spec.guardian else "",
            ),
        )
        for i, code in enumerate(spec.codes):
            clients.add_diagnosis(client=client, code=code, primary=i == 0)
        _plan_for(client, spec, staff, today)
        if spec.story == "discharged":
            _discharge(client, staff[spec.clinician], today)
    return practice


def _plan_for(client: Client, spec: DemoClient, staff: dict[str, User], today: date) -> None:
    if spec.story == "none":
        return
    start = today - timedelta(days=spec.started_days_ago)
    review_days = client.review_days or client.practice.default_review_days
    document = (
        _hand_written(spec.plan_file, start)
        if spec.plan_file
        else _drafted(spec, start, review_days)
    )
    version = plans.create_plan(
        client=client,
        by=staff[spec.clinician],
        document=document,
        note="Initial plan after intake assessment.",
    )
    _tell_story(version, spec, staff, start)


def _discharge(client: Client, clinician: User, today: date) -> None:
    """An episode that ended two weeks ago: the summary drafted from the plan, signed."""
    from txplan.web.clients import discharge as discharges
    from txplan.web.clients.models import DischargeReason

    on = today - timedelta(days=14)
    draft = discharges.draft_discharge(
        client=client,
        by=clinician,
        on=on,
        reason=DischargeReason.GOALS_MET,
        reason_detail="Back at team lunches and visiting his brother; agreed to end therapy.",
        today=today,
    )
    discharges.sign_discharge(discharge=draft, by=clinician, at=_at(on, 16))
