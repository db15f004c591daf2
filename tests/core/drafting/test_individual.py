"""Which statements are still the library's text, and which of those are still generic."""

from __future__ import annotations

from tests.core.drafting.conftest import request
from txplan.core.drafting import (
    StatementState,
    draft_plan,
    needs_individualising,
    statement_status,
)
from txplan.core.plan import Goal, Problem


def test_a_fresh_draft_is_all_unchanged_library_text() -> None:
    plan = draft_plan(request(diagnoses=["F33.1"], presenting_problem="Low mood."))
    states = statement_status(plan)
    assert len(states) == len(plan.elements())
    assert all(s.unchanged for s in states)
    assert len(needs_individualising(plan)) == len(states)


def test_an_edited_statement_no_longer_needs_individualising() -> None:
    plan = draft_plan(request(diagnoses=["F33.1"], presenting_problem="Low mood."))
    goal = plan.problems[0].goals[0]
    goal.text = "Get back to Saturday football with her brothers and to full shifts at the bakery."
    status = {s.element_id: s for s in statement_status(plan)}
    assert status[goal.id].state is StatementState.EDITED
    assert status[goal.id].library_id == "depression.g1"
    assert goal.id not in {s.element_id for s in needs_individualising(plan)}


def test_statements_with_client_specifics_are_told_apart_from_generic_ones() -> None:
    generic = draft_plan(request(diagnoses=["F33.1"], presenting_problem="Low mood."))
    specific = draft_plan(
        request(diagnoses=["F33.1"], presenting_problem="Low mood; stopped going to choir.")
    )
    generic_state = statement_status(generic)[1]
    specific_state = statement_status(specific)[1]
    assert generic_state.kind == specific_state.kind == "goal"
    assert generic_state.state is StatementState.DRAFT_GENERIC
    assert specific_state.state is StatementState.DRAFT_SPECIFIC
    assert "going to choir" in specific_state.text


def test_generic_statements_are_listed_first() -> None:
    plan = draft_plan(
        request(
            diagnoses=["F33.1"],
            presenting_problem="Low mood; stopped going to choir and avoids her sister.",
        )
    )
    order = [s.state for s in needs_individualising(plan)]
    assert order == sorted(order, key=lambda s: s is not StatementState.DRAFT_GENERIC)
    assert StatementState.DRAFT_SPECIFIC in order


def test_a_problem_quoting_the_presenting_problem_is_specific() -> None:
    plan = draft_plan(request(diagnoses=["F33.1"], presenting_problem="Low mood since May."))
    assert statement_status(plan)[0].state is StatementState.DRAFT_SPECIFIC


def test_statements_written_on_the_plan_are_the_clinicians_own() -> None:
    plan = draft_plan(request(diagnoses=["F33.1"], presenting_problem="Low mood."))
    plan.problems.append(Problem(title="Housing", goals=[Goal(text="Keep the flat.")]))
    own = [s for s in statement_status(plan) if s.state is StatementState.OWN]
    assert [s.kind for s in own] == ["problem", "goal"] and own[1].library_id == ""
