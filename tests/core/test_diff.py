from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from txplan.core.diff import (
    Change,
    ElementDiff,
    ElementKind,
    PlanDiff,
    Segment,
    SegmentOp,
    diff_plans,
    word_diff,
)
from txplan.core.plan import Criterion, Plan

OBJECTIVE = "Within 8 weeks, score below 10 on the GAD-7 twice in a row."
BASE: dict[str, Any] = {
    "diagnoses": [
        {"code": "F41.1", "description": "Generalized anxiety disorder", "primary": True}
    ],
    "medical_necessity": {
        "symptoms": ["Daily worry about deadlines."],
        "level_of_care": "outpatient",
        "level_of_care_rationale": "Safe and engaged.",
    },
    "presenting_problem": "Synthetic client with worry that slows work.",
    "strengths": ["Curious", "Keeps appointments"],
    "problems": [
        {
            "id": "prob-a",
            "title": "Worry that slows work",
            "goals": [
                {
                    "id": "goal-a",
                    "text": "Finish weekly reports on time.",
                    "objectives": [
                        {
                            "id": "obj-a",
                            "text": OBJECTIVE,
                            "target_date": "2026-10-27",
                            "criterion": {"measure": "gad7", "comparator": "<", "threshold": 10},
                            "interventions": [
                                {
                                    "id": "int-a",
                                    "text": "Worry exposure, weekly.",
                                    "modality": "CBT",
                                }
                            ],
                        },
                        {"id": "obj-b", "text": "Send each report within one hour of drafting."},
                    ],
                },
                {"id": "goal-b", "text": "Sleep seven hours on work nights."},
            ],
        }
    ],
    "established_on": "2026-09-01",
    "next_review_date": "2026-11-30",
}


def plan(edit: Any = None) -> Plan:
    data = deepcopy(BASE)
    if edit:
        edit(data)
    return Plan.model_validate(data)


def goal_a(data: dict[str, Any]) -> dict[str, Any]:
    goal: dict[str, Any] = data["problems"][0]["goals"][0]
    return goal


def by_id(diff: PlanDiff) -> dict[str, ElementDiff]:
    return {d.id: d for d in diff.elements()}


def test_identical_plans_have_no_changes() -> None:
    diff = diff_plans(plan(), plan())
    assert diff.is_empty
    assert diff.summary.total == 0
    assert {d.change for d in diff.elements()} == {Change.UNCHANGED}
    assert not any(d.has_changes for d in diff.problems)


def test_edited_objective_text_gives_word_segments() -> None:
    def edit(data: dict[str, Any]) -> None:
        goal_a(data)["objectives"][0]["text"] = OBJECTIVE.replace("8 weeks", "6 weeks")

    diff = diff_plans(plan(), plan(edit))
    objective = by_id(diff)["obj-a"]
    assert objective.change is Change.CHANGED
    assert objective.text_change is not None
    assert objective.text_change.segments == (
        Segment(SegmentOp.EQUAL, "Within "),
        Segment(SegmentOp.DELETE, "8"),
        Segment(SegmentOp.INSERT, "6"),
        Segment(SegmentOp.EQUAL, " weeks, score below 10 on the GAD-7 twice in a row."),
    )
    assert diff.summary.changed == 1 and diff.summary.added == diff.summary.removed == 0


def test_word_diff_of_unrelated_texts_deletes_then_inserts() -> None:
    assert word_diff("call a friend", "walk daily") == (
        Segment(SegmentOp.DELETE, "call a friend"),
        Segment(SegmentOp.INSERT, "walk daily"),
    )


def words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+|[^\w\s]", text)


WORDS = st.lists(
    st.sampled_from(["worry", "GAD-7", "client's", "weekly", "10", "<", ",", ".", "by", "the"]),
    max_size=12,
)


@given(WORDS, WORDS)
def test_word_segments_rebuild_both_texts(old_words: list[str], new_words: list[str]) -> None:
    old, new = " ".join(old_words), " ".join(new_words)
    segments = word_diff(old, new)
    ops = {SegmentOp.EQUAL, SegmentOp.INSERT}
    assert "".join(s.words for s in segments if s.op in ops) == new
    kept = "".join(s.words for s in segments if s.op is not SegmentOp.INSERT)
    assert words(kept) == words(old)  # the same words, none glued; spacing may follow the new text


