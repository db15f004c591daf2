"""A readable diff between two versions of a plan.

Problems, goals, objectives and interventions are matched by their stable ``id`` (see
``core/plan.py``), not by position or text, so a reworded objective reads as *changed* rather
than as one removed and one added, and an objective dragged to another goal reads as *moved*.

The result follows the new version's tree; an element that is gone is shown where it stood in
the old version, right after the sibling that preceded it there. Signatures and ``origin`` are
not compared: signatures always differ between versions (an amendment starts unsigned) and
origin is provenance, not content the reader of the plan sees.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from txplan.core.plan import Goal, Intervention, Objective, Plan, Problem
from txplan.core.textdiff import (
    FieldChange,
    ListChange,
    Segment,
    SegmentOp,
    changes,
    list_change,
    word_diff,
)

# Re-exported: the diff's public vocabulary, so callers import from one place.
__all__ = [
    "Change",
    "DiagnosisChange",
    "ElementDiff",
    "ElementKind",
    "FieldChange",
    "ListChange",
    "Move",
    "PlanDiff",
    "Segment",
    "SegmentOp",
    "Summary",
    "diff_plans",
    "word_diff",
]

Element = Problem | Goal | Objective | Intervention


class Change(StrEnum):
    ADDED = "added"  # only in the new version
    REMOVED = "removed"  # only in the old version
    CHANGED = "changed"  # in both versions, at least one compared field differs
    UNCHANGED = "unchanged"  # in both versions, every compared field the same


class ElementKind(StrEnum):
    PROBLEM = "problem"
    GOAL = "goal"
    OBJECTIVE = "objective"
    INTERVENTION = "intervention"


@dataclass(frozen=True)
class Move:
    """Where a moved element stood in the old version (positions count from 1)."""

    old_parent_id: str | None  # None for a problem: its parent is the plan itself
    new_parent_id: str | None
    old_position: int
    new_position: int
    old_parent: str = ""  # the old parent's statement, so a reader can tell where it was

    @property
    def parent_changed(self) -> bool:
        return self.old_parent_id != self.new_parent_id


@dataclass(frozen=True)
class ElementDiff:
    kind: ElementKind
    id: str
    change: Change
    statement: str  # the title (problem) or text, from the new version unless removed
    fields: tuple[FieldChange, ...] = ()
    moved: Move | None = None
    children: tuple[ElementDiff, ...] = ()

    @property
    def has_changes(self) -> bool:
        """True when this element or anything beneath it was added, removed, changed or moved."""
        return (
            self.change is not Change.UNCHANGED
            or self.moved is not None
            or any(c.has_changes for c in self.children)
        )

    @property
    def text_change(self) -> FieldChange | None:
        """The change of the statement itself (title or text), shown inline."""
        main = "title" if self.kind is ElementKind.PROBLEM else "text"
        return next((f for f in self.fields if f.field == main), None)

    @property
    def other_changes(self) -> tuple[FieldChange, ...]:
        main = self.text_change
        return tuple(f for f in self.fields if f is not main)

    def walk(self) -> list[ElementDiff]:
        return [self, *(d for c in self.children for d in c.walk())]


@dataclass(frozen=True)
class DiagnosisChange:
    code: str
    description: str
    change: Change
    fields: tuple[FieldChange, ...] = ()  # description or primary flag, when changed


@dataclass(frozen=True)
class Summary:
    added: int  # statements (problems, goals, objectives, interventions) added
    removed: int
    changed: int
    moved: int
    plan_changes: int  # plan-level fields, list items and diagnoses that differ

    @property
    def total(self) -> int:
        return self.added + self.removed + self.changed + self.moved + self.plan_changes


@dataclass(frozen=True)
class PlanDiff:
    diagnoses: tuple[DiagnosisChange, ...]
    fields: tuple[FieldChange, ...]  # plan-level single values that changed
    lists: tuple[ListChange, ...]  # plan-level lists with items added or removed
    problems: tuple[ElementDiff, ...]
    summary: Summary

    @property
    def is_empty(self) -> bool:
        return self.summary.total == 0

    def elements(self) -> list[ElementDiff]:
        return [d for p in self.problems for d in p.walk()]


_FIELDS: dict[ElementKind, tuple[str, ...]] = {
    ElementKind.PROBLEM: ("title", "description", "client_words"),
    ElementKind.GOAL: ("text", "client_words"),
    ElementKind.OBJECTIVE: ("text", "target_date", "timeframe", "criterion"),
    ElementKind.INTERVENTION: ("text", "method", "target", "modality", "frequency", "actor"),
}


# The tree ------------------------------------------------------------------------------------


class _Place(NamedTuple):
    element: Element
    parent_id: str | None
    position: int  # from 1, among its siblings


def _children(element: Element | None, plan: Plan) -> Sequence[Element]:
    if element is None:
        return plan.problems
    if isinstance(element, Problem):
        return element.goals
    if isinstance(element, Goal):
        return element.objectives
    if isinstance(element, Objective):
        return element.interventions
    return []


_KIND_OF: dict[type, ElementKind] = {
    Problem: ElementKind.PROBLEM,
    Goal: ElementKind.GOAL,
    Objective: ElementKind.OBJECTIVE,
    Intervention: ElementKind.INTERVENTION,
}


class _Tree(NamedTuple):
    # Keyed by kind as well as id: a goal and an objective that happen to share an id are
    # different statements.
    at: dict[tuple[ElementKind, str], _Place]
    under: dict[tuple[ElementKind, str | None], list[str]]  # (child kind, parent id) → ids


def _index(plan: Plan) -> _Tree:
    tree = _Tree({}, {})

    def visit(parent: Element | None) -> None:
        for n, child in enumerate(_children(parent, plan), start=1):
            kind, parent_id = _KIND_OF[type(child)], parent.id if parent else None
            tree.at[(kind, child.id)] = _Place(child, parent_id, n)
            tree.under.setdefault((kind, parent_id), []).append(child.id)
            visit(child)

    visit(None)
    return tree


class _Differ:
    def __init__(self, old: Plan, new: Plan) -> None:
        self.old_tree, self.new_tree = _index(old), _index(new)
        self.old_at, self.new_at = self.old_tree.at, self.new_tree.at

    def children(self, kind: ElementKind, parent_id: str | None) -> tuple[ElementDiff, ...]:
        """The diffs of ``parent_id``'s children of ``kind``, in the merged order."""
        new_ids = self.new_tree.under.get((kind, parent_id), [])
        old_ids = self.old_tree.under.get((kind, parent_id), [])
        # Ids under this parent in both versions whose relative order changed are "moved";
        # the longest common run keeps its place, so one drag reads as one move.
        kept = [i for i in old_ids if i in new_ids]
        staying = [i for i in new_ids if i in kept]
        reordered = set(kept) - _in_common_order(kept, staying)

        order = list(new_ids)
        anchor: str | None = None  # the last old sibling already placed
        for oid in old_ids:
            if oid in order:
                anchor = oid
            elif (kind, oid) not in self.new_at:  # removed, not moved elsewhere
                order.insert(order.index(anchor) + 1 if anchor else 0, oid)
                anchor = oid
        return tuple(self.element(kind, i, i in reordered) for i in order)

    def element(self, kind: ElementKind, element_id: str, reordered: bool) -> ElementDiff:
        before, after = self.old_at.get((kind, element_id)), self.new_at.get((kind, element_id))
        child_kind = _CHILD_KIND.get(kind)
        children = self.children(child_kind, element_id) if child_kind else ()
        if before is None or after is None:
            place = after or before
            assert place is not None  # every id in the merged order comes from one version
            return ElementDiff(
                kind,
                element_id,
                Change.ADDED if after else Change.REMOVED,
                _statement(place.element),
                children=children,
            )
        fields = changes(
            [(n, getattr(before.element, n), getattr(after.element, n)) for n in _FIELDS[kind]]
        )
        moved = None
        if reordered or before.parent_id != after.parent_id:
            parent = self.old_at.get((_PARENT_KIND[kind], before.parent_id or ""))
            moved = Move(
                before.parent_id,
                after.parent_id,
                before.position,
                after.position,
                _statement(parent.element) if parent else "",
            )
        return ElementDiff(
            kind,
            element_id,
            Change.CHANGED if fields else Change.UNCHANGED,
            _statement(after.element),
            fields,
            moved,
            children,
        )


