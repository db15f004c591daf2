"""PLAN_RISK_UNADDRESSED: risk documented in the plan, or flagged by a measure, with no safety
problem or safety plan in the plan.

Risk language is looked for where the plan documents the client's presentation: the presenting
problem and the medical necessity (symptoms, impairments, level-of-care rationale). An
impairment filed under the safety domain is documented risk in itself. A measure's risk flag
(PHQ-9 item 9 > 0, EPDS item 10 > 0) comes in through ``PlanFacts.risk_flags``; the plan
document does not carry item answers.

Addressed means: a problem drafted from the safety areas (``suicidal_self_harm``,
``harm_to_others``), or any problem, goal, objective or intervention that names safety
planning, a safety or crisis plan, means restriction or a risk assessment. Risk of harm to
others needs a safety element about others: the ``harm_to_others`` area, or a safety element
that names violence, aggression or harm to others.

Severity: error. Documented risk with no plan to manage it is the first thing a reviewer, a
risk-management audit or a board complaint cites; it is also the finding that matters most to
the client. Risk detection is ``txplan.core.drafting.risk.detect``, shared with the drafter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from txplan.core.audit.facts import PlanFacts
from txplan.core.audit.findings import Finding, Severity
from txplan.core.plan import ImpairmentDomain, Plan

SAFETY_AREAS = {"suicidal_self_harm": "self", "harm_to_others": "others"}

# A statement that names a safety element.
_SAFETY = re.compile(
    r"\bsafety[\s-]+plan|\bcrisis[\s-]+(?:response[\s-]+)?plan|\bsafety[\s-]+planning"
    r"|\bmeans[\s-]+(?:restriction|safety|reduction)|lethal[\s-]+means|\brestrict\w*\s+(?:access"
    r"|means)|\brisk[\s-]+(?:assessment|formulation)|\bassess\w*\s+(?:\w+\s+){0,3}risk\b"
    r"|\bc-?ssrs\b|columbia|stanley[\s-]+brown|\bsafety[\s-]+contract|\bsuicide[\s-]+risk"
    r"|\bviolence[\s-]+risk|\bduty[\s-]+to[\s-]+(?:warn|protect)|\bsafety[\s-]+check",
    re.IGNORECASE,
)
# The safety element is about others.
_OTHERS = re.compile(
    r"\bothers\b|\bviolen|\baggress|\bhomicid|\bharm(?:ing)?\s+(?:to\s+)?(?:someone|another|"
    r"anyone|people|partner|him|her|them)|\bthreat|\banger\b|\bduty[\s-]+to",
    re.IGNORECASE,
)

# Measure flags that signal risk to others; every other risk flag is about the self.
_OTHERS_FLAGS = re.compile(r"others|homicid|violen|\bhi\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Found:
    self_harm: bool
    others: bool
    phrases: tuple[str, ...]

    @property
    def any(self) -> bool:
        return self.self_harm or self.others


def _detector() -> Callable[[str], _Found]:
    try:
        from txplan.core.drafting.risk import detect
    except ImportError:  # pragma: no cover - the drafter's detector is absent
        return _fallback

    def run(text: str) -> _Found:
        risk = detect(text)
        return _Found(bool(risk.self_harm), bool(risk.others), tuple(risk.phrases))

    return run


# A small stand-in used only when the drafter's detector cannot be imported.
_FALLBACK_SELF = re.compile(
    r"\bsuicid\w*|\bSI\b|self[\s-]+harm\w*|self[\s-]+injur\w*|kill(?:ing)?\s+(?:my|her|him|them)"
    r"sel(?:f|ves)|better off dead|want(?:s|ed)? to die|overdos\w*|cut(?:s|ting)?\s+(?:her|his|"
    r"my|their)\s+(?:arm|wrist|leg|forearm)s?",
    re.IGNORECASE,
)
_FALLBACK_OTHERS = re.compile(
    r"\bhomicid\w*|\bHI\b|(?:kill|hurt|harm|stab|shoot)\w*\s+(?:him|her|them|someone|people)",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:denie[sd]|deny|no|not|without|negative for)\b[^.;]{0,30}$", re.I)


def _fallback(text: str) -> _Found:
    found: dict[str, list[str]] = {"self": [], "others": []}
    for key, pattern in (("self", _FALLBACK_SELF), ("others", _FALLBACK_OTHERS)):
        for m in pattern.finditer(text):
            if not _NEGATION.search(text[: m.start()]):
                found[key].append(m.group(0).lower())
    return _Found(bool(found["self"]), bool(found["others"]), (*found["self"], *found["others"]))


def _documented(plan: Plan) -> list[tuple[str, str]]:
    """(field, text) where the plan documents the client's presentation."""
    nec = plan.medical_necessity
    out = [("presenting_problem", plan.presenting_problem)]
    out += [(f"medical_necessity.symptoms[{n}]", s) for n, s in enumerate(nec.symptoms)]
    out += [
        (f"medical_necessity.impairments[{n}].description", i.description)
        for n, i in enumerate(nec.impairments)
    ]
    out.append(("medical_necessity.level_of_care_rationale", nec.level_of_care_rationale))
    return [(f, t) for f, t in out if t.strip()]


