"""Does a draft fit the disorder, the client's age and the requested approach?

Each library area declares its **core elements**: what the guideline it follows says a plan for
that problem must contain (OCD: exposure and response prevention, NICE CG31; insomnia: sleep
restriction and stimulus control, AASM). Objectives and interventions are tagged with the
elements they deliver (``core: [erp]``). An element may hold only at some ages
(family-based treatment for an adolescent with anorexia) or only when the presenting problem
says so (``when: [morning shakes]`` → a medical evaluation of withdrawal).

This module does two things with those tags:

- ``select`` chooses, for one area and one request, the goals, objectives and interventions of
  the draft: entries that fit the client's age, one treatment protocol (the one asked for when
  the library has it, else the nearest fit, with a warning), and every core element covered;
- ``core_fit`` checks a finished plan: for each drafted problem, the core elements it lacks.

Pure functions: no clock, no I/O beyond the cached library.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from txplan.core.drafting import signals
from txplan.core.drafting.filling import modality_key, modality_rank
from txplan.core.drafting.library import (
    Area,
    CoreElement,
    GoalEntry,
    InterventionEntry,
    Library,
    ObjectiveEntry,
    load_library,
)
from txplan.core.measures import use as measure_use
from txplan.core.plan import Plan, Problem, ServiceType

# Pseudo-elements core_fit reports beside the area's own elements.
SINGLE_PROTOCOL = "single_protocol"  # interventions from two protocols (PE and CPT) at once
AGE_FIT = "age_fit"  # an entry meant for another age (PCIT, ages 2-7, for a 9-year-old)

GOALS_PER_PROBLEM = 2
OBJECTIVES_PER_GOAL = 2
INTERVENTIONS_PER_OBJECTIVE = 2
MAX_GOALS = 3  # a third goal only when two cannot carry every core element

_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_NUM = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
# "9-year-old", "a 15 year old", "aged 19", "age 42", "19 y/o", "15yo", "42 years of age",
# "(15 years)". The first match about the client is taken; "her 3-year-old son" is not the
# client, so a possessive or article-plus-relative before the phrase skips it.
_AGE_PATTERNS = (
    re.compile(
        rf"(?<![\w-])(?P<who>(?:his|her|their|my|whose|of|with)\s+(?:\w+\s+)?)?{_NUM}"
        r"[\s-]*(?:years?|yrs?)[\s-]*old(?P<after>\s+\w+)?",
        re.I,
    ),
    re.compile(rf"\b(?:aged?|age:)\s*{_NUM}\b", re.I),
    re.compile(rf"(?<![\w-]){_NUM}\s*(?:y/?o|yo)\b", re.I),
    re.compile(rf"(?<![\w-]){_NUM}\s+years\s+of\s+age\b", re.I),
)
_RELATIVES = frozenset(
    {
        "son",
        "sons",
        "daughter",
        "daughters",
        "children",
        "kids",
        "brother",
        "sister",
        "sibling",
        "baby",
        "toddler",
        "infant",
        "nephew",
        "niece",
        "grandson",
        "granddaughter",
        "twins",
        "stepson",
        "stepdaughter",
    }
)


def _number(text: str) -> int:
    return _NUMBER_WORDS.get(text.lower()) or int(text)


def age_from_text(text: str) -> int | None:
    """The client's age when the text states it ("a 9-year-old boy", "aged 19"), else None.

    A stated age of someone else ("her 3-year-old son", "mother of two 5 year olds") is skipped.
    """
    for index, pattern in enumerate(_AGE_PATTERNS):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if index == 0:
                after = (groups.get("after") or "").strip().lower()
                if groups.get("who") or after in _RELATIVES or after.rstrip("s") in _RELATIVES:
                    continue
            value = next(g for g in match.groups() if g and re.fullmatch(_NUM, g, re.I))
            age = _number(value)
            if 0 <= age <= 120:
                return age
    return None


def client_age(age: int | None, text: str) -> int | None:
    """The age given, else the one the presenting problem states."""
    return age if age is not None else age_from_text(text)


def active_elements(area: Area, age: int | None, text: str) -> list[CoreElement]:
    """The core elements this client's plan needs: by age, and by what the text mentions."""
    tokens = signals.tokenise(text)
    fit_age = age if age is not None else assumed_age(area)
    out = []
    for element in area.core_elements:
        if not element.fits_age(fit_age):
            continue
        if element.when and not any(not m.negated for m in signals.find(element.when, tokens)):
            continue
        out.append(element)
    return out


