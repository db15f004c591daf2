"""Scoring: item answers (or a total alone) → total, severity band, risk flags, subscales.

Two conventions, never mixed, and every result says which one was used (``entered_as``):

* **responses** (the default): the option chosen for each item, in the order printed on the form,
  coded by the instrument's option values (0 = the first option on EPDS and PSS-10). Reverse
  keying (PSS-10, EPDS) is applied here, so a form is entered as the person filled it in.
* **item scores** (``keyed=True``): each item's score already keyed, as read from a scoring key;
  nothing is reversed. EPDS 2,2,3,2,2,2,2,2,2,3 as item scores is a total of 22 with item 10
  scoring 3.

Both are returned (``responses`` and ``item_scores``), so a reader can check either. Risk
flags are evaluated on each item's *score* and are always returned, whatever the total: a low
PHQ-9 total with item 9 endorsed is still a risk.

Every rejected input raises ``ScoringError`` naming the item (or ``total``) and the problem.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from txplan.core.measures import registry
from txplan.core.measures.model import Cutoff, FlagSeverity, Instrument
from txplan.core.plan import Comparator


class ScoringError(ValueError):
    """Answers or a total that cannot be scored; ``item`` is the 1-based item at fault, if any,
    and ``items`` every item at fault (all missing items are listed at once)."""

    def __init__(self, message: str, *, item: int | None = None, items: Sequence[int] = ()):
        self.item = item
        self.items = list(items) or ([item] if item is not None else [])
        super().__init__(message)

    @property
    def detail(self) -> str:
        """The message without its leading "item N: ", for a form that names the item itself."""
        text = str(self)
        return text.removeprefix(f"item {self.item}: ") if self.item is not None else text


RESPONSES = "responses"  # answers as the options chosen on the form; keying applied here
ITEM_SCORES = "item_scores"  # answers already keyed, as read from a scoring key
TOTAL = "total"  # a total recorded without its items


def convention_text(entered_as: str) -> str:
    """One sentence a clinician reads next to a result: how the answers were read."""
    return {
        RESPONSES: "Answers read as responses in the order printed on the form "
        "(0 = the first option where options are numbered from 0); reverse-keyed items were "
        "scored by the key.",
        ITEM_SCORES: "Answers read as item scores already keyed (from the scoring key); "
        "nothing was reversed.",
        TOTAL: "Only the total was recorded.",
    }[entered_as]


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
    responses: list[float] | None = None  # the options chosen, as on the form (before keying)
    entered_as: str = RESPONSES  # "responses", "item_scores" or "total"
    cutoff: str | None = None  # the caseness cut-off applied, in words, e.g. ">= 4 (men)"
    cutoff_note: str = ""  # e.g. "sex not recorded: the default cut-off for women was used"

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


def score_items(
    instrument_id: str,
    answers: Sequence[int | float | None],
    *,
    keyed: bool = False,
    sex: str | None = None,
) -> Score:
    """Score a complete set of item answers (item 1 first).

    ``keyed=False``: the answers are responses (options chosen on the form); reverse keying is
    applied. ``keyed=True``: the answers are item scores already keyed. ``sex`` ("female",
    "male" or None) chooses a sex-specific cut-off (AUDIT-C); None uses the documented default.
    """
    ins = registry.get(instrument_id)
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
        raise ScoringError(f"answers: expected a list of {ins.item_count} item answers")
    if len(answers) != ins.item_count:
        raise ScoringError(
            f"expected {ins.item_count} answers, got {len(answers)} "
            f"({ins.short_name} has {ins.item_count} items)"
        )
    missing = [n for n, answer in enumerate(answers, start=1) if answer is None]
    if missing:
        which = (
            f"item {missing[0]}"
            if len(missing) == 1
            else "items " + ", ".join(str(n) for n in missing[:-1]) + f" and {missing[-1]}"
        )
        raise ScoringError(
            f"{which}: missing; {ins.short_name} has no published rule for missing answers, "
            "so every item must be answered",
            item=missing[0] if len(missing) == 1 else None,
            items=missing,
        )
    scores = [_item_score(ins, n, answer, keyed) for n, answer in enumerate(answers, start=1)]
    responses = [_unkey(ins, n, v) for n, v in enumerate(scores, start=1)]
    total = _total(ins, sum(scores))
    flags = [
        Flag(rule.code, rule.message, rule.item, rule.severity)
        for rule in ins.flags
        if meets(scores[rule.item - 1], rule.comparator, rule.value)
    ]
    flags += [
        Flag(rule.code, rule.message, None, rule.severity)
        for rule in ins.count_flags
        if sum(1 for v in scores if v >= rule.item_min) >= rule.at_least
    ]
    flags += [
        Flag(
            rule.code, rule.message, rule.items[0] if len(rule.items) == 1 else None, rule.severity
        )
        for rule in ins.only_items_flags
        if total > 0 and all(v == 0 for n, v in enumerate(scores, 1) if n not in rule.items)
    ]
    subscales = {
        sub.id: _total(ins, sum(scores[n - 1] for n in sub.items)) for sub in ins.subscales
    }
    result = _result(ins, total, flags, subscales, _provisional(ins, scores), scores, sex=sex)
    return replace(result, responses=responses, entered_as=ITEM_SCORES if keyed else RESPONSES)


def score_total(instrument_id: str, total: float, *, sex: str | None = None) -> Score:
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
    result = _result(ins, _total(ins, value), notes, {}, None, None, sex=sex)
    return replace(result, entered_as=TOTAL)


def band_for(ins: Instrument, total: float) -> tuple[int, str, str] | None:
    """(index, id, label) of the band holding ``total``, or None without bands."""
    for index, band in enumerate(ins.bands):
        if total <= band.max:
            return index, band.id, band.label
    return None


SEXES = ("female", "male")


def cutoff_for(ins: Instrument, sex: str | None = None) -> tuple[Cutoff | None, str]:
    """The caseness cut-off for this client, and a note when the choice rests on a default.

    Where the instrument has sex-specific cut-offs (AUDIT-C) and ``sex`` is not "female" or
    "male", the chosen cut-off (the documented default) is used and the note says so.
    """
    if ins.caseness is None:
        return None, ""
    chosen = ins.caseness.chosen
    by_sex = [c for c in [chosen, *ins.caseness.alternatives] if c.sex is not None]
    if not by_sex:
        return chosen, ""
    if sex not in SEXES:
        return chosen, (
            f"Sex not recorded, so the documented default cut-off ({chosen.comparator.value} "
            f"{fmt(chosen.value)}, {chosen.population}) was used; {ins.short_name}'s cut-off "
            "depends on sex: "
            + ", ".join(f"{c.comparator.value} {fmt(c.value)} for {c.sex}s" for c in by_sex)
            + "."
        )
    match = next((c for c in by_sex if c.sex == sex), chosen)
    return match, ""


def cutoff_words(cut: Cutoff) -> str:
    return f"{cut.comparator.value} {fmt(cut.value)} ({cut.population})"


def is_case(ins: Instrument, total: float, sex: str | None = None) -> bool | None:
    cut, _ = cutoff_for(ins, sex)
    if cut is None:
        return None
    return meets(total, cut.comparator, cut.value)


# Helpers -------------------------------------------------------------------------------------


def _result(
    ins: Instrument,
    total: float,
    flags: list[Flag],
    subscales: dict[str, float],
    provisional: Provisional | None,
    scores: list[float] | None,
    *,
    sex: str | None = None,
) -> Score:
    band = band_for(ins, total)
    cut, note = cutoff_for(ins, sex)
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
        case=is_case(ins, total, sex),
        cutoff=cutoff_words(cut) if cut is not None else None,
        cutoff_note=note,
    )


def _number(value: Any, where: str, item: int | None = None) -> float:
    # bool is an int in Python, but True is never a questionnaire answer.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScoringError(f"{where}: {value!r} is not a number", item=item)
    if isinstance(value, float) and not math.isfinite(value):
        raise ScoringError(f"{where}: {value!r} is not a number", item=item)
    return value


def _item_score(ins: Instrument, n: int, answer: Any, keyed: bool = False) -> float:
    where = f"item {n}"
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
    if n in ins.scoring.reverse_items and not keyed:
        return values[0] + values[-1] - int(value)
    return int(value)


def _unkey(ins: Instrument, n: int, score: float) -> float:
    """The response that gives ``score`` on item ``n`` (keying is its own inverse)."""
    if ins.scale is not None or n not in ins.scoring.reverse_items:
        return score
    values = [o.value for o in ins.options_for(n)]
    return min(values) + max(values) - int(score)


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
