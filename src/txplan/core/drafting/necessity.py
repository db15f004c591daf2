"""Medical necessity from what the request gives, and a plain list of what it does not.

The drafter never invents a symptom or an impairment. What it takes from the presenting problem
it says it took; what only the clinician knows (why outpatient care is enough, the risk
assessment) is written as a bracketed "Clinician to complete" note in the field itself, so the
gap is visible on the plan page and in every export, and is listed in ``Draft.to_supply``.
"""

from __future__ import annotations

import re

from txplan.core.drafting.filling import sentences
from txplan.core.drafting.library import Area
from txplan.core.drafting.request import DraftRequest
from txplan.core.plan import FunctionalImpairment, ImpairmentDomain, LevelOfCare, MedicalNecessity

# The marker a clinician (and the product) can search for: text still to be written by hand.
TO_COMPLETE = "[Clinician to complete:"
MAX_SYMPTOM_SENTENCES = 6

# Words that place a sentence in an impairment domain. Phrases about caring for one's children
# ("the school run", "bathe the baby") are parenting even though they name a school or a
# partner; a night out with friends is social, a falling-out with friends is relationships.
_D = ImpairmentDomain
_PHRASES: tuple[tuple[ImpairmentDomain, re.Pattern[str]], ...] = (
    (
        _D.PARENTING,
        re.compile(
            r"\b(?:school (?:run|gate|pick-?up|drop-?off)|(?:bath|bathe|change|feed|settle|"
            r"put down) (?:the|her|his|their) (?:baby|child|children|kids|son|daughter)|"
            r"(?:take|taking|takes|walk|let|lets) (?:the|her|his|their) (?:children|kids|son|"
            r"daughter|\d+-year-old)|(?:at|with) (?:the|her|his|their) (?:children|kids)\b|"
            r"parenting|as a (?:mother|father|parent))",
            re.I,
        ),
    ),
    (
        _D.SOCIAL,
        re.compile(
            r"\b(?:(?:go|going|gone|been|went) out|out with (?:friends|her friends|his friends)|"
            r"\w+ing with (?:his|her|their) (?:friends|club|team|group)|with (?:her|his) club|"
            r"sleepovers?|school trips?)\b",
            re.I,
        ),
    ),
)
_CUES: tuple[tuple[ImpairmentDomain, re.Pattern[str]], ...] = (
    (
        _D.LEGAL,
        re.compile(r"\b(?:police|arrest\w*|probation|court|charged|custody|licen[cs]e)\b", re.I),
    ),
    (
        _D.HOUSING_FINANCES,
        re.compile(r"\b(?:rent|bills?|debts?|money|evict\w*|landlord|late fees?|mortgage)\b", re.I),
    ),
    (
        _D.PARENTING,
        re.compile(
            r"\b(?:(?:her|his|their|the) (?:kids|baby|toddler|infant|newborn)|"
            r"(?:shouts?|yells?|snaps?) at (?:her|his|their|the) (?:children|son|daughter)|"
            r"car(?:e|ing) for (?:her|his|their) (?:children|son|daughter))\b",
            re.I,
        ),
    ),
    (
        _D.WORK_SCHOOL,
        re.compile(
            r"\b(?:work\w*|job\w*|shifts?|boss|manager|cowork\w*|colleague\w*|employ\w*|"
            r"unemploy\w*|office|career|promotion|project|deadlines?|fired|warning|sick days?|"
            r"e-?mails?|payroll|shop|business|customers?|hours a week|study|revise|"
            r"signed off|applications?|case files|school|class(?:es|work)?|lectures?|seminar|"
            r"exams?|homework|grades?|teacher|college|universit\w*|detentions?|suspended|"
            r"subjects?|lessons?|coursework|assignments?|"
            r"exclusions?|marked down|presentations?)\b",
            re.I,
        ),
    ),
    (
        _D.SELF_CARE,
        re.compile(
            r"\b(?:sleep\w*|insomnia|bed|eat\w*|appetite|meals?|breakfast|lunch|dinner|food|"
            r"cook\w*|shower\w*|wash\w*|hygiene|weight|kg|stairs|dressed)\b",
            re.I,
        ),
    ),
    (
        _D.RELATIONSHIPS,
        re.compile(
            r"\b(?:wife|husband|partner|spouse|marriage|married|girlfriend|boyfriend|ex-\w+|"
            r"friends?|family|mother|father|mum|mom|dad|parents|sister|brother|siblings?|"
            r"children|daughter|son|argu\w*|conflict|fights?|fell out|fallen out|shouting|"
            r"visit\w*|calls?)\b",
            re.I,
        ),
    ),
    (
        _D.SOCIAL,
        re.compile(
            r"\b(?:avoid\w*|isolat\w*|withdr[ae]w\w*|stopped going|social|outings?|church|gym|"
            r"club|neighbourhood|neighborhood|crowds?|supermarkets?|driving|no one|sees no|"
            r"weekend|plans|yoga|choir|football|fishing|running|hobb\w*|bars?|parties|party)\b",
            re.I,
        ),
    ),
)
_ORDER = [d for d, _ in _CUES]


