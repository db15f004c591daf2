"""txplan draft / library list / library show."""

from __future__ import annotations

import json

from click.testing import CliRunner

from txplan.cli import drafting
from txplan.core.document import loads

PROBLEM = "Worries all day about her job; avoids driving on the highway."


def run(*args: str) -> tuple[int, str, str]:
    command = drafting.draft if args[0] == "draft" else drafting.library
    result = CliRunner().invoke(command, list(args[1:]))
    return result.exit_code, result.stdout, result.stderr


def test_draft_prints_a_plan_document_that_the_schema_reads() -> None:
    code, out, err = run(
        "draft",
        "--dx",
        "F41.1",
        "--problem",
        PROBLEM,
        "--approach",
        "CBT",
        "--review-days",
        "60",
        "--start",
        "2026-03-02",
    )
    assert code == 0, err
    plan = loads(out)
    assert plan.diagnoses[0].code == "F41.1"
    assert plan.next_review_date is not None and plan.next_review_date.isoformat() == "2026-05-01"
    assert "to supply: Level of care" in err


def test_draft_is_deterministic_across_runs() -> None:
    args = (
        "draft",
        "--dx",
        "F33.1",
        "--dx",
        "F41.1",
        "--problem",
        PROBLEM,
        "--start",
        "2026-03-02",
    )
    assert run(*args)[1] == run(*args)[1]


def test_draft_as_text_shows_the_plan_and_why() -> None:
    code, out, _ = run(
        "draft", "--dx", "F41.1", "--problem", PROBLEM, "--start", "2026-03-02", "--format", "text"
    )
    assert code == 0
    assert "PROBLEM: Generalized anxiety and worry" in out
    assert "WHY THESE AREAS:" in out and "criterion: gad7 <= 7" in out


def test_draft_start_defaults_to_today() -> None:
    code, out, _ = run("draft", "--dx", "F41.1", "--problem", PROBLEM)
    assert code == 0 and json.loads(out)["established_on"]


def test_an_unknown_code_exits_2_with_suggestions() -> None:
    code, _, err = run("draft", "--dx", "F41.7", "--problem", PROBLEM)
    assert code == 2
    assert err.startswith("Error: --dx: 'F41.7' is not an ICD-10-CM code; did you mean F41.0")


def test_bad_options_exit_2_naming_the_option() -> None:
    code, _, err = run("draft", "--dx", "F41.1", "--problem", PROBLEM, "--review-days", "45")
    assert code == 2 and "--review-days: must be 30, 60 or 90" in err
    code, _, err = run("draft", "--dx", "F41.1", "--problem", PROBLEM, "--start", "03/02/2026")
    assert code == 2 and "--start: '03/02/2026' is not a date" in err


def test_nothing_to_draft_from_exits_2() -> None:
    code, _, err = run("draft", "--problem", "Here for a check-in.")
    assert code == 2 and "--problem: no problem area fits" in err


def test_library_list_shows_every_area() -> None:
    code, out, _ = run("library", "list")
    assert code == 0
    assert any(line.startswith("depression ") for line in out.splitlines())
    code, out, _ = run("library", "list", "--format", "json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["ptsd"]["interventions"] >= 8 and "CPT" in rows["ptsd"]["modalities"]


def test_library_show_prints_entries_with_sources() -> None:
    code, out, _ = run("library", "show", "insomnia")
    assert code == 0
    assert "insomnia.o2" in out and "source: AASM" in out


def test_library_show_unknown_area_exits_2_with_a_hint() -> None:
    code, _, err = run("library", "show", "depresion")
    assert code == 2 and "did you mean depression" in err


def test_draft_age_picks_the_variant_for_the_clients_age() -> None:
    args = ("draft", "--dx", "F90.0", "--problem", "Disorganised.", "--start", "2026-03-02")
    adult = loads(run(*args, "--age", "30")[1])
    child = loads(run(*args, "--age", "8")[1])
    assert adult.problems[0].origin and adult.problems[0].origin.library_id == "adult_adhd"
    assert child.problems[0].origin and child.problems[0].origin.library_id == "child_adhd"
    code, _, err = run(*args, "--age", "130")
    assert code == 2 and "--age:" in err


def test_library_show_lists_core_elements_protocols_and_ages() -> None:
    code, out, _ = run("library", "show", "ptsd")
    assert code == 0
    assert "Core elements" in out and "trauma_focused:" in out and "VA/DoD" in out
    assert "protocols: CPT" in out
    assert "(ages 3-17)" in out  # TF-CBT
