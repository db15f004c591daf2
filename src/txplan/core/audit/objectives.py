"""Objective rules: OBJ_NOT_MEASURABLE, OBJ_NOT_TIME_BOUND, OBJ_NOT_SPECIFIC, OBJ_UNREALISTIC.

An objective is the SMART step a reviewer checks hardest. The checks run in this order:
timeframe (blanked out afterwards so "within 8 weeks" is not mistaken for a count), measure,
main predicate (an inner state is not measurable), generic objects (measurable in form but no
named skill, behaviour or situation), then absolute or implausible targets.
"""

from __future__ import annotations

import re

from txplan.core.audit import suggest
from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.grammar import predicate
from txplan.core.audit.lex_domains import domains_in
from txplan.core.audit.lex_methods import SPECIFIC_RE
from txplan.core.audit.lex_objectives import (
    ABSOLUTE,
    ABSOLUTE_HINT,
    FROM_TO,
    GENERIC_BEFORE,
    GENERIC_OBJECT,
    MEASURE,
    REPORTED_STATE,
    SPECIFIC_AFTER,
    VAGUE_MANNER,
    VAGUE_PREDICATE,
    WEIGHT,
)
from txplan.core.audit.text import NUMBER_WORDS, sentence_body, whole
from txplan.core.audit.timeframes import blank, find_timeframes, shortest_days


def _not_measurable(body: str) -> tuple[int, int] | None:
    """The span of the inner-state wording when the objective has no measure, else None."""
    if MEASURE.search(body):
        return None
    pred = predicate(body)
    rest_start = pred.start
    m = VAGUE_PREDICATE.match(body, rest_start) or REPORTED_STATE.match(body, rest_start)
    if m:
        return m.span()
    m = VAGUE_MANNER.search(body)
    if m:
        return m.span()
    if not pred.word:
        return whole(body)
    return None


# Where a category word is not the objective's target: after "including", "such as" or a colon
# (the specifics follow), as the thing measured ("tests that assess anxiety symptoms", "track
# triggers"), as part of a record's name ("a coping-skills log"), or as the means to a measured
# end ("from 8/10 to 5/10 … by practising CBT techniques").
_LISTED = re.compile(r"\b(?:including|such\s+as|e\.?g\.?|for\s+example|namely)\b|:")
_MEASURED_BY = re.compile(
    r"\b(?:assess\w*|measur\w*|rat(?:e|es|ed|ing)|track\w*|monitor\w*|record\w*|log\w*"
    r"|chart\w*)\s+(?:\w+\s+){0,6}$"
)
_RECORD_AFTER = re.compile(r"[\s-]*(?:log|logs|diary|diaries|card|cards|worksheet|sheet|tracker)\b")
# "… coping techniques and show using them in stressful situations", "… skills he has learned
# and hold conversations with friends without name-calling": the category is tied to a named
# situation or a concrete behaviour in the same sentence.
_SITUATION_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:in|during|when|whenever|at|before|after)\s+(?:\w+\s+){0,2}(?:stressful"
    r"|social|work|school|class|family|conflict|panic|craving|triggering|high-risk|anxious"
    r"|difficult)\w*\s+(?:situations?|moments?|times?|episodes?|attacks?|meetings?|settings?)"
    r"|[^.;]{0,60}?\band\s+(?:\w+\s+){0,2}(?:hold|initiate|start|have)\w*\s+(?:\w+\s+){0,2}"
    r"conversations?\b"
)
# "identify 3 coping strategies", "learn three to five communication skills", "practise two new
# coping techniques": a count of distinct skills to find or learn, which the clinician and client
# then name in session, is what guides and manuals present as a good early objective. (A count
# of *uses* of unnamed skills, "use coping skills 3 times a week", stays generic.)
_LEARN_N = re.compile(
    r"\b(?:identif|name|list|learn|practi[cs]|demonstrat|writ|describ|choos|select|generat"
    r"|rehears|master|acquir)\w*\s+(?:and\s+\w+\s+)?(?:at\s+least\s+)?(?:\d+|one|two|three|four"
    r"|five|six|seven|eight|ten)(?:\s*(?:to|or|-)\s*(?:\d+|\w+))?\s+$"
)
_MEANS_BEFORE = re.compile(r"\b(?:by|through|via|using|with)\s+(?:\w+\s+){0,2}$")


