"""Risk language in a presenting problem: risk to self and risk of harm to others.

``detect(text)`` is a pure function (no library, no clock, no I/O) shared by the drafter, which
adds a safety problem for what it finds, and by the audit, which flags risk that a plan leaves
unaddressed. Its API is small and stable::

    risk = detect("Denies suicidal intent, but wishes she could sleep and not wake up.")
    risk.self_harm, risk.others, risk.any   # bool
    risk.phrases                            # the matched words (normalised), live hits only
    risk.hits                               # one Hit per live phrase: category, kind, target
    risk.set_aside                          # phrases found but not counted, each with a reason
    risk.categories                         # e.g. ("passive_death_wish",)

How it decides
--------------
1. **Lexicons of patterns, not sentences.** Each entry is a regular expression over the
   normalised tokens (``signals.tokenise``: lower case, contractions spelt out, words joined by
   single spaces, punctuation as its own token). Entries are grouped by *category* (what a
   reviewer would call it: passive death wish, active ideation, method, means, preparatory act,
   self-harm, attempt, harm to others) and carry a *kind* that the exclusions below look at.
   Self risk includes death wishes worded without "suicide" ("would not mind if she didn't wake
   up", "wishes she could stop existing"), methods and places ("jumping from the car park",
   "stepping in front of a train"), means (firearms, rope, hoarded or someone else's tablets,
   "lethal"), preparatory acts (goodbye letters, a sudden will, giving treasured things away,
   searching for doses or methods, rehearsal) and self-injury described by act and body part.
   Risk to others is a violence verb with a *person* as its object ("thoughts of stabbing his
   brother", "urges to shake the baby"), threats, homicidal ideation, and weapons with a threat.
2. **Denials** use the drafter's negation rules (``signals.negation_cue``): "denies SI/HI", "no
   thoughts of wanting to be dead", "firearms: none". A denial reaches across a list but not past
   a new clause ("denies SI, wishes she were dead" still counts the wish), and a denial of intent
   or plan never cancels a death wish stated beside it: they are separate phrases.
3. **Figures of speech** never count: an idiom pattern that overlaps the phrase sets it aside
   ("my feet are killing me", "kill for a coffee", "dead serious", "the death of me", "dying to
   see", "career suicide", "suicide sprints", "beats himself up", "cut herself off", "hang out").
4. **Ego-dystonic intrusive thoughts** (OCD, perinatal intrusions): a *thought* of harm (not a
   wish, a plan, an act, means or a preparatory act) is set aside when its sentence frames it as
   unwanted and feared ("horrified by", "what if", "fears she might", "no wish to harm", "by
   mistake", "OCD"), unless the same sentence says the person might act or wants to.
5. **Fear of death is not a wish for it** (panic, health anxiety, phobia): "afraid of dying",
   "worries she will die young".
6. **Another person's death or act** ("her brother died by suicide", "a friend killed himself",
   "her ex threatened to kill her") is not the client's risk.
7. **Remote history with nothing current**: when the text says nothing is current ("none since",
   "denies current ideation", "no thoughts of death now"), hits in sentences dated to the remote
   past ("at 16", "in 1989", "20 years ago", "at university", "in her twenties") are set aside.
   A history with no such statement still counts ("history of overdose in 2021").

Safety first: where a reading is uncertain the phrase counts. The cost of an extra safety
problem the clinician deletes is small; the cost of a missed one is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from txplan.core.drafting import signals
from txplan.core.drafting.risk_guards import (
    _ACCIDENT,
    _ACTING,
    _CLAUSE_BREAKS,
    _CLAUSE_STARTERS,
    _CURRENT,
    _DELIBERATE,
    _FEAR_OF_DEATH,
    _IDIOMS,
    _NOT_SELF_INJURY,
    _NOTHING_CURRENT,
    _OCD_FRAME,
    _PLANNED_ENDING,
    _REMOTE_PAST,
    _STRONG_EGO_DYSTONIC,
    _THIRD_PARTY,
    _WEAK_EGO_DYSTONIC,
    _feared,
    _in_jest,
)
from txplan.core.drafting.risk_others import (
    RULES,
)
from txplan.core.drafting.risk_vocab import (
    ACT,
    BOTH,
    EXPLICIT,
    MEANS,
    OTHERS,
    PREP,
    SELF,
    THOUGHT,
    THREAT,
    WISH,
    Rule,
)


@dataclass(frozen=True)
class Hit:
    category: str  # passive_death_wish, active_ideation, method, access_to_means, ...
    kind: str  # explicit, wish, thought, act, means, prep, threat
    target: str  # "self", "others" or "both"
    phrase: str  # the words matched, as normalised
    reason: str = ""  # why it was set aside (empty for a live hit)


@dataclass(frozen=True)
class Risk:
    """What the detector found in one text."""

    self_harm: bool
    others: bool
    phrases: tuple[str, ...]
    hits: tuple[Hit, ...] = ()
    set_aside: tuple[Hit, ...] = ()  # denied, figures of speech, intrusive thoughts, history

    @property
    def any(self) -> bool:
        return self.self_harm or self.others

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.category for h in self.hits))

    def phrases_for(self, target: str) -> tuple[str, ...]:
        """Live phrases for ``SELF`` or ``OTHERS`` (hits for both count for each)."""
        return tuple(dict.fromkeys(h.phrase for h in self.hits if h.target in (target, BOTH)))


RiskFinding = Risk


@dataclass(frozen=True)
class _Span:
    rule: Rule
    start: int  # token index
    end: int  # token index, exclusive
    text: str
    sentence: int


def _sentence_bounds(words: tuple[str, ...]) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    begin = 0
    for i, word in enumerate(words):
        if word in (".", "!", "?"):
            bounds.append((begin, i + 1))
            begin = i + 1
    if begin < len(words):
        bounds.append((begin, len(words)))
    return bounds or [(0, 0)]


_CLAUSE_VERBS = frozenset(
    [
        "wishes",
        "wished",
        "wants",
        "wanted",
        "says",
        "said",
        "thinks",
        "thought",
        "feels",
        "felt",
        "talks",
        "talked",
        "wrote",
        "writes",
        "gave",
        "gives",
        "keeps",
        "kept",
        "bought",
        "looked",
        "searched",
        "researched",
        "hopes",
        "hoped",
        "prays",
        "prayed",
        "cuts",
        "cut",
        "took",
        "takes",
        "has",
        "had",
        "is",
        "was",
        "admits",
        "admitted",
        "reports",
        "reported",
        "describes",
        "described",
    ]
)


def _clause_start(words: tuple[str, ...], start: int) -> int:
    """Where the clause of token ``start`` begins for negation: after a comma that opens a new
    assertion ("denies SI, wishes she were dead"), else 0 (the negation rules decide)."""
    j = start - 1
    while j > 0:
        if words[j] in (".", ";", ":", "!", "?"):
            return j + 1
        if words[j] == "," and j + 1 < len(words) and words[j + 1] in _CLAUSE_STARTERS:
            return j + 1
        # "denies SI and wishes she were dead": "and" before a verb opens a new clause.
        if words[j] in ("and", "or") and j + 1 < len(words) and words[j + 1] in _CLAUSE_VERBS:
            return j + 1
        j -= 1
    return 0


def _negated(words: tuple[str, ...], start: int, end: int, kind: str) -> str:
    cut = _clause_start(words, start)
    cue = signals.negation_cue(words[cut:], start - cut, end - cut)
    if cue or kind != MEANS:
        return cue
    # Means: "does not have access to a gun", "no access to firearms or medication".
    j = start - 1
    while j >= cut and start - j <= 6:
        word = words[j]
        if word in (".", ";", ":", "!", "?", "but"):
            break
        if word in ("no", "not", "never", "denies", "denied", "without", "none"):
            return word
        j -= 1
    return ""


def _clause_of(words: tuple[str, ...], token: int) -> tuple[int, int]:
    """The clause around ``token``: between sentence ends, semicolons and "but", "now"."""
    start = token
    while start > 0 and words[start - 1] not in _CLAUSE_BREAKS:
        start -= 1
    end = token
    while end < len(words) and words[end] not in _CLAUSE_BREAKS:
        end += 1
    return start, end


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _ego_dystonic(rule: Rule, sentence: str, text: str) -> bool:
    """A thought of harm framed as unwanted and feared, with nothing saying it may be acted on.

    Harm to others: a strong cue in the sentence ("horrified", "what if", "fears she might",
    "would never"), or two weak ones ("intrusive", "avoids"), or one weak one when the text has
    a strong one. Self: only with a strong cue in the sentence and an OCD-like frame in the
    text, since "intrusive suicidal thoughts" in depression are real ideation.
    """
    if _ACTING.search(sentence):
        return False
    strong = bool(_STRONG_EGO_DYSTONIC.search(sentence))
    weak = len(_WEAK_EGO_DYSTONIC.findall(sentence))
    text_strong = bool(_STRONG_EGO_DYSTONIC.search(text))
    if rule.target == OTHERS:
        return strong or weak >= 2 or (weak >= 1 and text_strong)
    return strong and (weak >= 1 or bool(_OCD_FRAME.search(text)))


def detect(text: str) -> Risk:
    """The risk language in ``text``: live hits, and what was set aside and why."""
    # Clock times and ratios are one token: "the 7:40 train".
    tokens = signals.tokenise(re.sub(r"(\d)[:.](\d)", r"\1\2", text))
    words, joined = tokens.words, tokens.joined
    sentences = _sentence_bounds(words)
    sentence_text = [" ".join(words[s:e]) for s, e in sentences]

    def sentence_index(token: int) -> int:
        for n, (s, e) in enumerate(sentences):
            if s <= token < e:
                return n
        return len(sentences) - 1

    def token_span(match: re.Match[str]) -> tuple[int, int]:
        return tokens.index_at(match.start()), tokens.index_at(match.end() - 1) + 1

    idioms = {
        SELF: [token_span(m) for t, p in _IDIOMS if t != OTHERS for m in p.finditer(joined)],
        OTHERS: [token_span(m) for t, p in _IDIOMS if t != SELF for m in p.finditer(joined)],
    }
    third_party = [token_span(m) for m in _THIRD_PARTY.finditer(joined)]

    spans: list[_Span] = []
    for rule in RULES:
        if rule.needs is not None and not rule.needs.search(joined):
            continue
        for match in rule.pattern.finditer(joined):
            start, end = token_span(match)
            spans.append(_Span(rule, start, end, match[0], sentence_index(start)))

    live: list[tuple[_Span, Hit]] = []
    aside: list[Hit] = []
    for span in spans:
        rule = span.rule
        sentence = sentence_text[span.sentence]
        # Overlapping phrases share one verdict on negation: "no thoughts that life is not
        # worth living" denies the inner "not worth living" too.
        first = min(
            (s.start for s in spans if s.start < span.end and span.start < s.end), default=0
        )
        reason = ""
        targets = (SELF, OTHERS) if rule.target == BOTH else (rule.target,)
        if all(_overlaps(idioms[t], span.start, span.end) for t in targets):
            reason = "figure of speech"
        elif (
            rule.kind == ACT
            and rule.target == SELF
            and _NOT_SELF_INJURY.search(sentence)
            and not re.search(
                r"(?<![a-z0-9])(?:deliberate\w*|on purpose|intentional\w*"
                r"|self ?harm\w*|punish\w*)",
                sentence,
            )
        ):
            reason = "injury that is not self-injury"
        elif cue := _negated(words, first, span.end, rule.kind):
            reason = f"denied ({cue})"
        elif rule.kind in (EXPLICIT, ACT, THOUGHT, THREAT) and any(
            s <= span.start < e for s, e in third_party
        ):
            reason = "about another person"
        elif rule.kind in (THOUGHT, EXPLICIT) and _ego_dystonic(rule, sentence, joined):
            reason = "unwanted intrusive thought (ego-dystonic)"
        elif rule.category == "thoughts_of_death" and _FEAR_OF_DEATH.search(sentence):
            reason = "fear of dying, not a wish to die"
        elif (
            rule.target == OTHERS
            and rule.kind == THOUGHT
            and _ACCIDENT.search(sentence)
            and not _DELIBERATE.search(sentence)
        ):
            reason = "an accident, not an intent"
        elif rule.kind == THOUGHT and rule.target == SELF and _feared(words, span.start):
            reason = "a fear, not an intent"
        elif _in_jest(rule, span.text, sentence):
            reason = "said in jest"
        hit = Hit(rule.category, rule.kind, rule.target, span.text, reason)
        if reason:
            aside.append(hit)
        else:
            live.append((span, hit))

    # End-of-life planning in terminal illness, or a will on a solicitor's advice, is not a
    # preparatory act when nothing else points to a wish to die.
    if _PLANNED_ENDING.search(joined) and not any(
        h.kind in (WISH, EXPLICIT, ACT) and h.target != OTHERS for _, h in live
    ):
        kept = []
        for span, hit in live:
            if hit.kind == PREP:
                aside.append(
                    Hit(hit.category, hit.kind, hit.target, hit.phrase, "end-of-life planning")
                )
            else:
                kept.append((span, hit))
        live = kept

    # Remote history: hits dated to the remote past are set aside when nothing is current.
    if _NOTHING_CURRENT.search(joined):
        kept = []
        for span, hit in live:
            clause = " ".join(words[slice(*_clause_of(words, span.start))])
            if (
                _REMOTE_PAST.search(clause)
                and not _CURRENT.search(clause)
                and hit.kind in (EXPLICIT, ACT, THOUGHT, WISH)
            ):
                aside.append(Hit(hit.category, hit.kind, hit.target, hit.phrase, "remote history"))
            else:
                kept.append((span, hit))
        live = kept

    hits = [hit for _, hit in sorted(live, key=lambda pair: (pair[0].start, -pair[0].end))]
    return Risk(
        self_harm=any(h.target in (SELF, BOTH) for h in hits),
        others=any(h.target in (OTHERS, BOTH) for h in hits),
        phrases=tuple(dict.fromkeys(h.phrase for h in hits)),
        hits=tuple(hits),
        set_aside=tuple(aside),
    )
