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

# Words that place a sentence of the presenting problem in an impairment domain.
_DOMAIN_CUES: tuple[tuple[ImpairmentDomain, re.Pattern[str]], ...] = (
    (
        ImpairmentDomain.WORK_SCHOOL,
        re.compile(
            r"\b(work|job|shift|boss|manager|cowork|colleague|employ|school|class|grades?|homework|"
            r"teacher|college|universit|exam|deadline|fired|warning)",
            re.I,
        ),
    ),
    (
        ImpairmentDomain.RELATIONSHIPS,
        re.compile(
            r"\b(wife|husband|partner|spouse|marriage|girlfriend|boyfriend|friends?|family|mother|"
            r"father|parents|sister|brother|argu|conflict)",
            re.I,
        ),
    ),
    (
        ImpairmentDomain.SELF_CARE,
        re.compile(
            r"\b(sleep|insomnia|eat|eating|appetite|meals?|shower|hygiene|bed|weight)", re.I
        ),
    ),
    (
        ImpairmentDomain.SOCIAL,
        re.compile(
            r"\b(avoid|isolat|withdraw|stopped going|social|outings?|church|gym|club)", re.I
        ),
    ),
    (
        ImpairmentDomain.PARENTING,
        re.compile(r"\b(son|daughter|children|kids|baby|parenting)", re.I),
    ),
    (ImpairmentDomain.HOUSING_FINANCES, re.compile(r"\b(rent|bills|debt|money|evict)", re.I)),
)


def derived_impairments(presenting_problem: str) -> list[FunctionalImpairment]:
    out: list[FunctionalImpairment] = []
    seen: set[ImpairmentDomain] = set()
    for sentence in sentences(presenting_problem):
        for domain, cue in _DOMAIN_CUES:
            if domain not in seen and cue.search(sentence):
                seen.add(domain)
                out.append(FunctionalImpairment(domain=domain, description=sentence))
                break
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
        impairments = derived_impairments(request.presenting_problem)
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
    if risk:
        rationale += (
            f" {TO_COMPLETE} the suicide risk assessment (ideation, intent, plan, "
            f"means, protective factors) and why outpatient care is safe.]"
        )
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
