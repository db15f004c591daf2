"""The evidence-tagged library: one YAML file per problem area, validated on load.

The format is specified in ``docs/library-format.md``. Every problem found in any file is
reported at once, each as ``<file>: <field path>: <problem>``, so a curator fixes a whole file
in one pass. The default library is loaded once per process and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from txplan.core.document import FieldError, errors_from
from txplan.core.drafting import measures
from txplan.core.drafting.slots import (
    COMPUTED_SLOTS,
    MEASURE_SLOTS,
    number_text,
    slots_in,
    stray_braces,
)
from txplan.core.plan import Actor, Comparator, Frequency

AREA_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# A code prefix (F41, F41.1, Z63.0) or a range of three-character categories (F40-F48).
_CODE_PREFIX = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{0,4})?$")
_CODE_RANGE = re.compile(r"^([A-Z][0-9][0-9A-Z])-([A-Z][0-9][0-9A-Z])$")

Sentence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=600)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Source = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
SlotValue = str | int | float


class _Entry(BaseModel):
    # Unknown keys are errors: a misspelt "sourse" must not silently drop the source.
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Identified(_Entry):
    id: Label


# Age groups: a child is 0-12, an adolescent 13-17, an adult 18 or older.
AgeGroup = Literal["child", "adolescent", "adult"]
AGE_GROUPS: dict[str, tuple[int, int]] = {
    "child": (0, 12),
    "adolescent": (13, 17),
    "adult": (18, 120),
}


class AgeRange(_Entry):
    """Inclusive ages in years (PCIT: ``{min: 2, max: 7}``)."""

    min: int = Field(default=0, ge=0, le=120)
    max: int = Field(default=120, ge=0, le=120)


class _Aged(_Entry):
    """An entry that may hold only for some ages: ``ages`` and/or ``age_groups``."""

    ages: AgeRange | None = None
    age_groups: list[AgeGroup] = Field(default_factory=list)

    def age_limited(self) -> bool:
        return self.ages is not None or bool(self.age_groups)

    def fits_age(self, age: int | None) -> bool:
        """True when the entry holds at ``age``; an unknown age fits everything."""
        if age is None:
            return True
        if self.ages is not None and not self.ages.min <= age <= self.ages.max:
            return False
        if self.age_groups:
            return any(AGE_GROUPS[g][0] <= age <= AGE_GROUPS[g][1] for g in self.age_groups)
        return True


ElementId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class CoreElement(_Aged):
    """What the guideline an area follows says a plan for it must contain.

    ``when``: signal phrases (the signal syntax) that make the element core only when the
    presenting problem mentions them ("morning shakes" → medical evaluation of withdrawal).
    ``ages``/``age_groups``: the element is core only for these ages.
    """

    id: ElementId
    label: Label
    source: Source
    when: list[Label] = Field(default_factory=list)


class CriterionTemplate(_Entry):
    """The machine-readable half of a measured objective (the by-date comes from the draft)."""

    measure: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
    comparator: Comparator
    threshold: float
    consecutive: int = Field(default=1, ge=1, le=12)
    min_days_apart: int = Field(default=7, ge=0, le=90)


class GoalEntry(_Identified, _Aged):
    text: Sentence
    slots: dict[str, SlotValue] = Field(default_factory=dict)
    keywords: list[Label] = Field(default_factory=list)  # words that make it fit a request


class ObjectiveEntry(_Identified, _Aged):
    goal: Label
    text: Sentence
    criterion: CriterionTemplate | None = None
    slots: dict[str, SlotValue] = Field(default_factory=dict)
    weeks: int | None = Field(default=None, ge=1, le=52)  # timeframe hint for a 90-day review
    keywords: list[Label] = Field(default_factory=list)
    core: list[ElementId] = Field(default_factory=list)  # core elements it delivers


class InterventionEntry(_Identified, _Aged):
    objectives: list[Label] = Field(min_length=1)
    text: Sentence
    method: Label
    target: Label
    modality: Label
    frequency: Frequency
    actor: Actor = Actor.CLINICIAN
    client_task: str = ""
    client_frequency: Frequency | None = None  # how often the client task is done
    source: Source  # the evidence: guideline or listing, with its number
    slots: dict[str, SlotValue] = Field(default_factory=dict)
    keywords: list[Label] = Field(default_factory=list)
    core: list[ElementId] = Field(default_factory=list)  # core elements it delivers
    # The named treatment protocols this intervention belongs to (PE, CPT, EMDR, CBT, IPT …).
    # A drafted problem follows one protocol: interventions of another protocol are left out;
    # an intervention with no protocol is an adjunct that fits any (measurement, education).
    protocols: list[Label] = Field(default_factory=list)


class Area(_Aged):
    id: Label
    name: Label
    icd10: list[Label] = Field(default_factory=list)
    signals: list[Label] = Field(default_factory=list)
    measures: list[Label] = Field(default_factory=list)
    definitions: list[Sentence] = Field(min_length=1)
    slots: dict[str, SlotValue] = Field(default_factory=dict)  # defaults for every entry
    expected_weeks: int | None = Field(default=None, ge=1, le=104)
    goals: list[GoalEntry] = Field(min_length=3)
    objectives: list[ObjectiveEntry] = Field(min_length=8)
    interventions: list[InterventionEntry] = Field(min_length=8)
    core_elements: list[CoreElement] = Field(default_factory=list)
    default_protocol: Label | None = None  # the protocol drafted when no approach is asked

    def modalities(self) -> list[str]:
        return list(dict.fromkeys(i.modality for i in self.interventions))

    def protocols(self) -> list[str]:
        return list(dict.fromkeys(p for i in self.interventions for p in i.protocols))


@dataclass(frozen=True)
class LibraryIssue:
    file: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"


class LibraryError(ValueError):
    """The library cannot be used; ``issues`` lists every problem in every file."""

    def __init__(self, issues: list[LibraryIssue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


@dataclass(frozen=True, eq=False)  # identity hash: a loaded library is a cache key
class Library:
    areas: dict[str, Area]  # by id, in file-name order
    goals: dict[str, GoalEntry] = field(default_factory=dict)
    objectives: dict[str, ObjectiveEntry] = field(default_factory=dict)
    interventions: dict[str, InterventionEntry] = field(default_factory=dict)
    area_of: dict[str, str] = field(default_factory=dict)  # entry id → area id

    def area(self, area_id: str) -> Area:
        try:
            return self.areas[area_id]
        except KeyError:
            raise KeyError(f"no problem area {area_id!r} in the library") from None


# Validation beyond the shape ------------------------------------------------------------------


def _code_ok(code: str) -> bool:
    match = _CODE_RANGE.match(code)
    if match:
        return match[1][0] == match[2][0] and match[1] <= match[2]
    return bool(_CODE_PREFIX.match(code))


def _check_slots(
    text: str, where: str, own: dict[str, SlotValue], area: Area, measure_ok: bool
) -> Iterable[FieldError]:
    if stray_braces(text):
        yield FieldError(where, "has a brace that is not a well-formed {slot} (use {lower_case})")
    for slot in slots_in(text):
        if slot in COMPUTED_SLOTS or slot in own or slot in area.slots:
            continue
        if slot in MEASURE_SLOTS and measure_ok:
            continue
        yield FieldError(
            where,
            f"slot {{{slot}}} cannot be filled: give it a default in slots"
            + (" (or add a criterion)" if slot in MEASURE_SLOTS else ""),
        )


def _check_area(area: Area, stem: str) -> list[FieldError]:
    errors: list[FieldError] = []
    add = errors.append
    if not AREA_ID.match(area.id):
        add(FieldError("id", "must be lower_snake_case"))
    if area.id != stem:
        add(FieldError("id", f"must equal the file name ({stem!r})"))
    for i, code in enumerate(area.icd10):
        if not _code_ok(code):
            add(FieldError(f"icd10[{i}]", f"{code!r} is not an ICD-10-CM code prefix or range"))
    for i, measure in enumerate(area.measures):
        if not measures.known(measure):
            add(FieldError(f"measures[{i}]", f"unknown instrument {measure!r}"))
    for i, text in enumerate(area.definitions):
        errors += _check_slots(text, f"definitions[{i}]", {}, area, False)

    goal_ids = {g.id for g in area.goals}
    objective_ids = {o.id for o in area.objectives}
    served: set[str] = set()
    groups: tuple[tuple[str, str, list[_Identified]], ...] = (
        ("goals", "g", list(area.goals)),
        ("objectives", "o", list(area.objectives)),
        ("interventions", "i", list(area.interventions)),
    )
    for kind, letter, entries in groups:
        for i, entry in enumerate(entries):
            if not re.fullmatch(rf"{re.escape(area.id)}\.{letter}[0-9]+", entry.id):
                add(FieldError(f"{kind}[{i}].id", f"must look like {area.id}.{letter}<number>"))
    for i, goal in enumerate(area.goals):
        errors += _check_slots(goal.text, f"goals[{i}].text", goal.slots, area, bool(area.measures))
        if not any(o.goal == goal.id for o in area.objectives):
            add(FieldError(f"goals[{i}]", f"goal {goal.id} has no objective"))
    for i, obj in enumerate(area.objectives):
        where = f"objectives[{i}]"
        if obj.goal not in goal_ids:
            add(FieldError(f"{where}.goal", f"no goal {obj.goal!r} in this area"))
        measured = obj.criterion is not None
        errors += _check_slots(obj.text, f"{where}.text", obj.slots, area, measured)
        if obj.criterion is not None:
            if obj.criterion.measure not in area.measures:
                add(
                    FieldError(
                        f"{where}.criterion.measure",
                        f"{obj.criterion.measure!r} is not in this area's measures",
                    )
                )
            given = obj.slots.get("threshold")
            if given is not None and float(given) != obj.criterion.threshold:
                add(
                    FieldError(
                        f"{where}.slots.threshold",
                        f"{given} disagrees with criterion.threshold "
                        f"{number_text(obj.criterion.threshold)}",
                    )
                )
    for i, intervention in enumerate(area.interventions):
        where = f"interventions[{i}]"
        for j, target in enumerate(intervention.objectives):
            if target not in objective_ids:
                add(FieldError(f"{where}.objectives[{j}]", f"no objective {target!r} in this area"))
            served.add(target)
        measure_ok = bool(area.measures)
        errors += _check_slots(
            intervention.text, f"{where}.text", intervention.slots, area, measure_ok
        )
        errors += _check_slots(
            intervention.client_task, f"{where}.client_task", intervention.slots, area, measure_ok
        )
        if not intervention.source.strip():
            add(FieldError(f"{where}.source", "required: name the evidence"))
    for i, obj in enumerate(area.objectives):
        if obj.id not in served:
            add(FieldError(f"objectives[{i}]", f"objective {obj.id} has no intervention"))
    errors += _check_core(area)
    if len(area.modalities()) < 2:
        add(FieldError("interventions", "must come from at least 2 modalities"))
    return errors


def _check_core(area: Area) -> list[FieldError]:
    errors: list[FieldError] = []
    add = errors.append
    element_ids = [e.id for e in area.core_elements]
    for i, element in enumerate(area.core_elements):
        if element_ids.index(element.id) != i:
            add(FieldError(f"core_elements[{i}].id", f"duplicate element {element.id!r}"))
    aged: list[tuple[str, _Aged]] = [("", area)]
    aged += [(f"core_elements[{i}]", e) for i, e in enumerate(area.core_elements)]
    for kind in ("goals", "objectives", "interventions"):
        aged += [(f"{kind}[{i}]", e) for i, e in enumerate(getattr(area, kind))]
    for where, entry in aged:
        if entry.ages is not None and entry.ages.min > entry.ages.max:
            add(FieldError(f"{where}.ages".lstrip("."), "min is greater than max"))
    delivered: set[str] = set()
    tagged: list[tuple[str, list[str]]] = [
        (f"objectives[{i}].core", o.core) for i, o in enumerate(area.objectives)
    ]
    tagged += [(f"interventions[{i}].core", x.core) for i, x in enumerate(area.interventions)]
    for where, tags in tagged:
        for j, tag in enumerate(tags):
            if tag not in element_ids:
                add(FieldError(f"{where}[{j}]", f"no core element {tag!r} in this area"))
            delivered.add(tag)
    for i, element in enumerate(area.core_elements):
        if element.id not in delivered:
            add(
                FieldError(
                    f"core_elements[{i}]",
                    f"no objective or intervention delivers core element {element.id!r}",
                )
            )
    if area.default_protocol and area.default_protocol not in area.protocols():
        add(
            FieldError(
                "default_protocol", f"no intervention has protocol {area.default_protocol!r}"
            )
        )
    return errors


# Loading ----------------------------------------------------------------------------------------


def _read(name: str, text: str) -> tuple[Area | None, list[LibraryIssue]]:
    try:
        data: Any = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        return None, [LibraryIssue(name, where, f"not valid YAML: {exc}")]
    if not isinstance(data, dict):
        return None, [LibraryIssue(name, "", "must be a YAML mapping (id, name, goals …)")]
    try:
        area = Area.model_validate(data)
    except ValidationError as exc:
        return None, [LibraryIssue(name, e.path, e.message) for e in errors_from(exc)]
    stem = name.rsplit(".", 1)[0]
    return area, [LibraryIssue(name, e.path, e.message) for e in _check_area(area, stem)]


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _files(directory: Path | Traversable) -> list[Traversable]:
    return sorted(
        (f for f in directory.iterdir() if f.name.endswith((".yaml", ".yml"))),
        key=lambda f: f.name,
    )


def load_library(directory: Path | Traversable | None = None) -> Library:
    """Read and validate every area file; LibraryError lists all problems found.

    Without ``directory`` the package's own library is used, cached for the process.
    """
    if directory is None:
        return _default_library()
    return _load(directory)


def default_directory() -> Traversable:
    return resources.files("txplan") / "data" / "library"


@cache
def _default_library() -> Library:
    return _load(default_directory())


def _load(directory: Path | Traversable) -> Library:
    issues: list[LibraryIssue] = []
    areas: dict[str, Area] = {}
    owner: dict[str, str] = {}  # id → file that defined it
    lib = Library(areas=areas)
    files = _files(directory) if directory.is_dir() else []
    if not files:
        raise LibraryError([LibraryIssue(str(directory), "", "no library files (*.yaml) found")])
    for file in files:
        area, found = _read(file.name, file.read_text(encoding="utf-8"))
        issues += found
        if area is None:
            continue
        entries: list[tuple[str, str, Any]] = [("id", area.id, None)]
        groups: tuple[tuple[str, list[_Identified]], ...] = (
            ("goals", list(area.goals)),
            ("objectives", list(area.objectives)),
            ("interventions", list(area.interventions)),
        )
        for kind, items in groups:
            entries += [(f"{kind}[{i}].id", item.id, item) for i, item in enumerate(items)]
        for path, entry_id, item in entries:
            if entry_id in owner:
                issues.append(
                    LibraryIssue(
                        file.name, path, f"duplicate id {entry_id!r} (also in {owner[entry_id]})"
                    )
                )
                continue
            owner[entry_id] = file.name
            lib.area_of[entry_id] = area.id
            if isinstance(item, GoalEntry):
                lib.goals[entry_id] = item
            elif isinstance(item, ObjectiveEntry):
                lib.objectives[entry_id] = item
            elif isinstance(item, InterventionEntry):
                lib.interventions[entry_id] = item
        areas.setdefault(area.id, area)
    if issues:
        raise LibraryError(issues)
    return lib
