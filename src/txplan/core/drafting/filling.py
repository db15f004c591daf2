"""Filling library templates for one request: slot values, timeframes, preferred modalities.

Numbers and timeframes are chosen to fit inside the payer's review interval, so every target
date falls on or before the next review; the specifics of the request replace the library's
defaults wherever the request has them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from txplan.core.drafting import measures
from txplan.core.drafting.library import Area, CriterionTemplate, InterventionEntry, SlotValue
from txplan.core.drafting.slots import SPECIFIC_SLOTS, fill, number_text
from txplan.core.drafting.specifics import Specifics, neutral_default

# The library writes timeframes for a 90-day review; shorter intervals scale them down.
REFERENCE_REVIEW_DAYS = 90

# Spellings of a modality → one key, so "CBT", "cognitive behavioral therapy" and
# "Cognitive Behavioural Therapy" compare equal.
_ALIASES: dict[str, str] = {
    "cognitive behavioural therapy": "cbt",
    "cognitive therapy": "cbt",
    "cognitive behaviour therapy": "cbt",
    "ba": "behavioural activation",
    "cognitive processing therapy": "cpt",
    "pe": "prolonged exposure",
    "prolonged exposure therapy": "prolonged exposure",
    "eye movement desensitisation and reprocessing": "emdr",
    "eye movement desensitization and reprocessing": "emdr",
    "dbt": "dbt skills",
    "dialectical behaviour therapy": "dbt skills",
    "acceptance and commitment therapy": "act",
    "mi": "motivational interviewing",
    "interpersonal psychotherapy": "ipt",
    "interpersonal therapy": "ipt",
    "pst": "problem-solving therapy",
    "problem solving therapy": "problem-solving therapy",
    "cbti": "cbt-i",
    "cbt for insomnia": "cbt-i",
    "cognitive behavioural therapy for insomnia": "cbt-i",
    "exposure and response prevention": "erp",
    "exposure and ritual prevention": "erp",
    "parent-child interaction therapy": "pcit",
    "pmt": "parent management training",
    "bpt": "parent management training",
    "behavioural parent training": "parent management training",
    "parent training": "parent management training",
    "ipsrt": "ipsrt",
    "interpersonal and social rhythm therapy": "ipsrt",
    "mbct": "mindfulness",
    "mindfulness-based cognitive therapy": "mindfulness",
    "cbt-sp": "safety planning",
    "safety planning intervention": "safety planning",
    "cams": "safety planning",
}
# Modalities close enough that asking for one makes the others the next best choice.
_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "cbt",
            "cbt-i",
            "erp",
            "cpt",
            "prolonged exposure",
            "exposure therapy",
            "behavioural activation",
            "cognitive restructuring",
            "relapse prevention",
            "problem-solving therapy",
            "cbt-sp",
        }
    ),
    frozenset({"dbt skills", "act", "mindfulness"}),
    frozenset({"parent management training", "pcit", "family therapy"}),
    frozenset({"ipt", "ipsrt", "couples therapy"}),
)


def modality_key(text: str) -> str:
    key = " ".join(text.lower().replace("behavior", "behaviour").split())
    return _ALIASES.get(key, key)


def modality_rank(modality: str, wanted: str | None) -> int:
    """0 for the requested modality, 1 for one of its family, 2 otherwise (or no request)."""
    if not wanted:
        return 2
    have, want = modality_key(modality), modality_key(wanted)
    if have == want:
        return 0
    if any(have in family and want in family for family in _FAMILIES):
        return 1
    return 2


def weeks_for(hint: int | None, review_days: int) -> int:
    """A whole number of weeks that ends on or before the next review."""
    most = max(1, review_days // 7)
    if hint is None:
        return most
    return max(1, min(most, round(hint * review_days / REFERENCE_REVIEW_DAYS)))


def min_weeks_for(criterion: CriterionTemplate | None) -> int:
    """Enough weeks for the criterion's consecutive administrations to fit."""
    if criterion is None or criterion.consecutive == 1:
        return 1
    return math.ceil((criterion.consecutive - 1) * criterion.min_days_apart / 7) + 1


def timeframe_text(weeks: int) -> str:
    return f"{weeks} week" if weeks == 1 else f"{weeks} weeks"


def target_date(start: date, weeks: int) -> date:
    return start + timedelta(days=7 * weeks)


@dataclass(frozen=True)
class Filler:
    """The values common to every statement of one draft."""

    client: str  # "the client" or the first name
    specifics: Specifics
    start: date
    review_days: int

    def values(
        self,
        area: Area,
        own: dict[str, SlotValue],
        *,
        criterion: CriterionTemplate | None = None,
        weeks: int | None = None,
        measure: str | None = None,
    ) -> dict[str, object]:
        out: dict[str, object] = {**area.slots, **own}
        # A library default never invents: a detail ("the pottery class") gives way to neutral
        # words or a bracket for the clinician; a role takes only a fitting person.
        for slot in SPECIFIC_SLOTS & out.keys():
            value = neutral_default(slot, out[slot], area.id)
            out[slot] = str(value).replace("{client}", self.client)
        out.update(self.specifics.as_slots())
        person = self.specifics.person_for(area.id)
        if person:
            out["person"] = person
        out["client"] = self.client
        weeks = weeks or weeks_for(None, self.review_days)
        out["timeframe"] = timeframe_text(weeks)
        out["target_date"] = target_date(self.start, weeks).isoformat()
        measure_id = (criterion.measure if criterion else measure) or (
            area.measures[0] if area.measures else ""
        )
        if measure_id:
            out.setdefault("measure", measures.display_name(measure_id))
        if criterion is not None:
            out["threshold"] = number_text(criterion.threshold)
        return out


def sentences(text: str) -> list[str]:
    # A sentence may end inside a quotation: 'she said "I give up." Denies SI.'
    parts = re.split(r"(?<=[.!?;])\s+|(?<=[.!?;][\"'”’)])\s+", text.strip())
    return [s.strip() for s in parts if s.strip()]


def intervention_template(entry: InterventionEntry) -> str:
    """The clinician's text and the client's between-session task, as one statement."""
    task = entry.client_task.strip()
    return f"{entry.text.strip()} {task}" if task else entry.text.strip()


def intervention_text(entry: InterventionEntry, values: dict[str, object]) -> str:
    return fill(intervention_template(entry), values)
