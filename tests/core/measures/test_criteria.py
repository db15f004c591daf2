"""Objective criteria evaluated against administrations: the edge cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from txplan.core.measures.criteria import Administration, CriterionStatus, evaluate_criterion
from txplan.core.measures.registry import UnknownInstrument
from txplan.core.plan import Criterion

START = date(2026, 3, 2)
TODAY = date(2026, 6, 1)
TARGET = date(2026, 5, 25)


def weekly(measure: str, *totals: float, start: date = START, gap: int = 7) -> list[Administration]:
    return [
        Administration(measure, start + timedelta(days=gap * i), t) for i, t in enumerate(totals)
    ]


def phq9(comparator: str = "<=", threshold: float = 9, consecutive: int = 3, **kw) -> Criterion:  # type: ignore[no-untyped-def]
    return Criterion(
        measure="phq9", comparator=comparator, threshold=threshold, consecutive=consecutive, **kw
    )


def test_three_consecutive_weekly_scores_at_or_below_9_are_met_on_the_third_date() -> None:
    adms = weekly("phq9", 16, 12, 9, 8, 7)
    result = evaluate_criterion(phq9(), adms, TODAY, TARGET)
    assert result.status is CriterionStatus.MET
    assert result.met_on == adms[4].on and [a.total for a in result.run] == [9, 8, 7]
    assert "Met on 2026-03-30" in result.explanation and "9 or lower" in result.explanation


def test_a_tie_at_the_threshold_meets_less_or_equal_but_not_less_than() -> None:
    adms = weekly("phq9", 9, 9, 9)
    assert evaluate_criterion(phq9("<="), adms, TODAY, TARGET).status is CriterionStatus.MET
    result = evaluate_criterion(phq9("<"), adms, TODAY, TARGET)
    assert result.status is CriterionStatus.NOT_MET  # deadline passed, never below 9


def test_fewer_than_n_meeting_administrations_is_progressing_before_the_deadline() -> None:
    adms = weekly("phq9", 15, 8, 7)
    result = evaluate_criterion(phq9(), adms, date(2026, 3, 20), TARGET)
    assert result.status is CriterionStatus.PROGRESSING and result.met_on is None
    assert "2 of the 3" in result.explanation


def test_a_failing_score_breaks_the_run() -> None:
    adms = weekly("phq9", 8, 7, 12, 6, 5)  # 8, 7 | 12 breaks | 6, 5 → only 2 in a row
    result = evaluate_criterion(phq9(), adms, date(2026, 4, 3), TARGET)
    assert result.status is CriterionStatus.PROGRESSING and len(result.run) == 2


def test_administrations_under_7_days_apart_do_not_count_towards_the_run() -> None:
    days = [START, START + timedelta(days=3), START + timedelta(days=6), START + timedelta(days=7)]
    adms = [Administration("phq9", d, 8) for d in days]
    # Counted: day 0, then day 7 (days 3 and 6 are under 7 days after day 0) → 2 of 3.
    result = evaluate_criterion(phq9(), adms, START + timedelta(days=8), TARGET)
    assert result.status is CriterionStatus.PROGRESSING
    assert [a.on for a in result.run] == [days[0], days[3]]
    assert "2 administrations less than 7 days" in result.explanation


def test_a_close_administration_that_fails_still_breaks_the_run() -> None:
    adms = [
        Administration("phq9", START, 8),
        Administration("phq9", START + timedelta(days=3), 14),  # a relapse three days later
        Administration("phq9", START + timedelta(days=7), 8),
        Administration("phq9", START + timedelta(days=14), 8),
    ]
    result = evaluate_criterion(phq9(), adms, START + timedelta(days=15), TARGET)
    assert result.status is CriterionStatus.PROGRESSING and len(result.run) == 2


def test_a_criterion_can_allow_closer_spacing() -> None:
    adms = weekly("phq9", 8, 8, 8, gap=2)
    result = evaluate_criterion(phq9(min_days_apart=2), adms, TODAY, TARGET)
    assert result.status is CriterionStatus.MET


def test_data_after_the_target_date_does_not_make_it_met() -> None:
    adms = weekly("phq9", 14, 12, 8, 7, start=date(2026, 5, 11))  # 5/11, 5/18, 5/25, 6/1
    result = evaluate_criterion(phq9(), adms, date(2026, 6, 10), TARGET)
    # By 5/25 only 8 (one meeting score) counts; 7 on 6/1 is after the target date.
    assert result.status is CriterionStatus.NOT_MET
    assert "Not met by the target date 2026-05-25" in result.explanation
    assert "1 administration after the target date" in result.explanation


def test_the_criterion_by_date_takes_precedence_over_the_objective_target_date() -> None:
    adms = weekly("phq9", 8, 8, 8)  # met on 3/16
    early = phq9(by_date=date(2026, 3, 10))
    assert evaluate_criterion(early, adms, TODAY, TARGET).status is CriterionStatus.NOT_MET


def test_a_met_objective_stays_met_but_mentions_a_later_relapse() -> None:
    adms = weekly("phq9", 8, 8, 8, 15)
    result = evaluate_criterion(phq9(), adms, TODAY, TARGET)
    assert result.status is CriterionStatus.MET and result.met_on == adms[2].on
    assert "no longer meets it" in result.explanation


def test_higher_is_better_measures_use_the_comparator() -> None:
    crit = Criterion(measure="ors", comparator=">=", threshold=25, consecutive=2)
    adms = weekly("ors", 18.5, 22.0, 25.0, 27.3)  # 25.0 ties "≥ 25" and counts
    result = evaluate_criterion(crit, adms, TODAY, TARGET)
    assert result.status is CriterionStatus.MET and result.met_on == adms[3].on
    # Only the rise so far: progressing, not met.
    result = evaluate_criterion(crit, adms[:2], TODAY - timedelta(days=60), TARGET)
    assert (
        result.status is CriterionStatus.PROGRESSING and "toward 25 or higher" in result.explanation
    )


def test_a_worsening_score_before_the_deadline_is_not_met_yet() -> None:
    result = evaluate_criterion(phq9(), weekly("phq9", 14, 17), date(2026, 3, 12), TARGET)
    assert result.status is CriterionStatus.NOT_MET and "Not met yet" in result.explanation


def test_a_single_baseline_above_the_threshold_is_not_met_yet() -> None:
    result = evaluate_criterion(phq9(), weekly("phq9", 14), date(2026, 3, 3), TARGET)
    assert result.status is CriterionStatus.NOT_MET and "one PHQ-9 so far" in result.explanation


def test_no_administrations_of_the_measure_is_no_data() -> None:
    gad7_only = weekly("gad7", 5, 4, 3)
    result = evaluate_criterion(phq9(), gad7_only, TODAY, TARGET)
    assert result.status is CriterionStatus.NO_DATA and "No PHQ-9 recorded" in result.explanation
    assert evaluate_criterion(phq9(), [], TODAY, None).status is CriterionStatus.NO_DATA


def test_future_dated_administrations_are_ignored_and_mentioned() -> None:
    adms = weekly("phq9", 8, 8, 8, start=TODAY + timedelta(days=1))
    result = evaluate_criterion(phq9(), adms, TODAY, TARGET)
    assert result.status is CriterionStatus.NO_DATA and "dated after today" in result.explanation


def test_unsorted_input_is_read_in_date_order() -> None:
    adms = list(reversed(weekly("phq9", 16, 8, 8, 8)))
    assert evaluate_criterion(phq9(), adms, TODAY, TARGET).met_on == START + timedelta(days=21)


def test_no_deadline_means_never_too_late() -> None:
    result = evaluate_criterion(phq9(), weekly("phq9", 16, 12), TODAY, None)
    assert result.status is CriterionStatus.PROGRESSING and result.deadline is None


def test_an_unknown_measure_names_the_valid_ids() -> None:
    crit = Criterion(measure="bdi2", comparator="<=", threshold=13)
    with pytest.raises(UnknownInstrument, match="phq9"):
        evaluate_criterion(crit, [], TODAY)


def test_an_impossible_total_is_rejected_with_its_position() -> None:
    with pytest.raises(ValueError, match=r"administrations\[0\]\.total: 40 is out of range"):
        evaluate_criterion(phq9(), [Administration("phq9", START, 40)], TODAY)
