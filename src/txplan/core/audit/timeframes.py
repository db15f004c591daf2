"""The timeframe grammar: how clinicians write "by when" in an objective.

Covers durations ("within 8 weeks", "over the next 90 days", "for 4 consecutive weeks"),
session and week counts ("by session 8", "by the sixth session"), review points ("at the 60-day
review", "by the next treatment plan review"), end points ("by discharge", "by the end of the
semester"), and dates ("by 3/1/2027", "2027-03-01", "by March 2027", "by summer").

Frequencies are not timeframes: "5 of 7 days", "3 days a week", "every 2 weeks" say how often,
not by when, and are excluded.
"""

from __future__ import annotations

import re

from txplan.core.audit.text import NUMBER_WORDS, number_value

_NUM = (
    r"(?:\d+(?:\.\d+)?|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"|a\s+couple\s+of|couple\s+of|a\s+few|few|several|an?)"
)
_UNIT = (
    r"(?:days?|d|w(?:ee?|e|ea)k{1,2}s?|wks?|months?|mo?s|mths?|mnths?|years?|yrs?"
    r"|sessions?|sess|visits?|appointments?|appts?)"
)
_UNIT_NO_SESSION = r"(?:days?|w(?:ee?|e|ea)k{1,2}s?|wks?|months?|mos|mths?|mnths?|years?|yrs?)"
_WITHIN = (
    r"(?:within|withn|witin|wihtin|whithin|wthin|withing|w/in|in|over|during|for|after"
    r"|across|throughout|through|next|first|up\s+to|upto)"
)
_ORD = (
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|fifteenth|twentieth|last|final)"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_BY = r"(?:by|before|until|till|til|through|thru|prior\s+to|no\s+later\s+than|at|on\s+or\s+before)"
_BETWEEN = r"(?:\s*(?:-|to|or)\s*" + _NUM + r")?"
_FILLER = r"(?:\s*(?:consecutive|straight|full|more|additional|further))?"

_STRONG = re.compile(
    "|".join(
        [
            # within 8 weeks / over the next 90 days / for 4 consecutive weeks / after 6 sessions
            r"\b" + _WITHIN + r"\s+(?:the\s+)?(?:next|first|coming|following|initial|upcoming"
            r"|last|remaining)?\s*" + _NUM + _BETWEEN + _FILLER + r"[\s-]*" + _UNIT + r"\b"
            r"(?!\s*(?:per|a|an|each|every|/)\s*(?:day|week|month|night)\b)",
            # within the next month / in the coming weeks / during the first month
            r"\b(?:" + _WITHIN + r"|by)\s+(?:the\s+)?(?:next|first|coming|following|upcoming"
            r"|this|initial)\s+(?:few\s+|couple\s+(?:of\s+)?)?(?:days?|weeks?|months?|years?"
            r"|sessions?|semester|term|quarter|school\s+year|summer|season)\b",
            # by session 8 / by week 6 / by the end of month 2 / by visit 4
            r"\b" + _BY + r"\s+(?:the\s+)?(?:end\s+of\s+|close\s+of\s+|start\s+of\s+)?(?:the\s+)?"
            r"(?:session|sess|week|wk|month|visit|appointment|appt|day)\s*#?\s*" + _NUM + r"\b",
            # by the 8th session / by the sixth week
            r"\b"
            + _BY
            + r"\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?"
            + _ORD
            + r"\s+(?:session|week|month|visit|appointment|meeting)\b",
            # by next session / by the following appointment
            r"\b(?:by|before|at|until)\s+(?:the\s+)?(?:next|following)\s+(?:session|visit"
            r"|appointment|meeting|week|month)\b",
            # at the 60-day review / by the next treatment plan review / by the 90-day plan review
            r"\b(?:" + _BY + r"|in\s+time\s+for|for|upon)\s+(?:the\s+|her\s+|his\s+|their\s+"
            r"|our\s+|my\s+)?(?:(?:next|first|upcoming|scheduled|following|quarterly|monthly"
            r"|annual|formal|interim|" + _NUM + r"[\s-]*(?:day|week|month)s?)[\s-]*)*"
            r"(?:treatment[\s-]+)?(?:plan[\s-]+)?(?:progress[\s-]+)?(?:review|re-?evaluation"
            r"|re-?assessment|update|follow-?up|mark|milestone|check-?point)\b",
            # by discharge / by the end of treatment / by the end of the school year
            r"\b(?:" + _BY + r"|upon|on)\s+(?:the\s+)?(?:time\s+of\s+)?(?:discharge|termination"
            r"|graduation|step-?down|transition|(?:end|close|completion)\s+of\s+(?:the\s+)?"
            r"\w+(?:\s+(?:year|term|semester|treatment|program|programme|month|week|period))?)",
            # dates: 3/1/2027, 2027-03-01, 03.01.27, 3/2027
            r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{4}\b",
            # March 1, 2027 / March 2027 / 1 March 2027 / by March / end of June
            r"\b"
            + _MONTH
            + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?|\b"
            + _MONTH
            + r"\.?,?\s+\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
            + _MONTH
            + r"\b",
            r"\b(?:"
            + _BY
            + r"|in|end\s+of|mid-?|early|late|this|next|the\s+end\s+of)\s+"
            + _MONTH
            + r"\b",
            # by summer / this semester / by the end of the school year / next term
            r"\b(?:" + _BY + r"|in|during|over|this|next|end\s+of)\s+(?:the\s+)?(?:end\s+of\s+"
            r"(?:the\s+)?)?(?:this\s+|next\s+|coming\s+|current\s+)?(?:spring|summer|fall|autumn"
            r"|winter|semester|term|quarter|school\s+year|academic\s+year|holidays?|christmas"
            r"|thanksgiving|new\s+year|grading\s+period|marking\s+period)\b",
            r"\b(?:this|next|the\s+coming|by\s+the\s+end\s+of\s+the|end\s+of\s+the|within\s+the"
            r"|within\s+a|in\s+a)\s+(?:month|week|year|fortnight)\b",
            r"\b(?:by|before|within|in)\s+(?:tomorrow|mid-?treatment|the\s+midpoint|midpoint"
            r"|the\s+half-?way\s+point|half-?way)\b",
            # by Thursday / before Friday's session
            r"\b(?:by|before|on|until|this|next)\s+(?:next\s+|this\s+)?(?:monday|tuesday|wednesday"
            r"|thursday|friday|saturday|sunday)\b",
            # during the next group session / before the scheduled family session / at the next
            # family meeting
            r"\b(?:during|in|at|before|by)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:next|following"
            r"|scheduled|upcoming|first|second|third)\s+(?:\w+\s+){0,2}(?:session|sessions"
            r"|meeting|appointment|visit|group)\b",
            # 8 weeks from now / six weeks' time / 3 months into treatment
            r"\b"
            + _NUM
            + r"[\s-]*"
            + _UNIT_NO_SESSION
            + r"(?:'s?)?\s+(?:from\s+(?:now|today|intake|the\s+start|start|admission"
            r"|the\s+first\s+session)|time\b|into\s+(?:treatment|therapy|care)"
            r"|after\s+(?:intake|admission|the\s+start|starting|beginning)|of\s+(?:treatment"
            r"|therapy|starting))",
        ]
    )
)

