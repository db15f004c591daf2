"""Finding an area's signal phrases in a presenting problem, with negation.

"Denies suicidal ideation" must not choose the safety area, while "denies intent but has
thoughts of suicide" and "no SI, but cut her arm last week" must. The rules below are
deliberately lopsided: a negation only counts when it clearly governs the phrase, because
missing real risk language costs far more than one extra problem the clinician deletes.

Signal syntax (see docs/library-format.md): words matched whole and case-insensitively;
``word*`` matches any word starting with ``word``; ``a|b`` matches either word; ``...`` lets up
to three words come between its neighbours.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

# Tokens: words, and the punctuation that ends or splits a clause.
_TOKEN = re.compile(r"[a-z0-9]+|[.;:!?()\[\]]|,")
_HARD_STOPS = frozenset(".;:!?()[]")
# Words that start a new assertion, so a negation before them does not reach past them.
_TERMINATORS = frozenset(
    {
        "but",
        "however",
        "although",
        "though",
        "yet",
        "except",
        "whereas",
        "while",
        "endorses",
        "endorsed",
        "endorsing",
        "reports",
        "reported",
        "reporting",
        "admits",
        "admitted",
        "acknowledges",
        "acknowledged",
        "states",
        "stated",
        "describes",
        "described",
        "says",
        "said",
        "notes",
        "noted",
        "discloses",
        "disclosed",
        "presents",
        "experiences",
        "experiencing",
        "feels",
        "has",
        "had",
        "now",
        "currently",
        "recently",
        "since",
    }
)
_HAVE = frozenset({"has", "had", "have", "having", "felt", "experienced", "reported", "made"})
# Negations whose scope runs across a list ("denies SI, HI or AVH").
_STRONG = frozenset({"denies", "denied", "deny", "denying", "without", "negative"})
_STRONG_PAIRS = frozenset(
    {
        ("no", "history"),
        ("no", "hx"),
        ("no", "evidence"),
        ("no", "signs"),
        ("no", "current"),
        ("no", "reported"),
        ("ruled", "out"),
        ("rules", "out"),
        ("free", "of"),
        ("absence", "of"),
    }
)
# Negations that only reach the next couple of words ("no SI", "not suicidal").
_WEAK = frozenset({"no", "not", "never", "none", "nor"})
_WEAK_REACH = 2
# Negation words that are not negations here: "no longer enjoys", "cannot stop thinking".
_PSEUDO = frozenset(
    {
        ("no", "longer"),
        ("not", "only"),
        ("not", "stop"),
        ("not", "sure"),
        ("no", "matter"),
        ("not", "help"),
    }
)
# A denial of intent or plan is not a denial of the thoughts: "denies intent to act on her
# suicidal thoughts" still reports suicidal thoughts.
_INTENT_WORDS = frozenset({"intent", "intention", "plan", "plans", "act", "acting", "means"})
# ... but only when the intent is to act *on* the phrase, which presupposes it.
_PRESUPPOSING = frozenset({"act", "acting", "on", "upon"})
# "SI: denied", "self-harm - none".
_POST_CUES = frozenset({"denied", "denies", "negative", "neg", "none", "absent", "nil"})
_POST_SKIP = frozenset(
    {":", "is", "was", "are", "were", "currently", "has", "been", "all", "asq", "ssrs", "c"}
)
# Screening shorthand listed before one verdict: "SI/HI: denied", "SI, HI, SH - none".
_SCREEN_WORDS = frozenset(
    {
        "si",
        "hi",
        "sh",
        "sib",
        "avh",
        "ah",
        "vh",
        "nssi",
        "dsh",
        "suicidal",
        "homicidal",
        "ideation",
        "ideations",
        "thoughts",
        "intent",
        "plan",
        "plans",
        "self",
        "harm",
        "injury",
        "current",
        "past",
        "active",
        "passive",
        "recent",
        "or",
        "and",
        "nor",
        ",",
    }
)
_LIST_REACH = 8
# What may follow a verdict after the phrase: "SI: denied by pt today".
_VERDICT_TAIL = frozenset({",", "by", "at", "today", "currently", "and", "now", "on"})
_HAVE_LIST = frozenset(
    [
        "of",
        "any",
        "suicide",
        "self",
        "harm",
        "harming",
        "hurting",
        "death",
        "dying",
        "wanting",
        "to",
        "die",
        "killing",
    ]
)
# Nouns a phrase often leads into before its verdict: "suicidal ideation: denied".
_HEAD_NOUNS = frozenset(
    {
        "ideation",
        "ideations",
        "thoughts",
        "thinking",
        "ideas",
        "urges",
        "behaviour",
        "behavior",
        "behaviours",
        "behaviors",
        "attempts",
        "attempt",
        "history",
        "risk",
        "symptoms",
        "attacks",
        "screen",
        "screening",
        "assessment",
    }
)
_GAP = r"(?: [a-z0-9]+){0,3}"


def _normalise(text: str) -> str:
    # Contractions become their negation: "doesn't" → "does not", "can't" → "can not".
    lowered = text.lower().replace("\u2019", "'")
    lowered = re.sub(r"\bcan't\b|\bcannot\b", "can not", lowered)
    lowered = re.sub(r"\bwon't\b", "will not", lowered)
    lowered = re.sub(r"n't\b", " not", lowered)
    return lowered


@dataclass(frozen=True)
class Tokens:
    words: tuple[str, ...]
    starts: tuple[int, ...]  # character offset of each token in ``joined``
    joined: str  # the tokens joined by single spaces: what signal patterns run over

    def index_at(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


def tokenise(text: str) -> Tokens:
    words = tuple(_TOKEN.findall(_normalise(text)))
    starts: list[int] = []
    position = 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    return Tokens(words, tuple(starts), " ".join(words))


def _word_pattern(token: str) -> str:
    alternatives = []
    for alt in token.split("|"):
        stem = re.sub(r"[^a-z0-9*]", "", alt)
        if not stem.strip("*"):
            continue
        tail = "[a-z0-9]*" if stem.endswith("*") else ""
        alternatives.append(re.escape(stem.rstrip("*")) + tail)
    return "(?:" + "|".join(alternatives) + ")" if alternatives else ""


@cache
def compile_signal(signal: str) -> re.Pattern[str] | None:
    """The signal phrase as a regular expression over ``Tokens.joined``; None if it is empty."""
    text = _normalise(signal).replace("-", " ").replace("/", "|")
    parts: list[str] = []
    pending_gap = False
    for raw in text.split():
        if raw in ("...", "…"):
            pending_gap = bool(parts)
            continue
        pattern = _word_pattern(raw)
        if not pattern:
            continue
        if parts:
            parts.append(_GAP + " " if pending_gap else " ")
        parts.append(pattern)
        pending_gap = False
    if not parts:
        return None
    return re.compile(r"(?<![a-z0-9])" + "".join(parts) + r"(?![a-z0-9])")


@dataclass(frozen=True)
class Mention:
    signal: str  # the library's signal phrase
    text: str  # the words it matched, as normalised
    negated: bool
    cue: str = ""  # the negation word, when negated


def _pre_negation(words: tuple[str, ...], start: int) -> str:
    """The negation cue that governs the match starting at token ``start``, or ""."""
    comma_or_and = False
    j = start - 1
    while j >= 0:
        word = words[j]
        # "has never had thoughts of suicide", "has not had any": the negation comes with "had".
        if word in _HAVE and j > 0 and words[j - 1] in ("never", "not"):
            listed = all(w in _SCREEN_WORDS or w in _HAVE_LIST for w in words[j + 1 : start])
            if start - j <= 4 or (listed and start - j <= 10):
                return words[j - 1]
        if word in _HARD_STOPS or word in _TERMINATORS:
            return ""
        if word in (",", "and", "or"):
            comma_or_and = True
            j -= 1
            continue
        nxt = words[j + 1] if j + 1 < len(words) else ""
        between = words[j + 1 : start]
        # "denies intent to act on her suicidal thoughts" still reports the thoughts; "no
        # intent to end her life" denies what follows.
        if _INTENT_WORDS.intersection(between) and _PRESUPPOSING.intersection(between):
            return ""
        if word in _STRONG or (word, nxt) in _STRONG_PAIRS:
            return word if word in _STRONG else f"{word} {nxt}"
        if word in _WEAK and (word, nxt) not in _PSEUDO:
            reach = start - j - 1
            if not comma_or_and and reach <= _WEAK_REACH:
                return word
            # "no SI, HI or self-harm": a list of screening words stays under the negation.
            if reach <= _LIST_REACH and all(w in _SCREEN_WORDS for w in between):
                return word
        j -= 1
    return ""


def _post_negation(words: tuple[str, ...], end: int) -> str:
    """A cue after the phrase: "SI: denied", "suicidal ideation: denied", "self-harm was denied"."""
    j = end
    while j < len(words) and j < end + 4 and (words[j] in _POST_SKIP or words[j] in _HEAD_NOUNS):
        j += 1
    # "SI/HI: denied", "SI, HI, SH: none": skip the rest of a list of screening words.
    k = j
    while k < len(words) and k < end + 8 and words[k] in _SCREEN_WORDS:
        k += 1
    if k > j:
        j = k
        while j < len(words) and j < k + 4 and (words[j] in _POST_SKIP or words[j] in _HEAD_NOUNS):
            j += 1
    if j < len(words) and words[j] in _POST_CUES:
        # "endorses pSI, denies aSI": a verb with its own object opens a new clause.
        nxt = words[j + 1] if j + 1 < len(words) else "."
        if words[j] in ("denies", "denied") and nxt not in _HARD_STOPS and nxt not in _VERDICT_TAIL:
            return ""
        return words[j]
    if j < len(words) and words[j] == "no" and (j + 1 == len(words) or words[j + 1] in _HARD_STOPS):
        return "no"
    return ""


def negation_cue(words: tuple[str, ...], start: int, end: int) -> str:
    """The cue that negates the phrase at tokens ``start:end`` ("denies", "no", "SI: denied"),
    or "" when the phrase is asserted."""
    return _pre_negation(words, start) or _post_negation(words, end)


def find(signals: list[str], tokens: Tokens) -> list[Mention]:
    """Every place where one of ``signals`` occurs, each marked negated or not."""
    out: list[Mention] = []
    for signal in signals:
        pattern = compile_signal(signal)
        if pattern is None:
            continue
        for match in pattern.finditer(tokens.joined):
            start = tokens.index_at(match.start())
            end = tokens.index_at(match.end() - 1) + 1
            cue = _pre_negation(tokens.words, start) or _post_negation(tokens.words, end)
            out.append(Mention(signal, match[0], bool(cue), cue))
    return out


def sentence_of(text: str, needle_words: str) -> str:
    """The sentence of ``text`` that contains the (normalised) words ``needle_words``."""
    for sentence in re.split(r"(?<=[.!?;])\s+", text.strip()):
        if needle_words and needle_words in tokenise(sentence).joined:
            return sentence.strip()
    return ""