def assumed_age(area: Area) -> int:
    """The age a draft is written for when the client's age is unknown: a school-age child for
    a children's area, else an adult (adults are the default client)."""
    return 10 if area.fits_age(17) and not area.fits_age(18) else 30


def _age_span(entry: Area) -> tuple[int, int]:
    """The youngest and oldest age an area is written for."""
    ages = [a for a in range(0, 121) if entry.fits_age(a)]
    return (ages[0], ages[-1]) if ages else (0, 120)


def _same(a: str, b: str) -> bool:
    return modality_key(a) == modality_key(b)


def _matches(intervention: InterventionEntry, approach: str) -> bool:
    return _same(intervention.modality, approach) or any(
        _same(p, approach) for p in intervention.protocols
    )


# Choosing the entries of one problem ----------------------------------------------------------


@dataclass
class Selection:
    """The entries drafted for one area, in plan order, and what the clinician should know."""

    area: Area
    protocol: str | None
    goals: list[GoalEntry] = field(default_factory=list)
    objectives: dict[str, list[ObjectiveEntry]] = field(default_factory=dict)  # by goal id
    interventions: dict[str, list[InterventionEntry]] = field(default_factory=dict)  # by obj id
    required: list[CoreElement] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required elements not delivered
    warnings: list[str] = field(default_factory=list)


Relevance = Callable[[str, list[str]], int]


def _protocol_covers(area: Area, protocol: str | None, needed: set[str], age: int | None) -> set:
    """The needed elements that the interventions allowed under ``protocol`` (and their
    objectives) can deliver."""
    got: set[str] = set()
    objectives = {o.id: o for o in area.objectives if o.fits_age(age)}
    for item in _allowed(area, protocol, age):
        got |= set(item.core)
        for target in item.objectives:
            if target in objectives:
                got |= set(objectives[target].core)
    return got & needed


def _allowed(area: Area, protocol: str | None, age: int | None) -> list[InterventionEntry]:
    return [
        i
        for i in area.interventions
        if i.fits_age(age) and (protocol is None or not i.protocols or protocol in i.protocols)
    ]


def _choose_protocol(
    area: Area, approach: str | None, age: int | None, needed: set[str], relevance: Relevance
) -> tuple[str | None, list[str]]:
    """The protocol of the draft, and a warning when it is not the one asked for."""
    fitting = [i for i in area.interventions if i.fits_age(age)]
    protocols = list(dict.fromkeys(p for i in fitting for p in i.protocols))
    if not protocols:
        return None, []

    def coverage(p: str) -> int:
        return len(_protocol_covers(area, p, needed, age))

    def text_fit(p: str) -> int:
        return sum(relevance(i.text, i.keywords) for i in fitting if p in i.protocols)

    default = area.default_protocol if area.default_protocol in protocols else None
    best = max(
        protocols,
        key=lambda p: (coverage(p), p == default, text_fit(p), -protocols.index(p)),
    )
    if not approach:
        return best, []
    asked = [p for p in protocols if _same(p, approach)]
    if asked:
        chosen = asked[0]
        if coverage(chosen) >= coverage(best):
            return chosen, []
        lacking = [
            e.label
            for e in area.core_elements
            if e.id in needed - _protocol_covers(area, chosen, needed, age)
        ]
        return best, [
            f"'{area.name}': {approach} alone does not deliver {', '.join(lacking)}, which the "
            f"guideline makes core; the draft follows {best} instead."
        ]
    family = [p for p in protocols if modality_rank(p, approach) == 1]
    nearest = (
        max(family, key=lambda p: (coverage(p), p == default, -protocols.index(p)))
        if family
        else best
    )
    if coverage(nearest) < coverage(best):
        nearest = best
    # An adjunct of the requested modality (no protocol of its own) fits inside any protocol.
    if any(_same(i.modality, approach) and not i.protocols for i in fitting):
        return nearest, []
    available = ", ".join(protocols)
    return nearest, [
        f"'{area.name}': the library has no {approach} protocol for this problem "
        f"(it has {available}); the draft follows the nearest fit, {nearest}."
    ]


