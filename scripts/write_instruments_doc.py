"""Write docs/instruments.md from the instrument registry.

    .venv/bin/python scripts/write_instruments_doc.py

tests/core/measures/test_docs.py fails when the file is out of date.
"""

from __future__ import annotations

from pathlib import Path

from txplan.core.measures.docs import render_markdown

TARGET = Path(__file__).resolve().parent.parent / "docs" / "instruments.md"

if __name__ == "__main__":
    TARGET.write_text(render_markdown(), encoding="utf-8")
    print(f"wrote {TARGET}")
