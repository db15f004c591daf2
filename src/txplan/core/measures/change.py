"""Change between administrations: reliable change, clinically significant change, a series.

Reliable change uses, in order of preference: a threshold the caller passes (a practice's own
choice), a Jacobson–Truax threshold from an SD and reliability the caller passes, the threshold
of the *convention* the practice chose, the instrument's ``reliable_change.chosen`` value, or its
stored Jacobson–Truax parameters. Conventions (``CONVENTIONS``):

* ``"default"``: each instrument's chosen threshold (docs/instruments.md says which and why);
* ``"jacobson_truax"``: Jacobson–Truax from published norms — the instrument's SD and
  reliability (or SEM), else a published RCI threshold; the default where none is on record;
* ``"nhs_talking_therapies"``: the NHS Talking Therapies reliable-improvement thresholds
  (PHQ-9 6, GAD-7 4); the default for instruments outside that programme.

The result always names the threshold, its source and the convention, so a status shows which
definition it used (instruments.md §2: "never hard-code a single 'the RCI'").

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
from txplan.core.measures.scoring import ScoringError, cutoff_for, fmt, is_case, score_total

Z_95 = 1.96  # two-tailed p < .05, as in Jacobson & Truax 1991

DEFAULT = "default"
JACOBSON_TRUAX = "jacobson_truax"
NHS_TALKING_THERAPIES = "nhs_talking_therapies"
CONVENTIONS: dict[str, str] = {
    DEFAULT: "each instrument's chosen threshold",
    JACOBSON_TRUAX: "Jacobson–Truax from published norms",
    NHS_TALKING_THERAPIES: "NHS Talking Therapies thresholds",
}
_KIND_WORDS = {
    "rci": "Jacobson–Truax (published RCI)",
    "jacobson_truax": "Jacobson–Truax",
    "programme": "programme convention",
    "mcid": "minimal clinically important difference",
    "clinical": "publisher's clinically meaningful change",
    "practice": "practice's own threshold",
}


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
    convention: str = DEFAULT  # the convention asked for (see CONVENTIONS)

    @property
    def label(self) -> str:
        """The convention in words, for display next to "reliably improved"."""
        if self.kind == "programme" and "NHS Talking Therapies" in self.source:
            return "NHS Talking Therapies"
        return _KIND_WORDS.get(self.kind, self.kind)

    def reached(self, change: float) -> bool:
        size = abs(change)
        return size >= self.value if self.inclusive else size > self.value

    def describe(self) -> str:
        """A closing sentence naming the threshold and its source."""
        size = fmt(round(self.value, 2))
        amount = f"{size} or more points" if self.inclusive else f"more than {size} points"
        return f"Reliable change here is {amount} ({self.label}), per {self.source}."


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
    rci: float | None = None  # Jacobson–Truax RC (post − pre) / S_diff, where S_diff is known
    reliable: bool | None = None  # the change reached the threshold (either direction)

    @property
    def convention(self) -> str:
        """E.g. "NHS Talking Therapies: 6 or more points" — shown beside every status."""
        if self.threshold is None:
            return "no reliable-change threshold on record"
        size = fmt(round(self.threshold.value, 2))
        amount = f"{size} or more points" if self.threshold.inclusive else f"more than {size}"
        return f"{self.threshold.label}: {amount}"


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
    convention: str | None = None,
) -> Threshold | None:
    """The threshold to use, or None when the registry has none and the caller gave none."""
    ins = registry.get(instrument_id)
    convention = convention or DEFAULT
    if convention not in CONVENTIONS:
        raise ValueError(
            f"convention: unknown {convention!r}; choose one of {', '.join(CONVENTIONS)}"
        )
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
    listed = [t for t in [rc.chosen, *rc.alternatives] if t is not None]
    if convention == JACOBSON_TRUAX:
        if rc.jacobson_truax is not None:
            return _from_jt(ins, convention)
        rci = next((t for t in listed if t.kind.value == "rci"), None)
        if rci is not None:
            return Threshold(rci.value, True, "rci", rci.source, convention)
    if convention == NHS_TALKING_THERAPIES:
        nhs = next(
            (
                t
                for t in listed
                if t.kind.value == "programme" and "NHS Talking Therapies" in t.source
            ),
            None,
        )
        if nhs is not None:
            return Threshold(nhs.value, True, "programme", nhs.source, convention)
    if rc.chosen is not None:
        return Threshold(rc.chosen.value, True, rc.chosen.kind.value, rc.chosen.source, convention)
    return _from_jt(ins, convention)


def standard_error_of_difference(ins: Instrument) -> tuple[float, str] | None:
    """S_diff and its source, from the instrument's Jacobson–Truax parameters or a published
    RCI threshold (threshold = 1.96 · S_diff); None when neither is on record."""
    rc = ins.reliable_change
    if rc is None:
        return None
    jt = rc.jacobson_truax
    if jt is not None:
        sem = jt.sem if jt.sem is not None else jt.sd * math.sqrt(1 - jt.reliability)  # type: ignore[operator]
        return math.sqrt(2) * sem, jt.source
    rci = next(
        (t for t in [rc.chosen, *rc.alternatives] if t is not None and t.kind.value == "rci"),
        None,
    )
    if rci is not None:
        return rci.value / Z_95, f"published RCI threshold {fmt(rci.value)} ({rci.source})"
    return None


def _from_jt(ins: Instrument, convention: str) -> Threshold:
    rc = ins.reliable_change
    assert rc is not None and rc.jacobson_truax is not None  # the registry checks this
    jt = rc.jacobson_truax
    if jt.sem is not None:
        value = Z_95 * math.sqrt(2) * jt.sem
        source = f"Jacobson–Truax from SEM {fmt(jt.sem)} ({jt.source})"
    else:
        assert jt.sd is not None and jt.reliability is not None
        value = jacobson_truax_threshold(jt.sd, jt.reliability)
        params = f"SD {fmt(jt.sd)} and reliability {fmt(jt.reliability)}"
        source = f"Jacobson–Truax from {params} ({jt.source})"
    return Threshold(value, False, "jacobson_truax", source, convention)


def improvement(ins: Instrument, before: float, after: float) -> float:
    """Change in the good direction: positive means better for this instrument."""
    return after - before if ins.direction is Direction.HIGHER_IS_BETTER else before - after


def clinically_significant(
    instrument_id: str, before: float, after: float, sex: str | None = None
) -> bool | None:
    """True when the score moved from the clinical range to outside it (the chosen cut-off, or
    the cut-off for ``sex`` where it depends on sex).

    None when the instrument has no caseness cut-off on record (PHQ-15, PSS-10).
    """
    ins = registry.get(instrument_id)
    was, now = is_case(ins, before, sex), is_case(ins, after, sex)
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
    convention: str | None = None,
    sex: str | None = None,
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
        instrument_id,
        threshold=threshold,
        sd=sd,
        reliability=reliability,
        convention=convention,
    )
    crossed = clinically_significant(instrument_id, first, last, sex)
    moved = _moved(ins, first, last)
    kind, text = _classify(ins, moved, better, rule, crossed, sex)
    if sd is not None and reliability is not None:
        s_diff: float | None = jacobson_truax_threshold(sd, reliability) / Z_95
    else:
        known = standard_error_of_difference(ins)
        s_diff = known[0] if known else None
    rci = round((last - first) / s_diff, 2) if s_diff else None
    reliable = None if rule is None else (better != 0 and rule.reached(better))
    return ChangeResult(ins.id, kind, text, first, last, better, rule, crossed, rci, reliable)


def _classify(
    ins: Instrument,
    moved: str,
    better: float,
    rule: Threshold | None,
    crossed: bool | None,
    sex: str | None = None,
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
        cut, _ = cutoff_for(ins, sex)
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
