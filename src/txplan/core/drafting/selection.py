"""Choosing the problem areas: diagnosis codes first, then the presenting problem.

Order of the result: the safety area first when risk language is present (it is the problem a
reviewer looks for first), then the areas of the diagnoses in the order given, then areas the
text signals. Every choice carries a sentence saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from txplan.core import icd10
from txplan.core.drafting import risk as risk_mod
from txplan.core.drafting import signals
from txplan.core.drafting.library import Area, Library
from txplan.core.drafting.request import AreaChoice, Basis, DiagnosisError

SAFETY_AREA = "suicidal_self_harm"
# Harm to others is its own safety problem, separate from self-harm.
OTHERS_AREA = "harm_to_others"
# The safety areas come from txplan.core.drafting.risk, not from their signal phrases alone.
RISK_AREAS = (SAFETY_AREA, OTHERS_AREA)
# The honest structure for a code no area covers (data/library/generic.yaml): never chosen by a
# code prefix or by the text, never a stand-in for another disorder.
GENERIC_AREA = "generic"
# Without diagnoses, at most this many areas come from the text: six problems guide nothing.
MAX_AREAS = 3
# With diagnoses given, a text-only area needs this many distinct signals to be suggested; one
# loose word ("worried") says nothing about a plan the codes already explain.
TEXT_SIGNALS_WITH_CODES = 2
# Where no area covers a code's category, the area for its block stands in.
_BLOCKS: tuple[tuple[str, str, str], ...] = (
    ("F01", "F09", "F01-F09"),
    ("F10", "F19", "F10-F19"),
    ("F20", "F29", "F20-F29"),
    ("F30", "F39", "F30-F39"),
    ("F40", "F48", "F40-F48"),
    ("F50", "F59", "F50-F59"),
    ("F60", "F69", "F60-F69"),
    ("F70", "F79", "F70-F79"),
    ("F80", "F89", "F80-F89"),
    ("F90", "F98", "F90-F98"),
    ("F99", "F99", "F99"),
)
_STOP = frozenset(
    {
        "disorder",
        "disorders",
        "unspecified",
        "other",
        "due",
        "to",
        "with",
        "and",
        "of",
        "in",
        "the",
        "or",
        "not",
        "elsewhere",
        "classified",
        "episode",
        "specified",
        "type",
        "without",
        "use",
        "uncomplicated",
        "mild",
        "moderate",
        "severe",
        "current",
        "f",
        "a",
        "an",
        "by",
        "on",
    }
)


@dataclass(frozen=True)
class CodedDiagnosis:
    code: icd10.IcdCode
    area_id: str
    basis: Basis  # DIAGNOSIS or NEAREST_AREA
    explanation: str


def _block(code: str) -> str:
    category = code[:3]
    for low, high, name in _BLOCKS:
        if low <= category <= high:
            return name
    return category[0]


def _prefixes(area: Area) -> list[str]:
    """The area's code prefixes with ranges spelt out as their categories."""
    out: list[str] = []
    for item in area.icd10:
        if "-" in item:
            low, high = item.split("-")
            number = int(low[1:3]) if low[1:3].isdigit() else None
            end = int(high[1:3]) if high[1:3].isdigit() else None
            if number is None or end is None:
                out.append(low)
                continue
            out += [f"{low[0]}{n:02d}" for n in range(number, end + 1)]
        else:
            out.append(item)
    return out


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def _direct(library: Library, code: str, text: signals.Tokens) -> list[tuple[int, str]]:
    """Areas whose prefix covers ``code``, longest prefix first; (prefix length, area id)."""
    found: list[tuple[int, str]] = []
    for area in library.areas.values():
        lengths = [len(p) for p in _prefixes(area) if code.startswith(p)]
        if lengths:
            found.append((max(lengths), area.id))
    if not found:
        return []
    best = max(length for length, _ in found)
    tied = [area_id for length, area_id in found if length == best]

    # Several areas share a code (child and adult ADHD share F90): the text decides, then the id.
    def score(area_id: str) -> tuple[int, str]:
        hits = signals.find(library.areas[area_id].signals, text)
        return (-len({m.signal for m in hits if not m.negated}), area_id)

    return [(best, min(tied, key=score))]


