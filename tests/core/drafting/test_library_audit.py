"""Every library sentence, filled with its defaults, passes the project's own audit.

A library sentence the audit flags would put the same flaw into every plan drafted from it.
"""

from __future__ import annotations

from datetime import date

import pytest

from txplan.core.audit import audit_statement
from txplan.core.audit.findings import Severity
from txplan.core.drafting import load_library
from txplan.core.drafting.filling import Filler, intervention_text, weeks_for
from txplan.core.drafting.slots import fill
from txplan.core.drafting.specifics import Specifics

FILLER = Filler("the client", Specifics(), date(2026, 3, 2), 90)


def _statements() -> list[tuple[str, str, str, str]]:
    """(entry id, kind, filled text, diagnosis) for every template in the library."""
    out = []
    for area in load_library().areas.values():
        diagnosis = area.icd10[0] if area.icd10 else ""
        for goal in area.goals:
            out.append(
                (goal.id, "goal", fill(goal.text, FILLER.values(area, goal.slots)), diagnosis)
            )
        for obj in area.objectives:
            weeks = weeks_for(obj.weeks, FILLER.review_days)
            values = FILLER.values(area, obj.slots, criterion=obj.criterion, weeks=weeks)
            out.append((obj.id, "objective", fill(obj.text, values), diagnosis))
        for item in area.interventions:
            # As drafted: the clinician's method with the client's between-session task, and
            # under each of the area's measures ("administer the PHQ-9", "… the K10").
            for measure in area.measures if "{measure}" in item.text else [None]:
                values = FILLER.values(area, item.slots, measure=measure)
                name = f"{item.id}@{measure}" if measure else item.id
                out.append((name, "intervention", intervention_text(item, values), diagnosis))
    return out


STATEMENTS = _statements()


@pytest.mark.parametrize(
    ("entry_id", "kind", "text", "diagnosis"), STATEMENTS, ids=[s[0] for s in STATEMENTS]
)
def test_a_filled_library_sentence_has_no_audit_error(
    entry_id: str, kind: str, text: str, diagnosis: str
) -> None:
    # Judged on its own words, as `txplan audit statements` would (no diagnosis context) …
    errors = [f for f in audit_statement(kind, text) if f.severity is Severity.ERROR]
    assert errors == [], f"{entry_id}: {text}"


@pytest.mark.parametrize(
    ("entry_id", "kind", "text", "diagnosis"),
    [s for s in STATEMENTS if s[1] == "goal" and s[3]],
    ids=[s[0] for s in STATEMENTS if s[1] == "goal" and s[3]],
)
def test_a_library_goal_is_connected_to_its_areas_diagnosis(
    entry_id: str, kind: str, text: str, diagnosis: str
) -> None:
    # … and, for goals, with the area's own diagnosis as context.
    errors = [f for f in audit_statement(kind, text, diagnosis) if f.severity is Severity.ERROR]
    assert errors == [], f"{entry_id} ({diagnosis}): {text}"
