"""Reliable and clinically significant change, and series classification."""

from __future__ import annotations

import math

import pytest

from txplan.core.measures.change import (
    ChangeClass,
    Threshold,
    classify_series,
    clinically_significant,
    cutoff_c,
    jacobson_truax_threshold,
    reliable_change_index,
    reliable_change_threshold,
)
from txplan.core.measures.scoring import ScoringError


def test_jacobson_truax_threshold_matches_the_reference_worked_arithmetic() -> None:
    # instruments.md §2: SD 5, r .85 → SE = 5·√.15 = 1.936; S_diff = √2·1.936 = 2.739;
    # threshold = 1.96 × 2.739 = 5.368 ("≈ 5.4 points").
    assert jacobson_truax_threshold(5, 0.85) == pytest.approx(5.368, abs=0.001)


def test_reliable_change_index_is_the_change_over_s_diff() -> None:
    # (12 − 20) / 2.739 = −2.921
    assert reliable_change_index(20, 12, 5, 0.85) == pytest.approx(-2.921, abs=0.001)


def test_jacobson_truax_needs_a_change_strictly_beyond_the_threshold() -> None:
    rule = Threshold(5.368, inclusive=False, kind="jacobson_truax", source="test")
    assert not rule.reached(5.368) and rule.reached(5.369) and rule.reached(-6)


def test_bad_sd_or_reliability_names_the_parameter() -> None:
    with pytest.raises(ValueError, match="reliability"):
        jacobson_truax_threshold(5, 1.2)
    with pytest.raises(ValueError, match="sd"):
        reliable_change_threshold("pss10", sd=5)


def test_the_stored_threshold_names_its_source() -> None:
    rule = reliable_change_threshold("phq9")
    assert rule is not None and rule.value == 6 and rule.inclusive
    assert "NHS Talking Therapies" in rule.source


def test_criterion_c_is_the_weighted_midpoint_of_the_two_populations() -> None:
    # (3·15 + 5·5) / (3 + 5) = 70 / 8 = 8.75
    assert cutoff_c(m_clin=15, sd_clin=5, m_func=5, sd_func=3) == 8.75


def test_phq9_from_18_to_8_is_recovered() -> None:
    # 18 → 8: improvement 10 ≥ 6 (reliable) and 18 ≥ 10 → 8 < 10 (out of the clinical range).
    result = classify_series("phq9", [18, 8])
    assert result.classification is ChangeClass.RECOVERED
    assert result.improvement == 10 and result.clinically_significant is True
    assert "18 to 8" in result.explanation and "NHS Talking Therapies" in result.explanation


def test_phq9_a_fall_of_exactly_6_that_stays_clinical_is_reliably_improved() -> None:
    # 18 → 12: 6 ≥ 6 (a tie counts: the published rule is "6 or more"); 12 is still ≥ 10.
    result = classify_series("phq9", [18, 12])
    assert result.classification is ChangeClass.RELIABLY_IMPROVED
    assert "did not move" in result.explanation


def test_phq9_a_fall_of_5_is_within_measurement_error_even_across_the_cut_off() -> None:
    # 12 → 7: 5 < 6, so no reliable change although 7 is below the cut-off.
    result = classify_series("phq9", [12, 7])
    assert result.classification is ChangeClass.NO_RELIABLE_CHANGE
    assert result.clinically_significant is True


def test_phq9_a_rise_of_6_is_reliable_deterioration() -> None:
    assert classify_series("phq9", [5, 11]).classification is ChangeClass.RELIABLY_DETERIORATED


def test_the_series_compares_first_with_last() -> None:
    assert classify_series("phq9", [18, 27, 3, 8]).classification is ChangeClass.RECOVERED


def test_a_practice_threshold_overrides_the_stored_one_and_says_so() -> None:
    result = classify_series("phq9", [12, 7], threshold=5)
    assert result.classification is ChangeClass.RECOVERED
    assert "chosen by the practice" in result.explanation


def test_ors_improvement_is_upwards() -> None:
    # ORS 18 → 26: +8 ≥ 5 and from ≤ 25 (clinical) to 26 → recovered.
    assert classify_series("ors", [18, 26]).classification is ChangeClass.RECOVERED
    # ORS 30 → 24: −6, reliably worse.
    result = classify_series("ors", [30, 24])
    assert result.classification is ChangeClass.RELIABLY_DETERIORATED
    assert result.improvement == -6


def test_an_instrument_without_a_threshold_is_not_classified_unless_one_is_given() -> None:
    result = classify_series("pss10", [30, 10])
    assert result.classification is ChangeClass.NO_THRESHOLD
    assert "No reliable-change threshold" in result.explanation
    # SD 6, r .8: 1.96·√2·6·√.2 = 7.44; a fall of 20 is reliable; PSS-10 has no cut-off.
    result = classify_series("pss10", [30, 10], sd=6, reliability=0.8)
    assert result.classification is ChangeClass.RELIABLY_IMPROVED
    assert result.threshold is not None and math.isclose(
        result.threshold.value, 7.437, abs_tol=0.01
    )
    assert "no caseness cut-off" in result.explanation


def test_one_total_is_not_enough() -> None:
    assert classify_series("gad7", [12]).classification is ChangeClass.NOT_ENOUGH_DATA


def test_an_impossible_total_names_its_position() -> None:
    with pytest.raises(ScoringError, match=r"totals\[1\]: 30 is out of range 0–27"):
        classify_series("phq9", [12, 30])


def test_clinically_significant_change_means_leaving_the_clinical_range() -> None:
    assert clinically_significant("phq9", 12, 9) is True
    assert clinically_significant("phq9", 12, 10) is False  # 10 is still ≥ 10
    assert clinically_significant("phq9", 8, 4) is False  # never was a case
    assert clinically_significant("phq15", 20, 3) is None  # no cut-off on record