def select(
    area: Area,
    *,
    approach: str | None,
    age: int | None,
    text: str,
    relevance: Relevance,
    measure_key: Callable[[ObjectiveEntry], tuple] | None = None,
) -> Selection:
    """Goals, objectives and interventions for one problem.

    ``relevance(text, keywords)`` scores an entry against the request (higher is better);
    ``measure_key`` orders the area's measured objectives (lower first) when one must be chosen.
    """
    required = active_elements(area, age, text)
    needed = {e.id for e in required}
    # With the age unknown, the draft is written for the area's usual client (assumed_age).
    fit_age = age if age is not None else assumed_age(area)
    protocol, warnings = _choose_protocol(area, approach, fit_age, needed, relevance)
    if age is not None and not area.fits_age(age):
        low, high = _age_span(area)
        warnings = [
            f"'{area.name}' is written for ages {low} to {high}, and the client is {age}: "
            f"check that each goal and intervention fits, or choose another diagnosis.",
            *warnings,
        ]
    allowed = _allowed(area, protocol, fit_age)
    allowed_ids = {i.id for i in allowed}
    serving: dict[str, list[InterventionEntry]] = {}
    for item in allowed:
        for target in item.objectives:
            serving.setdefault(target, []).append(item)
    # A measured objective only with an instrument validated for the client's age (an adult
    # scale is never drafted for a child): txplan.core.measures.use.
    objectives = [
        o
        for o in area.objectives
        if o.fits_age(fit_age)
        and serving.get(o.id)
        and (o.criterion is None or measure_use.fits(o.criterion.measure, fit_age))
    ]
    goal_ids = {o.goal for o in objectives}
    goals = [g for g in area.goals if g.id in goal_ids and g.fits_age(fit_age)]
    objectives = [o for o in objectives if o.goal in {g.id for g in goals}]

    def approach_fit(item: InterventionEntry) -> int:
        if not approach:
            return 0
        if _same(item.modality, approach):
            return 3  # the requested modality itself
        if _matches(item, approach):
            return 2  # part of the requested protocol (ERP within ACT-informed exposure)
        return int(modality_rank(item.modality, approach) == 1)

    def delivers(o: ObjectiveEntry) -> set[str]:
        got = set(o.core)
        for item in serving.get(o.id, []):
            got |= set(item.core)
        return got & needed

    def own_served(o: ObjectiveEntry) -> bool:
        """Served by a therapy intervention (the protocol's own, or any when no protocols),
        not only by adjuncts such as psychoeducation or measurement."""
        return any(
            (i.protocols and (protocol is None or protocol in i.protocols))
            or (protocol is None and modality_key(i.modality) not in _ADJUNCT_MODALITIES)
            for i in serving.get(o.id, [])
        )

    def objective_score(o: ObjectiveEntry) -> int:
        items = serving.get(o.id, [])
        bonus = max((approach_fit(i) for i in items), default=0)
        # The protocol's own interventions (not only adjuncts) work on it, and it carries
        # core elements: both make it part of one coherent treatment.
        own = int(protocol is not None and any(protocol in i.protocols for i in items))
        return relevance(o.text, o.keywords) + bonus + own + len(delivers(o))

    chosen: dict[str, list[ObjectiveEntry]] = {}
    covered: set[str] = set()

    def can_take(o: ObjectiveEntry) -> bool:
        have = chosen.get(o.goal)
        if have is None:
            return len(chosen) < MAX_GOALS
        return len(have) < OBJECTIVES_PER_GOAL and o not in have

    def take(o: ObjectiveEntry) -> None:
        chosen.setdefault(o.goal, []).append(o)
        covered.update(delivers(o))

    # 1. Core elements first: the objective that brings the most still-missing elements.
    while needed - covered:
        options = [o for o in objectives if can_take(o) and delivers(o) - covered]
        if not options:
            break
        take(
            max(
                options,
                key=lambda o: (
                    len(delivers(o) - covered),
                    o.goal in chosen,
                    objective_score(o),
                    -objectives.index(o),
                ),
            )
        )
    # 2. One measured objective when the area has measures: progress must be visible.
    measured = [o for o in objectives if o.criterion is not None]
    if measured and not any(o.criterion for group in chosen.values() for o in group):
        key = measure_key or (lambda o: (-objective_score(o), objectives.index(o)))
        fitting = [o for o in measured if can_take(o)] or measured
        pick = min(fitting, key=lambda o: (not can_take(o), o.goal not in chosen, *key(o)))
        if can_take(pick):
            take(pick)
        else:  # every goal slot is full: replace the goal's least useful objective
            group = chosen.get(pick.goal)
            if group:
                group[-1] = pick

    # 3. The requested modality itself, when the library has it here: one objective it serves.
    def served_by_approach(o: ObjectiveEntry) -> bool:
        return any(approach_fit(i) == 3 for i in serving.get(o.id, []))

    chosen_now = [o for group in chosen.values() for o in group]
    if approach and not any(served_by_approach(o) for o in chosen_now):
        options = [o for o in objectives if served_by_approach(o) and can_take(o)]
        if options:
            take(max(options, key=lambda o: (o.goal in chosen, objective_score(o))))

    # 4. Up to two goals, each with up to two objectives, by fit with the request.
    def goal_score(g: GoalEntry) -> int:
        mine = [o for o in objectives if o.goal == g.id]
        best = max((objective_score(o) for o in mine), default=0)
        # A goal with two objectives this protocol can serve reads as a goal, not a stub.
        full = int(len(mine) >= OBJECTIVES_PER_GOAL)
        return relevance(g.text, g.keywords) + best + full

    for goal in sorted(goals, key=lambda g: (-goal_score(g), goals.index(g))):
        if len(chosen) >= GOALS_PER_PROBLEM:
            break
        if goal.id not in chosen:
            chosen[goal.id] = []
    for goal_id, group in chosen.items():
        rest = [o for o in objectives if o.goal == goal_id and o not in group]
        rest.sort(
            key=lambda o: (
                o.criterion is not None,
                not own_served(o),
                -objective_score(o),
                objectives.index(o),
            )
        )
        while len(group) < OBJECTIVES_PER_GOAL and rest:
            take(rest.pop(0))

    selection = Selection(area=area, protocol=protocol, required=required, warnings=warnings)
    selection.goals = [g for g in area.goals if g.id in chosen]
    used: set[str] = set()
    delivered: set[str] = set()
    for goal in selection.goals:
        group = sorted(chosen[goal.id], key=area.objectives.index)
        selection.objectives[goal.id] = group
        for o in group:
            delivered |= set(o.core) & needed
    for goal in selection.goals:
        for o in selection.objectives[goal.id]:
            candidates = [i for i in serving.get(o.id, []) if i.id in allowed_ids]

            def key(
                item: InterventionEntry,
                o: ObjectiveEntry = o,
                done: frozenset = frozenset(delivered),
            ) -> tuple:
                return (
                    -len(set(item.core) & needed - done),
                    -approach_fit(item),
                    protocol is None or protocol not in item.protocols,
                    item.id in used,
                    min(item.objectives.index(o.id), 1),
                    -relevance(item.text, item.keywords),
                    area.interventions.index(item),
                )

            ranked = sorted(candidates, key=key)
            picked = ranked[:1]
            if picked:
                have = delivered | set(picked[0].core)

                def brings(item: InterventionEntry, have: set[str] = have) -> set[str]:
                    return set(item.core) & needed - have

                extras = sorted(ranked[1:], key=lambda i: (not brings(i), ranked.index(i)))
                for extra in extras:
                    if len(picked) >= INTERVENTIONS_PER_OBJECTIVE:
                        break
                    if brings(extra) or (
                        extra.id not in used and extra.modality != picked[0].modality
                    ):
                        picked.append(extra)
            for item in picked:
                used.add(item.id)
                delivered |= set(item.core) & needed
            selection.interventions[o.id] = picked
    selection.missing = [e.id for e in required if e.id not in delivered]
    if selection.missing:
        labels = ", ".join(e.label for e in required if e.id in selection.missing)
        selection.warnings.append(
            f"'{area.name}': the draft lacks {labels}, which its guideline makes core "
            f"({'; '.join(e.source for e in required if e.id in selection.missing)}); add it."
        )
    if approach and not selection.warnings:
        drafted = [i for group in selection.interventions.values() for i in group]
        if drafted and not any(_matches(i, approach) for i in drafted):
            near = [i.modality for i in drafted if modality_rank(i.modality, approach) == 1]
            if near:
                follows = f"the nearest fit: {', '.join(dict.fromkeys(near))}"
            else:
                core = ", ".join(e.label for e in required) or ", ".join(
                    dict.fromkeys(i.modality for i in drafted)
                )
                follows = f"the guideline's core treatment instead: {core}"
            selection.warnings.append(
                f"'{area.name}': the library has no {approach} intervention for this problem; "
                f"the draft follows {follows}."
            )
    return selection


