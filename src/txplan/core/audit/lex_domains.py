"""Symptom-domain vocabulary: which words in a goal point at which symptom domain.

Domain keys match ``Presentation.domains`` in diagnoses.py. Each domain has *core* words (the
symptom itself: drinking, purging, nightmares, compulsions) and *context* words (where it shows:
crowds, deadlines, dogs). A goal is connected to a diagnosis when it mentions any word of one of
the diagnosis's domains; it is disconnected when it mentions only the *core* words of other
domains (a goal about drinking on a panic-disorder plan). ``function`` (work, school, home,
self-care, relationships) and ``wellbeing`` are shared by every diagnosis: a goal about returning
to work is connected to whatever keeps the client from work.

Sources: DSM-5-TR symptom criteria for each disorder; the life domains of the WHODAS 2.0.
Entries are words or phrases (a plural "s"/"es" also matches) or, ending in "*", stems.
"""

from __future__ import annotations

import re

from txplan.core.audit.text import phrase_pattern

SHARED = ("function", "wellbeing")
# Domains whose *context* words (the people in a client's life: partner, daughter, baby) say who
# a goal involves, not which condition it treats: they never make a goal disconnected.
PEOPLE = ("relational", "parenting")
# Risk to self is part of every diagnosis's picture (every plan assesses and manages it), so a
# goal about it is never disconnected, whatever the diagnosis. Kept apart from the "safety"
# domain's context words ("safe", "crisis"), which alone say too little.
RISK = re.compile(
    r"\b(?:suicid\w*|self-?\s?harm\w*|self-?\s?injur\w*|overdos\w*|lethal\s+means|means"
    r"\s+restriction|safety\s+plan\w*|crisis\s+(?:plan|line|team|service|card)s?|hope\s+box"
    r"|naloxone|(?:kill|hurt|harm)\w*\s+(?:her|him|them|my|your|one)sel(?:f|ves)"
    r"|end\w*\s+(?:her|his|their|my)\s+life|urges?\s+to\s+(?:die|cut|hurt|harm)"
    r"|(?:keep|stay)\w*\s+(?:(?:her|him|them|my|your)sel(?:f|ves)\s+)?safe)\b"
)

