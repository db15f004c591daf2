"""Drafts for the 40 most common outpatient F-codes are audit-clean.

The list: the codes most often billed in outpatient psychotherapy (depressive, anxiety,
trauma- and stressor-related, ADHD, bipolar, substance use, sleep, OCD), with unspecified
and specified variants as clinicians actually enter them. Each draft gets a presenting problem
in a clinician's words (synthetic), so the audit sees a realistic plan.
"""

from __future__ import annotations

from datetime import date

import pytest

from txplan.core import icd10
from txplan.core.audit import audit_plan
from txplan.core.audit.findings import Finding, Severity
from txplan.core.drafting import Area, DraftRequest, draft_with_notes, load_library
from txplan.core.plan import Plan

START = date(2026, 3, 2)

# code → a presenting problem (synthetic)
COMMON_F_CODES: dict[str, str] = {
    "F32.0": "Low mood for 3 weeks since a move; stopped calling friends.",
    "F32.1": "Low mood and poor sleep for 2 months; missed 5 days of work.",
    "F32.2": "Stays in bed most days; stopped cooking and showering; missed a month of work.",
    "F32.9": "Low mood and loss of interest in painting since the spring.",
    "F32.A": "Sad and withdrawn since the winter; skipping classes.",
    "F33.0": "Third episode of low mood; struggling to keep up at work.",
    "F33.1": "Recurrent low mood; stopped going to the gym and avoids her friends.",
    "F33.2": "Recurrent depression; not leaving the house and missing shifts.",
    "F33.9": "Depression returning each winter; calls in sick and sleeps all day.",
    "F34.1": "Low mood for years; describes life as grey; no friends outside work.",
    "F41.0": "Panic attacks in stores and on the bus; heart racing; went to the ER twice.",
    "F41.1": "Worries all day about her job and her children; can't switch off at night.",
    "F41.9": "Anxious and on edge most days; avoids phone calls at work.",
    "F41.8": "Mixed anxiety and low mood; tense and tearful at work.",
    "F40.00": "Has not left the neighbourhood in a year; afraid of crowds and buses.",
    "F40.10": "Avoids speaking in meetings and eating in the staff room.",
    "F40.11": "Fear of being judged at parties; skips all work social events.",
    "F40.218": "Terrified of dogs; will not walk to the park with his kids.",
    "F42.2": "Checks the stove and locks for an hour before leaving; late for work.",
    "F43.10": "Nightmares and flashbacks since the car crash; avoids driving on the highway.",
    "F43.12": "Startles easily and avoids crowds since an assault 3 years ago.",
    "F43.0": "Shaken and not sleeping since a robbery at work last week.",
    "F43.20": "Overwhelmed since the divorce; struggling to keep the house running.",
    "F43.21": "Low mood since being laid off; stopped job searching.",
    "F43.22": "Anxious since moving to a new city for work; not sleeping.",
    "F43.23": "Tearful and worried since her mother's diagnosis; missing classes.",
    "F43.24": "Skipping school and fighting with teachers since his parents separated.",
    "F43.25": "Irritable, tearful and getting into fights since the family moved.",
    "F43.89": "Struggling since the fire at his workplace; tense and distracted.",
    "F90.0": "Misses deadlines at work and loses her keys; disorganized since school.",
    "F90.1": "10-year-old; his teacher reports he leaves his seat and blurts out in class.",
    "F90.2": "Adult with lifelong distractibility and impulsive spending; late for work.",
    "F90.9": "Trouble focusing on coursework; procrastinates until the night before.",
    "F31.81": "Bipolar II; two depressive episodes this year; irregular sleep.",
    "F31.9": "Bipolar disorder; stable on lithium; wants to keep well and keep her job.",
    "F10.10": "Drinking 5 beers most nights; wife worried; hangovers at work.",
    "F10.20": "Daily drinking for years; missed shifts; wants to cut down.",
    "F12.20": "Smokes cannabis daily; lost motivation for school.",
    "F51.01": "Can't fall asleep until 3 a.m.; exhausted at work.",
    "F34.0": "Mood swings between low and high periods for years; irregular sleep.",
}


# A draft is unsigned by definition: nothing is signed automatically (PRODUCT.md). The audit's
# draft mode reports the missing signatures as info, so every error left is a real flaw.
def content_errors(plan: Plan) -> list[Finding]:
    return [f for f in audit_plan(plan, START, draft=True) if f.severity is Severity.ERROR]


def describe(errors: list[Finding]) -> str:
    return "\n".join(f"{f.code} {f.element_id}: {f.explanation}" for f in errors)


def test_the_list_has_forty_distinct_codes() -> None:
    assert len(COMMON_F_CODES) == 40


@pytest.mark.parametrize(("code", "problem"), COMMON_F_CODES.items(), ids=list(COMMON_F_CODES))
def test_a_draft_for_a_common_code_has_no_audit_error(code: str, problem: str) -> None:
    draft = draft_with_notes(
        DraftRequest(
            diagnoses=[code],
            presenting_problem=problem,
            start=START,
            strengths=["Supportive sister"],
        )
    )
    errors = content_errors(draft.plan)
    assert errors == [], describe(errors)


@pytest.mark.parametrize("review_days", [30, 60, 90])
@pytest.mark.parametrize(
    ("codes", "problem"),
    [
        (["F41.1"], "Worries all day; passive SI most evenings."),
        (["F10.20"], "Drinking daily; cut her arms last week."),
        (["F90.0"], "Misses deadlines; thoughts of suicide; has been cutting her wrists."),
        (["F42.2"], "Checks locks for hours; thoughts of killing herself; pills saved up."),
        (
            ["F43.10", "F33.1"],
            "Flashbacks and low mood; says the family is better off without him.",
        ),
    ],
)
def test_a_draft_with_risk_language_is_audit_clean_whatever_the_diagnosis(
    codes: list[str], problem: str, review_days: int
) -> None:
    draft = draft_with_notes(
        DraftRequest(
            diagnoses=codes,
            presenting_problem=problem,
            start=START,
            review_days=review_days,
            approach="CBT",
        )
    )
    assert draft.plan.problems[0].title.startswith("Suicidal thoughts")
    errors = content_errors(draft.plan)
    assert errors == [], describe(errors)


def billable_under(prefix: str) -> str:
    """The first billable code under an area's prefix (F43.1 → F43.10)."""
    first = prefix.split("-")[0]
    try:
        return icd10.lookup(first).code
    except icd10.NotBillable as exc:
        return exc.children[0].code


AREAS_WITH_CODES = [a for a in load_library().areas.values() if a.icd10]


@pytest.mark.parametrize("area", AREAS_WITH_CODES, ids=[a.id for a in AREAS_WITH_CODES])
def test_a_draft_from_every_coded_area_is_audit_clean(area: Area) -> None:
    """Every area, drafted from a billable code under its first prefix, with no text at all."""
    code = billable_under(area.icd10[0])
    draft = draft_with_notes(DraftRequest(diagnoses=[code], presenting_problem="", start=START))
    errors = content_errors(draft.plan)
    assert errors == [], f"{area.id} ({code}):\n{describe(errors)}"