# Checking a finished plan ---------------------------------------------------------------------


def _entries(problem: Problem) -> Iterable[tuple[str, str]]:
    """(kind, library id) of every drafted statement of a problem."""
    for goal in problem.goals:
        if goal.origin:
            yield "goal", goal.origin.library_id
        for objective in goal.objectives:
            if objective.origin:
                yield "objective", objective.origin.library_id
            for intervention in objective.interventions:
                if intervention.origin:
                    yield "intervention", intervention.origin.library_id


def problem_fit(problem: Problem, area: Area, library: Library, age: int | None, text: str):
    """The core elements (and pseudo-elements) missing from one drafted problem."""
    delivered: set[str] = set()
    protocol_sets: list[set[str]] = []
    wrong_age = False
    measured_by: set[str] = set()
    for goal in problem.goals:
        for objective in goal.objectives:
            if objective.criterion is not None:
                measured_by.add(objective.criterion.measure)
    for kind, library_id in _entries(problem):
        entry = {
            "goal": library.goals,
            "objective": library.objectives,
            "intervention": library.interventions,
        }[kind].get(library_id)
        if entry is None or library.area_of.get(library_id) != area.id:
            continue
        if not entry.fits_age(age):
            wrong_age = True
        if isinstance(entry, (ObjectiveEntry, InterventionEntry)):
            delivered |= set(entry.core)
        if isinstance(entry, InterventionEntry) and entry.protocols:
            protocol_sets.append(set(entry.protocols))
    missing = [e.id for e in active_elements(area, age, text) if e.id not in delivered]
    if protocol_sets and not set.intersection(*protocol_sets):
        missing.append(SINGLE_PROTOCOL)
    if wrong_age or (age is not None and not area.fits_age(age)):
        missing.append(AGE_FIT)
    return missing


