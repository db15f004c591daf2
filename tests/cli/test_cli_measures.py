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
