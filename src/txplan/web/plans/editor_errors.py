"""Document errors placed beside the form field they are about."""

from __future__ import annotations

import re
from typing import Any

from txplan.core.document import FieldError

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")
_TREE = ("problems", "goals", "objectives", "interventions")


def errors_by_field(document: dict[str, Any], errors: list[FieldError]) -> dict[str, list[str]]:
    """``problems[0].goals[1].text: required`` → ``{"<goal id>.text": ["required"]}``; errors
    outside the tree keep their path (``service.session_minutes``)."""
    out: dict[str, list[str]] = {}
    for error in errors:
        node: Any = document
        key = error.path
        rest: list[str] = []
        for step in error.path.split("."):
            match = _STEP.fullmatch(step)
            if match and match[1] in _TREE and match[2] is not None and isinstance(node, dict):
                items = node.get(match[1], [])
                index = int(match[2])
                node = items[index] if index < len(items) else None
                rest = []
            else:
                rest.append(step)
        if isinstance(node, dict) and node is not document and "id" in node:
            key = ".".join([node["id"], *rest]) if rest else node["id"]
        out.setdefault(key, []).append(error.message)
    return out


def _texts(document: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Each statement's (label, text) by id, for comparing two editions of a draft."""
    out: dict[str, tuple[str, str]] = {
        "presenting_problem": ("Presenting problem", document.get("presenting_problem", "")),
    }
    for p_n, problem in enumerate(document.get("problems", []), 1):
        out[problem["id"]] = (f"Problem {p_n}", problem.get("title", ""))
        for g_n, goal in enumerate(problem.get("goals", []), 1):
            out[goal["id"]] = (f"Goal {p_n}.{g_n}", goal.get("text", ""))
            for o_n, obj in enumerate(goal.get("objectives", []), 1):
                out[obj["id"]] = (f"Objective {p_n}.{g_n}.{o_n}", obj.get("text", ""))
                for i_n, intervention in enumerate(obj.get("interventions", []), 1):
                    label = f"Intervention {p_n}.{g_n}.{o_n}.{i_n}"
                    out[intervention["id"]] = (label, intervention.get("text", ""))
    return out


def conflict_rows(theirs: dict[str, Any], yours: dict[str, Any]) -> list[dict[str, str]]:
    """The statements that differ between the saved draft and the editor's, both texts shown."""
    a, b = _texts(theirs), _texts(yours)
    rows = []
    for key in dict.fromkeys([*b, *a]):
        their_text, your_text = a.get(key, ("", ""))[1], b.get(key, ("", ""))[1]
        if their_text != your_text:
            rows.append(
                {"label": (b.get(key) or a[key])[0], "theirs": their_text, "yours": your_text}
            )
    return rows
