"""txplan instruments / score."""

from __future__ import annotations

import json

from click.testing import CliRunner

from txplan.cli import main
from txplan.core.measures import registry


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_instruments_lists_ids_names_item_counts_and_ranges() -> None:
    code, out, _ = run("instruments")
    assert code == 0
    for ins in registry.all_instruments():
        line = next(line for line in out.splitlines() if line.startswith(ins.id + " "))
        assert ins.short_name in line and f"{ins.item_count} items" in line
    assert "10–50" in out and "higher is better" in out


def test_score_answers_prints_total_and_band() -> None:
    # 2+2+1+3+1+0+2+1+0 = 12 → Moderate.
    code, out, _ = run("score", "phq9", "--answers", "2,2,1,3,1,0,2,1,0")
    assert code == 0 and "total 12" in out and "Moderate" in out


def test_score_json_has_instrument_total_band_and_flags() -> None:
    code, out, _ = run("score", "phq9", "--answers", "2,2,1,3,1,0,2,1,0", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert (data["instrument"], data["total"], data["band"], data["flags"]) == (
        "phq9",
        12,
        "moderate",
        [],
    )


def test_a_risk_item_gives_a_flag_naming_the_item() -> None:
    code, out, _ = run("score", "phq9", "--answers", "0,0,0,0,0,0,0,0,2", "--format", "json")
    flags = json.loads(out)["flags"]
    assert code == 0 and flags[0]["item"] == 9 and flags[0]["severity"] == "risk"
    code, out, _ = run("score", "phq9", "--answers", "0,0,0,0,0,0,0,0,2")
    assert "RISK  item 9:" in out


def test_score_total_bands_a_total_and_notes_the_unseen_risk_item() -> None:
    code, out, _ = run("score", "phq9", "--total", "14", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["band"] == "moderate" and data["flags"][0]["severity"] == "note"


def test_wrong_count_exits_2_saying_how_many() -> None:
    code, _, err = run("score", "phq9", "--answers", "2,2,1,3,1,0,2,1")
    assert code == 2 and "expected 9 answers, got 8" in err


def test_out_of_range_value_exits_2_naming_the_item() -> None:
    code, _, err = run("score", "gad7", "--answers", "0,0,0,4,0,0,0")
    assert code == 2 and "item 4: 4 is out of range 0–3" in err


def test_text_or_a_blank_answer_exits_2_naming_the_item() -> None:
    code, _, err = run("score", "gad7", "--answers", "0,x,0,0,0,0,0")
    assert code == 2 and "item 2: 'x' is not a number" in err
    code, _, err = run("score", "gad7", "--answers", "0,0,,0,0,0,0")
    assert code == 2 and "item 3: missing" in err


def test_unknown_instrument_exits_2_with_the_valid_ids() -> None:
    code, _, err = run("score", "phq99", "--total", "3")
    assert code == 2 and "unknown instrument 'phq99'" in err
    assert all(i in err for i in registry.ids())


def test_answers_and_total_together_or_neither_exit_2() -> None:
    assert run("score", "phq9")[0] == 2
    code, _, err = run("score", "phq9", "--total", "3", "--answers", "0")
    assert code == 2 and "either --answers" in err


def test_pcl5_text_output_shows_clusters_and_the_provisional_rule() -> None:
    answers = "2,1,0,0,0,2,0,2,2,0,0,0,0,0,2,2,0,0,0,0"
    code, out, _ = run("score", "pcl5", "--answers", answers)
    assert code == 0 and "B intrusion 3" in out and "provisional PTSD): met" in out


def test_ors_accepts_decimal_marks() -> None:
    code, out, _ = run("score", "ors", "--answers", "5.5,6.2,7.1,4.0", "--format", "json")
    assert code == 0 and json.loads(out)["total"] == 22.8


# Issue 11 -----------------------------------------------------------------------------------


def test_epds_item_scores_from_the_key_total_22_and_flag_item_10() -> None:
    code, out, _ = run("score", "epds", "--item-scores", "2,2,3,2,2,2,2,2,2,3", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["total"] == 22 and data["entered_as"] == "item_scores"
    assert data["item_scores"] == [2, 2, 3, 2, 2, 2, 2, 2, 2, 3]
    assert data["responses"] == [2, 2, 0, 2, 1, 1, 1, 1, 1, 0]
    assert [f["code"] for f in data["flags"]] == ["EPDS_ITEM10_SELF_HARM"]
    assert "item scores already keyed" in data["convention"]


def test_epds_answers_are_responses_and_the_output_says_so() -> None:
    code, out, _ = run("score", "epds", "--answers", "2,2,3,2,2,2,2,2,2,3")
    assert code == 0 and "total 11" in out
    assert "responses in the order printed on the form" in out
    assert "item scores: 2,2,0,2,1,1,1,1,1,0" in out


def test_help_says_which_convention_each_option_takes() -> None:
    code, out, _ = run("score", "--help")
    assert code == 0 and "RESPONSES" in out and "ITEM SCORES already keyed" in out
    assert "--sex" in out


def test_only_one_of_answers_item_scores_or_total() -> None:
    code, _, err = run("score", "phq9", "--answers", "0", "--item-scores", "0")
    assert code == 2 and "exactly one" in err


def test_every_missing_item_is_listed_once() -> None:
    code, _, err = run("score", "phq9", "--answers", "1,,1,1,,1,1,1,")
    assert code == 2 and "items 2, 5 and 9: missing" in err
    assert "item 2: item 2" not in err


def test_audit_c_sex_chooses_the_cut_off() -> None:
    _, men, _ = run("score", "audit_c", "--answers", "1,1,1", "--sex", "male", "--format", "json")
    _, women, _ = run(
        "score", "audit_c", "--answers", "1,1,1", "--sex", "female", "--format", "json"
    )
    assert json.loads(men)["case"] is False and json.loads(women)["case"] is True
    code, out, _ = run("score", "audit_c", "--answers", "1,1,1")
    assert code == 0 and "Sex not recorded" in out and "in the clinical range" in out


def test_audit_c_item_1_only_note_is_printed() -> None:
    code, out, _ = run("score", "audit_c", "--answers", "3,0,0", "--sex", "male")
    assert code == 0 and "AUDIT_C_ITEM1_ONLY" in out


def test_phq15_three_bothered_a_lot_is_printed() -> None:
    code, out, _ = run("score", "phq15", "--answers", "2,2,2,0,0,0,0,0,0,0,0,0,0,0,0")
    assert code == 0 and "PHQ15_THREE_BOTHERED_A_LOT" in out


def test_change_prints_rci_reliability_and_clinical_significance() -> None:
    code, out, _ = run("change", "gad7", "--from", "15", "--to", "8")
    assert code == 0
    assert "RCI -2.29" in out  # −7 / (6 / 1.96)
    assert "reliable change: yes (Jacobson–Truax (published RCI): 6 or more points)" in out
    assert "clinically significant: yes" in out


def test_change_json_and_conventions_differ_for_phq9() -> None:
    _, nhs, _ = run(
        "change",
        "phq9",
        "--from",
        "15",
        "--to",
        "9",
        "--convention",
        "nhs_talking_therapies",
        "--format",
        "json",
    )
    _, jt, _ = run(
        "change",
        "phq9",
        "--from",
        "15",
        "--to",
        "9",
        "--convention",
        "jacobson_truax",
        "--format",
        "json",
    )
    nhs_data, jt_data = json.loads(nhs), json.loads(jt)
    assert nhs_data["reliable"] is True and nhs_data["clinically_significant"] is True
    assert jt_data["reliable"] is False and jt_data["clinically_significant"] is False
    assert jt_data["crossed_cutoff"] is True and jt_data["rci"] == -1.7
    assert jt_data["convention_used"].startswith("Jacobson–Truax")


def test_change_bad_total_exits_2_naming_the_option() -> None:
    code, _, err = run("change", "phq9", "--from", "30", "--to", "9")
    assert code == 2 and "--from" in err and "out of range" in err
