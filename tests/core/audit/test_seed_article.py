"""The seed article's own examples are judged exactly as the article judges them.

The article (``shared/reference/seed-article-treatment-plans.txt``, beside the repository) is
read at test time and its examples are pulled out by the headings they sit under, so the project
holds no copy of its sentences:

- the model goal, objective and intervention of "The Goal-Objective-Intervention Hierarchy" and
  the three objectives under "Examples:" are clean (no error and no warning);
- each bullet under "Goals that are too vague" gets GOAL_VAGUE, under "Objectives that aren't
  measurable" OBJ_NOT_MEASURABLE, under "Interventions that are too generic" INT_GENERIC;
- the aside "Vague goals ("client will improve mood")" gets GOAL_VAGUE.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from txplan.core.audit import Severity, audit_statement

ARTICLE = (
    Path(__file__).resolve().parents[3].parent
    / "shared"
    / "reference"
    / "seed-article-treatment-plans.txt"
)

pytestmark = pytest.mark.skipif(
    not ARTICLE.exists(),
    reason="the seed article lives in shared/ beside the repository (CI and developers have it)",
)

_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def _text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def _after(label: str) -> str:
    """The first quoted example on the line that starts with ``label``."""
    for line in _text().splitlines():
        if line.strip().startswith(label):
            found = _QUOTED.search(line)
            assert found, f"no quoted example after {label!r}"
            return found.group(1)
    raise AssertionError(f"{label!r} not found in the article")


def _bullets(heading: str) -> list[str]:
    """The quoted part of each bullet under ``heading`` (up to the next non-bullet line)."""
    lines = _text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(heading))
    out: list[str] = []
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("•"):
            break
        found = _QUOTED.search(stripped)
        assert found, f"bullet without a quoted example under {heading!r}"
        out.append(found.group(1))
    assert out, f"no bullets under {heading!r}"
    return out


def _codes(kind: str, text: str) -> dict[str, Severity]:
    return {f.code: f.severity for f in audit_statement(kind, text)}


def _clean(kind: str, text: str) -> None:
    found = [
        (code, severity)
        for code, severity in _codes(kind, text).items()
        if severity is not Severity.INFO
    ]
    assert found == [], f"{kind} {text!r} should be clean, got {found}"


def test_model_goal_objective_and_intervention_are_clean() -> None:
    _clean("goal", _after("Goal (broad"))
    _clean("objective", _after("Objective (specific"))
    intervention = _after("Intervention (the clinical method)")
    # The article's model intervention is two sentences, the second in its own quotes.
    line = next(
        line for line in _text().splitlines() if line.startswith("Intervention (the clinical")
    )
    _clean("intervention", " ".join(_QUOTED.findall(line)) or intervention)


def test_the_smart_examples_are_clean() -> None:
    examples = _bullets("Examples:")
    assert len(examples) == 3
    for text in examples:
        _clean("objective", text)


@pytest.mark.parametrize(
    ("heading", "kind", "code"),
    [
        ("Goals that are too vague", "goal", "GOAL_VAGUE"),
        ("Objectives that aren't measurable", "objective", "OBJ_NOT_MEASURABLE"),
        ("Interventions that are too generic", "intervention", "INT_GENERIC"),
    ],
)
def test_each_flawed_example_gets_the_code_the_article_implies(
    heading: str, kind: str, code: str
) -> None:
    for text in _bullets(heading):
        codes = _codes(kind, text)
        assert codes.get(code) is Severity.ERROR, f"{text!r}: expected {code}, got {codes}"


def test_the_vague_goal_aside() -> None:
    sentence = next(line for line in _text().splitlines() if "Vague goals (" in line)
    text = _QUOTED.search(sentence)
    assert text
    assert _codes("goal", text.group(1)).get("GOAL_VAGUE") is Severity.ERROR