def core_fit(
    plan: Plan, library: Library | None = None, *, age: int | None = None
) -> dict[str, list[str]]:
    """For each drafted problem, by its library area id: the core elements it lacks.

    An empty list means the problem fits its guideline. Beside the area's own element ids,
    ``single_protocol`` means interventions of two protocols were mixed (PE with CPT), and
    ``age_fit`` that an entry (or the area) is meant for another age than the client's.
    ``age``: the client's age; without it, an age stated in the presenting problem is used.
    Problems that did not come from a library area are left out.
    """
    library = library or load_library()
    text = plan.presenting_problem or ""
    age = client_age(age, text)
    out: dict[str, list[str]] = {}
    for problem in plan.problems:
        area_id = problem.origin.library_id if problem.origin else None
        if area_id not in library.areas:
            continue
        out[area_id] = problem_fit(problem, library.areas[area_id], library, age, text)
    return out


def element_labels(area: Area) -> dict[str, str]:
    """Element id → label, including the pseudo-elements, for reports."""
    labels = {e.id: e.label for e in area.core_elements}
    labels[SINGLE_PROTOCOL] = "one treatment protocol per problem"
    labels[AGE_FIT] = "entries that fit the client's age"
    return labels


def area_for_age(library: Library, area_id: str, age: int | None) -> str:
    """An area meant for another age swapped for its sibling of the client's age.

    Child and adult ADHD share F90; with the age known, the age decides, not the wording.
    Returns ``area_id`` unchanged when it fits or no sibling with a shared code fits.
    """
    area = library.areas[area_id]
    if age is None or area.fits_age(age):
        return area_id
    codes = set(area.icd10)
    for other in library.areas.values():
        if other.id != area_id and codes & set(other.icd10) and other.fits_age(age):
            return other.id
    return area_id