_CHILD_KIND = {
    ElementKind.PROBLEM: ElementKind.GOAL,
    ElementKind.GOAL: ElementKind.OBJECTIVE,
    ElementKind.OBJECTIVE: ElementKind.INTERVENTION,
}
_PARENT_KIND = {child: parent for parent, child in _CHILD_KIND.items()} | {
    ElementKind.PROBLEM: ElementKind.PROBLEM  # a problem's parent is the plan: never found
}


def _statement(element: Element) -> str:
    return element.title if isinstance(element, Problem) else element.text


def _in_common_order(old: list[str], new: list[str]) -> set[str]:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return {
        i for block in matcher.get_matching_blocks() for i in old[block.a : block.a + block.size]
    }


# The plan ------------------------------------------------------------------------------------


def _diagnoses(old: Plan, new: Plan) -> tuple[DiagnosisChange, ...]:
    before = {d.code: d for d in old.diagnoses}
    after = {d.code: d for d in new.diagnoses}
    out = []
    for d in new.diagnoses:
        if d.code not in before:
            out.append(DiagnosisChange(d.code, d.description, Change.ADDED))
        elif fields := changes(
            [
                ("description", before[d.code].description, d.description),
                ("primary", before[d.code].primary, d.primary),
            ]
        ):
            out.append(DiagnosisChange(d.code, d.description, Change.CHANGED, fields))
    out += [
        DiagnosisChange(d.code, d.description, Change.REMOVED)
        for d in old.diagnoses
        if d.code not in after
    ]
    return tuple(out)


