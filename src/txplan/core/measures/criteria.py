"""Objectives that evaluate themselves: a ``Criterion`` against a client's administrations.

"PHQ-9 ≤ 9 on 3 consecutive administrations at least 7 days apart by 2026-06-01" becomes a
status — met (and the date it became true), progressing, not met, or no data — computed from
the recorded totals and ``today`` (never the clock).

The rules, precisely:

* Only administrations of ``criterion.measure`` dated on or before ``today`` are used (a future
  date is a data-entry error; it is ignored and mentioned). The deadline is ``criterion.by_date``,
  else the objective's ``target_date``; administrations after it never count towards "met".
* Administrations are read in date order (same-day ones in the order given). An administration
  *meets* when ``total <comparator> threshold`` holds exactly: a tie at the threshold meets
  ``<=``/``>=`` and does not meet ``<``/``>``. Higher-is-better measures (ORS) simply use
  ``>=``/``>``.
* A *run* is built as follows. An administration that does not meet breaks the run (it restarts
  empty). One that meets is *counted* when the run is empty or it is at least
  ``min_days_apart`` days after the previous counted one. **Closer together** than that, it is
  not counted — but it does not break the run either, while one that fails still does (a relapse
  a few days later is real data; a repeat a few days later is not fresh evidence).
* **met**: the run reached ``consecutive`` counted administrations on or before the deadline;
  ``met_on`` is the date of the administration that completed it. Once met, it stays met (the
  objective was achieved); a later score that no longer meets is mentioned in the explanation.
* **no_data**: no administration of the measure at all (up to ``today``).
* **not_met**: the deadline has passed without being met, or, before the deadline, the latest
  administration neither meets the threshold nor is better than the first one in the window.
* **progressing**: not met, the deadline has not passed (or there is none), and either the
  latest administration meets the threshold (the run is still too short), or the latest value is
  strictly better than the first administration in the window, "better" being the direction the
  comparator points (lower for ``<``/``<=``, higher for ``>``/``>=``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from txplan.core.measures import registry
from txplan.core.measures.scoring import ScoringError, fmt, meets, score_total
from txplan.core.plan import Comparator, Criterion


class CriterionStatus(StrEnum):
    MET = "met"  # the criterion held on N consecutive administrations by the deadline
    PROGRESSING = "progressing"  # not met, deadline open, latest meets or improved on the first
    NOT_MET = "not_met"  # deadline passed, or no improvement so far
    NO_DATA = "no_data"  # no administration of the measure recorded


@dataclass(frozen=True)
class Administration:
    instrument: str  # instrument id, e.g. "phq9"
    on: date
    total: float


@dataclass(frozen=True)
class CriterionResult:
    status: CriterionStatus
    explanation: str  # a sentence a clinician understands
    met_on: date | None = None
    deadline: date | None = None
    run: list[Administration] = field(default_factory=list)  # the counted consecutive run
    latest: Administration | None = None

    @property
    def detail(self) -> str:
        """The explanation without its leading status words, for display after the status
        label (so a page never reads "Progressing — Progressing: …")."""
        text = self.explanation
        if text.startswith("Not met by the target date "):
            return "By" + text[len("Not met by") :]
        for lead in ("Progressing: ", "Not met yet: ", "Not met: "):
            if text.startswith(lead):
                return text[len(lead)].upper() + text[len(lead) + 1 :]
        if self.met_on is not None:
            lead = f"Met on {self.met_on.isoformat()}: "
            if text.startswith(lead):
                return text[len(lead)].upper() + text[len(lead) + 1 :]
        return text


_WORDS = {
    Comparator.LTE: "{t} or lower",
    Comparator.LT: "below {t}",
    Comparator.GTE: "{t} or higher",
    Comparator.GT: "above {t}",
}


def describe_target(comparator: Comparator, threshold: float) -> str:
    return _WORDS[comparator].format(t=fmt(threshold))


def evaluate_criterion(
    criterion: Criterion,
    administrations: Sequence[Administration],
    today: date,
    target_date: date | None = None,
) -> CriterionResult:
    """The criterion's status on ``today`` (see the module docstring for the exact rules)."""
    ins = registry.get(criterion.measure)
    for i, adm in enumerate(administrations):
        if adm.instrument == criterion.measure:
            try:
                score_total(adm.instrument, adm.total)
            except ScoringError as exc:
                raise ScoringError(f"administrations[{i}].{exc}") from None
    name = ins.short_name
    goal = describe_target(criterion.comparator, criterion.threshold)
    deadline = criterion.by_date or target_date
    mine = sorted(
        (a for a in administrations if a.instrument == criterion.measure), key=lambda a: a.on
    )
    future = [a for a in mine if a.on > today]
    known = [a for a in mine if a.on <= today]
    window = [a for a in known if deadline is None or a.on <= deadline]
    late = len(known) - len(window)
    notes = _notes(future, late, deadline)
    need = criterion.consecutive
    spacing = f" at least {criterion.min_days_apart} days apart" if need > 1 else ""
    times = "once" if need == 1 else f"on {need} consecutive administrations{spacing}"

    if not known:
        return CriterionResult(
            CriterionStatus.NO_DATA,
            _join(
                f"No {name} recorded yet; the objective needs {name} {goal} {times}"
                + (f" by {deadline.isoformat()}." if deadline else "."),
                notes,
            ),
            deadline=deadline,
        )

    run, skipped, met_run = _runs(window, criterion)
    latest = known[-1]
    if met_run:
        met_on = met_run[-1].on
        listed = ", ".join(f"{fmt(a.total)} on {a.on.isoformat()}" for a in met_run)
        by = f", by the target date {deadline.isoformat()}" if deadline else ""
        text = f"Met on {met_on.isoformat()}: {name} was {goal} {times} ({listed}){by}."
        if not meets(latest.total, criterion.comparator, criterion.threshold):
            text += (
                f" Since then the latest score ({fmt(latest.total)} on "
                f"{latest.on.isoformat()}) no longer meets it."
            )
        return CriterionResult(
            CriterionStatus.MET, _join(text, notes), met_on, deadline, met_run, latest
        )

    due = f" Target date {deadline.isoformat()}." if deadline else ""
    if not window:
        text = (
            f"Not met: no {name} was recorded by the target date "
            f"{deadline.isoformat() if deadline else ''}."
        )
        return CriterionResult(
            CriterionStatus.NOT_MET, _join(text, notes), None, deadline, [], latest
        )
    first, last = window[0], window[-1]
    last_meets = meets(last.total, criterion.comparator, criterion.threshold)
    improved = _better(criterion.comparator, first.total, last.total)
    trend = (
        f"{name} went from {fmt(first.total)} ({first.on.isoformat()}) to "
        f"{fmt(last.total)} ({last.on.isoformat()})"
    )
    short = f"{len(run)} of the {need} consecutive administrations needed so far"
    close = (
        f"; {plural(skipped, 'administration')} less than {criterion.min_days_apart} days after "
        "the previous counted one did not count"
        if skipped
        else ""
    )
    if deadline is not None and today > deadline:
        text = (
            f"Not met by the target date {deadline.isoformat()}: {name} was not {goal} "
            f"{times}; {trend}."
        )
        return CriterionResult(
            CriterionStatus.NOT_MET, _join(text, notes), None, deadline, run, latest
        )
    if last_meets:
        text = (
            f"Progressing: the latest {name} ({fmt(last.total)} on {last.on.isoformat()}) "
            f"is {goal}; {short}{close}.{due}"
        )
        return CriterionResult(
            CriterionStatus.PROGRESSING, _join(text, notes), None, deadline, run, latest
        )
    if improved:
        text = f"Progressing: {trend}, toward {goal}; not met yet.{due}"
        return CriterionResult(
            CriterionStatus.PROGRESSING, _join(text, notes), None, deadline, run, latest
        )
    count = len(window)
    detail = (
        f"{trend}, no closer to {goal}"
        if count > 1
        else f"one {name} so far ({fmt(last.total)} on {last.on.isoformat()}), not {goal}"
    )
    text = f"Not met yet: {detail}.{due}"
    return CriterionResult(CriterionStatus.NOT_MET, _join(text, notes), None, deadline, run, latest)


