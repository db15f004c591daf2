"""The audit trail's hash chain (ONC 170.315(d)(10)).

Each entry's hash is an HMAC-SHA256, keyed from the secret key, over the previous entry's
hash and this entry's own fields. Editing an entry, deleting one, reordering them or cutting
the tail off (the head row keeps the count and last hash) is found by ``verify_chain``.
Without the key, someone with write access to the database cannot forge a consistent chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime

from django.conf import settings

GENESIS = "0" * 64


def _keys() -> list[bytes]:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [hashlib.sha256(f"txplan-audit-chain:{s}".encode()).digest() for s in secrets]


def stamp(at: datetime) -> str:
    """UTC, to the millisecond: what a JSON dump and restore keeps."""
    return at.astimezone(UTC).isoformat(timespec="milliseconds")


def payload(prev_hash: str, fields: dict[str, object]) -> bytes:
    return json.dumps([prev_hash, fields], sort_keys=True, ensure_ascii=True).encode()


def entry_fields(event: object) -> dict[str, object]:
    get = event.__dict__.get
    at = get("at")
    assert isinstance(at, datetime)
    return {
        "at": stamp(at),
        "username": get("username"),
        "practice": get("practice_id_at"),
        "action": get("action"),
        "client": get("client_id_at"),
        "object_type": get("object_type"),
        "object_id": get("object_id"),
        "detail": get("detail"),
        "ip": get("ip"),
        "emergency": bool(get("emergency")),
    }


def compute(prev_hash: str, fields: dict[str, object], key: bytes | None = None) -> str:
    return hmac.new(key or _keys()[0], payload(prev_hash, fields), hashlib.sha256).hexdigest()


def _matches(prev_hash: str, fields: dict[str, object], given: str) -> bool:
    return any(hmac.compare_digest(compute(prev_hash, fields, k), given) for k in _keys())


def verify_chain() -> list[str]:
    """Every problem found in the audit trail, as sentences; empty means intact."""
    from txplan.web.compliance.models import AuditEvent, ChainHead

    problems: list[str] = []
    prev = GENESIS
    count = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        if event.prev_hash != prev:
            problems.append(
                f"audit entry {event.pk}: does not follow the entry before it "
                "(an entry was removed, inserted or reordered)"
            )
        if not _matches(event.prev_hash, entry_fields(event), event.entry_hash):
            problems.append(f"audit entry {event.pk}: its content was changed after it was written")
        prev = event.entry_hash
    head = ChainHead.objects.filter(pk=1).first()
    if head is None:
        if count:
            problems.append("audit trail: the chain head is missing")
    else:
        if head.count != count:
            problems.append(f"audit trail: {head.count} entries were written but {count} remain")
        if head.last_hash != prev:
            problems.append("audit trail: the last entry is not the one last written")
    return problems
