"""What plan-mode rules share: the plan's presentations, measures in use, review dates."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from txplan.core.audit.diagnoses import Presentation, resolve
from txplan.core.audit.lex_domains import domains_in
from txplan.core.audit.statements import context_for
from txplan.core.audit.suggest import Context
from txplan.core.audit.text import fold
from txplan.core.audit.timeframes import find_timeframes
from txplan.core.plan import Objective, Plan, Problem

# Instrument names as clinicians write them → registry id ("other" = standardized but not in
# the registry, which still counts as measurement).
_INSTRUMENTS = (
    (r"phq-?\s?a\b|phq-?9-?m", "phq_a"),
    (r"phq-?\s?15", "phq15"),
    (r"phq-?\s?9|phq\b", "phq9"),
    (r"gad-?\s?7|gad\s?7", "gad7"),
    (r"pcl-?\s?5", "pcl5"),
    (r"audit-?\s?c\b", "audit_c"),
    (r"\baudit\b", "audit"),
    (r"\bdast", "dast10"),
    (r"\bepds\b|edinburgh", "epds"),
    (r"\basrs", "asrs_v1_1_screener"),
    (r"c-?ssrs|columbia", "cssrs_screener"),
    (r"\bors\b|outcome rating", "ors"),
    (r"\bsrs\b|session rating", "srs"),
    (r"whodas", "whodas12"),
    (r"\bmdq\b", "mdq"),
    (r"\bpss-?\s?10|\bpss\b", "pss10"),
    (r"\bk-?\s?10\b|kessler", "k10"),
    (r"\bisi\b|insomnia severity", "isi"),
    (r"(?<!c)(?<!c-)y-?bocs|yale-?brown", "ybocs"),
    (r"ede-?qs\b", "ede_qs"),
    (r"\bspin\b|social phobia inventory", "spin"),
    (r"pc-?ptsd", "pc_ptsd5"),
    (r"vanderbilt(?= parent)", "vanderbilt_parent"),
    (r"vanderbilt(?= teacher)", "vanderbilt_teacher"),
    (r"\bcors\b|child outcome rating", "cors"),
    (
        r"cy-?bocs|ede-?q|\bbdi|\bbai\b|vanderbilt"
        r"|\bscared\b|rcads|\bsdq\b|\bcdi\b|\bmasc\b|madrs|ymrs|\bdass|\boci-?r|pdss|lsas"
        r"|pg-?13|\bcgi\b",
        "other",
    ),
)
# One pass: each alternative is a named group whose name says which instrument it found.
_INSTRUMENT_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<i{n}>{p})" for n, (p, _) in enumerate(_INSTRUMENTS)) + ")"
)
_INSTRUMENT_KEY = {f"i{n}": key for n, (_, key) in enumerate(_INSTRUMENTS)}
# Equivalent instruments: using either satisfies a diagnosis that calls for the other.
EQUIVALENT = {
    "phq9": {"phq9", "phq_a"},
    "audit_c": {"audit_c", "audit"},
    "gad7": {"gad7"},
    "pcl5": {"pcl5"},
    "dast10": {"dast10"},
    "epds": {"epds", "phq9"},
    "asrs_v1_1_screener": {"asrs_v1_1_screener", "vanderbilt_parent", "vanderbilt_teacher"},
    "vanderbilt_parent": {"vanderbilt_parent", "vanderbilt_teacher", "asrs_v1_1_screener"},
    "ybocs": {"ybocs"},
    "isi": {"isi"},
    "ede_qs": {"ede_qs"},
    "spin": {"spin", "gad7"},
}


def instruments_in(low: str) -> set[str]:
    return {_INSTRUMENT_KEY[m.lastgroup] for m in _INSTRUMENT_RE.finditer(low) if m.lastgroup}


@dataclass(frozen=True)
class PlanContext:
    today: date
    presentations: tuple[Presentation, ...]
    measures_used: frozenset[str]  # registry ids (and "other") used anywhere in objectives
    review_date: date | None  # next_review_date, else established_on + interval
    statement: Context  # the context statement rules are judged in
    client: str = "Client"  # how the plan's statements name the client ("Maria", "The client")


def plan_context(plan: Plan, today: date) -> PlanContext:
    presentations: list[Presentation] = []
    for diagnosis in plan.diagnoses:
        found = resolve(f"{diagnosis.code} {diagnosis.description}")
        if found is not None and found not in presentations:
            presentations.append(found)
    primary = plan.primary_diagnosis()
    if primary is not None:
        first = resolve(f"{primary.code} {primary.description}")
        if first in presentations:
            presentations.remove(first)
            presentations.insert(0, first)
    used: set[str] = set()
    for objective in plan.objectives():
        if objective.criterion is not None:
            used.add(objective.criterion.measure)
        used |= instruments_in(objective.text.lower())
    review = plan.next_review_date
    if review is None and plan.established_on is not None:
        review = plan.established_on + timedelta(days=plan.review_interval_days)
    if plan.next_review_date is not None and plan.next_review_date > today:
        timeframe = f"by {plan.next_review_date.isoformat()}"
    else:
        weeks = max(1, min(12, plan.review_interval_days // 7))
        timeframe = f"within {weeks} weeks"
    ordered = tuple(sorted(used))
    statement = context_for(tuple(presentations), timeframe=timeframe, measures_used=ordered)
    client = client_as_written(plan)
    statement = replace(statement, client=client)
    return PlanContext(today, tuple(presentations), frozenset(used), review, statement, client)


# Suggestions in the plan's own terms --------------------------------------------------------

_NOT_NAMES_TEXT = (
    "client clients clinician therapist counselor counsellor patient parent parents child "
    "children mother father mom mum dad family couple partner partners spouse husband wife "
    "she he they we i it this that these the staff provider writer student teen adolescent "
    "youth member consumer team psychiatrist prescriber pcp physician doctor nurse teacher "
    "school group each both between within by after before over every during at in on once "
    "when if weekly daily monthly session sessions homework goal objective intervention "
    "treatment plan care case both"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
_NAMED_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+)(?i:(?:by|within|over|in|after|between|each|every)\b[^,.;]{0,40},\s*)?"
    r"([A-Z][a-z]+)(?:'s|’s)?\s+(?:will|shall|agrees|can|wants|reports)\b"
)
_THE_CLIENT = re.compile(r"^\s*The\s+client\b")
_CLIENT = re.compile(r"^\s*Client\b")


def client_as_written(plan: Plan) -> str:
    """How the plan's statements name the client as a subject: the first name they use
    ("Maria will …"), else "The client" when that is how most statements begin, else
    "Client"."""
    names: Counter[str] = Counter()
    the = bare = 0
    for element in plan.elements():
        texts = [getattr(element, "text", ""), getattr(element, "description", "")]
        for text in texts:
            if not text:
                continue
            for m in _NAMED_SUBJECT.finditer(text):
                if m.group(1).lower() not in _NOT_NAMES:
                    names[m.group(1)] += 1
            the += bool(_THE_CLIENT.match(text))
            bare += bool(_CLIENT.match(text))
    if names:
        return max(names, key=lambda n: (names[n], n))
    return "The client" if the > bare else "Client"


# The presentations a problem area can stand for when the plan is diagnosed with a close one.
_FAMILY = {
    "depression": ("depression", "perinatal", "adjustment_mood"),
    "anxiety": (
        "anxiety",
        "adjustment_anxiety",
        "panic",
        "social",
        "phobia",
        "separation",
    ),
    "alcohol": ("alcohol", "drugs"),
    "drugs": ("drugs", "alcohol"),
    "adjustment": ("adjustment", "adjustment_mood", "adjustment_anxiety", "adjustment_conduct"),
    "conduct": ("conduct", "adjustment_conduct", "anger", "family"),
}


def problem_presentation(
    words: str, presentations: tuple[Presentation, ...]
) -> Presentation | None:
    """The presentation a problem (its title and description) is about, among the plan's
    diagnoses: the one it names, else a close one of the same family (a "depressed mood"
    problem on a perinatal-depression plan), else the one sharing most symptom domains with
    its words, else the primary diagnosis. With no recognised diagnosis: what it names."""
    named = resolve(words) if words.strip() else None
    if not presentations:
        return named
    if named is not None:
        if named in presentations:
            return named
        for key in _FAMILY.get(named.key, ()):
            for presentation in presentations:
                if presentation.key == key:
                    return presentation
    found = domains_in(fold(words)) - {"function", "wellbeing"}
    best, score = presentations[0], 0
    for presentation in presentations:
        overlap = len(found & presentation.domains)
        if overlap > score:
            best, score = presentation, overlap
    return best


def problem_context(pc: PlanContext, problem: Problem) -> Context:
    """The statement context for one problem's goals, objectives and interventions: the
    suggestions follow the problem's own presentation (detection is unchanged)."""
    words = f"{problem.title}. {problem.description}"
    return replace(pc.statement, problem=problem_presentation(words, pc.presentations))


def objective_context(ctx: Context, objective: Objective) -> Context:
    """The context for one objective: suggestions use its own target date ("by <date>"), its
    timeframe as written, or its criterion's date, and never another date."""
    criterion = objective.criterion
    if objective.target_date is not None:
        timeframe = f"by {objective.target_date.isoformat()}"
    elif objective.timeframe.strip():
        written = objective.timeframe.strip().rstrip(".")
        timeframe = written if find_timeframes(fold(written)) else ""
    elif criterion is not None and criterion.by_date is not None:
        timeframe = f"by {criterion.by_date.isoformat()}"
    else:
        timeframe = ctx.timeframe
    measure = criterion.measure if criterion is not None else None
    return replace(ctx, timeframe=timeframe, criterion_measure=measure)
