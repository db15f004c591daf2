"""txplan audit PLAN.json --birth-date / --intake-date / --plan-due-days: the client-record
facts on the command line; without them the output is exactly as before."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli_audit import run, write_plan


def test_birth_date_makes_a_minor_without_a_guardian_an_error(tmp_path: Path) -> None:
    path = write_plan(tmp_path, {})
    code, out, _ = run("audit", str(path), "--today", "2026-03-01", "--birth-date", "2012-06-01")
    assert code == 1 and "PLAN_MINOR_NO_GUARDIAN" in out
    code, out, _ = run("audit", str(path), "--today", "2026-03-01", "--birth-date", "1990-06-01")
    assert code == 0 and "PLAN_MINOR_NO_GUARDIAN" not in out


def test_intake_date_and_due_days_decide_lateness(tmp_path: Path) -> None:
    path = write_plan(tmp_path, {})
    args = ("audit", str(path), "--today", "2026-03-01", "--format", "json")
    _, out, _ = run(*args, "--intake-date", "2025-12-01")
    codes = [f["code"] for f in json.loads(out)["findings"]]
    assert codes == ["PLAN_LATE_AFTER_INTAKE"]
    _, out, _ = run(*args, "--intake-date", "2025-12-01", "--plan-due-days", "90")
    assert json.loads(out)["findings"] == []


def test_without_facts_the_json_output_keeps_its_fields(tmp_path: Path) -> None:
    _, out, _ = run(
        "audit", str(write_plan(tmp_path, {})), "--today", "2026-03-01", "--format", "json"
    )
    assert set(json.loads(out)) == {"file", "today", "ready", "counts", "findings"}


def test_a_bad_date_exits_two(tmp_path: Path) -> None:
    code, _, err = run("audit", str(write_plan(tmp_path, {})), "--birth-date", "June 2012")
    assert code == 2 and "--birth-date" in err
