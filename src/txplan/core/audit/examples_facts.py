"""Registry examples for the rules that need PlanFacts or a second plan (see registry.py).

Each is a small edit to the baseline plan in examples.py, with the facts the client record would
give. Synthetic people and dates only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from txplan.core.audit.clones import normalise
from txplan.core.audit.examples import BASELINE, HOMEWORK, INTERVENTION
from txplan.core.audit.facts import PlanFacts

_GOAL = BASELINE["problems"][0]["goals"][0]
_OBJ = _GOAL["objectives"][0]
# The baseline plan's goal, objective and intervention sentences, normalised.
BASELINE_STATEMENTS = tuple(
    normalise(t) for t in [_GOAL["text"], _OBJ["text"], *(i["text"] for i in _OBJ["interventions"])]
)

RISK_SYMPTOMS = {
    "medical_necessity.symptoms": [
        "Low mood most days for 3 months",
        "PHQ-9 of 17 at intake",
        "Passive suicidal ideation most nights; no plan or intent",
    ]
}
RISK_WITH_SAFETY_PLAN = {
    **RISK_SYMPTOMS,
    f"{HOMEWORK}.text": "Client will keep the written safety plan on her phone and use its "
    "steps when suicidal thoughts rise.",
}

ERP = {
    f"{INTERVENTION}.text": "Clinician will use exposure and response prevention for checking "
    "rituals, weekly."
}
ERP_WITH_OCD = {
    **ERP,
    "diagnoses": [
        {
            "code": "F33.1",
            "description": "Major depressive disorder, recurrent, moderate",
            "primary": True,
        },
        {"code": "F42.2", "description": "Mixed obsessional thoughts and acts"},
    ],
}

MINOR = PlanFacts(client_birth_date=date(2012, 6, 1))
GUARDIAN_SIGNED: dict[str, Any] = {
    "signatures.1": {
        "role": "guardian",
        "name": "Pat Example",
        "signed_at": "2026-02-01T10:05:00+00:00",
        "method": "drawn",
    }
}

LATE_INTAKE = PlanFacts(intake_date=date(2025, 12, 1))
TIMELY_INTAKE = PlanFacts(intake_date=date(2026, 1, 15))

TOOL_TEXT = {
    "problems.0.description": "Withdrawal from work and friends since a job change. Why this "
    "area: Diagnosis F33.1 (Major depressive disorder, recurrent, moderate) is among the codes "
    "of 'Depressive symptoms'."
}
NO_TOOL_TEXT = {"problems.0.description": "Withdrawal from work and friends since a job change."}

CLONED = PlanFacts(other_plans_statements={"plan 12": BASELINE_STATEMENTS[:3]})
ONE_SHARED = PlanFacts(other_plans_statements={"plan 12": BASELINE_STATEMENTS[3:]})
