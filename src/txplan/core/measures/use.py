"""Who an instrument is for and how often it can be repeated: ``data/instrument_use.yaml``.

The registry says how to score an instrument; this says when it fits a client and a plan:

- ``ages``: the ages it was validated for. An adult scale is never used for a child.
- ``role``: ``outcome`` (repeat it to follow change) or ``screen`` (case-finding and baseline
  only). A screen never carries a measured objective's criterion.
- ``recall_days`` and ``min_days_apart``: the window the questions ask about, and the shortest
  spacing at which two administrations count as separate outcomes. A past-year scale such as
  the AUDIT-C is therefore never a weekly outcome.

``fits(measure_id, age)`` and ``criterion_problems(...)`` are what the drafter's library and its
tests check.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from txplan.core.measures import registry

ADULT_AGE = 18


class Role(StrEnum):
    OUTCOME = "outcome"
    SCREEN = "screen"


class Ages(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min: int = Field(ge=0, le=120)
    max: int = Field(default=120, ge=0, le=120)

    def __contains__(self, age: object) -> bool:
        return isinstance(age, int) and self.min <= age <= self.max

    def text(self) -> str:
        return f"{self.min}+" if self.max >= 120 else f"{self.min}–{self.max}"


class Use(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    ages: Ages
    respondent: str
    role: Role
    recall_days: int = Field(ge=1)
    min_days_apart: int | None = Field(default=None, ge=1)
    source: str = Field(min_length=3)

    @property
    def outcome(self) -> bool:
        return self.role is Role.OUTCOME

    @property
    def weekly_outcome(self) -> bool:
        """Repeatable as an outcome once a week (its window is short enough)."""
        return self.outcome and (self.min_days_apart or 10**6) <= 7

    @property
    def adult_only(self) -> bool:
        return self.ages.min >= ADULT_AGE


class UseError(ValueError):
    pass


@cache
def all_uses() -> dict[str, Use]:
    text = (resources.files("txplan") / "data" / "instrument_use.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    problems: list[str] = []
    out: dict[str, Use] = {}
    for key, value in data.items():
        try:
            use = Use.model_validate(value)
        except ValidationError as exc:
            problems.append(f"{key}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}")
            continue
        if use.outcome and use.min_days_apart is None:
            problems.append(f"{key}.min_days_apart: an outcome needs its repeat interval")
        if not use.outcome and use.min_days_apart is not None:
            problems.append(f"{key}.min_days_apart: a screen is not repeated as an outcome")
        out[key] = use
    missing = set(registry.ids()) - set(out)
    extra = set(out) - set(registry.ids())
    if missing:
        problems.append(f"no use entry for instrument(s) {sorted(missing)}")
    if extra:
        problems.append(f"use entries for unknown instrument(s) {sorted(extra)}")
    if problems:
        raise UseError("instrument_use.yaml: " + "; ".join(problems))
    return out


def get(measure_id: str) -> Use | None:
    return all_uses().get(measure_id)


def fits(measure_id: str, age: int | None) -> bool:
    """Whether the instrument suits a client of ``age`` (unknown age: an adult)."""
    use = get(measure_id)
    if use is None:
        return False
    return (ADULT_AGE if age is None else age) in use.ages


def criterion_problems(measure_id: str, min_days_apart: int, consecutive: int) -> list[str]:
    """Why ``measure_id`` cannot carry a criterion repeated every ``min_days_apart`` days."""
    use = get(measure_id)
    name = registry.get(measure_id).short_name if measure_id in registry.ids() else measure_id
    if use is None:
        return [f"{name}: no use entry"]
    if not use.outcome:
        return [f"{name} is a screen (recall {use.recall_days} days), not an outcome measure"]
    if consecutive > 1 and min_days_apart < (use.min_days_apart or 0):
        return [
            f"{name} asks about the past {use.recall_days} days: repeat it at least "
            f"{use.min_days_apart} days apart, not {min_days_apart}"
        ]
    return []
