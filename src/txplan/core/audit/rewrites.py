"""Rewrites that are right for the plan: the client named as the plan does, the measure
criterion a suggested objective names (so "Use suggestion" sets it too), and every rewrite
checked against the audit itself before it is offered.

The templates themselves are in suggest.py; statements.judge passes each statement's findings
through ``finish``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from txplan.core.audit.findings import Finding, Severity, StatementKind
from txplan.core.audit.lex_domains import domains_in
from txplan.core.audit.suggest import (
    SERVES,
    Context,
    focus,
    goal_for,
    intervention_for,
    objective_for,
    presentation_of,
)
from txplan.core.audit.text import fold, sentence_body

_CLIENT_WORD = re.compile(r"\b(?:[Tt]he\s+)?(?:[Cc]lient|[Cc]hild)\b")
_LEADING_CLIENT = re.compile(r"^(?:The\s+client|Client)\b")


def personalise(text: str, client: str) -> str:
    """The suggestion naming the client as the plan does: "Maria will …" when the plan uses
    a name, "The client will …" when it writes that, else the templates' "Client will …"."""
    if client == "Client":
        return text
    if client == "The client":
        return _LEADING_CLIENT.sub("The client", text)
    return _CLIENT_WORD.sub(client, text)


# A criterion the suggested text names: "score 9 or lower on the PHQ-9 on two consecutive …".
# An instrument named in an objective, and the target written beside it.
_INSTRUMENT = re.compile(
    r"\b(?:(?P<phq_a>phq-?\s?a)|(?P<phq9>phq-?\s?9)|(?P<gad7>gad-?\s?7)|(?P<pcl5>pcl-?\s?5)"
    r"|(?P<epds>epds|edinburgh)|(?P<audit_c>audit-?\s?c)|(?P<dast10>dast(?:-?\s?10)?))\b"
)
_TARGETS = (
    (re.compile(r"\b(\d+)\s+or\s+(?:lower|below|less|fewer|under)\b"), "<="),
    (
        re.compile(r"(?:\bat\s+or\s+below|\bno\s+(?:more|higher)\s+than|\bat\s+most|≤|<=)\s*(\d+)"),
        "<=",
    ),
    (re.compile(r"(?:\bbelow|\bunder|\b(?:less|lower)\s+than|<)\s*(\d+)\b"), "<"),
    (re.compile(r"\bfrom\s+\d+\s+to\s+(\d+)\b"), "<="),
)
_CONSECUTIVE = re.compile(r"\b(two|three|four|\d+)\s+(?:consecutive|successive)\b")
_ANY_INSTRUMENT = re.compile(
    r"\b(?:phq|gad-?\s?7|pcl|epds|edinburgh|audit|dast|asrs|ors|srs|whodas|k-?10|y-?bocs|isi"
    r"|bdi|bai|ede-?q|scared|rcads|cgi)\b"
)
_COUNT = {"two": 2, "three": 3, "four": 4}

Criterion = tuple[tuple[str, str], ...]
CLEAR: Criterion = (("measure", ""),)  # the structured fix that removes the criterion


def criterion_in(text: str) -> Criterion | None:
    """The measure criterion an objective's text names ("score 9 or lower on the PHQ-9 on two
    consecutive administrations", "PCL-5 below 33"), as editor field pairs, or None when it
    names no instrument or no score to reach."""
    low = fold(text)
    m = _INSTRUMENT.search(low)
    if m is None or m.lastgroup is None:
        return None
    # The target nearest the instrument's name, after it first ("PHQ-9 of 4 or below"), else
    # before it ("score 9 or lower on the PHQ-9").
    after, before = low[m.end() : m.end() + 60], low[max(0, m.start() - 40) : m.start()]
    target = None
    for window in (after, before):
        for pattern, comparator in _TARGETS:
            found = pattern.search(window)
            if found is not None and int(found.group(1)) <= 80:
                target = (comparator, found.group(1))
                break
        if target is not None:
            break
    if target is None:
        return None
    times = _CONSECUTIVE.search(low)
    word = times.group(1) if times else "1"
    consecutive = min(12, _COUNT.get(word, int(word) if word.isdigit() else 1))
    return (
        ("measure", m.lastgroup),
        ("comparator", target[0]),
        ("threshold", target[1]),
        ("consecutive", str(max(1, consecutive))),
    )