# Attending treatment itself as the whole objective ("meet with the counselor once a week",
# "complete the 28-day program"): training material and CMS surveys cite these as
# program-driven, not individual. Mutual-help meetings (AA, NA, SMART Recovery) are a recovery
# behaviour and are not included.
_ATTENDANCE = re.compile(
    r"^\s*(?:the\s+)?(?:client|patient|pt|member|\w+)\s+will\s+(?:(?:regularly|consistently)\s+)?"
    r"(?:attend|go\s+to|come\s+to|meet\s+with|participate\s+in|complete|show\s+up\s+(?:to|for)"
    r"|keep)\s+(?:all\s+|each\s+|every\s+|the\s+|her\s+|his\s+|their\s+|scheduled\s+|weekly\s+"
    r"|individual\s+|group\s+|\d+[\s-]*\w*\s+|\w+\s+times?\s+)*(?:therapy|counsel\w*|sessions?"
    r"|appointments?|treatment|program(?:me)?|the\s+counsel\w+|groups?|visits?)"
    r"(?:\s+sessions?)?\b"
)
_ATTENDANCE_MORE = re.compile(r"\b(?:and|to|so|where|in\s+order|as\s+evidenced|by\s+\w+ing)\b")


def _attendance_only(body: str) -> tuple[int, int] | None:
    """The span of an objective that is nothing but attending treatment, else None."""
    m = _ATTENDANCE.match(body)
    if m is None or _ATTENDANCE_MORE.search(body, m.end()):
        return None
    return m.span()


def _generic_object(body: str) -> tuple[int, int] | None:
    """The span of a skill/strategy named only as a category, when nothing specific is named."""
    if SPECIFIC_RE.search(body):
        return None
    for m in GENERIC_OBJECT.finditer(body):
        start, end = m.span()
        before_text = body[:start]
        if (
            _LISTED.search(before_text)
            or _MEASURED_BY.search(before_text)
            or _RECORD_AFTER.match(body, end)
            or _SITUATION_AFTER.match(body, end)
            or (_MEANS_BEFORE.search(before_text) and MEASURE.search(body[:start]))
            or _LEARN_N.search(before_text)
        ):
            continue
        before = body[:start].split()
        previous = before[-1].strip(",;:") if before else ""
        if (
            previous
            and not previous[0].isdigit()
            and previous not in GENERIC_BEFORE
            and previous not in NUMBER_WORDS
        ):
            continue  # "worry triggers", "checking behaviours": a named thing qualifies it
        if SPECIFIC_AFTER.match(body, end):
            continue  # "triggers for drinking", "skills such as …"
        return start, end
    return None


def _not_specific(
    text: str, body: str, ctx: suggest.Context, low: str
) -> tuple[tuple[int, int], str, str] | None:
    """(span, why, suggested rewrite) when the objective names nothing specific, else None."""
    generic = _generic_object(body)
    if generic is not None:
        skill = suggest.skill_for(_focus(ctx, low))
        why = (
            "names a category, not a specific skill, behaviour or situation: the client, you and "
            "a reviewer would each count something different. Name the skill and when it is used."
        )
        return generic, why, suggest.with_skill(text, generic, skill)
    attend = _attendance_only(body)
    if attend is not None:
        why = (
            "is the service, not a change in the client: attending sessions or completing a "
            "programme is what every client does, and surveyors cite such program-driven "
            "objectives. Say what the client will do differently, and how it will be counted."
        )
        return attend, why, suggest.objective_for(_focus(ctx, low), ctx)
    return None


