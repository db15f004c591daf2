"""Change between administrations: reliable change, clinically significant change, a series.

Reliable change uses, in order of preference: a threshold the caller passes (a practice's own
choice), a Jacobson–Truax threshold from an SD and reliability the caller passes, the
instrument's ``reliable_change.chosen`` value, or its stored Jacobson–Truax parameters. The
result always names the threshold and its source, so a status shows which definition it used
(instruments.md §2: "never hard-code a single 'the RCI'").

Jacobson & Truax 1991 (J Consult Clin Psychol 59:12–19):
    SE = SD·√(1 − r);  S_diff = √2·SE;  RC = (post − pre) / S_diff;  reliable when |RC| > 1.96.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from txplan.core.measures import registry
from txplan.core.measures.model import Direction, Instrument
from txplan.core.measures.scoring import ScoringError, fmt, is_case, score_total

Z_95 = 1.96  # two-tailed p < .05, as in Jacobson & Truax 1991


class ChangeClass(StrEnum):
    RECOVERED = "recovered"  # reliable improvement and moved out of the clinical range
    RELIABLY_IMPROVED = "reliably_improved"  # reliable improvement, no cut-off crossed
    NO_RELIABLE_CHANGE = "no_reliable_change"  # change within measurement error
    RELIABLY_DETERIORATED = "reliably_deteriorated"  # reliable change in the worse direction
    NOT_ENOUGH_DATA = "not_enough_data"  # fewer than two totals: nothing to compare
    NO_THRESHOLD = "no_threshold"  # no reliable-change threshold on record and none given


@dataclass(frozen=True)
class Threshold:
    value: float  # the smallest raw change that counts
    inclusive: bool  # True: a change of exactly ``value`` counts (published "≥ N" thresholds)
    kind: str  # "rci", "mcid", "programme", "clinical", "jacobson_truax" or "practice"
    source: str

    def reached(self, change: float) -> bool:
        size = abs(change)
        return size >= self.value if self.inclusive else size > self.value

    def describe(self) -> str:
        """A closing sentence naming the threshold and its source."""
        size = fmt(round(self.value, 2))
        amount = f"{size} or more points" if self.inclusive else f"more than {size} points"
        return f"Reliable change here is {amount}, per {self.source}."


@dataclass(frozen=True)
class ChangeResult:
    instrument: str
    classification: ChangeClass
    explanation: str  # one or two sentences a clinician understands
    baseline: float | None = None
    latest: float | None = None
    improvement: float | None = None  # positive = better, whatever the instrument's direction
    threshold: Threshold | None = None
    clinically_significant: bool | None = None  # None when the instrument has no cut-off


def jacobson_truax_threshold(sd: float, reliability: float) -> float:
    """The smallest raw change with |RC| > 1.96: 1.96 · √2 · SD · √(1 − r)."""
    if sd <= 0:
        raise ValueError(f"sd: must be above 0, got {sd}")
    if not 0 < reliability < 1:
        raise ValueError(f"reliability: must be between 0 and 1, got {reliability}")
    return Z_95 * math.sqrt(2) * sd * math.sqrt(1 - reliability)


def reliable_change_index(pre: float, post: float, sd: float, reliability: float) -> float:
    """Jacobson–Truax RC for one client: (post − pre) / S_diff."""
    return (post - pre) / (jacobson_truax_threshold(sd, reliability) / Z_95)


def cutoff_c(m_clin: float, sd_clin: float, m_func: float, sd_func: float) -> float:
    """Jacobson & Truax criterion c: where membership of either population is equally likely."""
    return (sd_func * m_clin + sd_clin * m_func) / (sd_func + sd_clin)


def reliable_change_threshold(
    instrument_id: str,
    *,
    threshold: float | None = None,
    sd: float | None = None,
    reliability: float | None = None,
) -> Threshold | None:
    """The threshold to use, or None when the registry has none and the caller gave none."""
    ins = registry.get(instrument_id)
    if threshold is not None:
        if threshold <= 0:
            raise ValueError(f"threshold: must be above 0, got {threshold}")
        return Threshold(threshold, True, "practice", "threshold chosen by the practice")
    if sd is not None or reliability is not None:
        if sd is None or reliability is None:
            raise ValueError("sd and reliability: give both for a Jacobson–Truax threshold")
        value = jacobson_truax_threshold(sd, reliability)
        source = f"Jacobson–Truax from SD {sd:g} and reliability {reliability:g}"
        return Threshold(value, False, "jacobson_truax", source)
    rc = ins.reliable_change
    if rc is None:
        return None
    if rc.chosen is not None:
        return Threshold(rc.chosen.value, True, rc.chosen.kind.value, rc.chosen.source)
    assert rc.jacobson_truax is not None  # the registry checks that one of the two is given
    jt = rc.jacobson_truax
    value = jacobson_truax_threshold(jt.sd, jt.reliability)
    return Threshold(value, False, "jacobson_truax", jt.source)


def improvement(ins: Instrument, before: float, after: float) -> float:
    """Change in the good direction: positive means better for this instrument."""
    return after - before if ins.direction is Direction.HIGHER_IS_BETTER else before - after


def clinically_significant(instrument_id: str, before: float, after: float) -> bool | None:
    """True when the score moved from the clinical range to outside it (the chosen cut-off).

    None when the instrument has no caseness cut-off on record (PHQ-15, PSS-10).
    """
    ins = registry.get(instrument_id)
    was, now = is_case(ins, before), is_case(ins, after)
    if was is None:
        return None
    return bool(was and not now)


def classify_series(
    instrument_id: str,
    totals: Sequence[float],
    *,
    threshold: float | None = None,
    sd: float | None = None,
    reliability: float | None = None,
) -> ChangeResult:
    """Compare the first total (baseline) with the last, in the order given (oldest first).

    recovered = reliable improvement *and* from the clinical range to outside it;
    reliably_improved = reliable improvement otherwise; reliably_deteriorated = reliable change
    in the worse direction; no_reliable_change = anything smaller.
    """
    ins = registry.get(instrument_id)
    for i, total in enumerate(totals):
        try:
            score_total(instrument_id, total)
        except ScoringError as exc:
            raise ScoringError(f"totals[{i}]: {str(exc).removeprefix('total: ')}") from None
    name = ins.short_name
    if len(totals) < 2:
        return ChangeResult(
            ins.id,
            ChangeClass.NOT_ENOUGH_DATA,
            f"{name}: change needs at least two administrations; {len(totals)} recorded.",
        )
    first, last = float(totals[0]), float(totals[-1])
    better = improvement(ins, first, last)
    rule = reliable_change_threshold(
        instrument_id, threshold=threshold, sd=sd, reliability=reliability
    )
    crossed = clinically_significant(instrument_id, first, last)
    moved = _moved(ins, first, last)
    kind, text = _classify(ins, moved, better, rule, crossed)
    return ChangeResult(ins.id, kind, text, first, last, better, rule, crossed)


def _classify(
    ins: Instrument, moved: str, better: float, rule: Threshold | None, crossed: bool | None
) -> tuple[ChangeClass, str]:
    if rule is None:
        return ChangeClass.NO_THRESHOLD, (
            f"{moved}. No reliable-change threshold is on record for {ins.short_name}, so the "
            "change cannot be classified; give one, or an SD and reliability."
        )
    if better == 0 or not rule.reached(better):
        return ChangeClass.NO_RELIABLE_CHANGE, (
            f"{moved}: within measurement error, no reliable change. {rule.describe()}"
        )
    if better < 0:
        return ChangeClass.RELIABLY_DETERIORATED, (
            f"{moved}: a reliable deterioration. {rule.describe()}"
        )
    if crossed:
        cut = ins.caseness.chosen if ins.caseness else None
        where = f" ({_case_words(cut.comparator.value, cut.value)})" if cut else ""
        return ChangeClass.RECOVERED, (
            f"{moved}: a reliable improvement that moved the score out of the clinical "
            f"range{where}, so recovered. {rule.describe()}"
        )
    reason = (
        "the instrument has no caseness cut-off on record"
        if crossed is None
        else "the score did not move from the clinical range to outside it"
    )
    return ChangeClass.RELIABLY_IMPROVED, (
        f"{moved}: a reliable improvement, but not 'recovered' because {reason}. {rule.describe()}"
    )


def _moved(ins: Instrument, first: float, last: float) -> str:
    if first == last:
        return f"{ins.short_name} is unchanged at {fmt(first)}"
    verb = "rose" if last > first else "fell"
    return (
        f"{ins.short_name} {verb} from {fmt(first)} to {fmt(last)} "
        f"({fmt(round(abs(last - first), 2))} points)"
    )


def _case_words(comparator: str, value: float) -> str:
    words = {"<=": "or lower", ">=": "or higher"}
    if comparator in words:
        return f"{fmt(value)} {words[comparator]}"
    return f"{comparator} {fmt(value)}"
