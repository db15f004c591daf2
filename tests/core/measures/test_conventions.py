"""Issue 11 defects in the scorer: answer conventions, sex-specific cut-offs, K10 consistency,
PHQ-15 and AUDIT-C notes, missing items, reliable-change conventions, status wording."""

from __future__ import annotations

from datetime import date

import pytest

from txplan.core.drafting.library import load_library
from txplan.core.measures import registry
from txplan.core.measures.change import (
    JACOBSON_TRUAX,
    NHS_TALKING_THERAPIES,
    ChangeClass,
    classify_series,
    reliable_change_threshold,
)
from txplan.core.measures.criteria import Administration, evaluate_criterion
from txplan.core.measures.model import Direction
from txplan.core.measures.scoring import (
    ITEM_SCORES,
    RESPONSES,
    ScoringError,
    is_case,
    score_items,
    score_total,
)
from txplan.core.plan import Comparator, Criterion

# The example: item scores from the EPDS scoring key, total 22, item 10 "quite often".
EPDS_KEYED = [2, 2, 3, 2, 2, 2, 2, 2, 2, 3]

REVERSING = [ins.id for ins in registry.all_instruments() if ins.scoring.reverse_items]


# EPDS and every reverse-keyed instrument ---------------------------------------------------------


def test_epds_item_scores_from_the_key_total_22_with_the_self_harm_flag() -> None:
    score = score_items("epds", EPDS_KEYED, keyed=True)
    assert score.total == 22 and score.band == "probable" and score.case is True
    assert [f.code for f in score.flags] == ["EPDS_ITEM10_SELF_HARM"]
    assert score.item_scores == EPDS_KEYED and score.entered_as == ITEM_SCORES
    # The responses that give those scores: items 3 and 5–10 are reversed (3 − score).
    assert score.responses == [2, 2, 0, 2, 1, 1, 1, 1, 1, 0]


def test_epds_responses_are_keyed_and_both_lists_are_returned() -> None:
    score = score_items("epds", [2, 2, 0, 2, 1, 1, 1, 1, 1, 0])
    assert score.entered_as == RESPONSES
    assert score.item_scores == EPDS_KEYED and score.total == 22
    assert score.to_dict()["responses"] == [2, 2, 0, 2, 1, 1, 1, 1, 1, 0]


@pytest.mark.parametrize("instrument_id", REVERSING)
def test_each_reverse_keyed_instrument_reads_responses_and_item_scores_differently(
    instrument_id: str,
) -> None:
    ins = registry.get(instrument_id)
    assert ins.scoring.reverse_items, "only instruments that reverse an item are listed"
    lows = [min(o.value for o in ins.options_for(n)) for n in range(1, ins.item_count + 1)]
    by_response = score_items(instrument_id, lows)
    by_score = score_items(instrument_id, lows, keyed=True)
    for n in range(1, ins.item_count + 1):
        highest = max(o.value for o in ins.options_for(n))
        if n in ins.scoring.reverse_items:
            # The first option of a reversed item scores the maximum; as a score it stays low.
            assert by_response.item_scores[n - 1] == highest, n
            assert by_score.responses[n - 1] == highest, n
        else:
            assert by_response.item_scores[n - 1] == by_score.item_scores[n - 1] == lows[n - 1]
    # Round trip: the responses of a keyed entry score to the same total.
    again = score_items(instrument_id, by_score.responses)
    assert again.total == by_score.total and again.item_scores == by_score.item_scores


def test_epds_is_among_the_reverse_keyed_instruments() -> None:
    assert {"epds", "pss10"} <= set(REVERSING)


# Missing items ----------------------------------------------------------------------------------


def test_every_missing_item_is_named_at_once_without_a_doubled_prefix() -> None:
    with pytest.raises(ScoringError) as caught:
        score_items("phq9", [1, None, 1, 1, None, 1, 1, 1, None])
    message = str(caught.value)
    assert message.startswith("items 2, 5 and 9: missing")
    assert caught.value.items == [2, 5, 9]
    assert "item 2: item 2" not in message and "is not a number" not in message


def test_one_missing_item_keeps_its_item_number_for_the_form() -> None:
    with pytest.raises(ScoringError) as caught:
        score_items("gad7", [1, None, 1, 1, 1, 1, 1])
    assert caught.value.item == 2 and caught.value.detail.startswith("missing;")


# AUDIT-C ----------------------------------------------------------------------------------------


def test_audit_c_cut_off_is_4_for_men_and_3_for_women() -> None:
    three = [1, 1, 1]
    assert score_items("audit_c", three, sex="male").case is False
    assert score_items("audit_c", three, sex="female").case is True
    assert score_items("audit_c", [2, 1, 1], sex="male").case is True
    assert score_total("audit_c", 3, sex="male").case is False


def test_audit_c_with_unknown_sex_uses_the_documented_default_and_says_so() -> None:
    score = score_items("audit_c", [1, 1, 1])
    assert score.case is True and score.cutoff is not None and score.cutoff.startswith(">= 3")
    assert "Sex not recorded" in score.cutoff_note and "4 for males" in score.cutoff_note
    assert score_items("audit_c", [1, 1, 1], sex="male").cutoff_note == ""


def test_audit_c_item_1_only_note_appears() -> None:
    codes = [f.code for f in score_items("audit_c", [3, 0, 0]).flags]
    assert codes == ["AUDIT_C_ITEM1_ONLY"]
    assert score_items("audit_c", [3, 1, 0]).flags == []
    assert score_items("audit_c", [0, 0, 0]).flags == []  # no points at all: nothing to note


