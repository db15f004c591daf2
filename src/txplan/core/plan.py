"""The treatment-plan document.

One schema, many uses: these pydantic models validate JSON import/export, the REST API and
LLM structured output. The hierarchy is the one the field writes:

    Plan → Problem → Goal → Objective → Intervention

Every problem, goal, objective and intervention carries a stable ``id`` that survives new
versions of the plan, so session notes and measures can point at an objective across versions.
Ids are generated once (``new_id``) and then copied, never regenerated.

Parsing with field-path errors lives in ``core/document.py``; this module is only the shape.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = 1

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
ElementId = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
]


def new_id(prefix: str) -> str:
    """A fresh stable id such as ``obj-3f9a1c2b7d4e``. Called once, when an element is created."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


class _Model(BaseModel):
    # Unknown keys are errors, so a misspelt field in an imported plan is reported, not dropped.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Diagnosis(_Model):
    code: ShortText = Field(description="ICD-10-CM code, e.g. F33.1")
    description: ShortText = ""
    primary: bool = False

    @field_validator("code")
    @classmethod
    def _code_shape(cls, value: str) -> str:
        # The full check (billable, known) is txplan.core.icd10; here only the shape.
        code = value.upper()
        if not re.fullmatch(r"[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?", code):
            raise ValueError("not an ICD-10-CM code (expected a form like F41.1)")
        return code


class ImpairmentDomain(StrEnum):
    WORK_SCHOOL = "work_school"  # job performance, attendance, schoolwork
    RELATIONSHIPS = "relationships"  # partner, family, friends
    SELF_CARE = "self_care"  # hygiene, eating, sleep, health routines
    SAFETY = "safety"  # risk to self or others
    SOCIAL = "social"  # community, leisure, activities outside home
    HOUSING_FINANCES = "housing_finances"  # keeping a home, managing money
    PARENTING = "parenting"  # caring for children
    LEGAL = "legal"  # legal obligations put at risk by symptoms
    OTHER = "other"  # anything else; describe it


class FunctionalImpairment(_Model):
    domain: ImpairmentDomain
    description: Text = Field(min_length=1)


class LevelOfCare(StrEnum):
    OUTPATIENT = "outpatient"  # routine office/telehealth sessions, the product's main case
    INTENSIVE_OUTPATIENT = "intensive_outpatient"  # IOP: several hours, several days a week
    PARTIAL_HOSPITALIZATION = "partial_hospitalization"  # PHP: day programme
    RESIDENTIAL = "residential"  # 24-hour non-hospital setting
    INPATIENT = "inpatient"  # hospital


class MedicalNecessity(_Model):
    """Why this client needs this treatment at this level of care."""

    symptoms: list[Text] = Field(default_factory=list)
    impairments: list[FunctionalImpairment] = Field(default_factory=list)
    level_of_care: LevelOfCare | None = None
    level_of_care_rationale: Text = ""


class FrequencyUnit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


_FREQ_WORDS: dict[str, tuple[int, int, FrequencyUnit]] = {
    "daily": (1, 1, FrequencyUnit.DAY),
    "weekly": (1, 1, FrequencyUnit.WEEK),
    "biweekly": (1, 2, FrequencyUnit.WEEK),
    "fortnightly": (1, 2, FrequencyUnit.WEEK),
    "monthly": (1, 1, FrequencyUnit.MONTH),
}
_FREQ_TIMES = re.compile(r"^(\d+)\s*(?:x|times)\s*(?:/|per|a|an|every)\s*(day|week|month)$")
_FREQ_EVERY = re.compile(r"^(?:once\s+)?every\s+(\d+)\s+(day|week|month)s?$")


