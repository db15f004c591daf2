"""The instruments added for the library's areas score as their manuals say.

Each case is worked by hand from the published scoring rule (cited in the instrument's YAML and
in docs/instruments.md): totals, bands, cut-offs, reverse keying, item-level flags, and entry of
a total (or item scores) without item text where the licence forbids shipping it.
"""

from __future__ import annotations

import pytest

from txplan.core.measures import registry, use
from txplan.core.measures.model import FlagSeverity
from txplan.core.measures.scoring import ScoringError, score_items, score_total

NEW = [
    "isi",
    "audit",
    "dast10",
    "asrs_v1_1_screener",
    "cssrs_screener",
    "pc_ptsd5",
    "vanderbilt_parent",
    "vanderbilt_teacher",
    "ybocs",
    "spin",
    "ede_qs",
    "cors",
]


@pytest.mark.parametrize("instrument_id", NEW)
def test_each_new_instrument_records_its_licence_and_ships_no_item_text(instrument_id: str) -> None:
    ins = registry.get(instrument_id)
    assert len(ins.licence) > 40 and ins.sources
    # None of these licences (as checked) lets the item wording ship: entry is by item number.
    assert not ins.item_text_allowed
    assert all(item.text is None for item in ins.items)


@pytest.mark.parametrize("instrument_id", NEW)
def test_a_total_alone_can_be_recorded(instrument_id: str) -> None:
    ins = registry.get(instrument_id)
    low, high = ins.range
    middle = round((low + high) / 2)
    assert score_total(instrument_id, middle).total == middle
    with pytest.raises(ScoringError):
        score_total(instrument_id, high + 1)


def test_isi_bands_follow_the_form_and_15_is_clinical() -> None:
    result = score_items("isi", [3, 3, 2, 3, 2, 3, 3])  # 19
    assert (result.total, result.band, result.case) == (19, "moderate", True)
    assert score_total("isi", 7).band == "none"
    assert score_total("isi", 8).band == "subthreshold"
    assert score_total("isi", 14).case is False
    assert score_total("isi", 15).case is True
    assert score_total("isi", 22).band == "severe"


def test_audit_items_9_and_10_take_only_0_2_or_4_and_zones_follow_who() -> None:
    with pytest.raises(ScoringError, match="item 9"):
        score_items("audit", [1, 1, 1, 0, 0, 0, 0, 0, 1, 0])
    result = score_items("audit", [4, 4, 4, 2, 0, 0, 0, 0, 4, 2])  # 20
    assert result.total == 20 and result.band == "zone_iv"
    assert result.subscales == {"consumption": 12, "dependence": 2, "harm": 6}
    codes = {f.code for f in result.flags}
    assert codes == {"AUDIT_DEPENDENCE_ITEM4", "AUDIT_HARM_ITEM9"}
    assert all(f.severity is FlagSeverity.NOTE for f in result.flags)
    assert score_total("audit", 7).case is False and score_total("audit", 8).case is True
    assert score_total("audit", 15).band == "zone_ii"
    assert score_total("audit", 16).band == "zone_iii"


def test_dast10_reverse_keys_item_3() -> None:
    # "No" to everything: only item 3 ("always able to stop") scores, because No is the problem.
    assert score_items("dast10", [0] * 10).total == 1
    assert score_items("dast10", [1] * 10).total == 9
    # Already-keyed item scores are not reversed again.
    assert score_items("dast10", [0, 0, 1, 0, 0, 0, 0, 0, 0, 0], keyed=True).total == 1
    assert score_total("dast10", 2).case is False and score_total("dast10", 3).case is True
    assert score_total("dast10", 0).band == "none"


def test_asrs_counts_shaded_responses_and_four_is_positive() -> None:
    assert score_items("asrs_v1_1_screener", [1, 1, 1, 1, 0, 0]).case is True
    assert score_items("asrs_v1_1_screener", [1, 1, 1, 0, 0, 0]).case is False
    with pytest.raises(ScoringError):
        score_items("asrs_v1_1_screener", [2, 0, 0, 0, 0, 0])  # a 0–4 rating, not a shaded mark


def test_cssrs_flags_every_yes_and_a_total_alone_leaves_risk_unchecked() -> None:
    none = score_items("cssrs_screener", [0] * 7)
    assert none.flags == [] and none.case is False
    wish = score_items("cssrs_screener", [1, 0, 0, 0, 0, 0, 0])
    assert [f.code for f in wish.flags] == ["CSSRS_WISH_DEAD"] and wish.risk
    high = score_items("cssrs_screener", [1, 1, 1, 1, 0, 1, 1])
    assert {"CSSRS_INTENT_HIGH", "CSSRS_BEHAVIOUR_RECENT_HIGH"} <= {f.code for f in high.flags}
    total_only = score_total("cssrs_screener", 0)
    assert total_only.flags and all(f.severity is FlagSeverity.NOTE for f in total_only.flags)


def test_pc_ptsd5_cut_off_three_of_five() -> None:
    assert score_items("pc_ptsd5", [1, 1, 1, 0, 0]).case is True
    assert score_items("pc_ptsd5", [1, 1, 0, 0, 0]).case is False
    alternatives = registry.get("pc_ptsd5").caseness.alternatives
    assert [a.value for a in alternatives] == [4]


@pytest.mark.parametrize("instrument_id", ["vanderbilt_parent", "vanderbilt_teacher"])
def test_vanderbilt_total_is_the_sum_of_symptom_items_1_to_18(instrument_id: str) -> None:
    answers = [2] * 9 + [1] * 9
    result = score_items(instrument_id, answers)
    assert result.total == 27
    assert result.subscales == {"inattentive": 18, "hyperactive": 9}
    assert result.case is None  # the NICHQ rule is a count plus impairment, not a cut-off


def test_ybocs_bands_and_subtotals() -> None:
    result = score_items("ybocs", [3, 3, 3, 2, 2, 3, 3, 2, 2, 1])  # 24
    assert (result.total, result.band) == (24, "severe")
    assert result.subscales == {"obsessions": 13, "compulsions": 11}
    assert score_total("ybocs", 7).band == "subclinical"
    assert score_total("ybocs", 32).band == "extreme"


def test_spin_and_ede_qs_cut_offs() -> None:
    assert score_total("spin", 18).case is False and score_total("spin", 19).case is True
    assert score_total("ede_qs", 14).case is False and score_total("ede_qs", 15).case is True
    assert score_items("ede_qs", [3] * 12).total == 36


def test_cors_is_higher_is_better_with_cut_off_32() -> None:
    assert score_items("cors", [8.0, 8.0, 8.0, 7.9]).case is True  # 31.9
    assert score_items("cors", [8.0, 8.0, 8.0, 8.0]).case is False


def test_use_metadata_keeps_adult_scales_from_children_and_screens_from_weekly_outcomes() -> None:
    for adult in ("audit", "audit_c", "dast10", "asrs_v1_1_screener", "pcl5", "isi", "ybocs"):
        assert not use.fits(adult, 10), adult
    assert use.fits("cors", 10) and use.fits("vanderbilt_parent", 10)
    assert not use.fits("cors", 30)
    for screen in ("audit_c", "audit", "dast10", "asrs_v1_1_screener", "pc_ptsd5"):
        assert not use.get(screen).weekly_outcome
        assert use.criterion_problems(screen, 7, 2)
    assert use.criterion_problems("k10", 7, 2) and not use.criterion_problems("k10", 28, 2)
    assert use.get("ybocs").weekly_outcome and not use.get("isi").weekly_outcome
