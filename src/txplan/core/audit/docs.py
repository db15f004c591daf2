"""docs/audit-rules.md, generated from the registry.

    txplan audit rules > docs/audit-rules.md

A test fails when the file differs from ``render_rules_markdown()``.
"""

from __future__ import annotations

from txplan.core.audit.findings import PlanExample, Rule, Scope
from txplan.core.audit.registry import RULES
from txplan.core.audit.why_severity import WHY_SEVERITY

_HEADER = """\
# Audit rules

<!-- Generated from src/txplan/core/audit/registry.py by `txplan audit rules`; do not edit. -->

The audit checks every goal, objective and intervention on its own words (statement rules),
and the plan as a whole (plan rules). Each finding has a stable code, a severity, the element
and the span of text it is about, an explanation and, where one can be made, a suggested
rewrite.

- **error**: a reviewer would cite it; the plan is not ready until it is fixed.
- **warning**: weakens the plan or needs clinical judgement; fix it or justify it.
- **info**: worth a look; never blocks readiness.

In `txplan audit statements`, a statement is `ok` exactly when none of the eight statement
codes is reported. In plan mode an objective's own `target_date`, `timeframe` or criterion
`by_date` counts as its timeframe, and its `criterion` as its measure.
`audit_plan(plan, today, requires_cosignature=True)` is how the caller says the author is an
associate whose plans need a supervisor's co-signature.

**Drafts.** A plan that has not been signed yet cannot have signatures.
`audit_plan(plan, today, draft=True)` (CLI: `txplan audit PLAN.json --draft`) reports the
missing clinician, client and supervisor signatures (`SIG_MISSING_CLINICIAN`,
`SIG_MISSING_CLIENT`, `SIG_MISSING_SUPERVISOR`) at severity **info**, with a reminder that the
plan must be signed (dated, by an authenticated signer) before it is used, so a draft can be
audit-clean. The other signature rules (undated, future-dated, no credentials) are unchanged.

**The client record.** Some findings need what the record knows and the plan document does not:
`audit_plan(plan, today, facts=PlanFacts(...))` (`txplan.core.audit.facts`) passes the client's
date of birth, the intake date and the days allowed from intake to plan (default 30, per
practice or payer), measure risk flags such as `phq9_item9`, and the normalised statements of
other clients' plans in the practice. Without a fact, the rule that needs it stays silent; the
CLI takes `--birth-date` and `--intake-date`, and the web app passes them all.
"""


def _example(value: str | PlanExample) -> str:
    if isinstance(value, PlanExample):
        return value.description
    return f"“{value}”"


def _rule(rule: Rule) -> str:
    lines = [f"### `{rule.code}` ({rule.severity.value})", "", rule.summary, ""]
    lines += [f"Why {rule.severity.value}: {WHY_SEVERITY[rule.code]}", ""]
    context = []
    if rule.kind is not None:
        context.append(f"judges: {rule.kind.value}s")
    if rule.diagnosis:
        context.append(f"example diagnosis: {rule.diagnosis}")
    if context:
        lines += ["*" + "; ".join(context) + "*", ""]
    lines += [f"- Flawed: {_example(rule.flawed)}", f"- Fixed: {_example(rule.fixed)}", ""]
    return "\n".join(lines)


def render_rules_markdown() -> str:
    parts = [_HEADER]
    for scope, title in ((Scope.STATEMENT, "Statement rules"), (Scope.PLAN, "Plan rules")):
        rules = [r for r in RULES if r.scope is scope]
        parts.append(f"## {title}\n")
        parts.append("| code | severity | family | summary |\n|---|---|---|---|")
        parts.extend(
            f"| `{r.code}` | {r.severity.value} | {r.family.value} | {r.summary} |" for r in rules
        )
        parts.append("")
        parts.extend(_rule(r) for r in rules)
    return "\n".join(parts).rstrip() + "\n"
