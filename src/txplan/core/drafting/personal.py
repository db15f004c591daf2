"""Individualising each drafted statement from what the request says about this client.

Auditors cite plans whose goals, objectives and interventions are the same sentences for every
client with a diagnosis. Slots carry some specifics (the avoided situation, a person, an activity
given up); a statement the slots left generic gets one short, labelled tail taken verbatim from
the request, the fact most relevant to it:

- a goal: ``At intake: <the clinician's own clause>.``: the avoided situations and the main
  impairment always reach the goals of the main problem;
- an objective: ``Baseline: <clause>.``, preferring a clause with a number;
- an intervention: ``Focus: <clause>.``

Nothing is invented: every tail is a clause of the request as written. A request with nothing
specific in it leaves the statements as they are (and ``needs_individualising`` reports them).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from txplan.core.drafting.specifics import Fact, pieces
from txplan.core.plan import Goal, Intervention, Objective, Plan, Problem

SAFETY_AREA = "suicidal_self_harm"  # as in selection (not imported: selection is heavier)
_RISKY = re.compile(
    r"\b(?:firearms?|guns?|rifle|pistol|weapons?|knife|knives|pills?|tablets|medications?|"
    r"overdose|rope|bridge|height|cut\w*|burn\w*|letters?|goodbye|belongings|giving away|"
    r"kill\w*|die|dying|dead|death|suicid\w*|harm\w*|hurt\w*|stab\w*|end (?:it|my life)|"
    r"not wake up|better off)\b",
    re.I,
)


def _split(text: str) -> list[str]:
    return text.split()


_STOP = frozenset(
    _split(
        "the a an and or of to in on at for with by from is are was were be been has have had will "
        "client their they them she he her his it its this that as not no into about over per each "
        "week weeks within more less than least most times day days use uses using who what when "
        "clinician session sessions between"
    )
)
# Words of a statement that make a kind of fact fit it.
_AFFINITY: dict[str, frozenset[str]] = {
    "situation": frozenset(
        _split(
            "exposure expose avoid avoided avoidance feared fear ladder hierarchy situation "
            "situations places trigger triggers approach face facing outing outings panic"
        )
    ),
    "activity": frozenset(
        _split(
            "activity activities valued enjoy enjoyed schedule scheduling hobby return resume "
            "routine routines pleasant"
        )
    ),
    "person": frozenset(
        _split(
            "contact contacts relationship relationships family partner friends conversation "
            "conversations support supports communication conflict parent parents together "
            "social"
        )
    ),
    "number": frozenset(
        _split(
            "score rating rate record recorded log frequency baseline reduce fewer count nights "
            "hours minutes per"
        )
    ),
    "risk": frozenset(
        _split("means safety firearms medications crisis urge urges risk suicidal plan lethal")
    ),
    "strength": frozenset(_split("strengths strength drawing support supports skills values")),
    "impairment": frozenset(
        _split(
            "work school job attendance home daily responsibilities function functioning duties "
            "parenting care self"
        )
    ),
}
_DOMAIN_WORDS: dict[str, frozenset[str]] = {
    "work_school": frozenset(_split("work job school class attendance shifts deadlines study")),
    "relationships": frozenset(_split("partner family friends relationship relationships")),
    "parenting": frozenset(_split("parent parenting child children son daughter")),
    "self_care": frozenset(_split("sleep eating meals hygiene routine health")),
    "social": frozenset(_split("social friends outings activities")),
}
# The labelled clauses this module adds, as they end a statement.
_TAILED = re.compile(r"(?: (?:At intake|Baseline|Focus|Strength to draw on): [^\n]*?\.)+$")
_TRIES = 3  # facts tried per statement before it is left as drafted
# How often one clause of the request may be repeated in a plan: more reads as padding.
MAX_USES = 3
MAX_USES_STRENGTH = 2
_LABEL = {"goal": "At intake", "objective": "Baseline", "intervention": "Focus"}


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def content_words(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


@dataclass
class _Pool:
    facts: list[Fact]
    used: Counter[str]

    def score(self, fact: Fact, text: str, kind: str) -> float:
        words = content_words(text)
        overlap = len(words & content_words(fact.raw))
        affinity = len(words & {_stem(w) for w in _AFFINITY.get(fact.kind, frozenset())})
        domain = len(words & _DOMAIN_WORDS.get(fact.domain, frozenset()))
        bonus = {
            ("objective", "number"): 1.5,
            ("goal", "impairment"): 1.0,
            ("goal", "situation"): 1.0,
            ("intervention", "situation"): 0.5,
            ("objective", "strength"): -3.0,
            ("goal", "strength"): -1.0,
        }.get((kind, fact.kind), 0.0)
        return 2 * overlap + min(affinity, 2) + min(domain, 2) + bonus - 2.5 * self.used[_key(fact)]

    def ranked(self, text: str, kind: str, strict: bool = False) -> list[Fact]:
        # Risk clauses go only to the safety problem, which takes nothing else but strengths.
        usable = [
            f
            for f in self.facts
            if self.used[_key(f)] < (MAX_USES_STRENGTH if f.kind == "strength" else MAX_USES)
            and not (kind == "objective" and f.kind == "strength")
            and (f.kind in ("risk", "strength") if strict else f.kind != "risk")
        ]
        return sorted(usable, key=lambda f: (-self.score(f, text, kind), self.facts.index(f)))


def carries(text: str, facts: list[Fact]) -> bool:
    """True when the statement already holds something of this client's (a slot filled)."""
    low = text.lower()
    return any(
        f.kind in ("situation", "activity") and len(f.phrase) > 3 and f.phrase.lower() in low
        for f in facts
    )