# domain: (core, context)
DOMAIN_WORDS: dict[str, tuple[str, str]] = {
    "mood": (
        "depress*|sad|sadness|hopeless*|tearful*|crying|worthless*|guilt*|anhedon*"
        "|despair*|low mood",
        "mood*|lonel*|isolat*|withdraw*|empty|numb*|irritab*|down",
    ),
    "activity": (
        "",
        "activit*|hobby|hobbies|enjoy*|pleasur*|interest*|outing*|volunteer*"
        "|garden*|out of bed|motivat*|energy|engag*|re-engag*|pastime*",
    ),
    "sleep": (
        "sleep*|asleep|insomni*|nap|napping|slept|nightmare*",
        "bedtime*|wake*|waking|rested|tired*|fatigue*",
    ),
    "appetite": ("appetite*", ""),
    "safety": (
        "suicid*|self-harm*|self harm*|self-injur*|overdos*|lethal means|safety plan*"
        "|crisis plan*|crisis line*|naloxone",
        "safe|safely|safety|crisis|harm|harms|harming",
    ),
    "anxiety": (
        "anxi*|worr*|panic*|nervous*|dread*|fear*|afraid|scared",
        "tense|tension|calm*|relax*|restless*|on edge|overwhelm*|uneas*",
    ),
    "worry": ("worr*|reassurance*|rumina*", "decision*|uncertain*"),
    "panic": (
        "panic*|agoraphob*",
        "heart racing|dizz*|crowd*|store|supermarket*|mall|highway*|driv*|bus|train"
        "|subway*|public transport*|transit|elevator*|alone|leave the house",
    ),
    "avoidance": ("", "avoid*|escap*|exposure*|face|facing"),
    "social": (
        "social anxiety|shy|shyness|embarrass*|judg*",
        "social*|speak*|spoke|conversation*|presentation*|party|parties|phone call*"
        "|order food|eye contact|classmate*|coworker*|co-worker*|peers|small talk"
        "|introduc*",
    ),
    "phobia": (
        "phobi*|fear*|afraid",
        "dog|spider*|snake*|height|fly|flying|plane|needle*|blood|inject*|elevator*"
        "|bridge*|storm*|thunder*|vomit*|insect*|bee|dentist*|doctor*",
    ),
    "separation": (
        "separat*|clingy",
        "school*|drop-off*|drop off|parent*|mother*|father*|mom|dad|own bed"
        "|sleepover*|home|picked up|apart|caregiver*",
    ),
    "trauma": (
        "trauma*|ptsd|nightmare*|flashback*|hypervigil*|startl*|assault*|abuse*|rape|combat",
        "intrusive|memory|memories|reminder*|safe|safety|trust*|accident*|crash*"
        "|attack|robbe*|exits|shame*|after dark|the dark|deploy*|violen*|shooting",
    ),
    "ocd": (
        "obsess*|compuls*|ritual*|contamin*|germ*|hand washing|handwashing"
        "|hand-washing|wash hands|washing hands|wash her hands|wash his hands"
        "|washing her hands|washing his hands|reassurance seeking",
        "check|checks|checking|checked|wash|washes|washing|doorknob*|door handle*"
        "|counting|ordering|symmetr*|intrusive|doubt*|lock|locked|stove*|appliance*|hands",
    ),
    "attention": (
        "adhd|hyperactiv*|impuls*|distract*|procrastinat*|fidget*|inattent*",
        "attention*|attentive|focus*|concentrat*|organi*|task*|planner*|calendar*"
        "|time management|forget*|forgot*|seated|project*|instructions|due date*"
        "|deadline*|on time|late|homework*|assignment*|classwork*|bills"
        "|appointment*|paperwork",
    ),
    "conduct": (
        "tantrum*|defian*|outburst*|aggress*|hitting|kick*|destroy*|steal*|suspen*|detention*",
        "comply*|complian*|rules|fight*|argu*|hit|push*|yell*|scream*|instructions"
        "|chores|curfew*|temper*|anger|angry|respect*|lying|behavio*|time-out*"
        "|teacher*",
    ),
    "bipolar": (
        "mania|manic|hypomani*|mood stabili*|lithium",
        "episode*|mood*|stabl*|stabili*|medication*|warning sign*|relaps*|routine*"
        "|rhythm*|sleep*|spending|impulsiv*",
    ),
    "substance": (
        "alcohol*|drink*|drank|sober*|sobriety|abstain*|abstinen*|craving*|drug"
        "|cannabis|marijuana|weed|opioid*|opiate*|heroin|fentanyl|cocaine|meth"
        "|smok*|vap*|nicotine|cigarette*|tobacco|aa meeting*|na meeting*|12-step"
        "|drunk|hangover*|intoxicat*|beer*|wine|liquor|methadone|suboxone"
        "|buprenorphine|gambl*|getting high|betting|naloxone",
        "relaps*|urge|recover*|substance*|bar|pills|use of",
    ),
    "eating": (
        "binge*|binging|purg*|laxative*|body image|bmi|calori*|restrict*|weight*"
        "|pound|kg|lbs|diet*",
        "eat|eats|eating|ate|meal*|food*|vomit*|snack*|nutrition*|compensat*|shape"
        "|lunch*|dinner*|breakfast*",
    ),
    "grief": (
        "grief|griev*|bereave*|mourn*|widow*|deceased|passed away|late husband"
        "|late wife|late partner|late mother|late father|late son|late daughter"
        "|funeral*",
        "loss|losses|lost|death*|died|dead|anniversar*|grave|memorial*|memories|remember*",
    ),
    "adjustment": (
        "divorc*|relocat*|job loss|layoff*|laid off|new school|new city|new job",
        "stress*|adjust*|cope|coping|transition*|change|separation|move|moving"
        "|retire*|diagnos*|illness*|settle*|role|roles|stage of life|new stage"
        "|purpose|identity|new chapter|empty nest|caregiv*|unemploy*|career*",
    ),
    "relational": (
        "argu*|conflict*|disagree*|yell*|shout*|fight*",
        "partner*|spouse*|husband*|wife|wives|boyfriend*|girlfriend*"
        "|marriage*|marital|relationship*|couple|communicat*|conflict*|argu*"
        "|disagree*|intimacy|intimate|trust*|together|family|families|parent*"
        "|child|children|son|daughter*|teen*|sibling*|household*|closeness"
        "|affection*|date night*|listen*|fight*|yell*|shout*|curfew*"
        "|request*|boundar*|assertiv*",
    ),
    "parenting": ("", "parent*|child|children|kids|son|daughter*|baby|infant*|custody|care for"),
    "anger": (
        "rage|outburst*|aggress*|violen*",
        "anger|angry|temper*|yell*|shout*|fight*|hit|hitting|irritab*|calm down|argu*",
    ),
    "psychosis": ("voices|hallucinat*|paranoi*|delusion*", "medication*|hospital*"),
    "function": (
        "",
        "work|works|working|job|employ*|career*|shift|office|coworker*|boss"
        "|manager*|colleague*|workplace|duties|phased return|reasonable adjustment*"
        "|school*|class|college|grade|study|studies|studying|homework|home|house"
        "|household*|chore*|errand*|bill|self-care|shower*|dress*|hygiene"
        "|routine*|daily|friend*|social*|family|relationship*|children|kids"
        "|parenting|hobby|hobbies|activit*|exercis*|gym|run|running|walk*|church"
        "|volunteer*|community|independen*|drive|driving|sick|attendance"
        "|responsibilit*|duties|functioning|grandchild*|apprentice*|coach*"
        "|people|meeting*|public|on time|late|deadline*|store|stores|shop*"
        "|grocer*|park|parks|restaurant*|errand*|outing*|mall|bus|train"
        "|travel*|vacation*|holiday*|neighbo*|outside|out of the house|leave home"
        "|evening*|weekend*|email*|phone|cook*|meal*|dinner*|lunch*",
    ),
    "wellbeing": (
        "",
        "feel*|better|happ*|well-being|wellbeing|wellness|quality of life"
        "|emotion*|mental health|peace*|positive*|confiden*|self-esteem"
        "|balance*|heal*|outlook|self-worth|calm*",
    ),
}


