"""txplan.core stays pure: no Django, no web layer, no clock reads."""

from __future__ import annotations

import ast
from pathlib import Path

import txplan.core

CORE = Path(txplan.core.__file__).parent
FORBIDDEN_IMPORTS = ("django", "txplan.web", "txplan.cli")
# Reading the clock inside the core would make audits and criteria depend on when they run.
FORBIDDEN_CALLS = ("date.today", "datetime.now", "datetime.utcnow", "datetime.today", "time.time")


def modules() -> list[Path]:
    found = sorted(CORE.rglob("*.py"))
    assert found, "no core modules found"
    return found


def test_core_imports_neither_django_nor_the_web_app() -> None:
    offenders = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.startswith(FORBIDDEN_IMPORTS)]
    assert offenders == []


def test_core_never_reads_the_clock() -> None:
    offenders = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                if (
                    isinstance(owner, ast.Name)
                    and f"{owner.id}.{node.func.attr}" in FORBIDDEN_CALLS
                ):
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