def reasons_for_age(library: Library, reasons: list, age: int | None) -> list:
    """The chosen areas with any meant for another age swapped for its sibling (F90 for a
    30-year-old: adult ADHD, not child ADHD), saying so in the reason."""
    if age is None:
        return reasons
    out = []
    seen = {r.area_id for r in reasons if r.chosen}
    for reason in reasons:
        target = area_for_age(library, reason.area_id, age) if reason.chosen else reason.area_id
        if target != reason.area_id and target not in seen:
            area = library.areas[target]
            seen.add(target)
            reason = replace(
                reason,
                area_id=target,
                area_name=area.name,
                explanation=f"{reason.explanation} At age {age}, '{area.name}' fits the client "
                f"rather than '{reason.area_name}'.",
            )
        out.append(reason)
    return out


# Service type -------------------------------------------------------------------------------

_FAMILY_MODALITIES = frozenset(
    {
        "fbt",
        "pcit",
        "parent management training",
        "parent-based treatment",
        "family cbt",
        "family involvement",
    }
)
_ADJUNCT_MODALITIES = frozenset(
    {
        "measurement-based care",
        "psychoeducation",
        "care coordination",
        "relapse prevention",
        "school consultation",
        "safety assessment",
        "harm reduction",
        "recovery support linkage",
        "peer support linkage",
        "social prescribing",
        "supported employment",
    }
)
_RISK_AREAS = frozenset({"suicidal_self_harm", "harm_to_others"})


def intervention_service(entry: InterventionEntry) -> ServiceType:
    """Who attends: couples and family modalities, group formats, else the client alone."""
    words = f"{entry.modality} {entry.method}".lower()
    if "couple" in words:
        return ServiceType.COUPLES
    if "group" in words:
        return ServiceType.GROUP
    key = modality_key(entry.modality)
    if key in _FAMILY_MODALITIES or "family" in key:
        return ServiceType.FAMILY
    return ServiceType.INDIVIDUAL


def service_type(problems: list[Problem], library: Library | None = None) -> ServiceType:
    """The plan's service type follows the modality of its primary problem's interventions:
    couples therapy for a couple, family therapy or parent training for a family, a group
    programme for a group; individual when most interventions are individual work."""
    library = library or load_library()
    primary = [
        p
        for p in problems
        if p.origin
        and p.origin.library_id in library.areas
        and p.origin.library_id not in _RISK_AREAS
    ]
    if not primary:
        return ServiceType.INDIVIDUAL
    counts: dict[ServiceType, int] = {}
    for goal in primary[0].goals:
        for objective in goal.objectives:
            for intervention in objective.interventions:
                entry = (
                    library.interventions.get(intervention.origin.library_id)
                    if intervention.origin
                    else None
                )
                if entry is None:
                    continue
                if modality_key(entry.modality) in _ADJUNCT_MODALITIES:
                    continue  # measurement, education, coordination: any format
                kind = intervention_service(entry)
                counts[kind] = counts.get(kind, 0) + 1
    if not counts:
        return ServiceType.INDIVIDUAL
    best = max(counts.values())
    if counts.get(ServiceType.INDIVIDUAL, 0) == best:
        return ServiceType.INDIVIDUAL
    return next(
        k
        for k in (ServiceType.COUPLES, ServiceType.FAMILY, ServiceType.GROUP)
        if counts.get(k, 0) == best
    )
