"""draft_plan and draft_with_notes: a complete, specific, deterministic plan."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from tests.core.drafting.conftest import START, request
from txplan.core.document import dumps, loads
from txplan.core.drafting import TO_COMPLETE, DraftError, draft_plan, draft_with_notes
from txplan.core.plan import Actor, FunctionalImpairment, ImpairmentDomain, LevelOfCare, Plan

WORK = (
    "Low mood since March; has missed 6 days of work and is on a final warning. "
    "Stopped going to the gym. Avoids her friends."
)
HOME = (
    "Low mood since the birth of her second child; stays in bed until noon and no longer "
    "plays soccer with her son. Her husband does the school run."
)


def statements(plan: Plan) -> set[str]:
    return {g.text for p in plan.problems for g in p.goals} | {o.text for o in plan.objectives()}


def test_the_same_request_gives_the_same_document() -> None:
    ask = request(diagnoses=["F33.1"], presenting_problem=WORK, approach="CBT")
    assert dumps(draft_plan(ask)) == dumps(draft_plan(ask))


def test_ids_change_with_the_request_but_not_between_runs() -> None:
    first = draft_plan(request(diagnoses=["F33.1"], presenting_problem=WORK))
    other = draft_plan(request(diagnoses=["F33.1"], presenting_problem=HOME))
    assert {e.id for e in first.elements()}.isdisjoint({e.id for e in other.elements()})
    assert first.problems[0].id.startswith("prob-")


def test_two_presenting_problems_under_one_code_give_different_goals_and_objectives() -> None:
    work = draft_plan(request(diagnoses=["F33.1"], presenting_problem=WORK))
    home = draft_plan(request(diagnoses=["F33.1"], presenting_problem=HOME))
    assert statements(work) != statements(home)
    work_goals = {g.text for g in work.problems[0].goals}
    home_goals = {g.text for g in home.problems[0].goals}
    assert work_goals != home_goals
    assert any("going to the gym" in text for text in statements(work))
    assert any("playing soccer with her son" in text for text in statements(home))


def test_the_plan_round_trips_through_the_document_schema() -> None:
    plan = draft_plan(request(diagnoses=["F41.1", "F33.1"], presenting_problem=WORK))
    assert loads(dumps(plan)) == plan


def test_every_problem_has_goals_objectives_and_interventions() -> None:
    plan = draft_plan(
        request(
            diagnoses=["F43.10", "F10.20"],
            presenting_problem="Startles at loud noises since the crash.",
        )
    )
    assert [p.title for p in plan.problems] == ["Posttraumatic stress", "Alcohol use"]
    for problem in plan.problems:
        assert len(problem.goals) >= 2
        for goal in problem.goals:
            assert goal.objectives
            for objective in goal.objectives:
                assert any(i.actor is Actor.CLINICIAN for i in objective.interventions)
                assert all(i.frequency is not None for i in objective.interventions)


def test_each_measured_area_links_an_objective_to_its_measure() -> None:
    plan = draft_plan(request(diagnoses=["F43.10", "F41.1"], presenting_problem=""))
    measures = [
        [o.criterion.measure for g in p.goals for o in g.objectives if o.criterion]
        for p in plan.problems
    ]
    assert measures == [["pcl5"], ["gad7"]]
    measured = [o for o in plan.objectives() if o.criterion is not None]
    assert all(o.criterion and o.criterion.by_date == o.target_date for o in measured)


def test_the_measure_follows_the_diagnosis_within_an_area() -> None:
    mood = draft_plan(request(diagnoses=["F43.21"], presenting_problem="Since the layoff."))
    anxious = draft_plan(request(diagnoses=["F43.22"], presenting_problem="Since the layoff."))
    assert [o.criterion.measure for o in mood.objectives() if o.criterion] == ["phq9"]
    assert [o.criterion.measure for o in anxious.objectives() if o.criterion] == ["gad7"]


@pytest.mark.parametrize("review_days", [30, 60, 90])
def test_target_dates_fall_inside_the_review_interval(review_days: int) -> None:
    plan = draft_plan(
        request(diagnoses=["F33.1", "F41.1"], presenting_problem=WORK, review_days=review_days)
    )
    assert plan.next_review_date == START + timedelta(days=review_days)
    assert plan.established_on == START and plan.review_interval_days == review_days
    for objective in plan.objectives():
        assert objective.target_date is not None
        assert START < objective.target_date <= plan.next_review_date
        weeks = (objective.target_date - START).days // 7
        assert objective.timeframe == f"within {weeks} week{'s' if weeks > 1 else ''}"
        assert f"Within {weeks} week" in objective.text


def test_the_requested_modality_is_preferred() -> None:
    plan = draft_plan(request(diagnoses=["F41.1"], presenting_problem=WORK, approach="ACT"))
    modalities = [i.modality for o in plan.objectives() for i in o.interventions]
    assert "ACT" in modalities


def test_an_approach_the_area_lacks_gives_a_warning() -> None:
    draft = draft_with_notes(
        request(diagnoses=["F51.01"], presenting_problem="Can't sleep.", approach="EMDR")
    )
    assert any("No intervention for 'Insomnia' uses EMDR" in w for w in draft.warnings)


def test_an_unknown_approach_gives_a_warning() -> None:
    draft = draft_with_notes(
        request(diagnoses=["F33.1"], presenting_problem=WORK, approach="aromatherapy")
    )
    assert any("'aromatherapy' is not a modality" in w for w in draft.warnings)


def test_specifics_from_the_request_reach_the_statements() -> None:
    plan = draft_plan(
        request(
            diagnoses=["F40.10"],
            client_name="Maya",
            presenting_problem="Avoids speaking in meetings since her promotion.",
            strengths=["Supportive sister"],
            client_words="I want to speak up at work",
        )
    )
    texts = statements(plan)
    assert any("speaking in meetings" in t for t in texts)
    assert any(t.startswith("Within") and "Maya will" in t for t in texts)
    assert plan.client_words == "I want to speak up at work"
    assert plan.problems[0].goals[0].client_words == "I want to speak up at work"


def test_a_quoted_phrase_becomes_the_clients_words() -> None:
    plan = draft_plan(
        request(
            diagnoses=["F33.1"], presenting_problem='Low mood. Says "I just want my life back".'
        )
    )
    assert plan.client_words == "I just want my life back"


def test_medical_necessity_uses_what_was_given_and_marks_the_rest() -> None:
    impairment = FunctionalImpairment(
        domain=ImpairmentDomain.WORK_SCHOOL, description="Missed 6 shifts in 4 weeks."
    )
    draft = draft_with_notes(
        request(diagnoses=["F33.1"], presenting_problem=WORK, impairments=[impairment])
    )
    necessity = draft.plan.medical_necessity
    assert necessity.impairments == [impairment]
    assert necessity.symptoms[0].startswith("Low mood since March")
    assert necessity.level_of_care is LevelOfCare.OUTPATIENT
    assert TO_COMPLETE in necessity.level_of_care_rationale
    assert any(s.startswith("Level of care") for s in draft.to_supply)


def test_without_impairments_the_draft_takes_them_from_the_text_and_says_so() -> None:
    draft = draft_with_notes(request(diagnoses=["F33.1"], presenting_problem=WORK))
    domains = [i.domain for i in draft.plan.medical_necessity.impairments]
    assert ImpairmentDomain.WORK_SCHOOL in domains
    assert any("taken from sentences of the presenting problem" in s for s in draft.to_supply)


def test_with_nothing_to_go_on_the_gaps_are_marked_not_invented() -> None:
    draft = draft_with_notes(request(diagnoses=["F41.1"], presenting_problem=""))
    necessity = draft.plan.medical_necessity
    assert necessity.symptoms[0].startswith(TO_COMPLETE)
    assert necessity.impairments[0].description.startswith(TO_COMPLETE)
    assert len(draft.to_supply) == 3


def test_risk_language_adds_the_risk_assessment_to_what_must_be_supplied() -> None:
    draft = draft_with_notes(
        request(diagnoses=["F33.1"], presenting_problem="Low mood with passive SI.")
    )
    assert draft.plan.problems[0].title.startswith("Suicidal thoughts")
    assert draft.to_supply[0].startswith("Risk:")
    assert "suicide risk assessment" in draft.plan.medical_necessity.level_of_care_rationale


def test_service_and_discharge_criteria_are_filled() -> None:
    plan = draft_plan(
        request(diagnoses=["F33.1"], presenting_problem=WORK, session_frequency="biweekly")
    )
    assert plan.service.frequency is not None and plan.service.frequency.label() == "every 2 weeks"
    assert plan.service.session_minutes and plan.service.expected_duration_weeks
    assert plan.discharge_criteria[0].startswith("Depressive symptoms: PHQ-9 at or below 9")
    # In-session work cannot happen more often than the sessions do.
    clinician = [
        i for o in plan.objectives() for i in o.interventions if i.actor is Actor.CLINICIAN
    ]
    assert all(i.frequency is not None and i.frequency.per_week() <= 0.5 for i in clinician)


def test_every_statement_records_its_library_origin() -> None:
    plan = draft_plan(request(diagnoses=["F42.2"], presenting_problem="Checks the stove."))
    for element in plan.elements():
        assert element.origin is not None
        text = element.description if hasattr(element, "description") else element.text
        assert element.origin.library_text == text
    assert plan.problems[0].origin and plan.problems[0].origin.library_id == "ocd"


def test_the_reason_for_each_area_is_draft_metadata_not_plan_text() -> None:
    draft = draft_with_notes(
        request(diagnoses=["F41.0"], presenting_problem="Panic attacks at work.")
    )
    description = draft.plan.problems[0].description
    assert description == "Panic attacks at work."
    assert "Why this area" not in draft.plan.model_dump_json()
    assert "is among the codes of" not in draft.plan.model_dump_json()
    assert "Diagnosis F41.0" in draft.reasons[0].explanation


def test_no_area_and_no_code_is_a_clear_error() -> None:
    with pytest.raises(DraftError, match="presenting_problem: no problem area fits"):
        draft_plan(request(presenting_problem="Here for a check-in."))


def test_bad_request_fields_are_named() -> None:
    with pytest.raises(ValidationError) as caught:
        request(diagnoses=["F33.1"], presenting_problem="x", review_days=45, client_name="R2-D2")
    fields = {e["loc"][0] for e in caught.value.errors()}
    assert fields == {"review_days", "client_name"}
