"""Text helpers shared by the rule families: normalising, pattern building, spans.

Every rule works on ``Text.low``: the statement lower-cased, with typographic quotes and dashes
folded to ASCII. The fold keeps every character in place, so a match's offsets are offsets into
the clinician's original text and can be returned as a finding's span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# One-for-one character folds: the length never changes, so spans stay valid.
_FOLD = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "\u00a0": " ",
        "\t": " ",
        "\n": " ",
        "\r": " ",
    }
)


def fold(text: str) -> str:
    """Lower case with typographic punctuation folded, same length as ``text``."""
    low = text.translate(_FOLD).lower()
    if len(low) != len(text):
        # A handful of characters (e.g. 'İ') lower-case to two; keep those as they are so that
        # offsets still line up. Rare enough that the slow path does not matter.
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_FOLD))
    return low


def _trie(words: Iterable[str]) -> dict:
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _render(node: dict) -> str:
    # Longest alternatives first so that "panic attacks" wins over "panic".
    branches = []
    optional = "" in node
    for char in sorted(k for k in node if k):
        piece = r"[\s-]+" if char == " " else (r"[\s-]?" if char == "-" else re.escape(char))
        branches.append(piece + _render(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        body = "(?:" + body + ")?"
    return body


def phrase_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (literal phrases), built as a trie so that matching
    costs about the same for 10 words as for 300. A space matches white space or hyphens, and
    a hyphen also matches a space or nothing ("follow-up" = "follow up" = "followup")."""
    words = sorted({w.strip().lower() for w in words if w.strip()})
    return _render(_trie(words))


def words_re(words: Iterable[str], *, suffix: str = "") -> re.Pattern[str]:
    """Whole words or phrases; ``suffix`` (a regex) may follow, e.g. ``(?:s|es)?``."""
    return re.compile(r"\b(?:" + phrase_pattern(words) + ")" + suffix + r"\b")


def stems_re(stems: Iterable[str]) -> re.Pattern[str]:
    """Words beginning with one of ``stems``: ``depress`` matches depressed, depression …"""
    return re.compile(r"\b(?:" + phrase_pattern(stems) + r")\w*")


def whole(text: str) -> tuple[int, int]:
    """The span of a whole statement, without surrounding white space."""
    start = len(text) - len(text.lstrip())
    return (start, max(start, len(text.rstrip())))


def sentence_body(text: str) -> str:
    """The statement without its final full stop, for appending a clause in a rewrite."""
    return text.strip().rstrip(".;,! ")


NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "eighteen",
    "twenty",
    "thirty",
    "forty",
    "forty-five",
    "fifty",
    "sixty",
    "ninety",
    "hundred",
]

_NUMBER_VALUE = {w: i for i, w in enumerate(NUMBER_WORDS[:16], start=1)}
_NUMBER_VALUE.update(
    {
        "sixteen": 16,
        "eighteen": 18,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "forty-five": 45,
        "fifty": 50,
        "sixty": 60,
        "ninety": 90,
        "hundred": 100,
        "a": 1,
        "an": 1,
        "a couple of": 2,
        "couple of": 2,
        "several": 3,
    }
)


def number_value(token: str) -> float | None:
    """'12' → 12, 'twelve' → 12, 'a' → 1; None when it is not a number."""
    token = token.strip().lower()
    try:
        return float(token)
    except ValueError:
        value = _NUMBER_VALUE.get(token)
        return float(value) if value is not None else None
