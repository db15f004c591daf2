"""Scoring: item answers (or a total alone) → total, severity band, risk flags, subscales.

Answers are the responses as coded on the form (``Instrument.scoring.answers_are``); reverse
keying (PSS-10, EPDS) is applied here, so a form is entered as the person filled it in. Risk
flags are evaluated on each item's *score* and are always returned, whatever the total: a low
PHQ-9 total with item 9 endorsed is still a risk.

Every rejected input raises ``ScoringError`` naming the item (or ``total``) and the problem.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from txplan.core.measures import registry
from txplan.core.measures.model import FlagSeverity, Instrument
from txplan.core.plan import Comparator


class ScoringError(ValueError):
    """Answers or a total that cannot be scored; ``item`` is the 1-based item at fault, if any."""

    def __init__(self, message: str, *, item: int | None = None):
        self.item = item
        super().__init__(message)


@dataclass(frozen=True)
class Flag:
    code: str  # stable, e.g. "PHQ9_ITEM9_SELF_HARM"
    message: str  # what it means and what to do, in plain words
    item: int | None = None  # the item the flag is about
    severity: FlagSeverity = FlagSeverity.RISK


@dataclass(frozen=True)
class Provisional:
    """The result of a symptom-count rule such as PCL-5's DSM-5 provisional diagnosis."""

    rule: str
    met: bool
    endorsed: dict[str, int]  # subscale id → items at or above the endorsement level
    required: dict[str, int]
    explanation: str


@dataclass(frozen=True)
class Score:
    instrument: str
    total: float
    band: str | None  # band id, e.g. "moderate"; None where the instrument has no bands
    band_label: str | None  # as the source prints it, e.g. "Moderately severe"
    band_index: int | None  # 0 = least severe band
    flags: list[Flag] = field(default_factory=list)
    subscales: dict[str, float] = field(default_factory=dict)
    provisional: Provisional | None = None
    item_scores: list[float] | None = None  # after reverse keying; None when scored from a total
    case: bool | None = None  # in the clinical range by the chosen cut-off; None if none exists

    @property
    def risk(self) -> bool:
        """True when any flag is a risk flag: show it prominently wherever the score appears."""
        return any(f.severity is FlagSeverity.RISK for f in self.flags)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = [{**asdict(f), "severity": f.severity.value} for f in self.flags]
        data["risk"] = self.risk
        return data


def meets(value: float, comparator: Comparator, threshold: float) -> bool:
    """``value <comparator> threshold``, exactly: a tie meets ``<=`` and ``>=`` but not ``<``."""
    match comparator:
        case Comparator.LTE:
            return value <= threshold
        case Comparator.LT:
            return value < threshold
        case Comparator.GTE:
            return value >= threshold
        case Comparator.GT:
            return value > threshold
    raise ValueError(f"comparator: unknown {comparator!r}")  # pragma: no cover - enum is closed


def fmt(value: float) -> str:
    """A number as a clinician writes it: 14, not 14.0; 23.5 stays 23.5."""
    return f"{value:g}"


# Scoring -------------------------------------------------------------------------------------


def score_items(instrument_id: str, answers: Sequence[int | float | None]) -> Score:
    """Score a complete set of item answers (item 1 first)."""
    ins = registry.get(instrument_id)
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
        raise ScoringError(f"answers: expected a list of {ins.item_count} item answers")
    if len(answers) != ins.item_count:
        raise ScoringError(
            f"expected {ins.item_count} answers, got {len(answers)} "
            f"({ins.short_name} has {ins.item_count} items)"
        )
    scores = [_item_score(ins, n, answer) for n, answer in enumerate(answers, start=1)]
    total = _total(ins, sum(scores))
    flags = [
        Flag(rule.code, rule.message, rule.item, rule.severity)
        for rule in ins.flags
        if meets(scores[rule.item - 1], rule.comparator, rule.value)
    ]
    subscales = {
        sub.id: _total(ins, sum(scores[n - 1] for n in sub.items)) for sub in ins.subscales
    }
    return _result(ins, total, flags, subscales, _provisional(ins, scores), scores)


