"""The shape of one instrument file in ``src/txplan/data/instruments/``.

The registry is data, not code: each YAML file is validated against these models, so a typo in
a band or a reversed item is reported with the file and the field path instead of silently
mis-scoring. Cross-field rules (bands cover the range, items numbered 1..n, the declared range
equals what the items can add up to) live in ``registry.py``; this module is only the shape.

Where the shared reference (``instruments.yaml``) gives conflicting values, a file stores the
``chosen`` value, ``why`` it was chosen, and every ``alternative`` with its own source, so the
choice is visible and a practice can pick another.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from txplan.core.plan import Comparator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    # Unknown keys are errors: a misspelt "revers_items" must fail, not be ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Direction(StrEnum):
    LOWER_IS_BETTER = "lower_is_better"  # symptom measures: PHQ-9, GAD-7, PCL-5 …
    HIGHER_IS_BETTER = "higher_is_better"  # functioning measures: ORS


class ThresholdKind(StrEnum):
    RCI = "rci"  # statistical: change larger than measurement error (Jacobson–Truax)
    MCID = "mcid"  # patient-perceived minimal clinically important difference
    PROGRAMME = "programme"  # a service convention, e.g. NHS Talking Therapies
    CLINICAL = "clinical"  # a publisher's "clinically meaningful" figure, e.g. VA for PCL-5


class FlagSeverity(StrEnum):
    RISK = "risk"  # act now, whatever the total (PHQ-9 item 9, EPDS item 10)
    NOTE = "note"  # worth knowing, not urgent (e.g. a risk item that was not recorded)


class Option(_Model):
    value: int  # the response code entered for this option
    label: Text
    loinc_answer: str | None = None


class ContinuousScale(_Model):
    """A visual-analogue item (ORS): a mark measured in cm, not a choice among options."""

    min: float
    max: float
    decimals: int = Field(ge=0, le=3)
    unit: str = "cm"


class Item(_Model):
    n: int = Field(ge=1)
    text: Text | None = None  # only where the licence allows reproducing the item text
    topic: Text | None = None  # a short non-copyright label, e.g. ORS "individual"
    cluster: str | None = None  # PCL-5 DSM-5 cluster (B, C, D, E)
    loinc: str | None = None
    loinc_confirmed: bool = True
    options: list[Option] | None = None  # overrides the instrument's options for this item


class Scoring(_Model):
    method: Text  # what the manual says, in words (shown in docs/instruments.md)
    reverse_items: list[int] = Field(default_factory=list)  # score = (min + max) - response
    # No manual in the reference gives a prorating rule, so a missing answer is an error.
    missing_items: str = "error"
    missing_items_note: Text
    answers_are: Text = "the option value printed beside each response"
    notes: list[Text] = Field(default_factory=list)


class Band(_Model):
    id: Id  # machine label, e.g. "moderately_severe"
    label: Text  # as the source prints it
    min: float
    max: float


class Cutoff(_Model):
    """A score is in the clinical range ("a case") when ``score <comparator> value``."""

    value: float
    comparator: Comparator
    population: Text = "adults"
    source: Text
    note: str = ""
    # A sex-specific cut-off (AUDIT-C: 4 for men, 3 for women). The chosen cut-off is the
    # documented default used when the client's sex is not recorded.
    sex: Literal["female", "male"] | None = None


class Caseness(_Model):
    chosen: Cutoff
    why: Text
    alternatives: list[Cutoff] = Field(default_factory=list)


class ChangeThreshold(_Model):
    """Change of at least ``value`` points counts as reliable (≥, as the sources state them)."""

    value: float = Field(gt=0)
    kind: ThresholdKind
    source: Text
    note: str = ""


class JacobsonTruax(_Model):
    """Jacobson–Truax parameters: an SD and a reliability, or a published SEM (SD·√(1 − r))."""

    sd: float | None = Field(default=None, gt=0)  # SD of pre-treatment or normative scores
    reliability: float | None = Field(default=None, gt=0, lt=1)  # test–retest r or alpha
    sem: float | None = Field(default=None, gt=0)  # standard error of measurement, if published
    source: Text
    note: str = ""


class ReliableChange(_Model):
    chosen: ChangeThreshold | None = None
    # Used when no threshold is chosen, and for the "jacobson_truax" convention.
    jacobson_truax: JacobsonTruax | None = None
    why: Text
    alternatives: list[ChangeThreshold] = Field(default_factory=list)
    notes: list[Text] = Field(default_factory=list)


class FlagRule(_Model):
    """Raise a flag when an item's *score* (after any reverse keying) meets the comparator."""

    item: int = Field(ge=1)
    comparator: Comparator
    value: float
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z0-9_]+$")]
    severity: FlagSeverity = FlagSeverity.RISK
    message: Text
    source: Text


