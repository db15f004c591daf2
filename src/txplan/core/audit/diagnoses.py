"""Diagnosis → symptom domains and the standardized measure the diagnosis calls for.

GOAL_DISCONNECTED asks whether a goal targets any of the diagnosis's symptom domains, and
PLAN_NO_MEASURE asks whether the plan uses the instrument the diagnosis calls for. Both need to
know, for an ICD-10-CM code or a diagnosis written as free text, which presentation it is.

Sources for the domains: the DSM-5-TR criteria sets (symptom clusters of each disorder) and the
ICD-10-CM chapter F / Z63 structure for the code prefixes. Measures: instrument ids from
/work/shared/reference/instruments.yaml (phq9, gad7, pcl5, audit_c, dast10, asrs_v1_1_screener,
epds); the NICE/APA measurement-based-care recommendations name these for the disorders below.
OCD calls for the Y-BOCS, insomnia for the ISI, eating disorders for the EDE-QS and social
anxiety for the SPIN (GAD-7 also accepted); families with no registry measure (bipolar, grief …)
never fire PLAN_NO_MEASURE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Presentation:
    key: str  # e.g. "depression"
    label: str  # said to a clinician: "depressive disorder"
    domains: frozenset[str]  # symptom-domain keys (see DOMAIN_WORDS in goals.py)
    measure: str | None  # instrument id the diagnosis calls for, or None
    measure_name: str | None  # display name of that instrument


def _p(
    key: str, label: str, domains: str, measure: str | None = None, name: str | None = None
) -> Presentation:
    return Presentation(key, label, frozenset(domains.split()), measure, name)


PRESENTATIONS: dict[str, Presentation] = {
    p.key: p
    for p in (
        _p(
            "depression",
            "depressive disorder",
            "mood activity sleep appetite safety",
            "phq9",
            "PHQ-9",
        ),
        _p(
            "perinatal",
            "perinatal depression",
            "mood activity sleep appetite safety parenting",
            "epds",
            "EPDS",
        ),
        _p("anxiety", "generalized anxiety", "anxiety worry sleep avoidance", "gad7", "GAD-7"),
        _p("panic", "panic disorder", "anxiety panic avoidance", "gad7", "GAD-7"),
        _p("social", "social anxiety", "anxiety social avoidance", "spin", "SPIN"),
        _p("phobia", "specific phobia", "anxiety phobia avoidance panic", "gad7", "GAD-7"),
        _p(
            "separation",
            "separation anxiety",
            "anxiety separation avoidance sleep",
            "gad7",
            "GAD-7",
        ),
        _p(
            "trauma",
            "posttraumatic stress",
            "trauma anxiety avoidance sleep mood safety",
            "pcl5",
            "PCL-5",
        ),
        _p("ocd", "obsessive-compulsive disorder", "ocd anxiety avoidance", "ybocs", "Y-BOCS"),
        _p(
            "adhd",
            "ADHD",
            "attention conduct",
            "asrs_v1_1_screener",
            # The plan records no age: name the adult screen and the children's scales.
            "ASRS v1.1 (adults) or the Vanderbilt parent and teacher scales (children 6–12)",
        ),
        _p("bipolar", "bipolar disorder", "mood bipolar sleep activity safety"),
        _p("alcohol", "alcohol use disorder", "substance", "audit_c", "AUDIT-C"),
        _p("drugs", "substance use disorder", "substance", "dast10", "DAST-10"),
        _p("nicotine", "tobacco use disorder", "substance"),
        # Gambling disorder: DSM-5-TR places it with the substance-related and addictive disorders
        # (craving, loss of control, chasing losses, relapse).
        _p("gambling", "gambling disorder", "substance"),
        # Nightmare disorder: repeated dysphoric dreams that disturb sleep (DSM-5-TR 307.47).
        _p("nightmares", "nightmare disorder", "sleep trauma"),
        _p("insomnia", "insomnia", "sleep", "isi", "ISI"),
        _p("eating", "eating disorder", "eating", "ede_qs", "EDE-QS"),
        _p("conduct", "disruptive behaviour", "conduct anger relational"),
        _p("grief", "grief", "grief mood activity"),
        # Adjustment disorders: distress and impairment out of proportion to a stressor, often
        # with disturbed sleep and withdrawal from usual activities.
        _p("adjustment", "adjustment disorder", "adjustment mood anxiety sleep activity"),
        _p(
            "adjustment_mood",
            "adjustment disorder with depressed mood",
            "adjustment mood activity sleep",
            "phq9",
            "PHQ-9",
        ),
        _p(
            "adjustment_anxiety",
            "adjustment disorder with anxiety",
            "adjustment anxiety worry sleep activity",
            "gad7",
            "GAD-7",
        ),
        _p(
            "adjustment_conduct",
            "adjustment disorder with disturbance of conduct",
            "adjustment conduct anger mood anxiety sleep",
        ),
        _p("relational", "relationship distress", "relational anger"),
        _p("family", "parent-child relational problem", "relational conduct anger parenting"),
        _p("borderline", "borderline personality disorder", "mood anger safety relational"),
        _p("anger", "intermittent explosive disorder", "anger conduct relational"),
        _p("psychosis", "psychotic disorder", "psychosis safety"),
    )
}

# ICD-10-CM code prefixes, longest first wins. Z codes are the DSM-5-TR "other conditions".
_CODE_PREFIXES: tuple[tuple[str, str], ...] = (
    ("F43.21", "adjustment_mood"),
    ("F43.22", "adjustment_anxiety"),
    ("F43.23", "adjustment"),
    ("F43.24", "adjustment_conduct"),
    ("F43.25", "adjustment_conduct"),
    ("F43.2", "adjustment"),
    ("F43.0", "trauma"),
    ("F43.1", "trauma"),
    ("F43.81", "grief"),
    ("F43.8", "adjustment"),
    ("F32", "depression"),
    ("F33", "depression"),
    ("F34.1", "depression"),
    ("F34.0", "bipolar"),
    ("F53", "perinatal"),
    ("F41.0", "panic"),
    ("F41.1", "anxiety"),
    ("F41", "anxiety"),
    ("F40.0", "panic"),
    ("F40.1", "social"),
    ("F40.2", "phobia"),
    ("F40", "anxiety"),
    ("F42", "ocd"),
    ("F93.0", "separation"),
    ("F93", "anxiety"),
    ("F90", "adhd"),
    ("F31", "bipolar"),
    ("F30", "bipolar"),
    ("F10", "alcohol"),
    ("F17", "nicotine"),
    ("F11", "drugs"),
    ("F12", "drugs"),
    ("F13", "drugs"),
    ("F14", "drugs"),
    ("F15", "drugs"),
    ("F16", "drugs"),
    ("F18", "drugs"),
    ("F19", "drugs"),
    ("F51.0", "insomnia"),
    ("G47.0", "insomnia"),
    ("F50", "eating"),
    ("F91", "conduct"),
    ("F63.81", "anger"),
    ("F60.3", "borderline"),
    ("F63.0", "gambling"),
    ("F63.3", "ocd"),
    ("F51.5", "nightmares"),
    ("F45.21", "anxiety"),
    ("F20", "psychosis"),
    ("F21", "psychosis"),
    ("F22", "psychosis"),
    ("F23", "psychosis"),
    ("F25", "psychosis"),
    ("F28", "psychosis"),
    ("F29", "psychosis"),
    ("Z63.4", "grief"),
    ("Z63.0", "relational"),
    ("Z63.5", "family"),
    ("Z63.8", "family"),
    ("Z62.8", "family"),
    ("Z62", "family"),
    ("Z63", "relational"),
    ("Z60", "adjustment"),
    ("Z56", "adjustment"),
)

# Free-text names, checked in order: the first pattern that matches decides.
_NAME_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"adjustment.*(?:depress|mood)", "adjustment_mood"),
        (r"adjustment.*anxi", "adjustment_anxiety"),
        (r"adjustment.*conduct", "adjustment_conduct"),
        (r"adjustment", "adjustment"),
        (r"post-?\s*partum|peri-?\s*natal|post-?\s*natal", "perinatal"),
        (r"gambl", "gambling"),
        (r"nightmare disorder", "nightmares"),
        (r"bipolar|manic|mania|cyclothym", "bipolar"),
        (r"separation anxiety", "separation"),
        (r"social (?:anxiety|phobia)", "social"),
        (r"panic|agoraphob", "panic"),
        (r"ptsd|post-?\s*traumatic|acute stress|\btrauma", "trauma"),
        (r"\bocd\b|obsessive|compulsive", "ocd"),
        (r"adhd|add\b|attention[- ]deficit|hyperactiv", "adhd"),
        (r"alcohol|\baud\b", "alcohol"),
        (r"tobacco|nicotine|smok", "nicotine"),
        (
            r"cannabis|marijuana|opioid|heroin|cocaine|stimulant|amphetamine|meth|substance"
            r"|drug|\bsud\b|sedative|benzodiazepine",
            "drugs",
        ),
        (r"insomnia|sleep", "insomnia"),
        (r"anorexi|bulimi|binge|eating|arfid", "eating"),
        (r"oppositional|\bodd\b|conduct|disruptive", "conduct"),
        (r"prolonged grief|grief|bereave|mourning", "grief"),
        (r"parent-?\s*child|family|sibling", "family"),
        (r"couple|marital|marriage|partner|spous|relationship distress|relational", "relational"),
        (r"borderline", "borderline"),
        (r"intermittent explosive|anger", "anger"),
        (r"schizo|psychos|psychotic|delusion", "psychosis"),
        (r"phobia|fear of", "phobia"),
        (r"depress|\bmdd\b|dysthymi", "depression"),
        (r"\bgad\b|anxiety|anxious", "anxiety"),
    )
)

_CODE_IN_TEXT = re.compile(r"\b([A-Za-z]\d[0-9A-Za-z](?:\.[0-9A-Za-z]{1,4})?)\b")


def _by_code(code: str) -> Presentation | None:
    code = code.upper()
    if "." not in code and len(code) > 3:
        code = f"{code[:3]}.{code[3:]}"
    for prefix, key in _CODE_PREFIXES:
        if code.startswith(prefix):
            return PRESENTATIONS[key]
    return None


@lru_cache(maxsize=4096)
def resolve(diagnosis: str) -> Presentation | None:
    """The presentation for an ICD-10-CM code ("F33.1"), a name ("major depressive disorder")
    or both ("F41.1 generalized anxiety disorder"); None when it is not recognised."""
    text = diagnosis.strip()
    if not text:
        return None
    for m in _CODE_IN_TEXT.finditer(text):
        found = _by_code(m.group(1))
        if found is not None:
            return found
    low = text.lower()
    for pattern, key in _NAME_PATTERNS:
        if pattern.search(low):
            return PRESENTATIONS[key]
    return None