def score_total(instrument_id: str, total: float) -> Score:
    """Score a total recorded without its items: band and caseness, but risk items unknown."""
    ins = registry.get(instrument_id)
    value = _number(total, "total")
    low, high = ins.range
    if not low <= value <= high:
        raise ScoringError(f"total: {fmt(value)} is out of range {fmt(low)}–{fmt(high)}")
    if not ins.continuous and value != int(value):
        raise ScoringError(f"total: {fmt(value)} is not a whole number")
    # Without item answers the risk items were not seen: say so rather than imply safety.
    notes = [
        Flag(
            f"{rule.code}_NOT_RECORDED",
            f"Only the total was recorded, so risk item {rule.item} was not checked; "
            "ask about it directly or record the item answers.",
            rule.item,
            FlagSeverity.NOTE,
        )
        for rule in ins.flags
        if rule.severity is FlagSeverity.RISK
    ]
    return _result(ins, _total(ins, value), notes, {}, None, None)


def band_for(ins: Instrument, total: float) -> tuple[int, str, str] | None:
    """(index, id, label) of the band holding ``total``, or None without bands."""
    for index, band in enumerate(ins.bands):
        if total <= band.max:
            return index, band.id, band.label
    return None


def is_case(ins: Instrument, total: float) -> bool | None:
    if ins.caseness is None:
        return None
    cut = ins.caseness.chosen
    return meets(total, cut.comparator, cut.value)


# Helpers -------------------------------------------------------------------------------------


def _result(
    ins: Instrument,
    total: float,
    flags: list[Flag],
    subscales: dict[str, float],
    provisional: Provisional | None,
    scores: list[float] | None,
) -> Score:
    band = band_for(ins, total)
    return Score(
        instrument=ins.id,
        total=total,
        band=band[1] if band else None,
        band_label=band[2] if band else None,
        band_index=band[0] if band else None,
        flags=flags,
        subscales=subscales,
        provisional=provisional,
        item_scores=scores,
        case=is_case(ins, total),
    )


def _number(value: Any, where: str, item: int | None = None) -> float:
    # bool is an int in Python, but True is never a questionnaire answer.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScoringError(f"{where}: {value!r} is not a number", item=item)
    if isinstance(value, float) and not math.isfinite(value):
        raise ScoringError(f"{where}: {value!r} is not a number", item=item)
    return value


def _item_score(ins: Instrument, n: int, answer: Any) -> float:
    where = f"item {n}"
    if answer is None:
        raise ScoringError(
            f"{where}: missing; {ins.short_name} has no published rule for missing answers, "
            "so every item must be answered",
            item=n,
        )
    value = _number(answer, where, n)
    if ins.scale is not None:
        scale = ins.scale
        if not scale.min <= value <= scale.max:
            raise ScoringError(
                f"{where}: {fmt(value)} is out of range {fmt(scale.min)}–{fmt(scale.max)}", item=n
            )
        if round(value, scale.decimals) != value:
            raise ScoringError(
                f"{where}: {fmt(value)} has more than {scale.decimals} decimal place(s)", item=n
            )
        return float(value)
    values = sorted(o.value for o in ins.options_for(n))
    if value not in values:
        contiguous = values == list(range(values[0], values[-1] + 1))
        allowed = (
            f"out of range {values[0]}–{values[-1]}"
            if contiguous
            else ("not one of " + ", ".join(str(v) for v in values))
        )
        if contiguous and values[0] <= value <= values[-1]:
            allowed = "not a whole number"
        raise ScoringError(f"{where}: {fmt(value)} is {allowed}", item=n)
    if n in ins.scoring.reverse_items:
        return values[0] + values[-1] - int(value)
    return int(value)


def _total(ins: Instrument, value: float) -> float:
    if ins.scale is not None:
        return round(float(value), ins.scale.decimals)
    return int(value)


def _provisional(ins: Instrument, scores: list[float]) -> Provisional | None:
    rule = ins.provisional
    if rule is None:
        return None
    endorsed = {
        sub.id: sum(1 for n in sub.items if scores[n - 1] >= rule.item_min)
        for sub in ins.subscales
        if sub.id in rule.required
    }
    met = all(endorsed[key] >= need for key, need in rule.required.items())
    counts = ", ".join(
        f"{key} {endorsed[key]} of {need} needed" for key, need in rule.required.items()
    )
    label = next((o.label for o in ins.options_for(1) if o.value == rule.item_min), "")
    verdict = "met" if met else "not met"
    explanation = (
        f"{rule.name}: {verdict}. Items rated {rule.item_min} ({label}) or higher per cluster: "
        f"{counts}. A provisional result only; confirm with a structured interview."
    )
    return Provisional(rule.name, met, endorsed, dict(rule.required), explanation)