def test_inserted_words_leave_their_spaces_outside_the_mark() -> None:
    assert word_diff("call now", "call a friend now") == (
        Segment(SegmentOp.EQUAL, "call "),
        Segment(SegmentOp.INSERT, "a friend"),
        Segment(SegmentOp.EQUAL, " now"),
    )


def test_added_intervention_is_shown_after_its_siblings() -> None:
    def edit(data: dict[str, Any]) -> None:
        goal_a(data)["objectives"][0]["interventions"].append(
            {
                "id": "int-b",
                "text": "Client will log worry for 10 minutes daily.",
                "actor": "client",
            }
        )

    diff = diff_plans(plan(), plan(edit))
    objective = by_id(diff)["obj-a"]
    assert [(c.id, c.change) for c in objective.children] == [
        ("int-a", Change.UNCHANGED),
        ("int-b", Change.ADDED),
    ]
    assert objective.change is Change.UNCHANGED and objective.has_changes
    assert diff.summary.added == 1


def test_removed_intervention_stays_where_it_was_in_the_old_version() -> None:
    def edit(data: dict[str, Any]) -> None:
        goal_a(data)["objectives"][0]["interventions"] = [
            {"id": "int-c", "text": "Problem-solving for deadlines, weekly."}
        ]

    diff = diff_plans(plan(), plan(edit))
    children = by_id(diff)["obj-a"].children
    assert [(c.id, c.change) for c in children] == [
        ("int-a", Change.REMOVED),
        ("int-c", Change.ADDED),
    ]
    assert children[0].statement == "Worry exposure, weekly."
    assert (diff.summary.added, diff.summary.removed) == (1, 1)


def test_removed_goal_carries_its_removed_objectives() -> None:
    def edit(data: dict[str, Any]) -> None:
        del data["problems"][0]["goals"][0]

    diff = diff_plans(plan(), plan(edit))
    goals = diff.problems[0].children
    assert [(g.id, g.change) for g in goals] == [
        ("goal-a", Change.REMOVED),
        ("goal-b", Change.UNCHANGED),
    ]
    assert {d.id: d.change for d in goals[0].walk()} == {
        "goal-a": Change.REMOVED,
        "obj-a": Change.REMOVED,
        "int-a": Change.REMOVED,
        "obj-b": Change.REMOVED,
    }


def test_objective_moved_to_another_goal_is_noted_with_where_it_was() -> None:
    def edit(data: dict[str, Any]) -> None:
        moved = goal_a(data)["objectives"].pop(1)
        data["problems"][0]["goals"][1]["objectives"] = [moved]

    diff = diff_plans(plan(), plan(edit))
    goals = diff.problems[0].children
    objective = goals[1].children[0]
    assert objective.id == "obj-b" and objective.change is Change.UNCHANGED
    assert objective.moved is not None and objective.moved.parent_changed
    assert (objective.moved.old_parent_id, objective.moved.new_parent_id) == ("goal-a", "goal-b")
    assert objective.moved.old_parent == "Finish weekly reports on time."
    assert [o.id for o in goals[0].children] == ["obj-a"]  # shown once, at its new place
    assert diff.summary.moved == 1 and diff.summary.removed == 0


def test_swapping_two_objectives_reads_as_one_move() -> None:
    def edit(data: dict[str, Any]) -> None:
        goal_a(data)["objectives"].reverse()

    diff = diff_plans(plan(), plan(edit))
    objectives = diff.problems[0].children[0].children
    assert [o.id for o in objectives] == ["obj-b", "obj-a"]
    assert diff.summary.moved == 1
    assert sum(o.moved is not None for o in objectives) == 1


