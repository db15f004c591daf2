"""Seals and the integrity check that detects a direct database edit of a signed version.

The content hash alone would not do: someone editing the database could recompute a SHA-256.
The seal is an HMAC keyed with the practice's secret key over the version's identity, its
content hash and its signing time, so it cannot be recomputed without the key.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime

from django.conf import settings
from django.utils.crypto import salted_hmac

from txplan.core.document import PlanDocumentError, content_hash, parse_plan
from txplan.web.plans.models import PlanVersion, VersionSignature

_SALT = "txplan.plans.seal"


def _keys() -> list[str]:
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def _instant(moment: datetime | None) -> str:
    # In UTC, so the same instant gives the same text whatever zone it was loaded in.
    return moment.astimezone(UTC).isoformat(timespec="microseconds") if moment else ""


def version_message(version: PlanVersion) -> str:
    signed = _instant(version.signed_at)
    return (
        f"version|{version.pk}|{version.plan_id}|{version.number}|{version.content_hash}|{signed}"
    )


def signature_message(signature: VersionSignature) -> str:
    message = (
        f"signature|{signature.version_id}|{signature.role}|{signature.user_id}|{signature.name}"
        f"|{_instant(signature.signed_at)}|{signature.method}|{signature.content_hash}"
    )
    # Only a drawn signature carries an image; appending its hash only then keeps the seals of
    # every signature given before images existed valid, while swapping a stored image breaks
    # the seal like any other edit. (A BinaryField reads back as memoryview on PostgreSQL.)
    if signature.image is not None:
        message += f"|image:{hashlib.sha256(bytes(signature.image)).hexdigest()}"
    return message


def seal(message: str) -> str:
    return salted_hmac(_SALT, message, secret=settings.SECRET_KEY, algorithm="sha256").hexdigest()


def _sealed(message: str, value: str) -> bool:
    return any(
        hmac.compare_digest(
            salted_hmac(_SALT, message, secret=key, algorithm="sha256").hexdigest(), value
        )
        for key in _keys()
    )


def check(version: PlanVersion) -> list[str]:
    """Problems found with a version's integrity; empty when it is intact."""
    problems: list[str] = []
    try:
        actual = content_hash(parse_plan(version.document))
    except PlanDocumentError:
        return ["the stored document is not a valid plan: it was changed outside txplan"]
    if actual != version.content_hash:
        problems.append("the stored document does not match its content hash")
    if version.is_signed and not _sealed(version_message(version), version.seal):
        problems.append("the version's seal does not match: it was changed after signing")
    for signature in version.signatures.all():
        if signature.content_hash != version.content_hash:
            problems.append(f"the {signature.role} signature was given to different content")
        if not _sealed(signature_message(signature), signature.seal):
            problems.append(f"the {signature.role} signature's seal does not match")
    return problems