class CountRule(_Model):
    """Raise a flag when at least ``at_least`` items score ``item_min`` or more (PHQ-15's
    "three or more symptoms bothered a lot")."""

    item_min: int
    at_least: int = Field(ge=1)
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z0-9_]+$")]
    severity: FlagSeverity = FlagSeverity.NOTE
    message: Text
    source: Text


class OnlyItemsRule(_Model):
    """Raise a flag when the total is above 0 and every point comes from ``items`` (AUDIT-C:
    all points from item 1)."""

    items: list[int] = Field(min_length=1)
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z0-9_]+$")]
    severity: FlagSeverity = FlagSeverity.NOTE
    message: Text
    source: Text


class Subscale(_Model):
    id: Text
    name: Text
    items: list[int] = Field(min_length=1)


class ProvisionalRule(_Model):
    """A symptom-count rule: items scored ≥ ``item_min`` are endorsed; each subscale needs its
    ``required`` number of endorsed items (PCL-5's DSM-5 rule)."""

    name: Text
    item_min: int
    required: dict[str, int]
    source: Text
    note: str = ""


class LoincCode(_Model):
    code: Annotated[str, StringConstraints(pattern=r"^\d{1,7}-\d$")]
    confirmed: bool = True
    note: str = ""


class Loinc(_Model):
    panel: LoincCode | None = None
    total: LoincCode | None = None
    note: str = ""


class Instrument(_Model):
    id: Id
    name: Text  # full name, e.g. "Patient Health Questionnaire-9 (PHQ-9)"
    short_name: Text  # for sentences and charts: "PHQ-9"
    timeframe: Text
    direction: Direction
    item_text_allowed: bool
    licence: Text
    attribution: str = ""
    stem: Text | None = None
    options: list[Option] | None = None  # default options for every item
    scale: ContinuousScale | None = None  # instead of options, for visual-analogue items
    items: list[Item] = Field(min_length=1)
    range: tuple[float, float]
    scoring: Scoring
    bands: list[Band] = Field(default_factory=list)
    bands_source: str = ""
    bands_note: str = ""
    caseness: Caseness | None = None
    caseness_note: str = ""
    reliable_change: ReliableChange | None = None
    reliable_change_note: str = ""
    flags: list[FlagRule] = Field(default_factory=list)
    count_flags: list[CountRule] = Field(default_factory=list)
    only_items_flags: list[OnlyItemsRule] = Field(default_factory=list)
    subscales: list[Subscale] = Field(default_factory=list)
    provisional: ProvisionalRule | None = None
    loinc: Loinc
    sources: list[Text] = Field(min_length=1)

    # Convenience ------------------------------------------------------------------------------

    @property
    def display_name(self) -> str:
        return self.short_name

    @property
    def item_count(self) -> int:
        return len(self.items)

    @property
    def continuous(self) -> bool:
        return self.scale is not None

    def options_for(self, n: int) -> list[Option]:
        """The options of item ``n`` (its own, else the instrument's)."""
        item = self.items[n - 1]
        return list(item.options or self.options or [])
