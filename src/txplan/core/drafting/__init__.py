"""Drafting a plan offline from the evidence-tagged library.

    from txplan.core.drafting import DraftRequest, draft_plan, draft_with_notes
    plan = draft_plan(DraftRequest(diagnoses=["F41.1"], presenting_problem="…",
                                   start=date(2026, 3, 2)))

``draft_with_notes`` returns a ``Draft``: the plan, its warnings, the reason for each area and
what the clinician must still supply. ``needs_individualising`` lists statements still as
drafted. The library format is specified in docs/library-format.md.
"""

from txplan.core.drafting.draft import draft_plan, draft_with_notes
from txplan.core.drafting.individual import (
    StatementState,
    StatementStatus,
    needs_individualising,
    statement_status,
)
from txplan.core.drafting.library import Area, Library, LibraryError, LibraryIssue, load_library
from txplan.core.drafting.necessity import TO_COMPLETE
from txplan.core.drafting.request import (
    AreaChoice,
    Basis,
    DiagnosisError,
    Draft,
    DraftError,
    DraftRequest,
)

__all__ = [
    "TO_COMPLETE",
    "Area",
    "AreaChoice",
    "Basis",
    "DiagnosisError",
    "Draft",
    "DraftError",
    "DraftRequest",
    "Library",
    "LibraryError",
    "LibraryIssue",
    "StatementState",
    "StatementStatus",
    "draft_plan",
    "draft_with_notes",
    "load_library",
    "needs_individualising",
    "statement_status",
]