def _nearest(library: Library, found: icd10.IcdCode) -> tuple[str, str]:
    """(area id, how it is related) for a code no area lists."""
    code = found.code
    areas = [a for a in library.areas.values() if a.id != GENERIC_AREA]
    words = _words(found.description)

    def overlap(area: Area) -> int:
        return len(words & _words(" ".join([area.name, *area.signals, *area.definitions])))

    def best(candidates: list[Area]) -> Area:
        return max(candidates, key=lambda a: (overlap(a), -areas.index(a)))

    # The closest relative in the code hierarchy: F43.8 shares F43 with F43.1 and F43.2.
    for cut in range(len(code.replace(".", "")) - 1, 2, -1):
        stem = code.replace(".", "")[:cut]
        near = [a for a in areas if any(p.replace(".", "").startswith(stem) for p in _prefixes(a))]
        if near:
            return best(near).id, f"the same category ({code[: cut + (1 if cut > 3 else 0)]})"
    block = _block(code)
    near = [a for a in areas if any(_block(p) == block for p in _prefixes(a))]
    if near:
        return best(near).id, f"the same block of codes ({block})"
    ranked = max(areas, key=lambda a: (overlap(a), a.id == "adjustment", -areas.index(a)))
    return ranked.id, "the closest wording of the code's description"


def code_areas(library: Library, codes: list[str], text: signals.Tokens) -> list[CodedDiagnosis]:
    """Each code checked against ICD-10-CM and mapped to an area; never fails on a valid code."""
    out: list[CodedDiagnosis] = []
    for index, raw in enumerate(codes):
        try:
            found = icd10.lookup(raw)
        except icd10.UnknownCode as exc:
            raise DiagnosisError(f"diagnoses[{index}]", str(exc), exc.suggestions) from None
        except icd10.NotBillable as exc:
            raise DiagnosisError(f"diagnoses[{index}]", str(exc), exc.children) from None
        direct = _direct(library, found.code, text)
        if direct:
            area = library.areas[direct[0][1]]
            explanation = (
                f"Diagnosis {found.code} ({found.description}) is among the codes of '{area.name}'."
            )
            out.append(CodedDiagnosis(found, area.id, Basis.DIAGNOSIS, explanation))
            continue
        area_id, relation = _nearest(library, found)
        area = library.areas[area_id]
        if GENERIC_AREA in library.areas:
            # Another disorder's plan is never drafted for a code the library does not cover:
            # the generic structure is, and the nearest area is named for the clinician.
            explanation = (
                f"Diagnosis {found.code} ({found.description}) has no area in the library, so "
                f"the draft holds a generic structure (assessment toward a working diagnosis, "
                f"measured distress and functioning, supports, relapse prevention), not "
                f"another disorder's plan: write the disorder-specific goals and interventions."
            )
            if "wording" not in relation:
                # A relative in the code hierarchy is worth naming; a likeness of words is not.
                explanation += (
                    f" The nearest area, by {relation}, is '{area.name}' "
                    f"({', '.join(area.icd10)}); if the presentation fits it, code that "
                    f"diagnosis and draft again."
                )
            out.append(CodedDiagnosis(found, GENERIC_AREA, Basis.GENERIC, explanation))
            continue
        explanation = (
            f"Diagnosis {found.code} ({found.description}) has no area of its own in "
            f"the library; '{area.name}' stands in as the nearest, by {relation}."
        )
        out.append(CodedDiagnosis(found, area_id, Basis.NEAREST_AREA, explanation))
    return out


def _quote(mentions: list[signals.Mention]) -> str:
    return ", ".join(f"'{m}'" for m in dict.fromkeys(x.text for x in mentions))


def choose(
    library: Library, codes: list[str], presenting_problem: str
) -> tuple[list[CodedDiagnosis], list[AreaChoice]]:
    """The diagnoses (validated) and the areas with their reasons, in plan order.

    With diagnoses given, the text does not add areas the diagnoses do not cover (a goal about
    drinking on a plan without an alcohol diagnosis is one a reviewer rejects as disconnected):
    such areas are named with basis SUGGESTED, for the clinician to add the diagnosis. Risk
    language is the exception: the safety areas always come in, first (``_risk_choices``).
    """
    tokens = signals.tokenise(presenting_problem)
    coded = code_areas(library, codes, tokens)
    choices: dict[str, AreaChoice] = {}
    for item in coded:
        if item.area_id not in choices:
            name = library.areas[item.area_id].name
            choices[item.area_id] = AreaChoice(
                item.area_id, name, item.basis, item.explanation, (item.code.code,)
            )
    text_hits: list[tuple[int, str, list[signals.Mention]]] = []
    negated: list[AreaChoice] = []
    for area in library.areas.values():
        if area.id in RISK_AREAS:
            continue  # chosen by the risk detector below
        mentions = signals.find(area.signals, tokens)
        live = [m for m in mentions if not m.negated]
        if live:
            text_hits.append((len({m.signal for m in live}), area.id, live))
        elif mentions and area.id not in choices:
            cues = ", ".join(dict.fromkeys(m.cue for m in mentions))
            negated.append(
                AreaChoice(
                    area.id,
                    area.name,
                    Basis.NEGATED,
                    f"The presenting problem mentions {_quote(mentions)} only as absent "
                    f"({cues}), so '{area.name}' was not added.",
                    tuple(dict.fromkeys(m.text for m in mentions)),
                )
            )
    text_hits.sort(key=lambda hit: (-hit[0], hit[1]))

    safety, left_out = _risk_choices(library, choices, presenting_problem)
    negated = left_out + negated
    from_text: list[AreaChoice] = []
    suggested: list[AreaChoice] = []
    for count, area_id, live in text_hits:
        area = library.areas[area_id]
        quoted = _quote(live)
        evidence = tuple(dict.fromkeys(m.text for m in live))
        if area_id in choices:
            old = choices[area_id]
            choices[area_id] = AreaChoice(
                area_id,
                old.area_name,
                old.basis,
                f"{old.explanation} The presenting problem also mentions {quoted}.",
                tuple(dict.fromkeys(old.evidence + evidence)),
            )
        elif not coded and len(from_text) < MAX_AREAS:
            from_text.append(
                AreaChoice(
                    area_id,
                    area.name,
                    Basis.PRESENTING_PROBLEM,
                    f"The presenting problem mentions {quoted}, which signal '{area.name}'.",
                    evidence,
                )
            )
        elif coded and count >= TEXT_SIGNALS_WITH_CODES:
            codes_hint = f" ({', '.join(area.icd10)})" if area.icd10 else ""
            suggested.append(
                AreaChoice(
                    area_id,
                    area.name,
                    Basis.SUGGESTED,
                    f"The presenting problem also mentions {quoted}, which signal "
                    f"'{area.name}', but no diagnosis given covers it: add its diagnosis"
                    f"{codes_hint} to draft it, or address it under another problem.",
                    evidence,
                )
            )
    return coded, [*safety, *choices.values(), *from_text, *suggested, *negated]


