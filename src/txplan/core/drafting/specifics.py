"""The client's specifics, taken from the presenting problem, impairments and strengths.

Accreditors cite plans whose statements are the same for every client. The drafter therefore
carries what it can find into the library's slots: the avoided situation, the people involved,
the activity given up, a strength, and the client's own phrase. The extraction is plain pattern
matching on the clinician's own sentences; anything it cannot find leaves the library default in
place, and the statement is then reported as still generic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _split(text: str) -> list[str]:
    return text.split()


_CLAUSE_END = re.compile(
    r"[.,;:!?()\"“”]|\b(?:and|but|because|since|so|which|who|after|as|due|though|although|"
    r"when|while|until|for fear|or|despite|even)\b"
    # When it stopped is not part of the activity: "going to the gym (in March)".
    r"|\b(?:in|by|from) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\bin (?:19|20)\d\d\b|\b(?:last|this) (?:year|month|week|spring|summer|fall|autumn|winter)"
    r"|\bfor (?:\d+|a|two|three|several|many) (?:days|weeks|months|years)|\b\w+ (?:weeks|months"
    r"|years) ago",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|mine|myself|i'm|i've)\b", re.I)
_DETERMINERS = frozenset({"the", "a", "an", "her", "his", "their", "any", "all", "some", "this"})
_MAX_WORDS = 7

_SITUATION = re.compile(
    r"\b(?:avoids|avoid|avoiding|avoided|afraid of|scared of|fear of|fears|terrified of|"
    r"(?:anxious|nervous|panicky|uneasy) (?:about|in|at|when|before|during|around)|"
    r"panics? (?:in|at|when|while|during|on|before)|"
    r"panic attacks? (?:in|at|when|while|during|on|before)|dreads|dreading|"
    r"(?:can|could) not face|stopped going to|will not go to|refuses to go to)\s+(.+)",
    re.I,
)
# What the client has stopped doing: the activity a goal can bring back.
_GIVEN_UP = re.compile(
    r"\b(?:stopped|quit|gave up|has given up|no longer|used to enjoy|used to|misses|"
    r"(?:has|have) not (?:been to|returned to|gone back to|been back to)|cancell?ed|"
    r"dropped out of|dropped|"
    r"wants to (?:get back to|return to|go back to)|would like to (?:get back to|return to))"
    r"\s+(.+)",
    re.I,
)
_NEEDS_GERUND = re.compile(r"^(?:no longer|used to|wants to|would like to)\b", re.I)
_PERSON = re.compile(
    r"\b(?:her|his|their|my)\s+((?:best )?(?:wife|husband|partner|spouse|girlfriend|boyfriend|"
    r"fianc[ée]e?|son|daughter|children|kids|child|baby|toddler|mother|mom|father|dad|parents|"
    r"brother|sister|siblings|friends?|boss|manager|supervisor|co-?workers?|colleagues?|"
    r"teacher|roommate|grandmother|grandfather|family|classmates|team))\b",
    re.I,
)
# A role word after a possessive ("argues with his dad"), or opening a clause ("Wife worried."):
# "a child's death" names no one in the client's life.
_PERSON_ANY = re.compile(
    r"(?:\b(?:her|his|their|my)\s+|(?:^|[.;:]\s*)(?=[A-Z]))"
    r"((?:best |older |younger |little |big |step)?(?:wife|husband|partner|spouse|girlfriend|"
    r"boyfriend|fianc[ée]e?|son|daughter|children|kids|child|baby|toddler|mother|mom|mum|"
    r"father|dad|parents|brother|sister|siblings|friends?|boss|manager|supervisor|co-?workers?|"
    r"colleagues?|teachers?|roommate|grandmother|grandfather|grandma|grandpa|aunt|uncle|"
    r"classmates|coach|stepmother|stepfather|stepdad|stepmom|in-laws|mother-in-law))\b",
    re.I,
)
_QUOTED = re.compile(r"[\"“]([^\"“”]{6,160})[\"”]")
_VOWELS = "aeiou"

# People, by role. A role slot ({person}) takes only a person whose role fits what the entry
# means (a parent in parent training, a partner in couples work): a teacher is never written into
# the parent's place. The same lexicon lets the tests check that every person named in a draft
# comes from the request.
ROLE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        _split("wife husband partner spouse girlfriend boyfriend fiance fiancee fiancé fiancée"),
        "partner",
    ),
    **dict.fromkeys(
        _split(
            "mother mom mum mommy mummy father dad daddy parents parent stepmother stepfather "
            "stepmom stepdad foster guardian caregiver caregivers"
        ),
        "parent",
    ),
    **dict.fromkeys(
        _split(
            "son daughter children kids child baby toddler infant stepson stepdaughter "
            "teenager newborn"
        ),
        "child",
    ),
    **dict.fromkeys(_split("brother sister siblings sibling twin"), "sibling"),
    **dict.fromkeys(
        _split(
            "grandmother grandfather grandma grandpa grandparents nan granny aunt uncle cousin "
            "niece nephew in-laws mother-in-law father-in-law relatives family"
        ),
        "relative",
    ),
    **dict.fromkeys(
        _split("friend friends roommate roommates flatmate neighbour neighbor"), "friend"
    ),
    **dict.fromkeys(
        _split(
            "boss manager supervisor coworker coworkers co-worker co-workers colleague colleagues "
            "employer team"
        ),
        "work",
    ),
    **dict.fromkeys(
        _split("teacher teachers classmates classmate coach tutor principal"), "school"
    ),
}
_CLOSE = frozenset({"partner", "parent", "child", "sibling", "relative", "friend"})
# What each area means by {person}; areas not listed mean someone close to the client.
AREA_ROLES: dict[str, frozenset[str]] = {
    "child_adhd": frozenset({"parent"}),
    "odd_conduct": frozenset({"parent"}),
    "separation_anxiety": frozenset({"parent"}),
    "school_refusal": frozenset({"parent"}),
    "couples_conflict": frozenset({"partner"}),
    "family_conflict": frozenset({"parent", "child", "sibling", "relative", "partner"}),
    "caregiver_stress": frozenset({"parent", "partner", "child", "sibling", "relative"}),
    "occupational": frozenset({"work"}),
    "social_anxiety": _CLOSE | {"work", "school"},
    "loneliness": _CLOSE | {"work"},
    "phase_of_life": _CLOSE | {"work"},
    "low_self_esteem": _CLOSE | {"work"},
}
# The neutral words written when the request names no fitting person. A parent (of a child in
# treatment) and a partner (in couples work) are implied by the area itself; anyone else is for
# the clinician to name, and the audit reports the bracket as a placeholder in a draft.
ROLE_NEUTRAL: dict[frozenset[str], str] = {
    frozenset({"parent"}): "parent or caregiver",
    frozenset({"partner"}): "partner",
}
PERSON_TO_NAME = "[to complete: who]"
SITUATION_TO_NAME = "[to complete: situations to name with the client]"
ACTIVITY_NEUTRAL = "the activities {client} has given up"
STRENGTH_NEUTRAL = "existing strengths and supports"

# Concrete activities, hobbies and places of work a library default must never bring into a
# plan; the tests check every draft against them.
ACTIVITY_WORDS: frozenset[str] = frozenset(
    _split("""pottery board game games club choir orchestra band football soccer basketball baseball
    netball rugby hockey tennis golf cricket volleyball swimming running jogging cycling hiking
    gym yoga pilates dance dancing painting drawing knitting sewing baking cooking gardening
    fishing hunting camping climbing skating skiing surfing guitar piano violin drums singing
    theatre theater drama book reading chess poker bingo church mosque temple synagogue
    volunteering volunteer mentoring coaching brunch walking hike warehouse bakery factory
    restaurant shop store office shift shifts nursing teaching retail café cafe bar pub
    pram park beach allotment museum cinema concert karate boxing martial crafts art
    photography""")
)
# Head nouns that make a library default a neutral description, not an invented detail.
_NEUTRAL_HEADS = re.compile(
    r"\b(?:situations?|places|reminders|activities|routines|changes|triggers|outings|"
    r"strengths|supports|projects|duties|roles|contacts)\b",
    re.I,
)


@dataclass(frozen=True)
class Person:
    """A person the request names: the words as written ("husband") and their role group."""

    word: str
    role: str


@dataclass(frozen=True)
class Fact:
    """One thing the request says about the client, for individualising statements.

    ``kind``: situation, activity, person, impairment, number or words. ``phrase``: a short form
    ("driving on the highway"); ``raw``: the clause as the clinician wrote it, verbatim.
    ``domain``: the impairment domain it belongs to, where one is known.
    """

    kind: str
    phrase: str
    raw: str
    domain: str = ""


@dataclass(frozen=True)
class Specifics:
    """Values for the specific slots; None where the request did not say."""

    situation: str | None = None
    valued_activity: str | None = None
    person: str | None = None
    client_phrase: str | None = None
    strength: str | None = None
    situations: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    facts: tuple[Fact, ...] = ()

    def as_slots(self) -> dict[str, str]:
        """The specific slots the request fills; ``person`` is left to ``person_for``."""
        out = {
            "situation": self.situation,
            "valued_activity": self.valued_activity,
            "client_phrase": self.client_phrase,
            "strength": self.strength if self.strength and _noun_like(self.strength) else None,
        }
        return {k: v for k, v in out.items() if v}

    def person_for(self, area_id: str) -> str | None:
        """The first person the request names whose role fits what ``area_id`` means."""
        roles = AREA_ROLES.get(area_id, _CLOSE)
        return next((p.word for p in self.people if p.role in roles), None)


def area_roles(area_id: str) -> frozenset[str]:
    return AREA_ROLES.get(area_id, _CLOSE)


def neutral_person(area_id: str) -> str:
    """The words for {person} when the request names no one fitting."""
    return ROLE_NEUTRAL.get(area_roles(area_id), PERSON_TO_NAME)


def invented_words(text: str) -> set[str]:
    """People and activity words in ``text`` (the lexicons above), lower case."""
    words = set(re.findall(r"[a-zé]+(?:-[a-z]+)*", text.lower()))
    return {w for w in words if w in ROLE_WORDS or w in ACTIVITY_WORDS}


def is_neutral(default: str) -> bool:
    """True when a library default describes a kind of thing instead of inventing one."""
    return bool(_NEUTRAL_HEADS.search(default)) and not invented_words(default)


def neutral_default(slot: str, default: object, area_id: str) -> object:
    """A library default for a specific slot, replaced when it would invent something.

    The client's phrase never has a default (a quote the client did not say is invented; the
    drafter drops the clause instead). A person slot takes the area's fitting role or a bracket
    for the clinician. A situation, activity or strength default is kept only when it names a
    kind of thing ("situations that set off worry"), never a detail ("the pottery class").
    """
    if slot == "person":
        return neutral_person(area_id)
    if slot == "client_phrase":
        return ""
    text = str(default)
    if is_neutral(text):
        return text
    if slot == "situation":
        return SITUATION_TO_NAME
    if slot == "valued_activity":
        return ACTIVITY_NEUTRAL
    if slot == "strength":
        return STRENGTH_NEUTRAL
    return text


def _noun_like(text: str) -> bool:
    """'supportive sister' reads after "{client}'s"; 'close to her sister' does not."""
    return not re.match(
        r"(?:is|are|was|has|had|have|loves|likes|enjoys|works|worked|can|will|gets|goes|"
        r"keeps|attends|plays|volunteers|\w+ (?:to|with|at|in|of|about))\b",
        text,
        re.I,
    )


def _clause(text: str) -> str:
    """The words up to the end of the clause, at most a handful."""
    cut = _CLAUSE_END.search(text)
    words = (text[: cut.start()] if cut else text).split()[:_MAX_WORDS]
    # Trailing filler such as "the" left by the cut reads as a broken sentence.
    while words and words[-1].lower() in _DETERMINERS | {"to", "of", "in", "at", "with", "on"}:
        words.pop()
    return " ".join(words)


def _gerund(verb: str) -> str:
    """'plays' → 'playing', 'goes' → 'going', 'paint' → 'painting'; leaves '-ing' words alone."""
    word = verb.lower()
    if word.endswith("ing") or word in _DETERMINERS:
        return verb
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("shes", "ches", "xes", "sses", "oes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
        return word[:-1] + "ing"
    if (
        len(word) <= 4
        and len(word) >= 3
        and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        return word + word[-1] + "ing"
    return word + "ing"


def _is_person_phrase(phrase: str) -> bool:
    """'her sister' or 'his boss' is a person, not a situation."""
    words = phrase.lower().split()
    return len(words) <= 3 and words[-1] in ROLE_WORDS


def _situation_list(text: str) -> list[tuple[str, str]]:
    """Every avoided or feared situation: (phrase, the clause as written)."""
    out: list[tuple[str, str]] = []
    for match in _SITUATION.finditer(text):
        cut = re.search(
            r"[.;:!?()]|\b(?:because|since|but|so|which|who|after|due|though|"
            r"although|when|while|until|despite|even)\b",
            match[1],
            re.I,
        )
        tail = match[1][: cut.start()] if cut else match[1]
        raw = (match[0][: len(match[0]) - len(match[1])] + tail).strip(" ,")
        for part in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", tail):
            phrase = _clause(part)
            if (
                phrase
                and not _FIRST_PERSON.search(phrase)
                and not _is_person_phrase(phrase)
                and phrase.lower() not in {p.lower() for p, _ in out}
            ):
                out.append((phrase, raw))
            if len(out) >= 3:
                return out
    return out


def _situation(text: str) -> str | None:
    found = _situation_list(text)
    return found[0][0] if found else None


def _people(*texts: str) -> list[Person]:
    out: list[Person] = []
    for text in texts:
        for match in _PERSON_ANY.finditer(text):
            word = match[1].lower()
            role = ROLE_WORDS.get(word.split()[-1])
            if role and word not in {p.word for p in out}:
                out.append(Person(word, role))
    return out


def _given_up(text: str) -> str | None:
    for match in _GIVEN_UP.finditer(text):
        phrase = _clause(match[1])
        if not phrase or _FIRST_PERSON.search(phrase):
            continue
        if _NEEDS_GERUND.match(match[0]):
            first, _, rest = phrase.partition(" ")
            phrase = f"{_gerund(first)} {rest}".strip()
        # "no longer enjoys anything" names no activity to return to.
        if phrase.split()[0].lower() in {"enjoying", "anything", "everything", "feeling", "being"}:
            continue
        return phrase
    return None


def _strength_activity(strengths: list[str]) -> str | None:
    for strength in strengths:
        match = re.search(r"\b(?:enjoys|loves|likes)\s+(.+)", strength, re.I)
        if match:
            return _clause(match[1]) or None
    return None


def _noun_phrase(text: str) -> str:
    # Strengths fill "{client}'s {strength}": "Supportive sister." → "supportive sister".
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


def _quoted(text: str) -> str | None:
    match = _QUOTED.search(text)
    return match[1].strip().rstrip(".") if match else None


_PIECES = re.compile(r"(?<=[.!?;])\s+|(?<=[.!?;][\"'”’)])\s+")
# A clause with a count or a frequency: a baseline an objective can be measured against
# ("panic attacks 3 times a week", "sleeps 4 hours", "missed 6 shifts"), not an age or a date.
_QUANTITY = (
    r"(?:\d+(?:\.\d+)?|once|twice|one|two|three|four|five|six|seven|eight|nine|ten|a few|"
    r"several|dozens? of)"
)
_NUMBER = re.compile(
    rf"\b{_QUANTITY}(?:-\d+)? (?:\w+ )?(?:times?|hours?|nights?|days?|shifts?|drinks?|beers?|"
    r"kg|attacks?|sessions?|visits?|lectures?|classes|calls?|hands?|cigarettes?|joints?|"
    r"exclusions?|detentions?|warnings?|applications?|deadlines?|errors?|fights?|"
    r"arguments?|episodes?|binges?|meals?|minutes?|weeks? of)\b"
    r"|\b(?:every|most|each) (?:day|night|morning|evening|week)s?\b|\b(?:daily|nightly)\b",
    re.I,
)
MAX_RAW = 160


def pieces(text: str) -> list[str]:
    """The clinician's sentences and ';' clauses, each without its closing punctuation."""
    out = []
    for part in _PIECES.split(text.strip()):
        part = part.strip().rstrip(".;!?").strip()
        if part:
            out.append(part)
    return out