class Frequency(_Model):
    """``times`` occurrences every ``every`` ``unit``s: 1/1/week is weekly, 1/2/week biweekly.

    Also accepts a string shorthand on input: "weekly", "2x/week", "3 times per week",
    "every 2 weeks", "daily", "biweekly", "monthly".
    """

    times: int = Field(ge=1, le=50)
    every: int = Field(default=1, ge=1, le=12)
    unit: FrequencyUnit

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = " ".join(value.lower().split())
        if text in _FREQ_WORDS:
            times, every, unit = _FREQ_WORDS[text]
        elif m := _FREQ_TIMES.match(text):
            times, every, unit = int(m[1]), 1, FrequencyUnit(m[2])
        elif m := _FREQ_EVERY.match(text):
            times, every, unit = 1, int(m[1]), FrequencyUnit(m[2])
        else:
            raise ValueError(
                "not a frequency (try 'weekly', '2x/week', 'every 2 weeks' or 'daily')"
            )
        return {"times": times, "every": every, "unit": unit}

    def label(self) -> str:
        if self.every == 1 and self.times == 1:
            return {"day": "daily", "week": "weekly", "month": "monthly"}[self.unit.value]
        if self.every == 1:
            return f"{self.times}x per {self.unit.value}"
        prefix = "" if self.times == 1 else f"{self.times}x "
        return f"{prefix}every {self.every} {self.unit.value}s"

    def per_week(self) -> float:
        days = {"day": 1.0, "week": 7.0, "month": 30.4375}[self.unit.value] * self.every
        return self.times * 7.0 / days


class Comparator(StrEnum):
    LTE = "<="  # at or below the threshold (most symptom measures: lower is better)
    LT = "<"  # strictly below
    GTE = ">="  # at or above (higher-is-better measures such as ORS)
    GT = ">"  # strictly above


class Criterion(_Model):
    """A machine-readable objective: "PHQ-9 <= 9 on 3 consecutive administrations by <date>".

    ``measure`` is an instrument id from the instrument registry (``phq9``, ``gad7`` …).
    Consecutive administrations must be at least ``min_days_apart`` days apart to count.
    """

    measure: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9_]+$")]
    comparator: Comparator
    threshold: float
    consecutive: int = Field(default=1, ge=1, le=12)
    min_days_apart: int = Field(default=7, ge=0, le=90)
    by_date: date | None = None

    def label(self) -> str:
        threshold = f"{self.threshold:g}"
        times = (
            "" if self.consecutive == 1 else f" on {self.consecutive} consecutive administrations"
        )
        by = f" by {self.by_date.isoformat()}" if self.by_date else ""
        return f"{self.measure} {self.comparator.value} {threshold}{times}{by}"


class Origin(_Model):
    """Where a statement came from, so the product can show what still needs individualising."""

    library_id: ShortText
    library_text: Text  # the library's text as filled in, before any clinician edit


class Actor(StrEnum):
    CLINICIAN = "clinician"  # what the clinician does in session
    CLIENT = "client"  # what the client does between sessions


class Intervention(_Model):
    id: ElementId = Field(default_factory=lambda: new_id("int"))
    text: Text = Field(min_length=1)
    method: ShortText = ""  # the named method, e.g. "cognitive restructuring"
    target: ShortText = ""  # what it is aimed at, e.g. "catastrophic thoughts about work"
    modality: ShortText = ""  # tag such as "CBT", "behavioural activation", "EMDR"
    frequency: Frequency | None = None
    actor: Actor = Actor.CLINICIAN
    origin: Origin | None = None


class Objective(_Model):
    id: ElementId = Field(default_factory=lambda: new_id("obj"))
    text: Text = Field(min_length=1)
    target_date: date | None = None
    timeframe: ShortText = ""  # as written, e.g. "within 8 sessions"
    criterion: Criterion | None = None
    interventions: list[Intervention] = Field(default_factory=list)
    origin: Origin | None = None


class Goal(_Model):
    id: ElementId = Field(default_factory=lambda: new_id("goal"))
    text: Text = Field(min_length=1)
    client_words: Text = ""  # the client's own phrasing of this goal
    objectives: list[Objective] = Field(default_factory=list)
    origin: Origin | None = None


