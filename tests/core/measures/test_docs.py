"""docs/instruments.md is generated from the registry and must not drift from it."""

from __future__ import annotations

from pathlib import Path

from txplan.core.measures import registry
from txplan.core.measures.docs import render_markdown

DOC = Path(__file__).resolve().parents[3] / "docs" / "instruments.md"


def test_instruments_doc_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == render_markdown(), (
        "docs/instruments.md is out of date: run .venv/bin/python scripts/write_instruments_doc.py"
    )


def test_every_instrument_has_a_section_in_the_doc() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [i.id for i in registry.all_instruments() if f"— `{i.id}`" not in text]
    assert missing == []


def test_the_doc_shows_every_chosen_threshold_with_its_source() -> None:
    text = DOC.read_text(encoding="utf-8")
    for ins in registry.all_instruments():
        if ins.reliable_change and ins.reliable_change.chosen:
            assert ins.reliable_change.chosen.source in text, ins.id
        if ins.caseness:
            assert ins.caseness.chosen.source in text, ins.id
