"""Shared helpers: a small valid area that schema tests break one field at a time."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from txplan.core.drafting import DraftRequest

START = date(2026, 3, 2)


def _area(area_id: str = "tiny_area") -> dict[str, Any]:
    goals = [
        {"id": f"{area_id}.g{n}", "text": f"Return to {{valued_activity}} on weekdays {n}."}
        for n in (1, 2, 3)
    ]
    objectives = [
        {
            "id": f"{area_id}.o{n}",
            "goal": f"{area_id}.g{1 + n % 3}",
            "text": f"Within {{timeframe}}, {{client}} will log {{count}} walks per week ({n}).",
            "slots": {"count": 3},
        }
        for n in range(1, 9)
    ]
    objectives[0] = {
        "id": f"{area_id}.o1",
        "goal": f"{area_id}.g2",
        "text": "Within {timeframe}, {client} will score {threshold} or lower on the {measure}.",
        "criterion": {"measure": "phq9", "comparator": "<=", "threshold": 9},
    }
    interventions = [
        {
            "id": f"{area_id}.i{n}",
            "objectives": [f"{area_id}.o{n}"],
            "text": f"Clinician will use activity scheduling with {{client}} weekly ({n}).",
            "method": "activity scheduling",
            "target": "inactivity",
            "modality": "behavioural activation" if n % 2 else "CBT",
            "frequency": "weekly",
            "source": "NICE NG222",
        }
        for n in range(1, 9)
    ]
    return {
        "id": area_id,
        "name": "Tiny area",
        "icd10": ["F32"],
        "signals": ["low mood"],
        "measures": ["phq9"],
        "slots": {"valued_activity": "walking"},
        "definitions": ["Low mood on most days."],
        "goals": goals,
        "objectives": objectives,
        "interventions": interventions,
    }


@pytest.fixture
def valid_area() -> dict[str, Any]:
    return copy.deepcopy(_area())


@pytest.fixture
def write_library(tmp_path: Path) -> Callable[..., Path]:
    """Write areas (dicts, or raw text by file name) into a fresh library directory."""

    def write(*areas: dict[str, Any], raw: dict[str, str] | None = None) -> Path:
        directory = tmp_path / "library"
        directory.mkdir(exist_ok=True)
        for area in areas:
            (directory / f"{area['id']}.yaml").write_text(yaml.safe_dump(area, sort_keys=False))
        for name, text in (raw or {}).items():
            (directory / name).write_text(text)
        return directory

    return write


def request(**fields: Any) -> DraftRequest:
    """A request with a fixed start date (tests never read the clock)."""
    fields.setdefault("start", START)
    fields.setdefault("presenting_problem", "")
    return DraftRequest(**fields)


make_area = _area