def test_recovery_on_audit_c_uses_the_sex_specific_cut_off() -> None:
    ins = registry.get("audit_c")
    assert is_case(ins, 3, "male") is False and is_case(ins, 3, "female") is True


# K10 and targets --------------------------------------------------------------------------------


def test_k10_caseness_starts_exactly_where_a_band_starts() -> None:
    k10 = registry.get("k10")
    assert score_total("k10", 19).case is False and score_total("k10", 20).case is True
    assert score_total("k10", 19).band != score_total("k10", 20).band
    assert k10.bands_source and "Andrews & Slade 2001" in k10.bands_source


def test_the_registry_rejects_a_caseness_cut_off_inside_a_band(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = (registry.default_directory() / "k10.yaml").read_text(encoding="utf-8")
    bad = text.replace("value: 20\n    comparator", "value: 21\n    comparator")
    (tmp_path / "k10.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(registry.RegistryError, match=r"caseness\.chosen: the cut-off >= 21"):
        registry.load_registry(tmp_path)


def _library_criteria():  # type: ignore[no-untyped-def]
    library = load_library()
    for objective in library.objectives.values():
        if objective.criterion is not None:
            yield objective.id, objective.criterion


def test_every_library_target_on_a_symptom_measure_lies_outside_the_clinical_range() -> None:
    """A client who meets the drafted target is not a case, whatever their sex."""
    checked = 0
    for oid, c in _library_criteria():
        try:
            ins = registry.get(c.measure)
        except registry.UnknownInstrument:
            continue
        if ins.caseness is None or ins.direction is not Direction.LOWER_IS_BETTER:
            continue
        if c.comparator not in (Comparator.LTE, Comparator.LT):
            continue
        worst = c.threshold if c.comparator is Comparator.LTE else c.threshold - 1
        for sex in (None, "female", "male"):
            assert is_case(ins, worst, sex) is False, (oid, c.measure, worst, sex)
        checked += 1
    assert checked > 0


# PHQ-15 -----------------------------------------------------------------------------------------


def test_phq15_three_items_bothered_a_lot_is_flagged() -> None:
    three = [2, 2, 2] + [0] * 12
    two = [2, 2, 1] + [0] * 12
    assert "PHQ15_THREE_BOTHERED_A_LOT" in [f.code for f in score_items("phq15", three).flags]
    assert score_items("phq15", two).flags == []


# Reliable change --------------------------------------------------------------------------------


def test_phq9_conventions_nhs_6_and_jacobson_truax_7() -> None:
    nhs = reliable_change_threshold("phq9", convention=NHS_TALKING_THERAPIES)
    jt = reliable_change_threshold("phq9", convention=JACOBSON_TRUAX)
    assert nhs is not None and nhs.value == 6 and nhs.label == "NHS Talking Therapies"
    assert jt is not None and jt.value == pytest.approx(6.93, abs=0.01)
    assert jt.reached(7) and not jt.reached(6)
    six = classify_series("phq9", [15, 9], convention=NHS_TALKING_THERAPIES)
    assert six.classification is ChangeClass.RECOVERED
    assert classify_series("phq9", [15, 9], convention=JACOBSON_TRUAX).classification is (
        ChangeClass.NO_RELIABLE_CHANGE
    )


def test_every_reliable_improvement_names_its_convention() -> None:
    result = classify_series("gad7", [15, 8])
    assert result.reliable is True
    assert "Jacobson–Truax" in result.convention and "6 or more" in result.convention
    assert "Jacobson–Truax" in result.explanation
    assert result.rci == pytest.approx(-7 / (6 / 1.96), abs=0.01)


def test_gad7_nhs_convention_is_4_points() -> None:
    result = classify_series("gad7", [12, 8], convention=NHS_TALKING_THERAPIES)
    assert result.reliable is True and result.convention.startswith("NHS Talking Therapies: 4")


def test_an_unknown_convention_is_named() -> None:
    with pytest.raises(ValueError, match="convention"):
        reliable_change_threshold("phq9", convention="iapt")


def test_every_instrument_documents_its_reliable_change_basis() -> None:
    for ins in registry.all_instruments():
        rc = ins.reliable_change
        if rc is None:
            assert ins.reliable_change_note, ins.id
            continue
        jt = rc.jacobson_truax
        assert rc.chosen is not None or jt is not None, ins.id
        if jt is not None:
            assert jt.sem is not None or (jt.sd and jt.reliability), ins.id
            assert jt.source, ins.id


# Criterion wording ------------------------------------------------------------------------------


def test_status_detail_does_not_repeat_the_status() -> None:
    criterion = Criterion(measure="phq9", comparator="<=", threshold=9, consecutive=3)
    data = [
        Administration("phq9", date(2026, 3, 2), 16),
        Administration("phq9", date(2026, 3, 9), 12),
    ]
    result = evaluate_criterion(criterion, data, date(2026, 3, 10))
    assert result.status.value == "progressing"
    assert result.explanation.startswith("Progressing: ")
    assert not result.detail.lower().startswith("progressing")
    assert result.detail.startswith("PHQ-9 went from 16")


def test_status_detail_after_the_deadline_keeps_the_date_but_not_the_status() -> None:
    criterion = Criterion(measure="phq9", comparator="<=", threshold=9, consecutive=2)
    data = [Administration("phq9", date(2026, 3, 2), 16)]
    result = evaluate_criterion(criterion, data, date(2026, 6, 1), target_date=date(2026, 5, 1))
    assert result.status.value == "not_met"
    assert result.detail.startswith("By the target date 2026-05-01")