def _runs(
    window: list[Administration], criterion: Criterion
) -> tuple[list[Administration], int, list[Administration] | None]:
    """(current run, close ones skipped in it, the first run that reached N or None)."""
    run: list[Administration] = []
    skipped = 0
    for adm in window:
        if not meets(adm.total, criterion.comparator, criterion.threshold):
            run, skipped = [], 0
            continue
        if not run or (adm.on - run[-1].on).days >= criterion.min_days_apart:
            run.append(adm)
        else:
            skipped += 1
        if len(run) >= criterion.consecutive:
            return run, skipped, list(run)
    return run, skipped, None


def _better(comparator: Comparator, first: float, last: float) -> bool:
    lower_is_better = comparator in (Comparator.LTE, Comparator.LT)
    return last < first if lower_is_better else last > first


def _notes(future: list[Administration], late: int, deadline: date | None) -> str:
    out = []
    if late and deadline:
        verb = "does" if late == 1 else "do"
        when = deadline.isoformat()
        out.append(
            f"{plural(late, 'administration')} after the target date {when} {verb} not count"
        )
    if future:
        verb = "was" if len(future) == 1 else "were"
        out.append(f"{plural(len(future), 'administration')} dated after today {verb} ignored")
    return "; ".join(out)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _join(text: str, notes: str) -> str:
    return f"{text} ({notes}.)" if notes else text