def _key(entry: str) -> str:
    return re.sub(r"[\s-]", "", entry)


# One pass over the text finds every domain word: a single trie-built pattern captures the
# entry, and a table says which domains (core or context) that entry belongs to.
_TABLE: dict[str, tuple[bool, list[tuple[str, bool]]]] = {}  # key → (is stem, [(domain, core)])
for _domain, (_core, _context) in DOMAIN_WORDS.items():
    for _is_core, _entries in ((True, _core), (False, _context)):
        for _entry in filter(None, _entries.split("|")):
            _stem = _entry.endswith("*")
            _word = _entry[:-1] if _stem else _entry
            _slot = _TABLE.setdefault(_key(_word), (_stem, []))
            if _stem and not _slot[0]:
                _slot = _TABLE[_key(_word)] = (True, _slot[1])
            _slot[1].append((_domain, _is_core))
_WORDS = sorted(
    {e.rstrip("*") for c, x in DOMAIN_WORDS.values() for e in (c + "|" + x).split("|") if e}
)
_ANY = re.compile(r"\b(" + phrase_pattern(_WORDS) + r")(\w*)")


def _scan(low: str) -> list[tuple[str, bool, tuple[int, int]]]:
    found: list[tuple[str, bool, tuple[int, int]]] = []
    for m in _ANY.finditer(low):
        key = _key(m.group(1))
        entry = _TABLE.get(key)
        if entry is None:
            continue
        stem, domains = entry
        if not stem and m.group(2) not in ("", "s", "es"):
            continue
        span = (m.start(), m.end())
        found.extend((domain, core, span) for domain, core in domains)
    return found


def domains_in(low: str) -> set[str]:
    """Every domain a folded text mentions (core or context words)."""
    return {domain for domain, _, _ in _scan(low)}


def core_domains_in(low: str) -> dict[str, tuple[int, int]]:
    """Domains whose *core* words the text mentions, with the span of the first such word."""
    out: dict[str, tuple[int, int]] = {}
    for domain, core, span in _scan(low):
        if core and domain not in out:
            out[domain] = span
    return out
