"""Field-level and word-level differences between two values of a plan.

Used by the version diff (``core/diff.py``) and wherever two texts of one statement are shown
side by side (an edit conflict, say): the old words struck out, the new ones marked.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum, StrEnum
from typing import NamedTuple

from txplan.core.plan import Criterion, Frequency


class SegmentOp(StrEnum):
    EQUAL = "equal"  # words in both texts
    INSERT = "insert"  # words only in the new text
    DELETE = "delete"  # words only in the old text


class Segment(NamedTuple):
    op: SegmentOp
    words: str  # the run of words exactly as written, with the spaces after them


@dataclass(frozen=True)
class FieldChange:
    field: str  # the document's field name, e.g. "target_date"
    label: str  # how a reader names it, e.g. "Target date"
    old: str  # the old value as shown on the plan; "" when it was not set
    new: str
    segments: tuple[Segment, ...] = ()  # word-level diff, for free-text fields only


@dataclass(frozen=True)
class ListChange:
    """A list of short texts (symptoms, strengths …): items are compared whole."""

    field: str
    label: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


# Values and words ------------------------------------------------------------------------------

LABELS = {
    "text": "Text",
    "title": "Title",
    "description": "Description",
    "client_words": "Client's words",
    "target_date": "Target date",
    "timeframe": "Timeframe",
    "criterion": "Measured criterion",
    "method": "Method",
    "target": "Aimed at",
    "modality": "Modality",
    "frequency": "Frequency",
    "actor": "Who acts",
    "primary": "Primary",
    "presenting_problem": "Presenting problem",
    "level_of_care": "Level of care",
    "level_of_care_rationale": "Level-of-care rationale",
    "service_type": "Service type",
    "session_minutes": "Session length (minutes)",
    "service_frequency": "Session frequency",
    "expected_duration_weeks": "Expected duration (weeks)",
    "established_on": "Plan established",
    "review_interval_days": "Review every (days)",
    "next_review_date": "Next review",
    "symptoms": "Current symptoms",
    "impairments": "Functional impairment",
    "strengths": "Strengths",
    "discharge_criteria": "Discharge criteria",
}
# Free prose gets a word-level diff; short values (dates, enums, labels) read better whole.
PROSE = {
    "text",
    "title",
    "description",
    "client_words",
    "presenting_problem",
    "level_of_care_rationale",
}


def shown(value: object) -> str:
    """A value as the plan page shows it; "" for a value that is not set."""
    if value is None:
        return ""
    if isinstance(value, Frequency | Criterion):
        return value.label()
    if isinstance(value, Enum):  # "intensive_outpatient" reads as "intensive outpatient"
        return str(value.value).replace("_", " ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


# A word (with inner hyphens or apostrophes: "GAD-7", "client's") or one punctuation mark, each
# with the spaces after it, so that "work." → "work and sleep." inserts just "and sleep".
_TOKEN = re.compile(r"^\s+|(?:\w+(?:[-'’]\w+)*|[^\w\s])\s*")


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level segments turning ``old`` into ``new``.

    Words are compared without their spacing; each segment keeps its text exactly, so the equal
    and insert runs joined give ``new`` back. A replacement is a delete then an insert, so a
    reader sees the old words struck out before the new ones.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[Segment] = []

    def push(op: SegmentOp, tokens: list[str]) -> None:
        if not tokens:
            return
        if out and out[-1].op is op:
            out[-1] = Segment(op, out[-1].words + "".join(tokens))
        else:
            out.append(Segment(op, "".join(tokens)))

    keys_a, keys_b = [t.strip() for t in a], [t.strip() for t in b]
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            push(SegmentOp.EQUAL, b[j1:j2])
        else:
            gone = a[i1:i2]
            # The equal run before took the new text's spacing; if that left the old words
            # glued together ("worry" + "worry"), the deleted run brings back its space.
            if gone and out and not out[-1].words[-1:].isspace() and a[i1 - 1][-1:].isspace():
                gone = [" ", *gone]
            push(SegmentOp.DELETE, gone)
            push(SegmentOp.INSERT, b[j1:j2])
    return _spaces_outside(out)


def _spaces_outside(segments: list[Segment]) -> tuple[Segment, ...]:
    """Moves the space after an inserted run out of it (into the equal run that follows), and
    drops the old space of a deleted run replaced by it, so "8 weeks" → "6 weeks" marks "8"
    and "6" and not the spaces; the new text still joins back exactly."""
    out = list(segments)
    for n in range(len(out) - 1):
        seg, after = out[n], out[n + 1]
        tail = seg.words[len(seg.words.rstrip()) :]
        if (
            seg.op is SegmentOp.INSERT
            and tail
            and after.op is SegmentOp.EQUAL
            and seg.words.strip()
        ):
            out[n] = Segment(seg.op, seg.words.rstrip())
            out[n + 1] = Segment(after.op, tail + after.words)
            before = out[n - 1] if n else None
            if before and before.op is SegmentOp.DELETE and before.words.strip():
                out[n - 1] = Segment(before.op, before.words.rstrip())
    return tuple(out)


def field_change(name: str, old: object, new: object) -> FieldChange | None:
    before, after = shown(old), shown(new)
    if before == after:
        return None
    segments = word_diff(before, after) if name in PROSE else ()
    return FieldChange(name, LABELS.get(name, name), before, after, segments)


def changes(pairs: Sequence[tuple[str, object, object]]) -> tuple[FieldChange, ...]:
    return tuple(c for name, a, b in pairs if (c := field_change(name, a, b)) is not None)


def list_change(name: str, old: Sequence[str], new: Sequence[str]) -> ListChange | None:
    # Counted, so a duplicated item that loses one copy still shows as one removal.
    gone, came = Counter(old) - Counter(new), Counter(new) - Counter(old)
    added = tuple(_take(new, came))
    removed = tuple(_take(old, gone))
    if not added and not removed:
        return None
    return ListChange(name, LABELS[name], added, removed)


def _take(items: Sequence[str], wanted: Counter[str]) -> list[str]:
    left, out = Counter(wanted), []
    for item in items:
        if left[item] > 0:
            left[item] -= 1
            out.append(item)
    return out
