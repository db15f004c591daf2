"""Typed helpers that read settings from the environment and fail loudly on bad values.

Every setting txplan reads is registered in ``SETTINGS`` with its documentation; a test fails
if one is missing from docs/settings.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    doc: str


SETTINGS: dict[str, Setting] = {}


def _register(name: str, default: str, doc: str) -> str:
    SETTINGS.setdefault(name, Setting(name, default, doc))
    return os.environ.get(name, default)


def env_str(name: str, default: str, doc: str) -> str:
    return _register(name, default, doc)


def env_bool(name: str, default: bool, doc: str) -> bool:
    raw = _register(name, "1" if default else "0", doc).strip().lower()
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name}: {raw!r} is not a boolean (use 1/0, true/false)")


def env_int(name: str, default: int, doc: str) -> int:
    raw = _register(name, str(default), doc)
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}: {raw!r} is not a whole number") from None


def env_list(name: str, default: str, doc: str) -> list[str]:
    return [item.strip() for item in _register(name, default, doc).split(",") if item.strip()]
