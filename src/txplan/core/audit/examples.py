"""The registry's example plan: a complete, synthetic plan with no findings as of EXAMPLE_TODAY.

Plan-rule examples in the registry are edits to this plan (see ``findings.PlanExample``), so
each example shows exactly the one thing the rule is about. Synthetic person; no real data.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

EXAMPLE_TODAY = date(2026, 3, 1)

_OBJ = "problems.0.goals.0.objectives.0"
OBJECTIVE = _OBJ
INTERVENTION = f"{_OBJ}.interventions.0"
HOMEWORK = f"{_OBJ}.interventions.1"

BASELINE: dict[str, Any] = {
    "diagnoses": [
        {
            "code": "F33.1",
            "description": "Major depressive disorder, recurrent, moderate",
            "primary": True,
        }
    ],
    "medical_necessity": {
        "symptoms": [
            "Low mood most days for 3 months",
            "PHQ-9 of 17 at intake",
            "Sleeping 10-11 hours, low energy",
        ],
        "impairments": [
            {"domain": "work_school", "description": "Missed 6 workdays in the last month"}
        ],
        "level_of_care": "outpatient",
        "level_of_care_rationale": "Safe, supported at home, able to attend weekly sessions.",
    },
    "presenting_problem": "Withdrawal from work and friends since a job change.",
    "strengths": ["Close sister", "Reliable at keeping appointments"],
    "client_words": "I want to get my life back on track.",
    "problems": [
        {
            "id": "prob-1",
            "title": "Depressed mood with withdrawal from work and friends",
            "goals": [
                {
                    "id": "goal-1",
                    "text": "Return to full-time work and weekly time with friends.",
                    "client_words": "Get back to work and see my friends.",
                    "objectives": [
                        {
                            "id": "obj-1",
                            "text": "Client will score 9 or lower on the PHQ-9 on two consecutive "
                            "administrations.",
                            "target_date": "2026-04-15",
                            "criterion": {
                                "measure": "phq9",
                                "comparator": "<=",
                                "threshold": 9,
                                "consecutive": 2,
                            },
                            "interventions": [
                                {
                                    "id": "int-1",
                                    "text": "Clinician will use behavioural activation to "
                                    "schedule three valued activities per week, "
                                    "reviewing the activity log.",
                                    "frequency": "weekly",
                                    "actor": "clinician",
                                },
                                {
                                    "id": "int-2",
                                    "text": "Client will record mood and activities daily in "
                                    "an activity log.",
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
        "frequency": "weekly",
        "expected_duration_weeks": 16,
    },
    "established_on": "2026-02-01",
    "review_interval_days": 90,
    "next_review_date": "2026-05-01",
    "discharge_criteria": ["PHQ-9 below 10 twice, and working full time for 4 weeks."],
    "signatures": [
        {
            "role": "clinician",
            "name": "Dana Reyes",
            "credentials": "LCSW",
            "signed_at": "2026-02-01T10:00:00+00:00",
            "method": "password",
        },
        {
            "role": "client",
            "name": "Sam Example",
            "signed_at": "2026-02-01T10:05:00+00:00",
            "method": "drawn",
        },
        {
            "role": "supervisor",
            "name": "Lee Park",
            "credentials": "LPC-S",
            "signed_at": "2026-02-02T09:00:00+00:00",
            "method": "password",
        },
    ],
}


def apply_edits(edits: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of BASELINE with each dotted path ("problems.0.goals") set to its value."""
    data = copy.deepcopy(BASELINE)
    for path, value in edits.items():
        parts = path.split(".")
        node: Any = data
        for part in parts[:-1]:
            node = node[int(part)] if isinstance(node, list) else node[part]
        last = parts[-1]
        if isinstance(node, list):
            node[int(last)] = copy.deepcopy(value)
        else:
            node[last] = copy.deepcopy(value)
    return data