def _key(fact: Fact) -> str:
    return _raw(fact).lower()


def _raw(fact: Fact) -> str:
    return fact.raw.strip().rstrip(".;:!?").strip()


def _label(kind: str, fact: Fact) -> str:
    if fact.kind == "strength":
        return "Strength to draw on"
    return _LABEL[kind]


def _append(text: str, label: str, raw: str) -> str:
    text = text.rstrip()
    if not text.endswith((".", "!", "?", '"', "'")):
        text += "."
    return f"{text} {label}: {raw}."


def _set_text(element: Goal | Objective | Intervention, text: str) -> None:
    element.text = text
    if element.origin is not None:
        element.origin = element.origin.model_copy(update={"library_text": text})


def revert_flagged(plan: Plan, today: date) -> int:
    """Take the added clause off any statement the plan audit now finds an error in.

    ``individualise`` already checks each clause against the statement audit; the plan audit
    judges with the whole plan as context (the diagnoses, the other goals), so a clause is
    checked once more here. Returns how many clauses were taken off.
    """
    from txplan.core.audit import Severity, audit_plan

    flagged = {
        f.element_id
        for f in audit_plan(plan, today, draft=True)
        if f.severity is Severity.ERROR and f.element_id
    }
    taken = 0
    for problem in plan.problems:
        for goal in problem.goals:
            items: list[Goal | Objective | Intervention] = [goal]
            for objective in goal.objectives:
                items += [objective, *objective.interventions]
            for item in items:
                if item.id in flagged:
                    base = _TAILED.sub("", item.text)
                    if base != item.text:
                        _set_text(item, base)
                        taken += 1
    return taken


def _situations_fact(facts: list[Fact]) -> Fact | None:
    """One fact for all avoided situations: their clause(s) as written."""
    raws = list(dict.fromkeys(_raw(f) for f in facts if f.kind == "situation"))
    if not raws:
        return None
    return Fact("situation", raws[0], "; ".join(raws))


def risk_facts(text: str) -> list[Fact]:
    """Clauses of the presenting problem about risk: for the safety problem's statements."""
    return [Fact("risk", p, p) for p in pieces(text) if _RISKY.search(p) and len(p) <= 160]


def individualise(
    problems: list[Problem],
    facts: list[Fact],
    *,
    main: str | None,
    primary_id: str | None,
    diagnosis: str | None = None,
) -> None:
    """Give each statement still generic one labelled clause of the request (in place).

    ``main``: the main impairment, as written; with the avoided situations it is placed on a goal
    of the primary problem whatever the scores say. ``primary_id``: that problem's id.
    """
    if not facts and not main:
        return
    # One clause said twice (an impairment that is also a sentence of the text) is one fact.
    by_key: dict[str, Fact] = {}
    for fact in facts:
        if _key(fact) not in by_key or fact.kind == "risk":
            by_key[_key(fact)] = fact
    unique = list(by_key.values())
    pool = _Pool(unique, Counter())
    for problem in problems:
        strict = bool(problem.origin and problem.origin.library_id == SAFETY_AREA)
        forced: list[Fact] = []
        if problem.id == primary_id:
            situations = _situations_fact(facts)
            if situations is not None:
                forced.append(situations)
            if main:
                forced.append(
                    next((f for f in facts if _raw(f) == main), Fact("impairment", main, main))
                )
        # Forced facts go one per goal; with fewer goals, the last goal takes the rest.
        plan_for: dict[int, list[Fact]] = {}
        for n, fact in enumerate(forced):
            plan_for.setdefault(min(n, len(problem.goals) - 1), []).append(fact)
        for index, goal in enumerate(problem.goals):
            chosen = plan_for.get(index, [])
            missing = [f for f in chosen if _raw(f).lower() not in goal.text.lower()]
            if missing:
                raw = "; ".join(dict.fromkeys(_raw(f) for f in missing))
                text = _append(goal.text, _LABEL["goal"], raw)
                if _errors("goal", text, diagnosis) <= _errors("goal", goal.text, diagnosis):
                    _set_text(goal, text)
                    for f in missing:
                        pool.used[_key(f)] += 1
            elif not chosen and not carries(goal.text, facts):
                _tail(goal, "goal", pool, diagnosis, strict)
            for objective in goal.objectives:
                if not carries(objective.text, facts):
                    _tail(objective, "objective", pool, diagnosis, strict)
                for intervention in objective.interventions:
                    if not carries(intervention.text, facts):
                        _tail(intervention, "intervention", pool, diagnosis, strict)


def _errors(kind: str, text: str, diagnosis: str | None) -> set[str]:
    # Imported here: the audit reads drafting modules, so a module-level import would loop.
    from txplan.core.audit import Severity, audit_statement

    return {f.code for f in audit_statement(kind, text, diagnosis) if f.severity is Severity.ERROR}


def _tail(
    element: Goal | Objective | Intervention,
    kind: str,
    pool: _Pool,
    diagnosis: str | None,
    strict: bool = False,
) -> None:
    """The best fact that reads well here: one that adds no audit error to the statement.

    ``strict``: the safety plan's standard steps take only a clause about risk (means, acts,
    thoughts of death) or a strength (a protective factor), not one about work.
    """
    before: set[str] | None = None
    for fact in pool.ranked(element.text, kind, strict)[:_TRIES]:
        raw = _raw(fact)
        if not raw or raw.lower() in element.text.lower():
            continue
        text = _append(element.text, _label(kind, fact), raw)
        if before is None:
            before = _errors(kind, element.text, diagnosis)
        if _errors(kind, text, diagnosis) <= before:
            pool.used[_key(fact)] += 1
            _set_text(element, text)
            return
