"""Reading and writing plan documents: field-path errors, canonical JSON, content hash.

Every error in a document is reported at once, each with the path of the bad field written the
way a person reads it: ``problems[1].goals[0].objectives[2].target_date: not a date``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from txplan.core.plan import Plan


@dataclass(frozen=True)
class FieldError:
    path: str  # e.g. "problems[1].goals[0].text"; "" for the document as a whole
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class PlanDocumentError(ValueError):
    """A plan document that cannot be accepted; ``errors`` lists every problem found."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


# Pydantic's error types, said the way a clinician or an integrator would understand them.
_MESSAGES: dict[str, str] = {
    "missing": "required",
    "extra_forbidden": "unknown field",
    "date_type": "not a date (expected YYYY-MM-DD)",
    "date_parsing": "not a date (expected YYYY-MM-DD)",
    "date_from_datetime_parsing": "not a date (expected YYYY-MM-DD)",
    "date_from_datetime_inexact": "not a date (expected YYYY-MM-DD, without a time)",
    "datetime_type": "not a date-time (expected e.g. 2026-03-01T10:30:00+00:00)",
    "datetime_parsing": "not a date-time (expected e.g. 2026-03-01T10:30:00+00:00)",
    "datetime_from_date_parsing": "not a date-time (expected e.g. 2026-03-01T10:30:00+00:00)",
    "timezone_aware": "needs a time zone (e.g. +00:00)",
    "string_type": "not text",
    "string_too_short": "must not be empty",
    "string_pattern_mismatch": "has characters that are not allowed",
    "int_type": "not a whole number",
    "int_parsing": "not a whole number",
    "int_from_float": "not a whole number",
    "float_type": "not a number",
    "float_parsing": "not a number",
    "bool_type": "not true or false",
    "bool_parsing": "not true or false",
    "list_type": "not a list",
    "model_type": "not an object",
    "model_attributes_type": "not an object",
    "dict_type": "not an object",
    "literal_error": "not a supported value",
}


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "enum":
        return f"must be one of: {ctx.get('expected', '')}".replace("'", "")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {
            "greater_than_equal": "at least",
            "less_than_equal": "at most",
            "greater_than": "more than",
            "less_than": "less than",
        }[kind]
        limit = next(iter(ctx.values()), "")
        return f"must be {bound} {limit}"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return _MESSAGES.get(kind, error["msg"])


def errors_from(exc: ValidationError) -> list[FieldError]:
    out: list[FieldError] = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        # Validators that run on a model (from a string shorthand) add a synthetic last part.
        loc = tuple(p for p in loc if p not in ("function-before[_from_text()]",))
        out.append(FieldError(_path(loc), _message(error)))
    return out


def parse_plan(data: Any) -> Plan:
    """A Plan from already-decoded JSON data, or PlanDocumentError with every problem found."""
    if not isinstance(data, dict):
        raise PlanDocumentError([FieldError("", "a plan document must be a JSON object")])
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise PlanDocumentError(errors_from(exc)) from None


def loads(text: str) -> Plan:
    """A Plan from JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanDocumentError(
            [FieldError("", f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")]
        ) from None
    return parse_plan(data)


def to_data(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready data; every field present so the output is canonical."""
    return plan.model_dump(mode="json")


def dumps(plan: Plan, *, indent: int | None = 2) -> str:
    return json.dumps(to_data(plan), indent=indent, ensure_ascii=False) + ("\n" if indent else "")


def canonical_json(plan: Plan) -> str:
    """Sorted keys, no white space: the bytes that the content hash covers."""
    return json.dumps(to_data(plan), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(plan: Plan) -> str:
    return hashlib.sha256(canonical_json(plan).encode("utf-8")).hexdigest()
