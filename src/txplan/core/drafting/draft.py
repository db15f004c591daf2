"""The offline drafter: a request in, a complete plan with its reasons out, deterministically.

Ids are derived from a hash of the request and the library entry, so the same request always
gives the same document (byte for byte), and a re-draft can be compared with the first one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import timedelta

from txplan.core import icd10
from txplan.core.drafting import fit
from txplan.core.drafting import specifics as specifics_mod
from txplan.core.drafting.filling import (
    Filler,
    intervention_text,
    min_weeks_for,
    sentences,
    target_date,
    timeframe_text,
    weeks_for,
)
from txplan.core.drafting.library import (
    Area,
    GoalEntry,
    InterventionEntry,
    Library,
    ObjectiveEntry,
    load_library,
)
from txplan.core.drafting.necessity import derived_impairments, medical_necessity
from txplan.core.drafting.personal import individualise, revert_flagged, risk_facts
from txplan.core.drafting.request import Basis, Draft, DraftError, DraftRequest
from txplan.core.drafting.selection import GENERIC_AREA, RISK_AREAS, SAFETY_AREA, choose
from txplan.core.drafting.signals import tokenise
from txplan.core.drafting.slots import fill
from txplan.core.drafting.summary import approach_warnings, discharge_criteria
from txplan.core.plan import (
    Actor,
    Criterion,
    Diagnosis,
    Goal,
    Intervention,
    Objective,
    Origin,
    Plan,
    Problem,
    Service,
)

GOALS_PER_PROBLEM = 2
OBJECTIVES_PER_GOAL = 2
INTERVENTIONS_PER_OBJECTIVE = 2
SESSION_MINUTES = 53  # a standard psychotherapy hour as billed (53 minutes or more)
DEFAULT_EXPECTED_WEEKS = 16
_STOP_WORDS = (
    "the a an and or of to in on at for with by from is are was were be been has have had will "
    "client their they them she he her his it its this that as not no into about over per each "
    "week weeks within more less than least most times day days"
)
_STOP = frozenset(_STOP_WORDS.split())
_DOMAIN_WORDS: dict[str, str] = {
    "work_school": "work job school class study deadline",
    "relationships": "partner family friend relationship marriage",
    "self_care": "sleep eat meal hygiene routine health",
    "safety": "safety risk urge",
    "social": "social friend activity outing",
    "housing_finances": "money bills housing rent",
    "parenting": "parent child children son daughter",
    "legal": "court legal probation",
}


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def _words(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


@dataclass
class _Builder:
    request: DraftRequest
    library: Library
    filler: Filler
    seed: str
    request_words: set[str]
    diagnosis_words: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    selections: dict[str, fit.Selection] = field(default_factory=dict)  # by area id

    def id(self, prefix: str, *path: str) -> str:
        digest = hashlib.sha256(f"{self.seed}|{'/'.join(path)}".encode()).hexdigest()
        return f"{prefix}-{digest[:12]}"

    def relevance(self, text: str, keywords: list[str]) -> int:
        return len(self.request_words & (_words(text) | _words(" ".join(keywords))))

    # Choosing entries ------------------------------------------------------------------------
    # txplan.core.drafting.fit chooses them for the whole problem at once: entries that fit the
    # client's age, one protocol (the requested one when the library has it), and every core
    # element of the area's guideline covered; then the best fit with the request.

    def client_age(self) -> int | None:
        return fit.client_age(self.request.age, self.request.presenting_problem)

    def selection(self, area: Area) -> fit.Selection:
        if area.id not in self.selections:
            diagnosis_words = self.diagnosis_words

            def measure_key(o: ObjectiveEntry) -> tuple[int, int]:
                # The measure the diagnosis calls for ("with depressed mood" → PHQ-9) comes first.
                return (
                    -len(diagnosis_words & _words(" ".join(o.keywords))),
                    -self.relevance(o.text, o.keywords),
                )

            chosen = fit.select(
                area,
                approach=self.request.approach,
                age=self.client_age(),
                text=self.request.presenting_problem,
                relevance=self.relevance,
                measure_key=measure_key,
            )
            self.selections[area.id] = chosen
            self.warnings.extend(w for w in chosen.warnings if w not in self.warnings)
        return self.selections[area.id]

    def goals(self, area: Area) -> list[GoalEntry]:
        return list(self.selection(area).goals)

    def objectives(self, area: Area, goal: GoalEntry, need_measure: bool) -> list[ObjectiveEntry]:
        del need_measure  # the selection keeps one measured objective per problem
        return list(self.selection(area).objectives.get(goal.id, []))

    def interventions(
        self, area: Area, objective: ObjectiveEntry, used: set[str]
    ) -> list[InterventionEntry]:
        del used  # the selection spreads interventions over the problem's objectives itself
        return list(self.selection(area).interventions.get(objective.id, []))

    # Building plan elements ------------------------------------------------------------------

    def intervention(
        self, area: Area, entry: InterventionEntry, path: tuple[str, ...], measure: str | None
    ) -> Intervention:
        """One intervention: the clinician's method, then the client's between-session task.

        The two stay in one statement on purpose: a client task standing alone reads as an
        intervention with no clinician method, which is what reviewers (and the audit) reject.
        """
        # Under a measured objective, "{measure}" is that objective's instrument.
        values = self.filler.values(area, entry.slots, measure=measure)
        text = intervention_text(entry, values)
        frequency = entry.frequency
        if entry.actor is Actor.CLINICIAN and frequency.per_week() > (
            self.request.session_frequency.per_week()
        ):
            # In-session work happens as often as sessions do, not more.
            frequency = self.request.session_frequency
        return Intervention(
            id=self.id("int", *path, entry.id),
            text=text,
            method=entry.method,
            target=entry.target,
            modality=entry.modality,
            frequency=frequency,
            actor=entry.actor,
            origin=Origin(library_id=entry.id, library_text=text),
        )

    def objective(self, area: Area, entry: ObjectiveEntry, used: set[str]) -> Objective:
        weeks = weeks_for(entry.weeks, self.request.review_days)
        weeks = min(max(weeks, min_weeks_for(entry.criterion)), self.request.review_days // 7)
        values = self.filler.values(area, entry.slots, criterion=entry.criterion, weeks=weeks)
        text = fill(entry.text, values)
        due = target_date(self.request.start, weeks)
        criterion = None
        if entry.criterion is not None:
            c = entry.criterion
            criterion = Criterion(
                measure=c.measure,
                comparator=c.comparator,
                threshold=c.threshold,
                consecutive=c.consecutive,
                min_days_apart=c.min_days_apart,
                by_date=due,
            )
        interventions: list[Intervention] = []
        for chosen in self.interventions(area, entry, used):
            measure = entry.criterion.measure if entry.criterion else None
            interventions.append(self.intervention(area, chosen, (area.id, entry.id), measure))
            used.add(chosen.id)
        return Objective(
            id=self.id("obj", area.id, entry.id),
            text=text,
            target_date=due,
            timeframe=f"within {timeframe_text(weeks)}",
            criterion=criterion,
            interventions=interventions,
            origin=Origin(library_id=entry.id, library_text=text),
        )

    def problem(self, area: Area, explanation: str, evidence: tuple[str, ...]) -> Problem:
        used: set[str] = set()
        goals: list[Goal] = []
        need_measure = bool(area.measures)
        for goal_entry in self.goals(area):
            objectives = []
            for obj_entry in self.objectives(area, goal_entry, need_measure):
                objectives.append(self.objective(area, obj_entry, used))
                need_measure = need_measure and obj_entry.criterion is None
            text = fill(goal_entry.text, self.filler.values(area, goal_entry.slots))
            goals.append(
                Goal(
                    id=self.id("goal", area.id, goal_entry.id),
                    text=text,
                    objectives=objectives,
                    origin=Origin(library_id=goal_entry.id, library_text=text),
                )
            )
        description = self.description(area, explanation, evidence)
        title = area.name
        if area.id == GENERIC_AREA:
            # The generic structure is titled by the diagnosis it stands for, not by a disorder.
            named = [icd10.lookup(e).description for e in evidence if _is_code(e)]
            title = "; ".join(named)[:200] or area.name
        return Problem(
            id=self.id("prob", area.id),
            title=title,
            description=description,
            goals=goals,
            origin=Origin(library_id=area.id, library_text=description),
        )

    def description(self, area: Area, explanation: str, evidence: tuple[str, ...]) -> str:
        """The client's own sentences about this problem (else the area's definition).

        Why the area was chosen (``explanation``) is tool text: it goes to ``Draft.reasons``,
        which the editor shows, and never into the plan document.
        """
        del explanation
        said = sentences(self.request.presenting_problem)
        own = [
            s
            for s in said
            if any(e.lower() in s.lower() or e in tokenise(s).joined for e in evidence)
        ]
        # A clause cut at ";" reads as a sentence of its own here.
        shown = " ".join(re.sub(r";$", ".", s[:1].upper() + s[1:]) for s in own or said[:2])
        return shown or fill(area.definitions[0], self.filler.values(area, {}))


def _is_code(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?", text))


def _request_words(request: DraftRequest) -> set[str]:
    parts = [request.presenting_problem, request.client_words or "", *request.strengths]
    for impairment in request.impairments:
        parts += [impairment.description, _DOMAIN_WORDS.get(impairment.domain.value, "")]
    return _words(" ".join(parts))


def draft_with_notes(request: DraftRequest, library: Library | None = None) -> Draft:
    """The draft plan with its warnings, the reason for each area and what is left to supply."""
    library = library or load_library()
    coded, reasons = choose(library, request.diagnoses, request.presenting_problem)
    # Child and adult variants share codes (F90): the client's age, when known, decides.
    age = fit.client_age(request.age, request.presenting_problem)
    reasons = fit.reasons_for_age(library, reasons, age)
    chosen = [r for r in reasons if r.chosen]
    if not chosen:
        raise DraftError(
            "presenting_problem",
            "no problem area fits: give an ICD-10-CM code in "
            "diagnoses or describe the problem in more words",
        )
    found = specifics_mod.extract(
        request.presenting_problem,
        [i.description for i in request.impairments],
        request.strengths,
        request.client_words,
    )
    seed = hashlib.sha256(request.model_dump_json().encode()).hexdigest()
    filler = Filler(request.client_name or "the client", found, request.start, request.review_days)
    diagnosis_words = _words(" ".join(c.code.description for c in coded))
    builder = _Builder(
        request, library, filler, seed, _request_words(request) | diagnosis_words, diagnosis_words
    )
    warnings = [
        f"{r.explanation} Check that its goals fit."
        for r in chosen
        if r.basis is Basis.NEAREST_AREA
    ]
    warnings += [r.explanation for r in chosen if r.basis is Basis.GENERIC]
    warnings += [r.explanation for r in reasons if r.basis is Basis.SUGGESTED]
    problems = [
        builder.problem(library.areas[r.area_id], r.explanation, r.evidence) for r in chosen
    ]
    warnings += builder.warnings  # approach not in the library for an area: the nearest fit
    warnings += approach_warnings(request, library, problems)
    primary = next(
        (p for p in problems if p.origin and p.origin.library_id not in RISK_AREAS), problems[0]
    )
    facts, main = _facts(request, found)
    individualise(
        problems,
        facts,
        main=main,
        primary_id=primary.id,
        diagnosis=coded[0].code.code if coded else None,
    )
    client_words = request.client_words or found.client_phrase or ""
    if client_words and primary.goals:
        primary.client_words = client_words
        primary.goals[0].client_words = client_words
    necessity, to_supply = medical_necessity(
        request,
        [library.areas[r.area_id] for r in chosen],
        any(r.area_id == SAFETY_AREA for r in chosen),
    )
    weeks = max((library.areas[r.area_id].expected_weeks or DEFAULT_EXPECTED_WEEKS) for r in chosen)
    plan = Plan(
        diagnoses=[
            Diagnosis(code=c.code.code, description=c.code.description, primary=i == 0)
            for i, c in enumerate(coded)
        ],
        medical_necessity=necessity,
        presenting_problem=request.presenting_problem,
        strengths=list(request.strengths),
        client_words=client_words,
        problems=problems,
        service=Service(
            type=fit.service_type(problems, library),  # family, couples or group modalities
            session_minutes=SESSION_MINUTES,
            frequency=request.session_frequency,
            expected_duration_weeks=weeks,
        ),
        established_on=request.start,
        review_interval_days=request.review_days,
        next_review_date=request.start + timedelta(days=request.review_days),
        discharge_criteria=discharge_criteria(problems),
    )
    if not request.diagnoses:
        to_supply.insert(
            0, "Diagnosis: no ICD-10-CM code was given; add the diagnosis that justifies treatment."
        )
    revert_flagged(plan, request.start)
    return Draft(plan=plan, warnings=warnings, reasons=reasons, to_supply=to_supply)


def _facts(
    request: DraftRequest, found: specifics_mod.Specifics
) -> tuple[list[specifics_mod.Fact], str | None]:
    """What the request says about this client, and its main impairment (as written)."""
    impairments = list(request.impairments) or derived_impairments(
        request.presenting_problem, request.age
    )
    facts = [
        specifics_mod.Fact("impairment", i.description, i.description, i.domain.value)
        for i in impairments
        if len(i.description) <= specifics_mod.MAX_RAW
    ]
    known = {f.raw.rstrip(".") for f in facts}
    facts += [f for f in found.facts if f.raw.rstrip(".") not in known]
    facts += risk_facts(request.presenting_problem)
    main = impairments[0].description.strip().rstrip(".") if impairments else None
    if main and len(main) > specifics_mod.MAX_RAW:
        main = None
    return facts, main


def draft_plan(request: DraftRequest, library: Library | None = None) -> Plan:
    """The draft plan alone; see ``draft_with_notes`` for its warnings and reasons."""
    return draft_with_notes(request, library).plan