# A bare "8 weeks": a timeframe unless the words around it make it a frequency.
_BARE_NUM = (
    r"(?:\d+(?:\.\d+)?|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"|a\s+couple\s+of|couple\s+of|a\s+few|few|several)"
)
_BARE = re.compile(
    r"\b(" + _BARE_NUM + r")" + _BETWEEN + _FILLER + r"[\s-]*(" + _UNIT_NO_SESSION + r")\b"
)
_BARE_BEFORE = re.compile(
    r"(?:\bof|\bon|\bevery|\beach|\bper|\bthan|\bleast|\bmost|\bonly"
    r"|\bx|/|\bout)\s*$"
)
_BARE_AFTER = re.compile(r"^\s*(?:per|a|an|each|every|/|of|out|in\s+a\s+row|a\s+week)\b")

_DURATION = re.compile(r"\b(" + _NUM + r")" + _BETWEEN + _FILLER + r"[\s-]*(" + _UNIT + r")\b")
_NUMBERED = re.compile(
    r"\b(session|sess|week|wk|month|visit)\s*#?\s*(\d+|" + "|".join(NUMBER_WORDS[:16]) + r")\b"
)
_RELATIVE = re.compile(
    r"\b(tomorrow|(?:next|this|the\s+coming)\s+(?:week|fortnight|month)"
    r"|(?:next|following)\s+(?:session|visit|appointment))\b"
)
_RELATIVE_DAYS = {"tomorrow": 1.0}
for _w, _d in (
    ("week", 7.0),
    ("fortnight", 14.0),
    ("month", 30.0),
    ("session", 7.0),
    ("visit", 7.0),
    ("appointment", 7.0),
):
    for _p in ("next", "this", "the coming", "following"):
        _RELATIVE_DAYS[f"{_p} {_w}"] = _d
_UNIT_DAYS = (
    ("se", 7.0),
    ("vi", 7.0),
    ("ap", 7.0),
    ("d", 1.0),
    ("w", 7.0),
    ("mo", 30.0),
    ("mt", 30.0),
    ("mn", 30.0),
    ("m", 30.0),
    ("y", 365.0),
)


# Cheap test before the bare-duration scan: it needs a number.
_HAS_NUMBER = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r"|few|several|couple)\b")


def find_timeframes(low: str) -> list[tuple[int, int]]:
    """Spans of every timeframe in the folded text ``low`` (see ``text.fold``)."""
    spans = [m.span() for m in _STRONG.finditer(low)]
    if not _HAS_NUMBER.search(low):
        return spans
    for m in _BARE.finditer(low):
        start, end = m.span()
        if any(s <= start < e for s, e in spans):
            continue
        if _BARE_BEFORE.search(low, max(0, start - 12), start) or _BARE_AFTER.match(low[end:]):
            continue
        spans.append((start, end))
    return spans


def has_timeframe(low: str) -> bool:
    if _STRONG.search(low):
        return True
    return bool(find_timeframes(low))


def shortest_days(low: str, spans: list[tuple[int, int]]) -> float | None:
    """The shortest timeframe written as a duration, in days ("within 2 weeks" → 14)."""
    best: float | None = None
    for start, end in spans:
        m = _DURATION.search(low, start, end)
        if not m:
            continue
        value = number_value(m.group(1).split()[-1]) if m.group(1) else None
        if value is None:
            continue
        unit = m.group(2)
        per = next(days for prefix, days in _UNIT_DAYS if unit.startswith(prefix))
        days = value * per
        best = days if best is None else min(best, days)
    for start, end in spans:
        m = _RELATIVE.search(low, start, end)
        if m:
            days = _RELATIVE_DAYS[m.group(1)]
            best = days if best is None else min(best, days)
    for start, end in spans:
        m = _NUMBERED.search(low, start, end)
        if m and (value := number_value(m.group(2))) is not None:
            days = value * (30.0 if m.group(1).startswith("mo") else 7.0)
            best = days if best is None else min(best, days)
    return best


def blank(low: str, spans: list[tuple[int, int]]) -> str:
    """``low`` with the given spans replaced by spaces (same length), so that the numbers in a
    timeframe are not mistaken for a measure."""
    if not spans:
        return low
    chars = list(low)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