def _unrealistic(low: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], str] | None:
    m = ABSOLUTE.search(low) if ABSOLUTE_HINT.search(low) else None
    if m:
        return m.span(), "absolute"
    days = shortest_days(low, spans)
    if days is None:
        return None
    for m in FROM_TO.finditer(low):
        before, after = float(m.group(1)), float(m.group(2))
        if before > 0 and before >= 8 and (before - after) / before >= 0.7 and days <= 21:
            return m.span(), "fast"
    for m in WEIGHT.finditer(low):
        amount, unit = float(m.group(1)), m.group(2)
        kg = amount if unit.startswith("k") else amount * 0.4536
        if days > 0 and kg / (days / 7.0) > 1.5:
            return m.span(), "fast"
    return None


def judge(
    text: str,
    low: str,
    ctx: suggest.Context,
    element_id: str | None,
    *,
    has_date: bool = False,
    has_criterion: bool = False,
) -> list[Finding]:
    """Findings for one objective. ``has_date``: the plan gives it a target date or timeframe;
    ``has_criterion``: it carries a machine-readable criterion (a measure and threshold)."""
    findings: list[Finding] = []
    spans = find_timeframes(low)
    body = blank(low, spans)
    span = whole(text)

    vague = None if has_criterion else _not_measurable(body)
    if vague is not None:
        phrase = text[vague[0] : vague[1]].strip()
        findings.append(
            Finding(
                code="OBJ_NOT_MEASURABLE",
                severity=Severity.ERROR,
                element_id=element_id,
                field="text",
                span=vague,
                explanation=(
                    f"“{phrase}” describes an inner state or a direction of change that nobody can "
                    "observe or count, so there is no way to show the objective was met. Name a "
                    "behaviour, a count or frequency, or a score on a standardized measure."
                ),
                suggestion=suggest.objective_for(_focus(ctx, low), ctx),
            )
        )
    elif not has_criterion:
        not_specific = _not_specific(text, body, ctx, low)
        if not_specific is not None:
            where, why, suggestion = not_specific
            findings.append(
                Finding(
                    code="OBJ_NOT_SPECIFIC",
                    severity=Severity.ERROR,
                    element_id=element_id,
                    field="text",
                    span=where,
                    explanation=f"“{text[where[0] : where[1]]}” {why}",
                    suggestion=suggestion,
                )
            )

    if not spans and not has_date:
        findings.append(
            Finding(
                code="OBJ_NOT_TIME_BOUND",
                severity=Severity.ERROR,
                element_id=element_id,
                field="text",
                span=span,
                explanation=(
                    "The objective has no timeframe or target date, so progress cannot be reviewed "
                    "against it and a reviewer cannot tell whether it is overdue. Add when it "
                    "should be met, inside the review interval."
                ),
                suggestion=f"{sentence_body(text)} {ctx.timeframe}.",
            )
        )

    unrealistic = _unrealistic(low, spans)
    if unrealistic is not None:
        where, why = unrealistic
        phrase = text[where[0] : where[1]]
        reason = (
            "is an absolute target: one ordinary lapse would mean the objective is failed, and "
            "reviewers read absolute targets as unrealistic"
            if why == "absolute"
            else "asks for a very large change in a very short time, more than treatment usually "
            "produces in that period"
        )
        findings.append(
            Finding(
                code="OBJ_UNREALISTIC",
                severity=Severity.WARNING,
                element_id=element_id,
                field="text",
                span=where,
                explanation=(
                    f"“{phrase}” {reason}. Set a realistic threshold or a longer timeframe."
                ),
                suggestion=suggest.objective_for(_focus(ctx, low), ctx),
            )
        )
    return findings


def _focus(ctx: suggest.Context, low: str) -> str:
    # Only computed when there is a finding to suggest a rewrite for.
    return suggest.focus(ctx, set() if ctx.presentations else domains_in(low))
