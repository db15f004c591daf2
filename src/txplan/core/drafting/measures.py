"""Measure ids and display names for the library, from the instrument registry when it exists.

The instrument registry (``txplan.core.measures``) is the source of truth. Until it is
importable, a small table of the ids in the shared ``instruments.yaml`` keeps the library
loadable and its sentences readable; the table is never consulted when the registry answers.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from typing import Any

# id → short display name for every id of the shared instruments.yaml; used where the registry
# does not (yet) hold the instrument.
_FALLBACK: dict[str, str] = {
    "phq9": "PHQ-9",
    "phq_a": "PHQ-A",
    "gad7": "GAD-7",
    "pcl5": "PCL-5",
    "phq15": "PHQ-15",
    "audit": "AUDIT",
    "audit_c": "AUDIT-C",
    "dast10": "DAST-10",
    "cssrs_screener": "C-SSRS Screener",
    "ors": "ORS",
    "srs": "SRS",
    "whodas12": "WHODAS 2.0-12",
    "epds": "EPDS",
    "asrs_v1_1_screener": "ASRS v1.1 Screener",
    "mdq": "MDQ",
    "pss10": "PSS-10",
    "k10": "K10",
}

_PAREN = re.compile(r"\(([^()]{2,30})\)\s*$")


@cache
def _registry() -> Any | None:
    """The registry module, or None while it does not exist yet."""
    try:
        return importlib.import_module("txplan.core.measures.registry")
    except ImportError:
        return None


def _from_registry(measure_id: str) -> Any | None:
    registry = _registry()
    if registry is None or not hasattr(registry, "get"):
        return None
    try:
        return registry.get(measure_id)
    except (KeyError, LookupError, ValueError):
        return None


def known(measure_id: str) -> bool:
    """Whether ``measure_id`` is an instrument id of the shared instruments.yaml.

    The library format allows any of those ids; the registry may not score all of them yet
    (``scorable`` says which it does).
    """
    return measure_id in _FALLBACK or _from_registry(measure_id) is not None


def scorable(measure_id: str) -> bool:
    """Whether the instrument registry holds ``measure_id``, so a criterion on it can be met."""
    return _from_registry(measure_id) is not None


def display_name(measure_id: str) -> str:
    """A short name for sentences: "PHQ-9", not "Patient Health Questionnaire-9 (PHQ-9)"."""
    instrument = _from_registry(measure_id)
    if instrument is not None:
        for attr in ("short_name", "abbreviation", "label", "display_name", "name"):
            value = getattr(instrument, attr, None)
            if isinstance(value, str) and value:
                # Full names end with the abbreviation in brackets; that is the short name.
                match = _PAREN.search(value)
                return match[1] if match else value
    return _FALLBACK.get(measure_id, measure_id)


def using_registry() -> bool:
    """True once the instrument registry is importable (the fallback table is then unused)."""
    return _registry() is not None
