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
_QUOTED = re.compile(r"[\"“]([^\"“”]{6,160})[\"”]")
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Specifics:
    """Values for the specific slots; None where the request did not say."""

    situation: str | None = None
    valued_activity: str | None = None
    person: str | None = None
    client_phrase: str | None = None
    strength: str | None = None

    def as_slots(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


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


def _situation(text: str) -> str | None:
    for match in _SITUATION.finditer(text):
        phrase = _clause(match[1])
        if len(phrase.split()) >= 1 and not _FIRST_PERSON.search(phrase):
            return phrase
    return None


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


def extract(
    presenting_problem: str,
    impairments: list[str] | None = None,
    strengths: list[str] | None = None,
    client_words: str | None = None,
) -> Specifics:
    """What the request says about this client, for the drafter's specific slots."""
    strengths = [s.strip() for s in strengths or [] if s.strip()]
    sources = [presenting_problem, *(impairments or [])]
    joined = " ".join(s.strip() for s in sources if s and s.strip())
    person = _PERSON.search(joined) or _PERSON.search(" ".join(strengths))
    return Specifics(
        situation=_situation(joined),
        valued_activity=_given_up(joined) or _strength_activity(strengths),
        person=person[1].lower() if person else None,
        client_phrase=(client_words or "").strip().strip('"“”').strip() or _quoted(joined),
        strength=_noun_phrase(strengths[0]) if strengths else None,
    )
