"""The plan editor's form: a plan document in, form fields out, and back again.

The editor is one HTML form holding the whole document. Tree elements are keyed by their
stable id (``<id>.text``), and a hidden ``structure`` field (JSON) says how they nest and in
which order. Structural edits (add, remove, move) are submit buttons (``op``), so the editor
works without JavaScript; with htmx the same POST re-renders only the editor. Nothing here
writes to the database: saving is ``actions.save_draft``.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from django.http import QueryDict

from txplan.core.plan import Frequency, new_id

# Fields of each element kind that the form edits, in the order the editor shows them.
FIELDS = {
    "prob": ("title", "description", "client_words"),
    "goal": ("text", "client_words"),
    "obj": ("text", "target_date", "timeframe"),
    "int": ("text", "method", "target", "modality", "frequency", "actor"),
}
CRITERION_FIELDS = ("measure", "comparator", "threshold", "consecutive", "by_date")
CHILDREN = {"prob": "goals", "goal": "objectives", "obj": "interventions"}
CHILD_KIND = {"prob": "goal", "goal": "obj", "obj": "int"}


def structure_of(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The nesting of element ids: [{"id", "goals": [{"id", "objectives": [...]}]}]."""

    def walk(element: dict[str, Any], kind: str) -> dict[str, Any]:
        node: dict[str, Any] = {"id": element["id"]}
        if kind in CHILDREN:
            node["children"] = [walk(c, CHILD_KIND[kind]) for c in element.get(CHILDREN[kind], [])]
        return node

    return [walk(p, "prob") for p in document.get("problems", [])]


def _frequency_text(value: Any) -> str:
    if isinstance(value, dict):
        return Frequency.model_validate(value).label()
    return str(value or "")


