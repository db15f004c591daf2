"""Scoring against worked examples computed by hand from each instrument's published rule."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from txplan.core.measures import registry
from txplan.core.measures.scoring import ScoringError, score_items, score_total


def codes(score) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in score.flags]


# Worked examples, one or more per instrument ----------------------------------------------------


def test_phq9_worked_example_is_moderate_without_flags() -> None:
    # 2+2+1+3+1+0+2+1+0 = 12 → Moderate (10–14); item 9 = 0 → no flag; 12 ≥ 10 → a case.
    score = score_items("phq9", [2, 2, 1, 3, 1, 0, 2, 1, 0])
    assert (score.total, score.band, score.band_index, score.case) == (12, "moderate", 2, True)
    assert score.flags == [] and not score.risk


def test_phq9_item9_flag_surfaces_even_with_a_minimal_total() -> None:
    # 0×8 + 1 = 1 → None-minimal (0–4), yet item 9 = 1 > 0 → the self-harm flag, naming item 9.
    score = score_items("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert (score.total, score.band) == (1, "none_minimal")
    assert codes(score) == ["PHQ9_ITEM9_SELF_HARM"] and score.flags[0].item == 9
    assert score.risk


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "none_minimal"),
        (4, "none_minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately_severe"),
        (19, "moderately_severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_band_edges_follow_kroenke_2001(total: int, band: str) -> None:
    assert score_total("phq9", total).band == band


def test_gad7_worked_examples() -> None:
    # 3+2+2+1+1+0+1 = 10 → Moderate (10–14), a case at exactly the cut-off of 10.
    score = score_items("gad7", [3, 2, 2, 1, 1, 0, 1])
    assert (score.total, score.band, score.case) == (10, "moderate", True)
    # 1+1+1+1+0+0+0 = 4 → Minimal (0–4), not a case.
    score = score_items("gad7", [1, 1, 1, 1, 0, 0, 0])
    assert (score.total, score.band, score.case) == (4, "minimal", False)


def test_pcl5_clusters_and_provisional_rule_not_met_when_d_has_one_symptom() -> None:
    answers = [3, 2, 1, 0, 0, 2, 1, 0, 1, 2, 0, 0, 1, 0, 1, 2, 0, 0, 1, 3]
    # B = 3+2+1+0+0 = 6; C = 2+1 = 3; D = 0+1+2+0+0+1+0 = 4; E = 1+2+0+0+1+3 = 7; total 20.
    # Endorsed (≥ 2): B items 1, 2 → 2 (need 1); C item 6 → 1 (need 1); D item 10 → 1 (need 2);
    # E items 16, 20 → 2 (need 2). D falls short → not met. 20 < 31 → not a case.
    score = score_items("pcl5", answers)
    assert score.total == 20 and score.subscales == {"B": 6, "C": 3, "D": 4, "E": 7}
    assert score.provisional is not None and not score.provisional.met
    assert score.provisional.endorsed == {"B": 2, "C": 1, "D": 1, "E": 2}
    assert score.case is False and score.band is None


def test_pcl5_provisional_rule_met_by_symptoms_while_the_total_is_below_the_cut_off() -> None:
    answers = [2, 1, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0]
    # Endorsed: B item 1; C item 6; D items 8, 9; E items 15, 16 → 1/1/2/2, exactly the rule.
    # Total 2+1+2+2+2+2+2 = 13 < 31: the two routes can disagree, so both are reported.
    score = score_items("pcl5", answers)
    assert score.total == 13 and score.provisional is not None and score.provisional.met
    assert score.case is False


def test_pcl5_an_item_rated_1_is_not_an_endorsed_symptom() -> None:
    # Same as above with item 8 lowered from 2 to 1: D now has one endorsed item → not met.
    answers = [2, 1, 0, 0, 0, 2, 0, 1, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0]
    provisional = score_items("pcl5", answers).provisional
    assert provisional is not None and not provisional.met and provisional.endorsed["D"] == 1


def test_phq15_worked_example_is_medium() -> None:
    # 2+1+0+0+1+0+1+0+0+1+0+2+1+2+1 = 12 → Medium (10–14); no caseness cut-off on record.
    score = score_items("phq15", [2, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 2, 1, 2, 1])
    assert (score.total, score.band, score.case) == (12, "medium", None)


def test_phq15_items_only_go_up_to_2() -> None:
    with pytest.raises(ScoringError, match="item 3: 3 is out of range 0–2"):
        score_items("phq15", [0, 0, 3] + [0] * 12)


def test_audit_c_worked_examples_against_the_chosen_cut_off_of_3() -> None:
    # 2+1+1 = 4 ≥ 3 → positive; 1+0+0 = 1 → negative; 0+0+3 = 3 → positive (tie meets ≥).
    assert (score_items("audit_c", [2, 1, 1]).total, score_items("audit_c", [2, 1, 1]).case) == (
        4,
        True,
    )
    assert score_items("audit_c", [1, 0, 0]).case is False
    assert score_items("audit_c", [0, 0, 3]).case is True


def test_k10_is_scored_1_to_5_per_item() -> None:
    # 2+3+2+2+1+3+2+2+2+1 = 20 → mild (20–24, Andrews & Slade 2001); 20 ≥ 20 → a case.
    score = score_items("k10", [2, 3, 2, 2, 1, 3, 2, 2, 2, 1])
    assert (score.total, score.band, score.case) == (20, "mild", True)
    assert score_items("k10", [1] * 10).total == 10  # the floor of the scale is 10, not 0
    with pytest.raises(ScoringError, match="item 1: 0 is out of range 1–5"):
        score_items("k10", [0] + [1] * 9)


def test_pss10_reverses_items_4_5_7_8_before_summing() -> None:
    # Responses 2,3,1,1,2,3,0,1,2,3. Reversed (4 − r): item 4 1→3, item 5 2→2, item 7 0→4,
    # item 8 1→3. Scores 2,3,1,3,2,3,4,3,2,3 → 26 → Moderate (14–26, its upper edge).
    score = score_items("pss10", [2, 3, 1, 1, 2, 3, 0, 1, 2, 3])
    assert score.item_scores == [2, 3, 1, 3, 2, 3, 4, 3, 2, 3]
    assert (score.total, score.band) == (26, "moderate")


def test_pss10_all_never_is_not_zero() -> None:
    # "Never" to every item: six items score 0, the four reversed items score 4 each → 16.
    assert score_items("pss10", [0] * 10).total == 16
    # "Very often" to every item: six items score 4 (24), the reversed four score 0 → 24.
    assert score_items("pss10", [4] * 10).total == 24


def test_epds_applies_the_per_item_key() -> None:
    # Positions 0,1,0,2,1,0,0,1,3,3. Items 1, 2, 4 as is: 0, 1, 2. Reversed (3 − p): item 3 0→3,
    # item 5 1→2, item 6 0→3, item 7 0→3, item 8 1→2, item 9 3→0, item 10 3→0.
    # Scores 0,1,3,2,2,3,3,2,0,0 → 16 → Probable depression (13–30); item 10 = 0 → no flag.
    score = score_items("epds", [0, 1, 0, 2, 1, 0, 0, 1, 3, 3])
    assert score.item_scores == [0, 1, 3, 2, 2, 3, 3, 2, 0, 0]
    assert (score.total, score.band, score.case, score.flags) == (16, "probable", True, [])


def test_epds_item10_flag_is_checked_on_the_keyed_score() -> None:
    # Item 10 at position 2 scores 3 − 2 = 1 > 0 → flag; the bottom response (3) scores 0.
    low = [0, 0, 3, 0, 3, 3, 3, 3, 3, 2]  # every other item at its 0-scoring response
    score = score_items("epds", low)
    assert score.total == 1 and codes(score) == ["EPDS_ITEM10_SELF_HARM"]
    assert score.flags[0].item == 10
    # All bottom responses: items 1, 2, 4 score 3 each (9), the reversed seven score 0 → 9.
    score = score_items("epds", [3] * 10)
    assert (score.total, score.band, score.flags) == (9, "low", [])


def test_ors_sums_visual_analogue_marks_to_one_decimal() -> None:
    # 5.5+6.2+7.1+4.0 = 22.8 ≤ 25 → in the clinical range; no bands.
    score = score_items("ors", [5.5, 6.2, 7.1, 4.0])
    assert (score.total, score.band, score.case) == (22.8, None, True)
    # 6.3+6.3+6.2+6.2 = 25.0: a tie at the cut-off is clinical under "≤ 25".
    assert score_items("ors", [6.3, 6.3, 6.2, 6.2]).case is True
    assert score_items("ors", [10, 10, 10, 10]).total == 40


def test_ors_rejects_marks_off_the_line_or_finer_than_a_millimetre() -> None:
    with pytest.raises(ScoringError, match=r"item 2: 10\.5 is out of range 0–10"):
        score_items("ors", [1, 10.5, 1, 1])
    with pytest.raises(ScoringError, match=r"item 3: 3\.25 has more than 1 decimal"):
        score_items("ors", [1, 1, 3.25, 1])


# Totals alone ----------------------------------------------------------------------------------


def test_a_total_alone_gets_a_band_and_a_note_that_risk_items_were_not_seen() -> None:
    score = score_total("phq9", 14)
    assert (score.band, score.case, score.risk) == ("moderate", True, False)
    assert codes(score) == ["PHQ9_ITEM9_SELF_HARM_NOT_RECORDED"] and score.flags[0].item == 9


def test_a_total_outside_the_range_or_not_whole_is_rejected() -> None:
    with pytest.raises(ScoringError, match="total: 28 is out of range 0–27"):
        score_total("phq9", 28)
    with pytest.raises(ScoringError, match=r"total: 14\.5 is not a whole number"):
        score_total("phq9", 14.5)
    with pytest.raises(ScoringError, match="total: 9 is out of range 10–50"):
        score_total("k10", 9)
    assert score_total("ors", 22.8).total == 22.8


# Errors name the item ----------------------------------------------------------------------------


def test_a_wrong_count_says_how_many_were_expected() -> None:
    with pytest.raises(ScoringError, match="expected 9 answers, got 8"):
        score_items("phq9", [0] * 8)


def test_an_out_of_range_answer_names_the_item() -> None:
    with pytest.raises(ScoringError, match=r"^item 4: 5 is out of range 0–3$") as caught:
        score_items("phq9", [2, 2, 1, 5, 1, 0, 2, 1, 0])
    assert caught.value.item == 4


def test_a_missing_answer_is_an_error_because_no_manual_gives_a_prorating_rule() -> None:
    with pytest.raises(ScoringError, match="item 3: missing"):
        score_items("phq9", [1, 1, None, 1, 1, 1, 1, 1, 1])


def test_booleans_fractions_and_text_are_not_answers() -> None:
    with pytest.raises(ScoringError, match="item 1: True is not a number"):
        score_items("gad7", [True, 0, 0, 0, 0, 0, 0])
    with pytest.raises(ScoringError, match=r"item 2: 1\.5 is not a whole number"):
        score_items("gad7", [0, 1.5, 0, 0, 0, 0, 0])
    with pytest.raises(ScoringError, match="answers: expected a list"):
        score_items("gad7", "0000000")  # type: ignore[arg-type]


def test_scores_serialise_to_json_with_the_fields_the_cli_promises() -> None:
    data = json.loads(json.dumps(score_items("phq9", [0] * 8 + [2]).to_dict()))
    assert {"instrument", "total", "band", "flags"} <= set(data)
    assert data["flags"][0]["item"] == 9 and data["flags"][0]["severity"] == "risk"


# Property: any list of ints either scores or raises ScoringError naming the problem -----------

ITEM_ERROR = re.compile(r"^(items? [\d, and]+: .+|expected \d+ answers, got \d+ \(.+\))$")
IDS = sorted(registry.ids())


@settings(max_examples=300, deadline=None)
@given(
    instrument_id=st.sampled_from(IDS),
    answers=st.lists(st.one_of(st.integers(-5, 12), st.none()), min_size=0, max_size=24),
)
def test_any_list_either_scores_within_range_or_names_the_item(
    instrument_id: str, answers: list[int | None]
) -> None:
    ins = registry.get(instrument_id)
    try:
        score = score_items(instrument_id, answers)
    except ScoringError as exc:
        assert ITEM_ERROR.match(str(exc)), str(exc)
        if str(exc).startswith("item "):
            assert exc.item is not None and 1 <= exc.item <= ins.item_count
        return
    assert ins.range[0] <= score.total <= ins.range[1]
    assert len(answers) == ins.item_count and None not in answers


@settings(max_examples=150, deadline=None)
@given(
    instrument_id=st.sampled_from(IDS),
    answers=st.lists(st.integers(0, 5), min_size=1, max_size=20),
)
def test_a_valid_answer_set_always_lands_in_exactly_one_band(
    instrument_id: str, answers: list[int]
) -> None:
    ins = registry.get(instrument_id)
    padded = (answers * ins.item_count)[: ins.item_count]
    try:
        score = score_items(instrument_id, padded)
    except ScoringError as exc:
        assert str(exc).startswith("item ")
        return
    matching = [b.id for b in ins.bands if b.min <= score.total <= b.max]
    assert matching == ([score.band] if ins.bands else [])