_ASIDE_WORDS = {
    "figure of speech": "as a figure of speech",
    "about another person": "about another person",
    "unwanted intrusive thought (ego-dystonic)": "as an unwanted intrusive thought",
    "fear of dying, not a wish to die": "as a fear of dying, not a wish to die",
    "said in jest": "said in jest",
    "remote history": "as remote history with nothing current",
}


def _risk_choices(
    library: Library, choices: dict[str, AreaChoice], presenting_problem: str
) -> tuple[list[AreaChoice], list[AreaChoice]]:
    """The safety areas, first in the plan, and those the text mentions only to set aside.

    Risk language always brings its safety area in, whatever the codes: risk to self brings
    the self-harm area, risk to others the harm-to-others area (see ``risk.detect``). A safety
    area a code chose moves to the front. ``choices`` loses the safety areas it held.
    """
    found = risk_mod.detect(presenting_problem)
    chosen: list[AreaChoice] = []
    left_out: list[AreaChoice] = []
    for area_id, target, what, plan in (
        (SAFETY_AREA, risk_mod.SELF, "risk language", "safety planning"),
        (
            OTHERS_AREA,
            risk_mod.OTHERS,
            "language of risk of harm to others",
            "a violence risk assessment and safety plan",
        ),
    ):
        if area_id not in library.areas:
            continue
        area = library.areas[area_id]
        live = found.phrases_for(target)
        quoted = ", ".join(f"'{p}'" for p in live)
        if area_id in choices:
            old = choices.pop(area_id)
            also = f" The presenting problem also mentions {quoted}." if live else ""
            chosen.append(
                AreaChoice(
                    area_id,
                    old.area_name,
                    old.basis,
                    old.explanation + also,
                    tuple(dict.fromkeys(old.evidence + live)),
                )
            )
        elif live:
            chosen.append(
                AreaChoice(
                    area_id,
                    area.name,
                    Basis.RISK_LANGUAGE,
                    f"The presenting problem contains {what} ({quoted}); {plan} comes first "
                    f"whatever the diagnosis.",
                    live,
                )
            )
        else:
            aside = [h for h in found.set_aside if h.target in (target, risk_mod.BOTH)]
            if aside:
                left_out.append(_left_out(area_id, area.name, aside))
    return chosen, left_out


def _left_out(area_id: str, name: str, aside: list[risk_mod.Hit]) -> AreaChoice:
    denied = [h for h in aside if h.reason.startswith("denied")]
    parts = []
    if denied:
        cues = ", ".join(dict.fromkeys(h.reason[len("denied (") : -1] for h in denied))
        quoted = ", ".join(f"'{p}'" for p in dict.fromkeys(h.phrase for h in denied))
        parts.append(f"{quoted} only as absent ({cues})")
    for reason, words in _ASIDE_WORDS.items():
        phrases = dict.fromkeys(h.phrase for h in aside if h.reason == reason)
        if phrases:
            parts.append(", ".join(f"'{p}'" for p in phrases) + f" {words}")
    return AreaChoice(
        area_id,
        name,
        Basis.NEGATED,
        f"The presenting problem mentions {'; '.join(parts)}, so '{name}' was not added.",
        tuple(dict.fromkeys(h.phrase for h in aside)),
    )
