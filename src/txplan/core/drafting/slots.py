"""Template slots: ``{name}`` inside a library sentence, filled by the drafter.

Kept apart from the loader and the drafter because both need the same idea of what a slot is
and which slots the drafter can fill on its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

SLOT = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
# Any brace left after removing well-formed slots is a typo such as "{count" or "{Count}".
_STRAY_BRACE = re.compile(r"[{}]")

# Slots the drafter always fills itself, whatever the entry says.
COMPUTED_SLOTS: frozenset[str] = frozenset({"client", "timeframe", "target_date"})
# Filled from the entry's criterion (or the area's first measure); no default needed then.
MEASURE_SLOTS: frozenset[str] = frozenset({"measure", "threshold"})
# Specifics taken from the request when it has them; the entry must give a default for the
# drafts where it does not, so a sentence always reads whole.
SPECIFIC_SLOTS: frozenset[str] = frozenset(
    {"situation", "valued_activity", "person", "client_phrase", "strength"}
)


def slots_in(text: str) -> list[str]:
    """The slot names used in ``text``, in order of first use."""
    return list(dict.fromkeys(SLOT.findall(text)))


def stray_braces(text: str) -> bool:
    """True when ``text`` has a brace that is not part of a well-formed ``{slot}``."""
    return bool(_STRAY_BRACE.search(SLOT.sub("", text)))


# The library writes the client's aim as a closing clause: ", toward the aim to '{client_phrase}'".
# A quote the client never said is invented, so without the client's words the clause goes; with
# them, it is rewritten so that any sentence the client said reads whole after it.
_AIM_CLAUSE = re.compile(
    r",?\s*(?:working\s+)?(?:toward|in line with)\s+(?:the\s+)?(?:client's\s+)?aim"
    r"(?:\s+in the client's own words)?(?:\s+to|:)\s*'\{client_phrase\}'"
)


def aim_clause(text: str, phrase: str, client: str) -> str:
    """``text`` with its client-aim clause dropped (no phrase) or quoting the phrase as said."""
    if "{client_phrase}" not in text:
        return text
    said = phrase.strip().strip("'\"“”‘’").strip()
    if not said:
        out = _AIM_CLAUSE.sub("", text)
        # A clause left elsewhere in the sentence: the slot alone, as neutral words.
        return out.replace("'{client_phrase}'", "{client_phrase}")
    said = said.rstrip(".!?")
    # Braces in what the client said must not read as slots.
    said = said.replace("{", "(").replace("}", ")")
    return _AIM_CLAUSE.sub(lambda _m: f', in {client}\'s words: "{said}"', text)


def fill(text: str, values: Mapping[str, object]) -> str:
    """``text`` with every slot replaced; a missing value is a KeyError naming the slot."""
    if "{client_phrase}" in text:
        text = aim_clause(text, str(values.get("client_phrase") or ""), "{client}")

    def one(match: re.Match[str]) -> str:
        value = values[match[1]]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)

    out = SLOT.sub(one, text)
    # A sentence may start with a slot ("{client} will …"): keep its first letter upper case.
    return out[:1].upper() + out[1:] if out else out


def number_text(value: float) -> str:
    """9.0 → "9", 2.5 → "2.5": numbers as a clinician would write them."""
    return f"{value:g}"
