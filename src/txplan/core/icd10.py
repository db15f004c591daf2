"""ICD-10-CM, offline, from the ``simple-icd-10-cm`` package.

Only billable codes (leaves of the classification) may stand on a plan: a claim with a category
such as F41 is rejected by payers, so ``lookup`` refuses it and names its billable children.
An unknown code is refused with the closest real codes.
"""

from __future__ import annotations

import difflib
import re
import warnings
from dataclasses import dataclass
from functools import cache
from types import ModuleType


@cache
def _classification() -> ModuleType:
    """The classification, loaded on first use: parsing it takes about two seconds, which
    every CLI command that never looks up a code would otherwise pay at start-up."""
    with warnings.catch_warnings():
        # The package imports pkg_resources, which warns on import in newer setuptools.
        warnings.simplefilter("ignore")
        import simple_icd_10_cm

    return simple_icd_10_cm


@dataclass(frozen=True)
class IcdCode:
    code: str  # with the dot, e.g. "F41.1"
    description: str
    billable: bool

    def __str__(self) -> str:
        return f"{self.code} {self.description}"


class IcdError(ValueError):
    """A code that cannot stand on a plan."""


class UnknownCode(IcdError):
    def __init__(self, code: str, suggestions: list[IcdCode]):
        self.code = code
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(s.code for s in suggestions)}?" if suggestions else ""
        super().__init__(f"{code!r} is not an ICD-10-CM code{hint}")


class NotBillable(IcdError):
    def __init__(self, code: IcdCode, children: list[IcdCode]):
        self.code = code.code
        self.children = children
        listed = ", ".join(c.code for c in children[:12])
        more = f" (and {len(children) - 12} more)" if len(children) > 12 else ""
        super().__init__(
            f"{code.code} ({code.description}) is a category, not a billable code; "
            f"use one of: {listed}{more}"
        )


_CODE_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$")


def normalise(code: str) -> str:
    """Upper case, trimmed, with the dot in place: ' f411 ' → 'F41.1'."""
    text = code.strip().upper()
    if _CODE_SHAPE.match(text) and "." not in text and len(text) > 3:
        text = f"{text[:3]}.{text[3:]}"
    return text


def _is_code(item: str) -> bool:
    return _classification().is_valid_item(item) and _classification().is_category_or_subcategory(
        item
    )


def _make(code: str) -> IcdCode:
    return IcdCode(code, _classification().get_description(code), _classification().is_leaf(code))


def _billable_descendants(code: str) -> list[IcdCode]:
    return [
        _make(d) for d in _classification().get_descendants(code) if _classification().is_leaf(d)
    ]


@cache
def _all_codes() -> tuple[str, ...]:
    return tuple(c for c in _classification().get_all_codes(True) if _is_code(c))


def lookup(code: str, *, billable: bool = True) -> IcdCode:
    """The code with its description; refuses unknown codes and, by default, categories."""
    text = normalise(code)
    if not text or not _CODE_SHAPE.match(text) or not _is_code(text):
        raise UnknownCode(code.strip(), suggest(text))
    found = _make(text)
    if billable and not found.billable:
        raise NotBillable(found, _billable_descendants(text))
    return found


def suggest(code: str, limit: int = 5) -> list[IcdCode]:
    """Real codes close to a mistyped one: first the billable codes under its nearest existing
    ancestor (F41.7 → F41.0, F41.1 …), then codes that look alike."""
    text = normalise(code)
    out: list[str] = []
    for cut in range(len(text) - 1, 2, -1):
        stem = text[:cut].rstrip(".")
        if _is_code(stem):
            out = [c.code for c in _billable_descendants(stem)] or [stem]
            break
    if len(out) < limit:
        pool = [c for c in _all_codes() if c[:1] == text[:1]] or list(_all_codes())
        out += difflib.get_close_matches(text, pool, n=limit, cutoff=0.6)
    unique = list(dict.fromkeys(out))[:limit]
    return [_make(c) for c in unique]


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


@cache
def _search_index(chapters: str) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(code, words of its description, words of description and inclusion terms)."""
    rows = []
    for code in _all_codes():
        if code[0] not in chapters:
            continue
        own = _words(_classification().get_description(code))
        rows.append((code, own, own | _words(" ".join(_classification().get_inclusion_term(code)))))
    return tuple(rows)


def search(
    text: str, *, limit: int = 20, chapters: str = "F", billable_only: bool = True
) -> list[IcdCode]:
    """Codes whose description or inclusion terms contain every word of ``text``.

    Defaults to the F chapter (mental and behavioural disorders); pass ``chapters="FZ"`` to
    include Z codes for relational, occupational and phase-of-life problems.
    """
    words = list(_words(text))
    if not words:
        return []

    def matches(vocabulary: frozenset[str]) -> bool:
        # A word matches a whole word or the start of one, so "depress" finds "depressive".
        return all(any(v.startswith(w) for v in vocabulary) for w in words)

    ranked: list[tuple[int, int, str]] = []
    for code, own, everything in _search_index(chapters):
        if billable_only and not _classification().is_leaf(code):
            continue
        # Bracketed synonyms ("[episodic paroxysmal anxiety]") do not count towards length.
        length = len(re.sub(r"\s*\[.*?\]", "", _classification().get_description(code)))
        if matches(own):
            ranked.append((0, length, code))
        elif matches(everything):
            ranked.append((1, length, code))
    # Own-description matches first, then shorter descriptions: "Panic disorder" before
    # "Agoraphobia with panic disorder".
    ranked.sort()
    return [_make(code) for _, _, code in ranked[:limit]]
