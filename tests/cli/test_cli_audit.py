"""txplan audit PLAN.json / txplan audit statements FILE.jsonl / txplan audit rules."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from txplan.cli import main
from txplan.core.audit import STATEMENT_CODES, render_rules_markdown
from txplan.core.audit.examples import apply_edits


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write_plan(tmp_path: Path, edits: dict) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(apply_edits(edits)), encoding="utf-8")
    return path


def test_complete_plan_exits_zero(tmp_path: Path) -> None:
    code, out, _ = run("audit", str(write_plan(tmp_path, {})), "--today", "2026-03-01")
    assert code == 0 and "0 error(s)" in out and "ready" in out


def test_plan_with_errors_exits_one_and_prints_each_finding(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path, {"problems.0.goals.0.text": "Feel better.", "next_review_date": None}
    )
    code, out, _ = run("audit", str(path), "--today", "2026-03-01")
    assert code == 1
    assert "GOAL_VAGUE" in out and "REVIEW_MISSING" in out and "“Feel better”" in out


def test_json_format_lists_findings_with_spans_and_counts(tmp_path: Path) -> None:
    path = write_plan(tmp_path, {"problems.0.goals.0.text": "Feel better."})
    code, out, _ = run("audit", str(path), "--today", "2026-03-01", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ready"] is False and data["counts"]["error"] == 1
    (finding,) = data["findings"]
    assert finding["code"] == "GOAL_VAGUE" and finding["element_id"] == "goal-1"
    assert finding["span"] == [0, 11]


def test_today_decides_whether_the_review_is_overdue(tmp_path: Path) -> None:
    path = write_plan(tmp_path, {})
    _, out, _ = run("audit", str(path), "--today", "2026-06-01")
    assert "REVIEW_OVERDUE" in out


def test_requires_cosignature_flag_checks_the_supervisor(tmp_path: Path) -> None:
    signatures = [s for s in apply_edits({})["signatures"] if s["role"] != "supervisor"]
    path = write_plan(tmp_path, {"signatures": signatures})
    code, out, _ = run("audit", str(path), "--today", "2026-03-01", "--requires-cosignature")
    assert code == 1 and "SIG_MISSING_SUPERVISOR" in out


def test_draft_flag_turns_missing_signatures_into_info(tmp_path: Path) -> None:
    path = write_plan(tmp_path, {"signatures": []})
    code, out, _ = run("audit", str(path), "--today", "2026-03-01", "--draft")
    assert code == 0 and "0 error(s)" in out and "SIG_MISSING_CLIENT" in out
    code, out, _ = run(
        "audit", "plan", str(path), "--today", "2026-03-01", "--draft", "--format", "json"
    )
    data = json.loads(out)
    assert code == 0 and data["counts"]["error"] == 0 and data["counts"]["info"] >= 2
    code, _, _ = run("audit", str(path), "--today", "2026-03-01")
    assert code == 1


def test_bad_plan_document_prints_field_paths_and_exits_two(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"problems": [{"title": ""}], "review_interval_days": 2}))
    code, _, err = run("audit", str(path))
    assert code == 2
    assert "problems[0].title: must not be empty" in err
    assert "review_interval_days: must be at least 7" in err


def test_unreadable_file_invalid_json_and_bad_date_exit_two(tmp_path: Path) -> None:
    assert run("audit", str(tmp_path / "missing.json"))[0] == 2
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    code, _, err = run("audit", str(broken))
    assert code == 2 and "not valid JSON" in err
    code, _, err = run("audit", str(write_plan(tmp_path, {})), "--today", "2026-13-01")
    assert code == 2 and "--today" in err


def test_statements_are_judged_in_input_order(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "kind": "goal", "text": "Feel better."},
        {
            "id": "b",
            "kind": "objective",
            "text": "Client will walk 20 minutes on 5 of 7 days by session 8.",
        },
        {
            "id": 3,
            "kind": "intervention",
            "text": "Client will practice breathing daily.",
            "diagnosis": "F41.0",
        },
        {
            "id": "d",
            "kind": "goal",
            "text": "Lose 20 pounds before summer.",
            "diagnosis": "posttraumatic stress disorder",
        },
    ]
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    code, out, err = run("audit", "statements", str(path))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and err == ""
    assert [r["id"] for r in rows] == ["a", "b", 3, "d"]
    assert [r["ok"] for r in rows] == [False, True, False, False]
    assert rows[2]["codes"] == ["INT_NOT_CLINICIAN_ACTION"]
    assert rows[3]["codes"] == ["GOAL_DISCONNECTED"]
    for row in rows:
        assert row["ok"] == (not set(row["codes"]) & STATEMENT_CODES)
        assert [f["code"] for f in row["findings"]] == row["codes"]


def test_malformed_lines_are_reported_by_number_and_the_rest_still_judged(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": 1, "kind": "goal", "text": "Feel better."}),
                "{not json",
                json.dumps({"id": 3, "kind": "plan", "text": "x"}),
                json.dumps({"id": 4, "kind": "goal"}),
                json.dumps(["not", "an", "object"]),
                json.dumps({"id": 6, "kind": "goal", "text": "Return to work full time."}),
            ]
        )
        + "\n"
    )
    code, out, err = run("audit", "statements", str(path))
    assert code == 2
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 6]
    assert "line 2: not valid JSON" in err
    assert "line 3: kind: must be one of goal, objective, intervention" in err
    assert "line 4: text: required" in err
    assert "line 5: must be a JSON object" in err


def test_rules_markdown_is_the_generated_docs() -> None:
    code, out, _ = run("audit", "rules")
    assert code == 0 and out == render_rules_markdown()
    code, out, _ = run("audit", "rules", "--format", "json")
    assert code == 0 and {r["code"] for r in json.loads(out)} >= STATEMENT_CODES