def impairment_domain(text: str, age: int | None = None) -> ImpairmentDomain | None:
    """The domain an impairment sentence belongs to, or None when it names none.

    The domain with most cues wins; a tie goes to the cue said first, then to the more specific
    domain. A child or adolescent is not a parent: their family troubles are relationships.
    """
    hits: dict[ImpairmentDomain, list[int]] = {}
    phrase_hits: list[int] = []  # a phrase ("the school run") weighs double
    rest = text
    for domain, phrase in _PHRASES:
        if domain is _D.PARENTING and age is not None and age < 18:
            continue
        for match in phrase.finditer(rest):
            hits.setdefault(domain, []).append(match.start())
            phrase_hits.append(match.start())
        rest = phrase.sub(lambda m: " " * len(m[0]), rest)
    for domain, cue in _CUES:
        if domain is _D.PARENTING and age is not None and age < 18:
            continue
        for match in cue.finditer(rest):
            hits.setdefault(domain, []).append(match.start())
    if not hits:
        return None
    # Avoiding and withdrawing say little about where: they weigh half.
    weak = re.compile(r"avoid|isolat|withdr", re.I)
    weight = {
        d: sum(
            2.0 if p in phrase_hits else 0.5 if weak.match(text[p:]) and d is _D.SOCIAL else 1.0
            for p in hits[d]
        )
        for d in hits
    }
    return min(
        hits,
        key=lambda d: (
            -weight[d],
            min(hits[d]),
            _ORDER.index(d) if d in _ORDER else len(_ORDER),
        ),
    )


def derived_impairments(
    presenting_problem: str, age: int | None = None
) -> list[FunctionalImpairment]:
    """Sentences of the presenting problem that describe an impairment, one per domain."""
    out: list[FunctionalImpairment] = []
    seen: set[ImpairmentDomain] = set()
    for sentence in sentences(presenting_problem):
        domain = impairment_domain(sentence, age)
        if domain is not None and domain not in seen:
            seen.add(domain)
            out.append(FunctionalImpairment(domain=domain, description=sentence))
    return out


def medical_necessity(
    request: DraftRequest, areas: list[Area], risk: bool
) -> tuple[MedicalNecessity, list[str]]:
    """The medical-necessity section and the list of what the clinician must still supply."""
    to_supply: list[str] = []
    symptoms = sentences(request.presenting_problem)[:MAX_SYMPTOM_SENTENCES]
    if not symptoms:
        symptoms = [f"{TO_COMPLETE} current symptoms, with their frequency and duration.]"]
        to_supply.append(
            "Symptoms: the presenting problem was empty; describe current "
            "symptoms with frequency and duration."
        )

    impairments = list(request.impairments)
    if not impairments:
        impairments = derived_impairments(request.presenting_problem, getattr(request, "age", None))
        if impairments:
            to_supply.append(
                "Functional impairment: taken from sentences of the presenting "
                "problem; confirm each domain and add how often and how much."
            )
        else:
            impairments = [
                FunctionalImpairment(
                    domain=ImpairmentDomain.OTHER,
                    description=f"{TO_COMPLETE} how the symptoms limit work or school, "
                    "relationships and self-care, with examples.]",
                )
            ]
            to_supply.append(
                "Functional impairment: none was given; describe how the "
                "symptoms limit daily functioning, by domain."
            )

    names = ", ".join(area.name.lower() for area in areas)
    frequency = request.session_frequency.label()
    rationale = (
        f"Outpatient individual therapy ({frequency}) is proposed for {names}: the client "
        f"lives in the community and can practise skills between sessions. "
        f"{TO_COMPLETE} why this level of care is sufficient and needed (current risk, "
        f"supports, ability to function between sessions), and why less would not do.]"
    )
    to_supply.append("Level of care: explain why outpatient care fits this client.")
    # Risk of harm to others is a safety problem of its own (area harm_to_others).
    others = any(area.id == "harm_to_others" for area in areas)
    if risk:
        rationale += (
            f" {TO_COMPLETE} the suicide risk assessment (ideation, intent, plan, "
            f"means, protective factors) and why outpatient care is safe.]"
        )
    if others:
        rationale += (
            f" {TO_COMPLETE} the risk assessment for harm to others (thoughts, intent, plan, "
            f"identifiable targets, access to weapons, duty-to-protect decision) and why "
            f"outpatient care is safe.]"
        )
    if risk or others:
        to_supply.insert(
            0,
            "Risk: record the risk assessment and the safety plan before the "
            "client leaves the session.",
        )
    return (
        MedicalNecessity(
            symptoms=symptoms,
            impairments=impairments,
            level_of_care=LevelOfCare.OUTPATIENT,
            level_of_care_rationale=rationale,
        ),
        to_supply,
    )
