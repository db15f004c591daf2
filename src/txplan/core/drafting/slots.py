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


def fill(text: str, values: Mapping[str, object]) -> str:
    """``text`` with every slot replaced; a missing value is a KeyError naming the slot."""

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
