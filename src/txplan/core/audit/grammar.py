"""Just enough grammar to find a statement's main predicate and its subject.

Plans are written as full sentences ("Client will …"), as first person ("I will …"), and as
fragments ("Decreased worry by week 6", "Weekly CBT for panic"). The main predicate is the first
verb after the modal ("will", "to", "'ll" …), after skipping "be able to", "continue to" and
adverbs; in a fragment it is the first word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The modal that introduces the predicate, within the first few words.
_MODAL = re.compile(
    r"(?:[^.;:]{0,60}?)(?:'ll|\b(?:will|wil|wll|shall|should|must|would\s+like\s+to"
    r"|wants?\s+to|needs?\s+to|is\s+going\s+to|are\s+going\s+to|is\s+to|are\s+to"
    r"|agrees?\s+to|plans?\s+to|hopes?\s+to|intends?\s+to|aims?\s+to|can))\s+"
    r"|\s*to\s+"
    r"|\s*(?:the\s+)?(?:client|patient|pt|cl|child|teen|adolescent|youth|couple|partners?"
    r"|parents?|family|therapist|clinician|counsel+or|provider|staff|[a-z]+ist)\s+to\s+"
)
# Things between the modal and the real verb.
_SKIP = re.compile(
    r"(?:(?:be\s+able\s+to|be\s+willing\s+to|be\s+ready\s+to|continue\s+to|begin\s+to|begin"
    r"|start\s+to|try\s+to|learn\s+(?:how\s+)?to|work\s+to|strive\s+to|attempt\s+to|commit\s+to"
    r"|agree\s+to|demonstrate\s+the\s+ability\s+to|have\s+the\s+ability\s+to|be\s+expected\s+to"
    r"|consistently|independently|successfully|regularly|actively|also|then|further|gradually"
    r"|increasingly|not|effectively|reliably|openly|safely|now|daily|weekly|routinely"
    r"|voluntarily|willingly|each\s+day|every\s+day)\s+)*"
)
_WORD = re.compile(r"[a-z][a-z'-]*")
_LEAD = re.compile(
    r"^\s*(?:(?:goal|objective|obj|intervention|int|step|target)\s*#?\d*\s*[:.)-]"
    r"\s*|\d+[.)]\s*|[-*•]\s*)?"
)


@dataclass(frozen=True, slots=True)
class Predicate:
    start: int  # offset of the main verb in the statement
    word: str  # the main verb as written (folded)
    rest: str  # the folded text from the main verb to the end
    fragment: bool  # no modal found: the statement is a fragment or an imperative


def predicate(low: str) -> Predicate:
    """The statement's main predicate (see module docstring)."""
    lead = _LEAD.match(low)
    offset = lead.end() if lead else 0
    m = _MODAL.match(low, offset)
    fragment = m is None
    pos = m.end() if m else offset
    skip = _SKIP.match(low, pos)
    if skip:
        pos = skip.end()
    w = _WORD.search(low, pos)
    if not w:
        return Predicate(pos, "", low[pos:], fragment)
    return Predicate(w.start(), w.group(), low[w.start() :], fragment)
