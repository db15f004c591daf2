"""A version as a plan document, with its signature rows written into ``signatures``.

The ``signatures`` list comes only from the rows, whatever the stored document holds."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from txplan.core.document import parse_plan, to_data
from txplan.web.plans import integrity
from txplan.web.plans.models import PlanVersion


def export_document(version: PlanVersion, *, check: bool = True) -> dict[str, Any]:
    """The document as stored, with the version's signatures written into it.

    Raises ``integrity.IntegrityFailure`` when the version fails the integrity check: an
    export or an API answer never carries a version that was changed outside txplan.
    ``check=False`` is for txplan's own reading of a version it is about to judge (the audit
    of a page that shows the failure itself)."""
    if check:
        integrity.verify(version)
    doc = parse_plan(version.document)
    rows = [
        {
            "role": s.role,
            "name": s.name,
            "credentials": s.credentials,
            # In the practice's zone: the audit compares the signature's date with its local
            # "today", and an evening signature in UTC would already be tomorrow.
            "signed_at": timezone.localtime(s.signed_at).isoformat(),
            "method": s.method,
            "attestation": s.attestation,
            "unable_reason": s.unable_reason,
        }
        for s in version.signatures.all()
    ]
    # Always the rows, never what the stored document says: signatures exist only as rows.
    return to_data(parse_plan({**to_data(doc), "signatures": rows}))
