"""What the drafter is given, and what it hands back beside the plan."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from txplan.core.icd10 import IcdCode
from txplan.core.plan import Frequency, FunctionalImpairment, Plan

_REVIEW_DAYS = (30, 60, 90)


class DraftRequest(BaseModel):
    """Everything the drafter uses; nothing else (no clock, no client record) goes in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    diagnoses: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]] = Field(
        default_factory=list, max_length=12
    )
    presenting_problem: Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
    approach: Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)] | None = None
    impairments: list[FunctionalImpairment] = Field(default_factory=list)
    strengths: list[Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]] = (
        Field(default_factory=list)
    )
    client_words: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=600)] | None
    ) = None
    session_frequency: Frequency = Field(default_factory=lambda: Frequency(times=1, unit="week"))
    review_days: int = 90
    start: date
    client_name: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)] | None
    ) = None
    # The client's age in years on the plan's start date, when known: it picks the child,
    # adolescent or adult variant of an area and of its entries (PCIT is for ages 2-7).
    age: int | None = Field(default=None, ge=0, le=120)

    @field_validator("review_days")
    @classmethod
    def _payer_interval(cls, value: int) -> int:
        if value not in _REVIEW_DAYS:
            raise ValueError("must be 30, 60 or 90 (days between plan reviews)")
        return value

    @field_validator("client_name")
    @classmethod
    def _first_name(cls, value: str | None) -> str | None:
        # A first name only: it is written into every statement ("Maya will …").
        if value is not None and not re.fullmatch(r"[^\W\d_](?:[^\W\d_]|[' .-])*", value):
            raise ValueError("must be a first name (letters, spaces, ' . -)")
        return value


class Basis(StrEnum):
    DIAGNOSIS = "diagnosis"  # an ICD-10-CM code on the request is in the area's codes
    NEAREST_AREA = "nearest_area"  # a code with no area of its own: the closest area stood in
    GENERIC = "generic"  # a code with no area of its own: a generic structure, with a warning
    PRESENTING_PROBLEM = "presenting_problem"  # the area's signal phrases occur in the text
    RISK_LANGUAGE = "risk_language"  # risk to self in the text: the safety area always comes in
    SUGGESTED = "suggested"  # signalled by the text, but no diagnosis given covers it: not drafted
    NEGATED = "negated"  # mentioned only as absent ("denies SI"): considered, not chosen


@dataclass(frozen=True)
class AreaChoice:
    """Why an area is in the draft (or, with basis SUGGESTED or NEGATED, why it is not)."""

    area_id: str
    area_name: str
    basis: Basis
    explanation: str  # a sentence for the clinician
    evidence: tuple[str, ...] = ()  # the codes or the phrases that led to it

    @property
    def chosen(self) -> bool:
        return self.basis not in (Basis.SUGGESTED, Basis.NEGATED)


@dataclass(frozen=True)
class Draft:
    """A drafted plan with what the clinician should know about it.

    ``warnings``: things that may be wrong in the draft (a stand-in area, an approach no
    intervention uses). ``reasons``: why each area was chosen, and mentions left out as negated.
    ``to_supply``: what only the clinician can supply before the plan is complete.
    """

    plan: Plan
    warnings: list[str] = field(default_factory=list)
    reasons: list[AreaChoice] = field(default_factory=list)
    to_supply: list[str] = field(default_factory=list)


class DraftError(ValueError):
    """A request the drafter cannot work from; ``field`` names the part of the request."""

    def __init__(self, field_name: str, message: str):
        self.field = field_name
        super().__init__(f"{field_name}: {message}" if field_name else message)


class DiagnosisError(DraftError):
    """A diagnosis code that cannot stand on a plan; ``suggestions`` are real codes to use."""

    def __init__(self, field_name: str, message: str, suggestions: list[IcdCode]):
        self.suggestions = suggestions
        super().__init__(field_name, message)