def _plan_fields(old: Plan, new: Plan) -> tuple[FieldChange, ...]:
    a, b = old, new
    mn_a, mn_b, sv_a, sv_b = a.medical_necessity, b.medical_necessity, a.service, b.service
    return changes(
        [
            ("presenting_problem", a.presenting_problem, b.presenting_problem),
            ("client_words", a.client_words, b.client_words),
            ("level_of_care", mn_a.level_of_care, mn_b.level_of_care),
            ("level_of_care_rationale", mn_a.level_of_care_rationale, mn_b.level_of_care_rationale),
            ("service_type", sv_a.type, sv_b.type),
            ("session_minutes", sv_a.session_minutes, sv_b.session_minutes),
            ("service_frequency", sv_a.frequency, sv_b.frequency),
            ("expected_duration_weeks", sv_a.expected_duration_weeks, sv_b.expected_duration_weeks),
            ("established_on", a.established_on, b.established_on),
            ("review_interval_days", a.review_interval_days, b.review_interval_days),
            ("next_review_date", a.next_review_date, b.next_review_date),
        ]
    )


def _impairments(plan: Plan) -> list[str]:
    # Compared as "domain: description" so a rewording or a new domain both read as a change.
    return [
        f"{i.domain.value.replace('_', ' ')}: {i.description}"
        for i in plan.medical_necessity.impairments
    ]


_LISTS: tuple[tuple[str, Callable[[Plan], Sequence[str]]], ...] = (
    ("symptoms", lambda p: p.medical_necessity.symptoms),
    ("impairments", _impairments),
    ("strengths", lambda p: p.strengths),
    ("discharge_criteria", lambda p: p.discharge_criteria),
)


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """What changed from ``old`` to ``new``, statement by statement and field by field."""
    problems = _Differ(old, new).children(ElementKind.PROBLEM, None)
    diagnoses = _diagnoses(old, new)
    fields = _plan_fields(old, new)
    lists = tuple(c for name, get in _LISTS if (c := list_change(name, get(old), get(new))))
    elements = [d for p in problems for d in p.walk()]
    count = Counter(d.change for d in elements)
    summary = Summary(
        added=count[Change.ADDED],
        removed=count[Change.REMOVED],
        changed=count[Change.CHANGED],
        moved=sum(1 for d in elements if d.moved),
        plan_changes=len(diagnoses)
        + len(fields)
        + sum(len(c.added) + len(c.removed) for c in lists),
    )
    return PlanDiff(diagnoses, fields, lists, problems, summary)
