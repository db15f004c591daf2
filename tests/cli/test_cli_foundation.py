from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from tests.core.test_plan_document import FULL
from txplan.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_plan_validate_accepts_a_valid_document(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(FULL))
    code, out, _ = run("plan", "validate", str(path))
    assert code == 0 and "valid plan document (1 problems, 1 goals, 1 objectives)" in out


def test_plan_validate_lists_every_error_with_its_path_and_exits_2(tmp_path: Path) -> None:
    bad = json.loads(json.dumps(FULL))
    bad["problems"][0]["goals"][0]["objectives"][0]["target_date"] = "2027-13-01"
    bad["service"]["session_minutes"] = "long"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(bad))
    code, _, err = run("plan", "validate", str(path))
    assert code == 2
    assert "problems[0].goals[0].objectives[0].target_date: not a date" in err
    assert "service.session_minutes: not a whole number" in err


def test_plan_validate_reports_a_missing_file_clearly(tmp_path: Path) -> None:
    code, _, err = run("plan", "validate", str(tmp_path / "nope.json"))
    assert code != 0 and "cannot read" in err


def test_icd_show_prints_a_billable_code() -> None:
    code, out, _ = run("icd", "show", "F43.12")
    assert code == 0 and "Post-traumatic stress disorder, chronic" in out


def test_icd_show_refuses_unknown_and_non_billable_codes_with_exit_2() -> None:
    code, _, err = run("icd", "show", "F43")
    assert code == 2 and "not a billable code" in err and "F43.0" in err
    code, _, err = run("icd", "show", "F99.99")
    assert code == 2 and "is not an ICD-10-CM code" in err


def test_icd_search_lists_matching_codes() -> None:
    code, out, _ = run("icd", "search", "obsessional")
    assert code == 0 and "F42.2" in out


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in group.commands.items():
        out.append((*prefix, name))
        if isinstance(command, click.Group):
            out += all_commands(command, (*prefix, name))
    return out


def test_every_command_has_help() -> None:
    for path in [(), *all_commands(main)]:
        if path == ("manage",):
            continue  # passes --help through to Django, tested below
        code, out, _ = run(*path, "--help")
        assert code == 0 and "Usage:" in out, path


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    missing = [" ".join(p) for p in all_commands(main) if f"txplan {' '.join(p)}" not in readme]
    assert missing == []