class Problem(_Model):
    id: ElementId = Field(default_factory=lambda: new_id("prob"))
    title: ShortText = Field(min_length=1)
    description: Text = ""  # how the problem shows, in functional terms
    client_words: Text = ""
    goals: list[Goal] = Field(default_factory=list)
    origin: Origin | None = None


class ServiceType(StrEnum):
    INDIVIDUAL = "individual"
    FAMILY = "family"
    COUPLES = "couples"
    GROUP = "group"


class Service(_Model):
    """What Medicare-style reviewers check: type, length, frequency, expected duration."""

    type: ServiceType = ServiceType.INDIVIDUAL
    session_minutes: int | None = Field(default=None, ge=15, le=240)
    frequency: Frequency | None = None
    expected_duration_weeks: int | None = Field(default=None, ge=1, le=520)


class SignerRole(StrEnum):
    CLINICIAN = "clinician"  # the treating clinician
    SUPERVISOR = "supervisor"  # co-signature for an associate's plan
    CLIENT = "client"  # the client's agreement
    GUARDIAN = "guardian"  # parent or legal guardian for a minor or a client under guardianship


class SignatureMethod(StrEnum):
    PASSWORD = "password"  # clinician or supervisor re-entered their password
    DRAWN = "drawn"  # drawn on a canvas; the image is stored beside the version
    TYPED_VERBAL = "typed_verbal"  # typed name, client agreed verbally (e.g. telehealth)
    UNABLE = "unable"  # signature could not be obtained; reason and attempts documented
    IMPORTED = "imported"  # came with an imported document; not authenticated here


class Signature(_Model):
    role: SignerRole
    name: ShortText = Field(min_length=1)
    credentials: ShortText = ""
    signed_at: AwareDatetime | None = None
    method: SignatureMethod = SignatureMethod.IMPORTED
    attestation: Text = ""
    unable_reason: Text = ""  # with method=unable: why, and the attempts made

    @model_validator(mode="after")
    def _unable_needs_reason(self) -> Signature:
        if self.method is SignatureMethod.UNABLE and not self.unable_reason:
            raise ValueError("unable_reason is required when the signature could not be obtained")
        return self


class Plan(_Model):
    schema_version: Literal[1] = 1  # bumped, with a migration of old documents, on change
    diagnoses: list[Diagnosis] = Field(default_factory=list)
    medical_necessity: MedicalNecessity = Field(default_factory=MedicalNecessity)
    presenting_problem: Text = ""
    strengths: list[Text] = Field(default_factory=list)
    client_words: Text = ""  # the client's own words about what they want
    problems: list[Problem] = Field(default_factory=list)
    service: Service = Field(default_factory=Service)
    established_on: date | None = None
    review_interval_days: int = Field(default=90, ge=7, le=365)
    next_review_date: date | None = None
    discharge_criteria: list[Text] = Field(default_factory=list)
    signatures: list[Signature] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ids_unique(self) -> Plan:
        seen: set[str] = set()
        for element in self.elements():
            if element.id in seen:
                raise ValueError(f"id {element.id!r} is used more than once")
            seen.add(element.id)
        primaries = [d.code for d in self.diagnoses if d.primary]
        if len(primaries) > 1:
            raise ValueError(f"more than one primary diagnosis: {', '.join(primaries)}")
        return self

    # Walking the tree -------------------------------------------------------------------------

    def elements(self) -> list[Problem | Goal | Objective | Intervention]:
        out: list[Problem | Goal | Objective | Intervention] = []
        for problem in self.problems:
            out.append(problem)
            for goal in problem.goals:
                out.append(goal)
                for objective in goal.objectives:
                    out.append(objective)
                    out.extend(objective.interventions)
        return out

    def objectives(self) -> list[Objective]:
        return [o for p in self.problems for g in p.goals for o in g.objectives]

    def find(self, element_id: str) -> Problem | Goal | Objective | Intervention | None:
        return next((e for e in self.elements() if e.id == element_id), None)

    def primary_diagnosis(self) -> Diagnosis | None:
        return next(
            (d for d in self.diagnoses if d.primary), self.diagnoses[0] if self.diagnoses else None
        )
