"""Plan mode: every statement in the plan, plus the whole-plan rules."""

from __future__ import annotations

from datetime import date

from txplan.core.audit import (
    client_facts,
    clones,
    dates,
    measure_match,
    measures,
    method_fit,
    necessity,
    placeholders,
    safety,
    signatures,
    structure,
    tool_text,
)
from txplan.core.audit.facts import PlanFacts
from txplan.core.audit.findings import Finding, StatementKind
from txplan.core.audit.plan_context import objective_context, plan_context, problem_context
from txplan.core.audit.statements import judge
from txplan.core.plan import Plan


def audit_plan(
    plan: Plan,
    today: date,
    *,
    requires_cosignature: bool = False,
    draft: bool = False,
    facts: PlanFacts | None = None,
) -> list[Finding]:
    """Every finding for ``plan`` as of ``today``.

    Statement rules run on each goal, objective and intervention with the plan's diagnoses as
    context; an objective's own ``target_date`` or ``timeframe`` field (or its criterion's
    ``by_date``) counts as its timeframe, and its ``criterion`` as its measure.

    ``requires_cosignature``: the plan's author is an associate whose plans need a supervisor's
    co-signature (the document alone cannot tell; the web app knows the author's role).
    ``draft``: the plan has not been signed yet (a draft); missing clinician, client and
    supervisor signatures are then reported at severity info, not error, so that a draft can be
    audit-clean; and a placeholder left for the clinician (PLAN_PLACEHOLDER) is a warning, not
    an error; PLAN_TOOL_TEXT is a warning, and PLAN_MINOR_NO_GUARDIAN info. Every other rule,
    including the other signature rules, is unchanged.
    ``facts``: what the client record knows and the document does not (date of birth, intake
    date, measure risk flags, other clients' plans; see facts.py). Rules that need a fact are
    silent without it; ``facts=None`` gives exactly the document-only audit.
    Order: diagnosis and necessity, statements in tree order, structure, measures, dates,
    signatures.
    """
    pc = plan_context(plan, today)
    ctx = pc.statement
    out = necessity.check(plan, pc)
    out.extend(safety.check(plan, facts))
    for problem in plan.problems:
        ctx = problem_context(pc, problem)  # suggestions follow the problem's presentation
        for goal in problem.goals:
            out.extend(judge(StatementKind.GOAL, goal.text, ctx, goal.id))
            for objective in goal.objectives:
                has_date = bool(
                    objective.target_date
                    or objective.timeframe.strip()
                    or (objective.criterion is not None and objective.criterion.by_date)
                )
                out.extend(
                    judge(
                        StatementKind.OBJECTIVE,
                        objective.text,
                        objective_context(ctx, objective),
                        objective.id,
                        has_date=has_date,
                        has_criterion=objective.criterion is not None,
                    )
                )
                for intervention in objective.interventions:
                    if intervention.actor.value == "client":
                        # The plan already marks it as the client's task: judge its method
                        # only; whether the objective has a clinician method is a plan rule.
                        found = judge(
                            StatementKind.INTERVENTION, intervention.text, ctx, intervention.id
                        )
                        out.extend(f for f in found if f.code != "INT_NOT_CLINICIAN_ACTION")
                    else:
                        out.extend(
                            judge(
                                StatementKind.INTERVENTION, intervention.text, ctx, intervention.id
                            )
                        )
    out.extend(method_fit.check(plan))
    out.extend(placeholders.check(plan, draft=draft))
    out.extend(tool_text.check(plan, draft=draft))
    out.extend(structure.check(plan, pc))
    out.extend(clones.check(plan, facts))
    out.extend(measures.check(plan, pc))
    out.extend(measure_match.check(plan))
    out.extend(dates.check(plan, pc))
    out.extend(signatures.check(plan, pc, requires_cosignature=requires_cosignature, draft=draft))
    out.extend(client_facts.check(plan, facts, today, draft=draft))
    return out
