"""Statement mode: judge one goal, objective or intervention on its own words."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from txplan.core.audit import goals, interventions, objectives, rewrites
from txplan.core.audit.diagnoses import Presentation, resolve
from txplan.core.audit.findings import Finding, Severity, StatementKind
from txplan.core.audit.suggest import DEFAULT_TIMEFRAME, Context
from txplan.core.audit.text import fold

STATEMENT_CODES = frozenset(
    {
        "GOAL_VAGUE",
        "GOAL_DISCONNECTED",
        "OBJ_NOT_MEASURABLE",
        "OBJ_NOT_TIME_BOUND",
        "OBJ_NOT_SPECIFIC",
        "OBJ_UNREALISTIC",
        "INT_GENERIC",
        "INT_NOT_CLINICIAN_ACTION",
    }
)


def context_for(
    presentations: tuple[Presentation, ...],
    *,
    timeframe: str = DEFAULT_TIMEFRAME,
    measures_used: tuple[str, ...] = (),
) -> Context:
    domains = frozenset(d for p in presentations for d in p.domains)
    return Context(
        presentations=presentations,
        timeframe=timeframe,
        measures_used=measures_used,
        judge_connection=bool(presentations),
        domains=domains,
    )


@lru_cache(maxsize=1024)
def statement_context(diagnosis: str | None) -> Context:
    """The context a statement is judged in when only its diagnosis (code or words) is known."""
    presentation = resolve(diagnosis) if diagnosis else None
    return context_for((presentation,) if presentation else ())


def judge(
    kind: StatementKind,
    text: str,
    ctx: Context,
    element_id: str | None = None,
    *,
    has_date: bool = False,
    has_criterion: bool = False,
) -> list[Finding]:
    """Findings for one statement; each rewrite is checked against the audit itself (see
    ``rewrites.finish``)."""
    found = _judge(kind, text, ctx, element_id, has_date=has_date, has_criterion=has_criterion)
    return rewrites.finish(
        found,
        kind,
        text,
        ctx,
        STATEMENT_CODES,
        _judge,
        has_date=has_date,
        has_criterion=has_criterion,
    )


def _judge(
    kind: StatementKind,
    text: str,
    ctx: Context,
    element_id: str | None = None,
    *,
    has_date: bool = False,
    has_criterion: bool = False,
) -> list[Finding]:
    low = fold(text)
    if kind is StatementKind.GOAL:
        return goals.judge(text, low, ctx, element_id)
    if kind is StatementKind.OBJECTIVE:
        return objectives.judge(
            text, low, ctx, element_id, has_date=has_date, has_criterion=has_criterion
        )
    return interventions.judge(text, low, ctx, element_id)


def audit_statement(
    kind: StatementKind | str, text: str, diagnosis: str | None = None
) -> list[Finding]:
    """Findings for one statement judged on its own words.

    ``kind`` is "goal", "objective" or "intervention"; ``diagnosis`` is optional context, an
    ICD-10-CM code ("F33.1") or free text ("major depressive disorder"). Without a recognised
    diagnosis GOAL_DISCONNECTED is not judged. Raises ValueError for an unknown kind.
    """
    try:
        kind = StatementKind(kind)
    except ValueError:
        raise ValueError(
            f"kind: must be one of goal, objective, intervention (got {kind!r})"
        ) from None
    if not isinstance(text, str):
        raise ValueError("text: must be a string")
    found = judge(kind, text, statement_context(diagnosis or None))
    # Statement mode reports the eight statement codes only (the contract of `txplan audit
    # statements`); plan-mode advice such as GOAL_SYMPTOM_FOCUSED shows in the editor.
    return sentence_only([f for f in found if f.code in STATEMENT_CODES])


_DATE_ELSEWHERE = (
    " Judged on the sentence alone: published plans often keep the target date in its own "
    "column, so here this is a warning; in a plan with no target date either, it is an error."
)


def sentence_only(findings: list[Finding]) -> list[Finding]:
    """Statement-mode severities: a sentence judged without its plan.

    A missing timeframe is a warning here, not an error: documentation guides, Medicaid
    manuals and planners present objectives whose target date sits in the plan's own date
    column, and only the plan can tell (plan mode reports OBJ_NOT_TIME_BOUND as an error when
    neither the text nor the objective's target date gives one).
    """
    return [
        replace(f, severity=Severity.WARNING, explanation=f.explanation + _DATE_ELSEWHERE)
        if f.code == "OBJ_NOT_TIME_BOUND" and f.severity is Severity.ERROR
        else f
        for f in findings
    ]