def _piece_with(text: str, phrase: str) -> str:
    """The clause of ``text`` that holds ``phrase`` (verbatim), or the phrase itself."""
    for piece in pieces(text):
        if phrase.lower() in piece.lower() and len(piece) <= MAX_RAW:
            return piece
    return phrase


def extract(
    presenting_problem: str,
    impairments: list[str] | None = None,
    strengths: list[str] | None = None,
    client_words: str | None = None,
) -> Specifics:
    """What the request says about this client, for the drafter's specific slots."""
    strengths = [s.strip() for s in strengths or [] if s.strip()]
    sources = [presenting_problem, *(impairments or [])]
    # Each source ends a sentence of its own, so clauses never run across two of them.
    joined = " ".join(
        s.strip() if s.strip()[-1:] in ".!?;" else s.strip() + "."
        for s in sources
        if s and s.strip()
    )
    person = _PERSON.search(joined) or _PERSON.search(" ".join(strengths))
    situations = _situation_list(joined)
    given_up = _given_up(joined)
    activity = given_up or _strength_activity(strengths)
    people = _people(joined, *strengths)
    phrase = (client_words or "").strip().strip('"“”').strip() or _quoted(joined)
    facts: list[Fact] = [Fact("situation", p, raw) for p, raw in situations]
    if given_up:
        facts.append(Fact("activity", given_up, _piece_with(joined, given_up.split()[-1])))
    for who in people:
        raw = _piece_with(joined, who.word)
        if raw != who.word:
            facts.append(Fact("person", who.word, raw))
    for piece in pieces(joined):
        if _NUMBER.search(piece) and len(piece) <= MAX_RAW and len(piece.split()) >= 3:
            facts.append(Fact("number", piece, piece))
    facts += [Fact("strength", s, s) for s in strengths if len(s) <= MAX_RAW]
    return Specifics(
        situation=situations[0][0] if situations else None,
        valued_activity=activity,
        person=person[1].lower() if person else None,
        client_phrase=phrase,
        strength=_noun_phrase(strengths[0]) if strengths else None,
        situations=tuple(p for p, _ in situations),
        people=tuple(people),
        facts=tuple(facts),
    )