def _fits(measure: str, ctx: Context) -> bool:
    presentation = presentation_of(ctx)
    if presentation is None:
        return True
    if presentation.measure is None:
        return False
    return measure in SERVES.get(presentation.measure, (presentation.measure,))


def _fix_for(kind: StatementKind, text: str, ctx: Context, has_criterion: bool) -> Criterion | None:
    """The criterion change that goes with an objective suggestion (None: leave it as it is)."""
    if kind is not StatementKind.OBJECTIVE:
        return None
    named = criterion_in(text)
    if named is not None:
        return named
    if (
        has_criterion
        and ctx.criterion_measure
        and not _fits(ctx.criterion_measure, ctx)
        and not _ANY_INSTRUMENT.search(fold(text))
    ):
        return CLEAR  # a wrong-diagnosis criterion on a behaviour objective would disagree
    return None


Judge = Callable[..., list[Finding]]


def _errors(
    judge: Judge, kind: StatementKind, text: str, ctx: Context, has_date: bool, has_c: bool
) -> list[str]:
    found = judge(kind, text, ctx, None, has_date=has_date, has_criterion=has_c)
    return [f.code for f in found if f.severity is Severity.ERROR]


def _template(kind: StatementKind, text: str, ctx: Context) -> str:
    key = focus(ctx, set() if (ctx.problem or ctx.presentations) else domains_in(fold(text)))
    if kind is StatementKind.GOAL:
        return goal_for(key)
    if kind is StatementKind.OBJECTIVE:
        return objective_for(key, ctx)
    return intervention_for(key)


def _candidates(
    kind: StatementKind, text: str, suggestions: list[str], ctx: Context
) -> Iterable[str]:
    """This finding's rewrite, then the statement's other rewrites (each also with the
    objective's timeframe: a rewrite of the clinician's own words may still lack one), then
    the problem's template."""
    for suggestion in suggestions:
        yield suggestion
        if kind is StatementKind.OBJECTIVE and ctx.timeframe:
            yield f"{sentence_body(suggestion)} {ctx.timeframe}."
    yield _template(kind, text, ctx)


def finish(
    findings: list[Finding],
    kind: StatementKind,
    text: str,
    ctx: Context,
    codes: frozenset[str],
    judge: Judge,
    *,
    has_date: bool = False,
    has_criterion: bool = False,
) -> list[Finding]:
    """Statement findings with suggestions that are right for the plan.

    Each rewrite (findings whose code is in ``codes``) names the client as the plan does,
    carries the measure criterion it names (``Finding.criterion``, editor field pairs), and is
    re-judged (with ``judge``, in the same context, with the objective's date and the criterion
    it would have): a rewrite that would still draw an error is replaced, first by the rewrite
    with the objective's timeframe, then by the problem's template.
    """
    if not any(f.suggestion and f.code in codes for f in findings):
        return findings
    generic = next((f for f in findings if f.code == "INT_GENERIC" and f.suggestion), None)
    out: list[Finding] = []
    for f in findings:
        if not f.suggestion or f.code not in codes:
            out.append(f)
            continue
        suggestion = f.suggestion
        if f.code == "INT_NOT_CLINICIAN_ACTION" and generic is not None:
            suggestion = generic.suggestion or suggestion  # a named method, not "this"
        others = [g.suggestion for g in findings if g is not f and g.suggestion and g.code in codes]
        best: tuple[str, Criterion | None] | None = None
        for candidate in _candidates(kind, text, [suggestion, *others], ctx):
            candidate = personalise(candidate, ctx.client)
            fix = _fix_for(kind, candidate, ctx, has_criterion)
            has_c = has_criterion if fix is None else bool(fix[0][1])
            if not _errors(judge, kind, candidate, ctx, has_date, has_c):
                best = (candidate, fix)
                break
            if best is None:
                best = (candidate, fix)
        assert best is not None
        out.append(replace(f, suggestion=best[0], criterion=best[1]))
    return out
