"""The audit is pure core: no Django, no clock reads, small modules."""

import re
from pathlib import Path

AUDIT = Path(__file__).resolve().parents[3] / "src" / "txplan" / "core" / "audit"


def test_audit_modules_import_no_django_and_read_no_clock() -> None:
    for path in AUDIT.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(?:import|from)\s+(?:django|txplan\.web)", source, re.M), path
        assert "date.today(" not in source and "datetime.now(" not in source, path


def test_audit_modules_stay_under_500_lines() -> None:
    for path in AUDIT.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, path
