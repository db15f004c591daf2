"""Domain errors raised by actions. Each names the field it is about, so a form, the API and
the CLI can show the problem next to the input that caused it."""

from __future__ import annotations


class ActionError(ValueError):
    def __init__(self, message: str, *, field: str = ""):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)


class VersionLocked(ActionError):
    """A signed plan version (or a signature) was about to change."""


class EditConflict(ActionError):
    """Someone else saved the draft since this editor loaded it."""

    def __init__(self, message: str, *, theirs: dict, yours: dict):
        self.theirs = theirs
        self.yours = yours
        super().__init__(message, field="lock")


class NotAllowed(ActionError):
    """The user may not do this (e.g. co-sign a plan of someone they do not supervise)."""
