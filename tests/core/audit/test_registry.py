"""The registry is the documentation: examples work, docs are current, codes are known."""

from pathlib import Path

import pytest

from txplan.core.audit import (
    CODES,
    RULES,
    STATEMENT_CODES,
    PlanExample,
    Rule,
    Scope,
    audit_plan,
    audit_statement,
    render_rules_markdown,
)
from txplan.core.audit.examples import BASELINE, EXAMPLE_TODAY, apply_edits
from txplan.core.document import parse_plan

DOCS = Path(__file__).resolve().parents[3] / "docs" / "audit-rules.md"


def _codes(rule: Rule, example: str | PlanExample) -> set[str]:
    if isinstance(example, PlanExample):
        plan = parse_plan(apply_edits(example.edits))
        found = audit_plan(
            plan,
            EXAMPLE_TODAY,
            requires_cosignature=example.requires_cosignature,
            facts=example.facts,
        )
    else:
        assert rule.kind is not None
        found = audit_statement(rule.kind, example, rule.diagnosis)
    return {f.code for f in found}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_flawed_example_triggers_its_rule(rule: Rule) -> None:
    assert rule.code in _codes(rule, rule.flawed)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_fixed_example_does_not_trigger_its_rule(rule: Rule) -> None:
    assert rule.code not in _codes(rule, rule.fixed)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_documented_with_summary_and_examples(rule: Rule) -> None:
    assert rule.summary.strip() and rule.flawed and rule.fixed
    if rule.scope is Scope.STATEMENT:
        assert rule.kind is not None
    assert f"`{rule.code}`" in render_rules_markdown()


def test_the_eight_statement_codes_are_the_public_contract() -> None:
    assert {
        "GOAL_VAGUE",
        "GOAL_DISCONNECTED",
        "OBJ_NOT_MEASURABLE",
        "OBJ_NOT_TIME_BOUND",
        "OBJ_NOT_SPECIFIC",
        "OBJ_UNREALISTIC",
        "INT_GENERIC",
        "INT_NOT_CLINICIAN_ACTION",
    } == STATEMENT_CODES
    assert {r.code for r in RULES if r.scope is Scope.STATEMENT} == STATEMENT_CODES
    assert STATEMENT_CODES <= CODES


def test_baseline_example_plan_has_no_findings() -> None:
    assert audit_plan(parse_plan(BASELINE), EXAMPLE_TODAY) == []


def test_docs_audit_rules_md_is_up_to_date() -> None:
    assert DOCS.read_text(encoding="utf-8") == render_rules_markdown(), (
        "docs/audit-rules.md is out of date: run `txplan audit rules > docs/audit-rules.md`"
    )


def test_every_rule_says_why_it_has_its_severity() -> None:
    from txplan.core.audit.why_severity import WHY_SEVERITY

    assert set(WHY_SEVERITY) == {rule.code for rule in RULES}
    assert all(len(reason) > 30 for reason in WHY_SEVERITY.values())