def _safety_elements(plan: Plan) -> tuple[bool, bool]:
    """Whether the plan has a safety element for risk to self, and one for risk to others."""
    self_ok = others_ok = False
    for problem in plan.problems:
        origins = [problem.origin, *(g.origin for g in problem.goals)]
        areas = {o.library_id.split(".")[0].split("#")[0] for o in origins if o is not None}
        if "suicidal_self_harm" in areas:
            self_ok = True
        if "harm_to_others" in areas:
            others_ok = True
        texts = [problem.title, problem.description]
        for goal in problem.goals:
            texts.append(goal.text)
            for objective in goal.objectives:
                texts.append(objective.text)
                texts += [i.text for i in objective.interventions]
        safety = [t for t in texts if _SAFETY.search(t)]
        if safety:
            self_ok = True
            # About others when the safety statement, or the problem it sits in, says so.
            if any(_OTHERS.search(t) for t in safety) or _OTHERS.search(problem.title):
                others_ok = True
    return self_ok, others_ok


def check(plan: Plan, facts: PlanFacts | None) -> list[Finding]:
    detect = _detector()
    self_at: tuple[str, str] | None = None  # (field, phrase) of the first risk to self
    others_at: tuple[str, str] | None = None
    for field, text in _documented(plan):
        found = detect(text)
        phrase = found.phrases[0] if found.phrases else text[:60]
        if found.self_harm and self_at is None:
            self_at = (field, phrase)
        if found.others and others_at is None:
            others_at = (field, phrase)
    for n, impairment in enumerate(plan.medical_necessity.impairments):
        # Filed under safety (risk to self or others) is documented risk even when its words
        # name no risk the detector knows; words it does know were counted above.
        if impairment.domain is ImpairmentDomain.SAFETY and not detect(impairment.description).any:
            field = f"medical_necessity.impairments[{n}]"
            self_at = self_at or (field, "an impairment filed under safety")
    for flag in facts.risk_flags if facts else ():
        where = ("risk_flags", _flag_label(flag))
        if _OTHERS_FLAGS.search(flag):
            others_at = others_at or where
        else:
            self_at = self_at or where
    if self_at is None and others_at is None:
        return []
    self_ok, others_ok = _safety_elements(plan)
    out: list[Finding] = []
    if self_at is not None and not self_ok:
        out.append(_finding(self_at, "risk to self", _SELF_NEXT))
    if others_at is not None and not others_ok:
        out.append(_finding(others_at, "risk of harm to others", _OTHERS_NEXT))
    return out


_SELF_NEXT = (
    "Record a suicide risk assessment (e.g. the C-SSRS) and add a safety problem with a written "
    "safety plan: warning signs, coping steps, people and crisis lines to contact, and means "
    "restriction."
)
_OTHERS_NEXT = (
    "Record a violence risk assessment and add a harm-to-others safety problem: a safety plan "
    "for anger and threats, means restriction, and the duty-to-warn steps if they apply."
)


def _flag_label(flag: str) -> str:
    m = re.fullmatch(r"([a-z0-9_]+?)_item(\d+)", flag)
    if m is None:
        return f"the measure flag {flag}"
    names = {"phq9": "PHQ-9", "epds": "EPDS", "phq_a": "PHQ-A"}
    return f"{names.get(m[1], m[1].upper())} item {m[2]} answered above 0"


def _finding(at: tuple[str, str], what: str, suggestion: str) -> Finding:
    field, phrase = at
    source = (
        f"a measure ({phrase})" if field == "risk_flags" else f"{field.split('[')[0]} (“{phrase}”)"
    )
    return Finding(
        "PLAN_RISK_UNADDRESSED",
        Severity.ERROR,
        field=field,
        explanation=(
            f"The record shows {what} in {source}, but the plan has no safety problem or "
            "safety plan. Documented risk with no plan to manage it is what reviewers and "
            "risk audits cite first."
        ),
        suggestion=suggestion,
    )