def _kinds(document: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every element by id, with its kind (from where it sits, not from the id's spelling:
    imported plans may use any ids)."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}

    def walk(element: dict[str, Any], kind: str) -> None:
        out[element["id"]] = (kind, element)
        for child in element.get(CHILDREN.get(kind, ""), []) if kind in CHILDREN else []:
            walk(child, CHILD_KIND[kind])

    for problem in document.get("problems", []):
        walk(problem, "prob")
    return out


def _index(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {eid: element for eid, (_, element) in _kinds(document).items()}


def _lines(post: QueryDict, name: str) -> list[str]:
    return [line.strip() for line in post.get(name, "").splitlines() if line.strip()]


def _optional(value: str) -> str | None:
    return value.strip() or None


def document_from_post(post: QueryDict, base: dict[str, Any]) -> dict[str, Any]:
    """The document the form describes. Values are kept as typed (strings), so a bad date
    comes back to the form unchanged with its error; ``parse_plan`` does the validation."""
    known = _index(base)
    structure = _structure(post)

    def element(node: dict[str, Any], kind: str) -> dict[str, Any]:
        eid = node["id"]
        out: dict[str, Any] = {"id": eid}
        for name in FIELDS[kind]:
            raw = post.get(f"{eid}.{name}", "")
            out[name] = _optional(raw) if name in ("target_date", "frequency") else raw.strip()
        if kind == "int":
            out["actor"] = out["actor"] or "clinician"
        if kind == "obj":
            criterion = {c: post.get(f"{eid}.criterion.{c}", "").strip() for c in CRITERION_FIELDS}
            out["criterion"] = (
                {k: v for k, v in criterion.items() if v} if criterion["measure"] else None
            )
        if known.get(eid, {}).get("origin"):
            out["origin"] = known[eid]["origin"]  # where the statement came from is kept
        if kind in CHILDREN:
            out[CHILDREN[kind]] = [element(c, CHILD_KIND[kind]) for c in node.get("children", [])]
        return out

    codes = post.getlist("dx.code")
    primary = post.get("dx.primary", "")
    domains, descriptions = post.getlist("imp.domain"), post.getlist("imp.description")
    return {
        **base,
        "diagnoses": [
            {"code": c, "description": d, "primary": c == primary}
            for c, d in zip(codes, post.getlist("dx.description"), strict=False)
        ],
        "medical_necessity": {
            "symptoms": _lines(post, "symptoms"),
            "impairments": [
                {"domain": dm, "description": ds.strip()}
                for dm, ds in zip(domains, descriptions, strict=False)
                if ds.strip()
            ],
            "level_of_care": _optional(post.get("level_of_care", "")),
            "level_of_care_rationale": post.get("level_of_care_rationale", "").strip(),
        },
        "presenting_problem": post.get("presenting_problem", "").strip(),
        "strengths": _lines(post, "strengths"),
        "client_words": post.get("client_words", "").strip(),
        "problems": [element(n, "prob") for n in structure],
        "service": {
            "type": post.get("service.type", "individual"),
            "session_minutes": _optional(post.get("service.session_minutes", "")),
            "frequency": _optional(post.get("service.frequency", "")),
            "expected_duration_weeks": _optional(post.get("service.expected_duration_weeks", "")),
        },
        "established_on": _optional(post.get("established_on", "")),
        "review_interval_days": post.get("review_interval_days", "").strip() or 90,
        "next_review_date": _optional(post.get("next_review_date", "")),
        "discharge_criteria": _lines(post, "discharge_criteria"),
    }


class IncompleteForm(ValueError):
    """The editor's hidden fields are missing or damaged (a truncated post, a tampered form)."""


def _structure(post: QueryDict) -> list[dict[str, Any]]:
    # Without the structure the form's tree is unknown; guessing (e.g. "no problems") and then
    # saving would delete the plan's content, so refuse instead.
    try:
        # A missing field reads as "", which neither parses as JSON nor as a number.
        structure = json.loads(post.get("structure", ""))
        int(post.get("lock", ""))
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than json allows
        raise IncompleteForm("the editor form arrived incomplete") from None
    if not _well_formed(structure, depth=1):
        raise IncompleteForm("the editor form arrived damaged")
    return structure


# problem → goal → objective → intervention: four levels, no more.
_MAX_DEPTH = 4
_MAX_NODES = 2000


def _well_formed(nodes: Any, depth: int, seen: list[int] | None = None) -> bool:
    """Every node an object with a string id, children (if any) a list of such objects, at
    most four levels deep and a bounded number of nodes: anything else is a damaged form."""
    seen = seen if seen is not None else [0]
    if not isinstance(nodes, list) or depth > _MAX_DEPTH:
        return False
    for node in nodes:
        seen[0] += 1
        if seen[0] > _MAX_NODES or not isinstance(node, dict):
            return False
        if not isinstance(node.get("id"), str) or not node["id"] or len(node["id"]) > 100:
            return False
        children = node.get("children", [])
        if children and (depth == _MAX_DEPTH or not _well_formed(children, depth + 1, seen)):
            return False
        if not isinstance(children, list):
            return False
    return True


def _blank(kind: str) -> dict[str, Any]:
    element: dict[str, Any] = {"id": new_id(kind)}
    element.update({name: "" for name in FIELDS[kind]})
    if kind == "int":
        element["actor"] = "clinician"
    if kind in CHILDREN:
        element[CHILDREN[kind]] = []
    return element


def _siblings(document: dict[str, Any], element_id: str) -> list[dict[str, Any]] | None:
    """The list that holds the element (to remove or move it within)."""
    if any(p["id"] == element_id for p in document["problems"]):
        return document["problems"]
    for element in _index(document).values():
        for key in ("goals", "objectives", "interventions"):
            if any(c["id"] == element_id for c in element.get(key, [])):
                return element[key]
    return None


def apply_op(document: dict[str, Any], op: str, post: QueryDict) -> str:
    """Applies one structural edit in place; returns the id to focus next ("" if none)."""
    verb, _, target = op.partition(":")
    kinds = _kinds(document)
    index = {eid: element for eid, (_, element) in kinds.items()}
    if verb == "add-problem":
        new = _blank("prob")
        document["problems"].append(new)
        return new["id"]
    if verb == "add-child" and target in kinds and kinds[target][0] in CHILDREN:
        kind = kinds[target][0]
        new = _blank(CHILD_KIND[kind])
        index[target].setdefault(CHILDREN[kind], []).append(new)
        return new["id"]
    if verb in ("remove", "up", "down") and (siblings := _siblings(document, target)) is not None:
        at = next(n for n, e in enumerate(siblings) if e["id"] == target)
        if verb == "remove":
            siblings.pop(at)
            return ""
        to = at - 1 if verb == "up" else at + 1
        if 0 <= to < len(siblings):
            siblings[at], siblings[to] = siblings[to], siblings[at]
        return target
    if verb == "remove-dx":
        document["diagnoses"] = [d for d in document["diagnoses"] if d["code"] != target]
    if verb == "add-impairment":
        document["medical_necessity"]["impairments"].append({"domain": "other", "description": ""})
    if verb == "use-suggestion":
        element_id, _, n = target.rpartition(":")
        if element_id in index and (text := post.get(f"suggestion.{element_id}.{n}")):
            index[element_id]["text"] = text
            if kinds[element_id][0] == "obj":
                _use_criterion(index[element_id], post, f"suggestion.{element_id}.{n}.criterion.")
        return element_id
    return ""


def _use_criterion(objective: dict[str, Any], post: QueryDict, prefix: str) -> None:
    """A suggested objective that names a measure sets the criterion to match (its own
    ``by_date`` is kept); an empty measure removes it; no criterion fields leave it alone."""
    if f"{prefix}measure" not in post:
        return
    fields = {name: post.get(f"{prefix}{name}", "").strip() for name in CRITERION_FIELDS[:4]}
    if not fields["measure"]:
        objective["criterion"] = None
        return
    by_date = (objective.get("criterion") or {}).get("by_date")
    objective["criterion"] = {
        **{name: value for name, value in fields.items() if value},
        **({"by_date": by_date} if by_date else {}),
    }


def form_values(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of the document for the template, with text for frequency objects. A copy, so
    the document itself stays valid for the audit."""
    document = copy.deepcopy(document)
    for element in _index(document).values():
        if "frequency" in element:
            element["frequency_text"] = _frequency_text(element.get("frequency"))
    service = document.get("service") or {}
    service["frequency_text"] = _frequency_text(service.get("frequency"))
    return document
