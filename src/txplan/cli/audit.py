"""txplan audit: the plan audit on files.

    txplan audit PLAN.json [--today YYYY-MM-DD] [--format text|json] [--requires-cosignature]
                           [--draft] [--birth-date D] [--intake-date D] [--plan-due-days N]
        findings for a plan document; exit 0 with no errors, 1 with errors, 2 on bad input.
    txplan audit statements FILE.jsonl
        one JSON line out per statement in, in input order; exit 2 if any line was malformed.
    txplan audit rules [--format markdown|json]
        the rule registry (docs/audit-rules.md is this command's markdown output).

When --today is omitted the CLI uses the local date; the core never reads the clock.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from txplan.cli.files import read_plan
from txplan.core.audit import (
    RULES,
    STATEMENT_CODES,
    Finding,
    PlanExample,
    audit_plan,
    audit_statement,
    readiness,
    render_rules_markdown,
)
from txplan.core.audit.facts import DEFAULT_PLAN_DUE_DAYS, PlanFacts
from txplan.core.plan import Plan

_KINDS = ("goal", "objective", "intervention")


class _AuditGroup(click.Group):
    """``txplan audit PLAN.json`` is short for ``txplan audit plan PLAN.json``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["plan", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_AuditGroup)
def audit() -> None:
    """Audit a plan (txplan audit PLAN.json) or statements (txplan audit statements FILE)."""


def _parse_today(value: str | None) -> date:
    if value is None:
        return date.today()  # the CLI is the edge: core functions always receive `today`
    try:
        return date.fromisoformat(value)
    except ValueError:
        click.echo(f"--today: not a date (expected YYYY-MM-DD): {value!r}", err=True)
        raise SystemExit(2) from None


def _parse_date(flag: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        click.echo(f"{flag}: not a date (expected YYYY-MM-DD): {value!r}", err=True)
        raise SystemExit(2) from None


@audit.command("plan")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--today", metavar="YYYY-MM-DD", help="Audit as of this date (default: today).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--requires-cosignature",
    is_flag=True,
    help="The author is an associate: the supervisor must co-sign.",
)
@click.option(
    "--draft",
    is_flag=True,
    help="The plan is an unsigned draft: missing signatures are info, not errors.",
)
@click.option(
    "--birth-date",
    metavar="YYYY-MM-DD",
    help="The client's date of birth (a minor's plan needs a guardian).",
)
@click.option(
    "--intake-date", metavar="YYYY-MM-DD", help="The intake date (the plan is due within N days)."
)
@click.option(
    "--plan-due-days",
    type=click.IntRange(1, 365),
    default=DEFAULT_PLAN_DUE_DAYS,
    show_default=True,
    help="Days allowed from intake to plan (with --intake-date).",
)
def plan_command(
    file: Path,
    today: str | None,
    fmt: str,
    requires_cosignature: bool,
    draft: bool,
    birth_date: str | None,
    intake_date: str | None,
    plan_due_days: int,
) -> None:
    """Findings for PLAN.json; exit 0 no errors, 1 errors, 2 bad input."""
    as_of = _parse_today(today)
    facts = None
    if birth_date is not None or intake_date is not None:
        facts = PlanFacts(
            client_birth_date=_parse_date("--birth-date", birth_date),
            intake_date=_parse_date("--intake-date", intake_date),
            plan_due_days=plan_due_days,
        )
    document = read_plan(file)
    findings = audit_plan(
        document, as_of, requires_cosignature=requires_cosignature, draft=draft, facts=facts
    )
    summary = readiness(findings)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "file": str(file),
                    "today": as_of.isoformat(),
                    "ready": summary.ready,
                    "counts": {
                        "error": summary.errors,
                        "warning": summary.warnings,
                        "info": summary.infos,
                    },
                    "findings": [f.to_dict() for f in findings],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        _print_text(file, document, findings, summary.errors, summary.warnings, summary.infos)
    raise SystemExit(1 if summary.errors else 0)


def _print_text(
    file: Path, plan: Plan, findings: list[Finding], errors: int, warnings: int, infos: int
) -> None:
    state = "ready" if not errors else "not ready"
    click.echo(f"{file}: {errors} error(s), {warnings} warning(s), {infos} info — {state}")
    for f in findings:
        where = f.element_id or "plan"
        if f.field:
            where += f" · {f.field}"
        click.echo(f"\n{f.severity.value.upper():8}{f.code}  [{where}]")
        element = plan.find(f.element_id) if f.element_id else None
        if element is not None and f.span is not None:
            text = getattr(element, "text", "")
            click.echo(f"        “{text[f.span[0] : f.span[1]]}”")
        click.echo(f"        {f.explanation}")
        if f.suggestion:
            click.echo(f"        Suggestion: {f.suggestion}")


def _statement_error(data: Any) -> str | None:
    """What is wrong with one decoded input line, naming the field; None when it is fine."""
    if not isinstance(data, dict):
        return "must be a JSON object"
    if "id" not in data:
        return "id: required"
    if not isinstance(data["id"], (str, int)) or isinstance(data["id"], bool):
        return "id: must be a string or an integer"
    if data.get("kind") not in _KINDS:
        return f"kind: must be one of {', '.join(_KINDS)}" if "kind" in data else "kind: required"
    if "text" not in data:
        return "text: required"
    if not isinstance(data["text"], str):
        return "text: must be a string"
    diagnosis = data.get("diagnosis")
    if diagnosis is not None and not isinstance(diagnosis, str):
        return "diagnosis: must be a string (free text or an ICD-10-CM code)"
    return None


@audit.command("statements")
@click.argument("file", type=click.File("r", encoding="utf-8"))
def statements_command(file: Any) -> None:
    """Judge each JSONL line {"id", "kind", "text", "diagnosis"?}; print {"id", "ok", "codes",
    "findings"} per line, in input order. Malformed lines are reported on stderr by line number
    and skipped; the exit status is then 2."""
    bad = 0
    for number, line in enumerate(file, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            click.echo(f"line {number}: not valid JSON: {exc.msg} (column {exc.colno})", err=True)
            bad += 1
            continue
        problem = _statement_error(data)
        if problem is not None:
            click.echo(f"line {number}: {problem}", err=True)
            bad += 1
            continue
        findings = audit_statement(data["kind"], data["text"], data.get("diagnosis"))
        codes = list(dict.fromkeys(f.code for f in findings))
        click.echo(
            json.dumps(
                {
                    "id": data["id"],
                    "ok": not any(c in STATEMENT_CODES for c in codes),
                    "codes": codes,
                    "findings": [f.to_dict() for f in findings],
                },
                ensure_ascii=False,
            )
        )
    sys.stdout.flush()
    if bad:
        click.echo(f"{bad} malformed line(s) skipped", err=True)
        raise SystemExit(2)


@audit.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
)
def rules_command(fmt: str) -> None:
    """Print the rule registry (the source of docs/audit-rules.md)."""
    if fmt == "markdown":
        click.echo(render_rules_markdown(), nl=False)
        return

    def example(value: str | PlanExample) -> str:
        return value.description if isinstance(value, PlanExample) else value

    click.echo(
        json.dumps(
            [
                {
                    "code": r.code,
                    "severity": r.severity.value,
                    "family": r.family.value,
                    "scope": r.scope.value,
                    "summary": r.summary,
                    "flawed": example(r.flawed),
                    "fixed": example(r.fixed),
                    "kind": r.kind.value if r.kind else None,
                }
                for r in RULES
            ],
            indent=2,
            ensure_ascii=False,
        )
    )


COMMANDS = [audit]
