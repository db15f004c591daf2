"""Which statements are still the library's text, and which of those are still generic.

A drafted statement records the library text it started as (``Origin.library_text``). While the
statement still equals it, the clinician has not made it theirs. Among those, a statement whose
specific slots (situation, person, activity, strength, the client's phrase) were all left at the
library's defaults is *generic*: the kind of sentence auditors find on every client's plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from txplan.core.drafting.filling import intervention_template
from txplan.core.drafting.library import Area, InterventionEntry, Library, load_library
from txplan.core.drafting.slots import SLOT, SPECIFIC_SLOTS, aim_clause
from txplan.core.drafting.specifics import neutral_default
from txplan.core.plan import Goal, Intervention, Objective, Plan, Problem


class StatementState(StrEnum):
    EDITED = "edited"  # the clinician changed the drafted text
    DRAFT_SPECIFIC = "draft_specific"  # unchanged draft text that carries the client's specifics
    DRAFT_GENERIC = "draft_generic"  # unchanged library text with only the library's defaults
    OWN = "own"  # written on the plan, not taken from the library


@dataclass(frozen=True)
class StatementStatus:
    element_id: str
    kind: str  # "problem", "goal", "objective" or "intervention"
    library_id: str  # "" for the clinician's own statements
    state: StatementState
    text: str

    @property
    def unchanged(self) -> bool:
        """Still exactly the text the library produced."""
        return self.state in (StatementState.DRAFT_GENERIC, StatementState.DRAFT_SPECIFIC)


def _template(library: Library, library_id: str) -> tuple[str, Area] | None:
    entry_id = library_id.partition("#")[0]
    area_id = library.area_of.get(entry_id)
    if area_id is None:
        return None
    area = library.areas[area_id]
    entry = (
        library.goals.get(entry_id)
        or library.objectives.get(entry_id)
        or library.interventions.get(entry_id)
    )
    if entry is None:
        return None
    if isinstance(entry, InterventionEntry):
        return intervention_template(entry), area
    return entry.text, area


@cache
def _generic_pattern(library_id: str, library: Library) -> re.Pattern[str] | None:
    """The entry's text with every specific slot at its default and anything else free."""
    found = _template(library, library_id)
    if found is None:
        return None
    text, area = found
    # Generic means without the client's words: the aim clause is dropped, as the filler does.
    text = aim_clause(text, "", "{client}")
    entry_id = library_id.partition("#")[0]
    entry = (
        library.goals.get(entry_id)
        or library.objectives.get(entry_id)
        or library.interventions.get(entry_id)
    )
    defaults = {**area.slots, **(entry.slots if entry is not None else {})}
    out, last = [], 0
    for match in SLOT.finditer(text):
        out.append(re.escape(text[last : match.start()]))
        name = match[1]
        if name in SPECIFIC_SLOTS and name in defaults:
            neutral = str(neutral_default(name, defaults[name], area.id))
            out.append(".+?".join(re.escape(part) for part in neutral.split("{client}")))
        else:
            out.append(".+?")
        last = match.end()
    out.append(re.escape(text[last:]))
    # The first letter may have been capitalised by the filler.
    return re.compile("".join(out), re.IGNORECASE | re.DOTALL)


def _statement(element: Problem | Goal | Objective | Intervention) -> tuple[str, str]:
    if isinstance(element, Problem):
        return "problem", element.description
    kind = {Goal: "goal", Objective: "objective", Intervention: "intervention"}[type(element)]
    return kind, element.text


def statement_status(plan: Plan, library: Library | None = None) -> list[StatementStatus]:
    """Every problem, goal, objective and intervention of ``plan`` with its state."""
    library = library or load_library()
    out: list[StatementStatus] = []
    for element in plan.elements():
        kind, text = _statement(element)
        origin = element.origin
        if origin is None:
            state, library_id = StatementState.OWN, ""
        elif text != origin.library_text:
            state, library_id = StatementState.EDITED, origin.library_id
        else:
            library_id = origin.library_id
            state = _unchanged_state(plan, element, library)
        out.append(StatementStatus(element.id, kind, library_id, state, text))
    return out


def _unchanged_state(
    plan: Plan, element: Problem | Goal | Objective | Intervention, library: Library
) -> StatementState:
    assert element.origin is not None
    if isinstance(element, Problem):
        # A problem description is specific when it quotes the client's presenting problem.
        said = re.split(r"(?<=[.!?;])\s+", plan.presenting_problem.strip())
        specific = any(s and s in element.description for s in said)
        return StatementState.DRAFT_SPECIFIC if specific else StatementState.DRAFT_GENERIC
    pattern = _generic_pattern(element.origin.library_id, library)
    if pattern is not None and pattern.fullmatch(element.origin.library_text):
        return StatementState.DRAFT_GENERIC
    return StatementState.DRAFT_SPECIFIC


def needs_individualising(plan: Plan, library: Library | None = None) -> list[StatementStatus]:
    """Statements still as drafted: the generic ones first, then those with client specifics."""
    unchanged = [s for s in statement_status(plan, library) if s.unchanged]
    return sorted(unchanged, key=lambda s: s.state is not StatementState.DRAFT_GENERIC)