def test_changed_criterion_shows_old_and_new_labels() -> None:
    def edit(data: dict[str, Any]) -> None:
        goal_a(data)["objectives"][0]["criterion"]["threshold"] = 8

    old, new = plan(), plan(edit)
    objective = by_id(diff_plans(old, new))["obj-a"]
    [change] = objective.fields
    assert change.field == "criterion" and change.label == "Measured criterion"
    before = old.objectives()[0].criterion
    after = new.objectives()[0].criterion
    assert isinstance(before, Criterion) and isinstance(after, Criterion)
    assert (change.old, change.new) == (before.label(), after.label())
    assert change.segments == ()  # a criterion is shown whole, not word by word


def test_added_diagnosis_is_listed_by_code() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["diagnoses"].append({"code": "f51.01", "description": "Primary insomnia"})

    diff = diff_plans(plan(), plan(edit))
    assert [(d.code, d.change) for d in diff.diagnoses] == [("F51.01", Change.ADDED)]
    assert diff.summary.plan_changes == 1


def test_plan_level_fields_and_lists_are_compared() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["strengths"] = ["Keeps appointments", "Good sense of humour"]
        data["medical_necessity"]["level_of_care"] = "intensive_outpatient"
        data["next_review_date"] = "2026-12-15"
        data["presenting_problem"] = "Synthetic client with worry that slows work and sleep."

    diff = diff_plans(plan(), plan(edit))
    fields = {f.field: f for f in diff.fields}
    assert set(fields) == {"presenting_problem", "level_of_care", "next_review_date"}
    assert (fields["next_review_date"].old, fields["next_review_date"].new) == (
        "2026-11-30",
        "2026-12-15",
    )
    assert fields["presenting_problem"].segments == (
        Segment(SegmentOp.EQUAL, "Synthetic client with worry that slows work "),
        Segment(SegmentOp.INSERT, "and sleep"),
        Segment(SegmentOp.EQUAL, "."),
    )
    [strengths] = diff.lists
    assert (strengths.added, strengths.removed) == (("Good sense of humour",), ("Curious",))


# Properties ----------------------------------------------------------------------------------

TEXTS = st.sampled_from(["Walk daily.", "Call a friend weekly.", "Log worry for 10 minutes."])


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Plans over a small shared id pool, so two drawn plans overlap, differ and reorder."""
    goal_ids = draw(st.lists(st.sampled_from(["g1", "g2", "g3"]), unique=True, max_size=3))
    obj_ids = draw(st.permutations(["o1", "o2", "o3", "o4"]))
    keep = draw(st.integers(min_value=0, max_value=4))
    goals: list[dict[str, Any]] = [
        {"id": g, "text": draw(TEXTS), "objectives": []} for g in goal_ids
    ]
    for oid in obj_ids[:keep] if goals else []:
        goal = goals[draw(st.integers(min_value=0, max_value=len(goals) - 1))]
        goal["objectives"].append({"id": oid, "text": draw(TEXTS)})
    return Plan.model_validate({"problems": [{"id": "p1", "title": "Worry", "goals": goals}]})


@settings(max_examples=150, deadline=None)
@given(plans())
def test_a_plan_diffed_with_itself_is_empty(document: Plan) -> None:
    diff = diff_plans(document, document)
    assert diff.is_empty
    assert all(d.change is Change.UNCHANGED for d in diff.elements())


@settings(max_examples=150, deadline=None)
@given(plans(), plans())
def test_what_one_direction_adds_the_other_removes(a: Plan, b: Plan) -> None:
    forward, backward = diff_plans(a, b), diff_plans(b, a)
    assert forward.summary.added == backward.summary.removed
    assert forward.summary.removed == backward.summary.added
    assert forward.summary.changed == backward.summary.changed
    # Every element of either version appears exactly once in the merged tree.
    ids = [d.id for d in forward.elements()]
    assert len(ids) == len(set(ids))
    assert set(ids) == {e.id for e in a.elements()} | {e.id for e in b.elements()}


def test_diff_follows_the_new_tree_kinds() -> None:
    diff = diff_plans(plan(), plan())
    assert [d.kind for d in diff.problems[0].walk()][:4] == [
        ElementKind.PROBLEM,
        ElementKind.GOAL,
        ElementKind.OBJECTIVE,
        ElementKind.INTERVENTION,
    ]
