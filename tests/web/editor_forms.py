"""Test helper: the POST data the editor form sends for a document (what a browser submits)."""

from __future__ import annotations

import json
from typing import Any

from txplan.core.plan import Frequency
from txplan.web.plans.editing import CRITERION_FIELDS, FIELDS, structure_of


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return Frequency.model_validate(value).label()
    return str(value)


def form_data(document: dict[str, Any], lock: int, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "lock": lock,
        "structure": json.dumps(structure_of(document)),
        "dx.code": [d["code"] for d in document["diagnoses"]],
        "dx.description": [d["description"] for d in document["diagnoses"]],
        "dx.primary": next((d["code"] for d in document["diagnoses"] if d["primary"]), ""),
        "symptoms": "\n".join(document["medical_necessity"]["symptoms"]),
        "imp.domain": [i["domain"] for i in document["medical_necessity"]["impairments"]],
        "imp.description": [i["description"] for i in document["medical_necessity"]["impairments"]],
        "level_of_care": document["medical_necessity"]["level_of_care"] or "",
        "level_of_care_rationale": document["medical_necessity"]["level_of_care_rationale"],
        "presenting_problem": document["presenting_problem"],
        "client_words": document["client_words"],
        "strengths": "\n".join(document["strengths"]),
        "service.type": document["service"]["type"],
        "service.session_minutes": _text(document["service"]["session_minutes"]),
        "service.frequency": _text(document["service"]["frequency"]),
        "service.expected_duration_weeks": _text(document["service"]["expected_duration_weeks"]),
        "established_on": _text(document["established_on"]),
        "review_interval_days": document["review_interval_days"],
        "next_review_date": _text(document["next_review_date"]),
        "discharge_criteria": "\n".join(document["discharge_criteria"]),
    }
    kinds = (("prob", "goals"), ("goal", "objectives"), ("obj", "interventions"), ("int", None))

    def walk(element: dict[str, Any], depth: int) -> None:
        kind, children = kinds[depth]
        for name in FIELDS[kind]:
            data[f"{element['id']}.{name}"] = _text(element.get(name))
        if kind == "obj" and element.get("criterion"):
            for name in CRITERION_FIELDS:
                data[f"{element['id']}.criterion.{name}"] = _text(element["criterion"].get(name))
        for child in element.get(children, []) if children else []:
            walk(child, depth + 1)

    for problem in document["problems"]:
        walk(problem, 0)
    data.update(extra)
    return data
