"""Risk language in a presenting problem: risk to self and risk of harm to others.

``detect(text)`` is a pure function (no library, no clock) shared by the drafter, which adds a
safety problem for what it finds, and by the audit, which flags risk that a plan leaves
unaddressed. Its stable API::

    risk = detect("Denies intent, but wishes she would not wake up.")
    risk.self_harm, risk.others, risk.any   # bool
    risk.phrases                            # the matched words, as normalised
    risk.hits                               # one Hit per phrase: category, target, phrase

Early version: lexicons only; exclusions follow in the same module.
"""

from __future__ import annotations

from dataclasses import dataclass

from txplan.core.drafting import signals

SELF = "self"
OTHERS = "others"

# Category → signal phrases (syntax of docs/library-format.md#signals).
SELF_LEXICON: dict[str, tuple[str, ...]] = {
    "suicidal_ideation": (
        "suicid*",
        "si",
        "kill* myself|herself|himself|themselves|themself",
        "end* my|her|his|their life",
        "end it all",
        "take my|her|his|their own life",
        "want* to die",
    ),
    "passive_death_wish": (
        "better off dead",
        "better off without me|her|him|them",
        "wish* ... dead",
        "wish* ... not|never wake up",
        "not want* to be alive|here|around",
        "no reason to live",
        "not worth living",
    ),
    "self_harm": (
        "self harm*",
        "self injur*",
        "cut* myself|herself|himself|themselves|themself",
        "overdos*",
    ),
    "means": ("stockpil*", "firearm*", "gun|guns|rifle|pistol|shotgun|handgun"),
    "preparatory": (
        "goodbye|farewell letter*|note*",
        "giv* away ... belongings|possessions|things",
    ),
}
OTHERS_LEXICON: dict[str, tuple[str, ...]] = {
    "harm_to_others": (
        "homicid*",
        "hi",
        "kill*|hurt*|harm*|stab*|shoot* him|her|them|someone|somebody|people|everyone",
    ),
}


@dataclass(frozen=True)
class Hit:
    category: str  # e.g. passive_death_wish, means, preparatory, harm_to_others
    target: str  # SELF or OTHERS
    phrase: str  # the words matched, as normalised
    negated: bool = False
    cue: str = ""  # the negation cue or the reason the phrase was set aside


@dataclass(frozen=True)
class Risk:
    """What the detector found in one text."""

    self_harm: bool
    others: bool
    phrases: tuple[str, ...]
    hits: tuple[Hit, ...] = ()
    set_aside: tuple[Hit, ...] = ()  # denied, figures of speech, intrusive thoughts, remote history

    @property
    def any(self) -> bool:
        return self.self_harm or self.others

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.category for h in self.hits))

    def phrases_for(self, target: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.phrase for h in self.hits if h.target == target))


RiskFinding = Risk


def detect(text: str) -> Risk:
    """The risk language in ``text``: live hits, and what was set aside and why."""
    tokens = signals.tokenise(text)
    live: list[Hit] = []
    aside: list[Hit] = []
    for target, lexicon in ((SELF, SELF_LEXICON), (OTHERS, OTHERS_LEXICON)):
        for category, phrases in lexicon.items():
            for mention in signals.find(list(phrases), tokens):
                hit = Hit(category, target, mention.text, mention.negated, mention.cue)
                (aside if mention.negated else live).append(hit)
    return Risk(
        self_harm=any(h.target == SELF for h in live),
        others=any(h.target == OTHERS for h in live),
        phrases=tuple(dict.fromkeys(h.phrase for h in live)),
        hits=tuple(live),
        set_aside=tuple(aside),
    )
