from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from txplan.core.document import (
    PlanDocumentError,
    canonical_json,
    content_hash,
    dumps,
    loads,
    parse_plan,
    to_data,
)
from txplan.core.plan import Criterion, Frequency, Plan

FULL = {
    "diagnoses": [
        {
            "code": "f33.1",
            "description": "Major depressive disorder, recurrent, moderate",
            "primary": True,
        }
    ],
    "medical_necessity": {
        "symptoms": ["Low mood most days (PHQ-9 of 16)."],
        "impairments": [
            {"domain": "work_school", "description": "Missed 4 shifts in a month."},
            {"domain": "safety", "description": "Passive wish to not wake up."},
        ],
        "level_of_care": "outpatient",
        "level_of_care_rationale": "Safe, engaged, supported at home.",
    },
    "presenting_problem": "Synthetic client with low mood after a move.",
    "strengths": ["Loyal friends", "Likes to cook"],
    "client_words": "I want to cook for my friends again.",
    "problems": [
        {
            "id": "prob-1",
            "title": "Low mood and withdrawal",
            "description": "Stays in bed.",
            "client_words": "I'm stuck.",
            "goals": [
                {
                    "id": "goal-1",
                    "text": "Return to work shifts and cooking for friends.",
                    "client_words": "Cook again.",
                    "objectives": [
                        {
                            "id": "obj-1",
                            "text": "Within 12 weeks, PHQ-9 of 9 or lower twice in a row.",
                            "target_date": "2027-02-01",
                            "timeframe": "within 12 weeks",
                            "criterion": {
                                "measure": "phq9",
                                "comparator": "<=",
                                "threshold": 9,
                                "consecutive": 2,
                                "min_days_apart": 7,
                                "by_date": "2027-02-01",
                            },
                            "interventions": [
                                {
                                    "id": "int-1",
                                    "text": "Clinician will use behavioural activation weekly.",
                                    "method": "activity scheduling",
                                    "target": "withdrawal",
                                    "modality": "behavioural activation",
                                    "frequency": "weekly",
                                    "actor": "clinician",
                                    "origin": {"library_id": "depression.i1", "library_text": "x"},
                                },
                                {
                                    "id": "int-2",
                                    "text": "Client will log activities daily.",
                                    "frequency": "daily",
                                    "actor": "client",
                                },
                            ],
                        }
                    ],
                }
            ],
        }
    ],
    "service": {
        "type": "individual",
        "session_minutes": 53,
        "frequency": "every 2 weeks",
        "expected_duration_weeks": 16,
    },
    "established_on": "2026-11-01",
    "review_interval_days": 90,
    "next_review_date": "2027-01-30",
    "discharge_criteria": ["PHQ-9 under 10 for a month."],
    "signatures": [
        {
            "role": "clinician",
            "name": "Pat Example",
            "credentials": "LPC",
            "signed_at": "2026-11-01T10:00:00+00:00",
            "method": "password",
            "attestation": "Reviewed with the client.",
        }
    ],
}


def test_json_round_trip_is_unchanged() -> None:
    plan = parse_plan(FULL)
    once = dumps(plan)
    again = dumps(loads(once))
    assert once == again
    assert loads(once) == plan


def test_every_field_survives_the_round_trip() -> None:
    plan = loads(dumps(parse_plan(FULL)))
    objective = plan.problems[0].goals[0].objectives[0]
    assert plan.diagnoses[0].code == "F33.1"
    assert objective.criterion == Criterion(
        measure="phq9", comparator="<=", threshold=9, consecutive=2, by_date=date(2027, 2, 1)
    )
    assert objective.interventions[1].frequency == Frequency(times=1, unit="day")
    assert plan.service.frequency and plan.service.frequency.label() == "every 2 weeks"
    assert plan.signatures[0].signed_at and plan.signatures[0].signed_at.year == 2026
    assert objective.interventions[0].origin and objective.interventions[0].origin.library_id


def test_errors_name_the_path_of_the_bad_field_and_all_are_reported() -> None:
    bad = json.loads(json.dumps(FULL))
    bad["problems"].append(
        {
            "title": "Second",
            "goals": [
                {
                    "text": "g",
                    "objectives": [
                        {"text": "a"},
                        {"text": "b"},
                        {"text": "c", "target_date": "soon"},
                    ],
                }
            ],
        }
    )
    bad["problems"][0]["goals"][0]["objectives"][0]["interventions"][0]["frequency"] = "often"
    bad["review_interval_days"] = 3
    bad["surprise"] = True
    with pytest.raises(PlanDocumentError) as caught:
        parse_plan(bad)
    messages = [str(e) for e in caught.value.errors]
    assert "problems[1].goals[0].objectives[2].target_date: not a date (expected YYYY-MM-DD)" in (
        messages
    )
    assert any(
        m.startswith(
            "problems[0].goals[0].objectives[0].interventions[0].frequency: not a frequency"
        )
        for m in messages
    )
    assert "review_interval_days: must be at least 7" in messages
    assert "surprise: unknown field" in messages
    assert len(messages) == 4


def test_invalid_json_names_the_line_and_column() -> None:
    with pytest.raises(PlanDocumentError, match="line 2, column"):
        loads('{"problems": [\n  oops]}')


def test_a_non_object_document_is_refused() -> None:
    with pytest.raises(PlanDocumentError, match="JSON object"):
        parse_plan([1, 2])


def test_duplicate_element_ids_are_refused() -> None:
    bad = json.loads(json.dumps(FULL))
    bad["problems"][0]["goals"][0]["objectives"][0]["interventions"][1]["id"] = "int-1"
    with pytest.raises(PlanDocumentError, match="'int-1' is used more than once"):
        parse_plan(bad)


def test_a_signature_that_could_not_be_obtained_needs_a_reason() -> None:
    bad = json.loads(json.dumps(FULL))
    bad["signatures"].append({"role": "client", "name": "Client", "method": "unable"})
    with pytest.raises(PlanDocumentError, match=r"signatures\[1\]: .*unable_reason"):
        parse_plan(bad)


def test_new_elements_get_stable_ids_that_a_copy_keeps() -> None:
    plan = parse_plan({"problems": [{"title": "A", "goals": [{"text": "B"}]}]})
    problem_id = plan.problems[0].id
    assert problem_id.startswith("prob-") and plan.problems[0].goals[0].id.startswith("goal-")
    assert loads(dumps(plan)).problems[0].id == problem_id


def test_content_hash_ignores_key_order_and_whitespace_but_not_content() -> None:
    plan = parse_plan(FULL)
    shuffled = json.dumps(dict(reversed(list(to_data(plan).items()))), indent=4)
    assert content_hash(loads(shuffled)) == content_hash(plan)
    changed = plan.model_copy(update={"presenting_problem": "Different."})
    assert content_hash(changed) != content_hash(plan)
    assert " " not in canonical_json(parse_plan({}))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("weekly", "weekly"),
        ("2x/week", "2x per week"),
        ("3 times per week", "3x per week"),
        ("every 2 weeks", "every 2 weeks"),
        ("biweekly", "every 2 weeks"),
        ("Daily", "daily"),
        ("monthly", "monthly"),
    ],
)
def test_frequency_shorthands_are_understood(text: str, label: str) -> None:
    assert Frequency.model_validate(text).label() == label


@given(st.text(max_size=200))
def test_any_text_as_a_document_is_either_a_plan_or_a_document_error(text: str) -> None:
    try:
        assert isinstance(loads(text), Plan)
    except PlanDocumentError as exc:
        assert exc.errors and all(str(e) for e in exc.errors)
