"""Seals and the integrity check that detects a direct database edit of a signed version.

The content hash alone would not do: someone editing the database could recompute a SHA-256.
A seal is an HMAC keyed with the practice's secret key, so it cannot be recomputed without
the key. Three seals together cover everything that makes a signed version what it is:

- the **version seal** (format 2): the version's identity (id, plan, the plan's client,
  number), its status, reason, parent, author, change note, override reason, content hash
  and signing instant. Turning a signed version back into a draft, rewording its override
  reason or change note, re-attributing it or moving its plan to another client breaks it.
- each **signature seal** (format 2): the version, role, signer, name, credentials, instant,
  method, attestation, unable reason, the content hash signed, and a drawn image's hash. A
  row copied from another version names the other version and fails here.
- the plan's **signature manifest**: one seal over the plan, its client and the list of all
  its signature rows (version, role, seal). Deleting a row (the client's agreement, say) or
  inserting a copied one changes the list, and the manifest no longer matches.

Free text enters a message as its SHA-256, so no field can smuggle a separator into the
next. Seals of format 1 (id, plan, number, hash, instant only) were rewritten to format 2 by
migration 0004 after being verified; only format 2 is accepted now.

``check`` answers for one version; ``check_plan`` and ``check_all`` for the whole record
(``txplan integrity``). Pages, the API and exports refuse a version that fails.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.utils.crypto import salted_hmac

from txplan.core.document import PlanDocumentError, content_hash, parse_plan
from txplan.core.plan import SignerRole
from txplan.web.plans.models import Plan, PlanVersion, VersionSignature, VersionStatus

_SALT = "txplan.plans.seal"


class IntegrityFailure(Exception):
    """A version failed the integrity check; ``problems`` says how."""

    def __init__(self, version: PlanVersion, problems: list[str]):
        self.version = version
        self.problems = problems
        super().__init__(
            f"version {version.number} of plan {version.plan_id}: {'; '.join(problems)}"
        )


def _keys() -> list[str]:
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def _instant(moment: datetime | None) -> str:
    # In UTC, so the same instant gives the same text whatever zone it was loaded in.
    return moment.astimezone(UTC).isoformat(timespec="microseconds") if moment else ""


def _h(text: str | None) -> str:
    return hashlib.sha256((text or "").encode()).hexdigest()


def _client_id(plan_id: int) -> Any:
    return Plan.objects.filter(pk=plan_id).values_list("client_id", flat=True).first()


def version_message(version: PlanVersion) -> str:
    client = version.plan.client_id if "plan" in version._state.fields_cache else None
    if client is None:
        client = _client_id(version.plan_id)
    return "|".join(
        [
            "version2",
            str(version.pk),
            str(version.plan_id),
            str(client),
            str(version.number),
            str(version.status),
            str(version.reason),
            str(version.parent_id or ""),
            str(version.created_by_id),
            version.content_hash,
            _instant(version.signed_at),
            _h(version.change_note),
            _h(version.override_reason),
        ]
    )


def legacy_version_message(version: PlanVersion) -> str:
    """Format 1, for verifying seals made before migration 0004 rewrote them."""
    signed = _instant(version.signed_at)
    return (
        f"version|{version.pk}|{version.plan_id}|{version.number}|{version.content_hash}|{signed}"
    )


def signature_message(signature: VersionSignature) -> str:
    message = "|".join(
        [
            "signature2",
            str(signature.version_id),
            str(signature.role),
            str(signature.user_id),
            _h(signature.name),
            _h(signature.credentials),
            _instant(signature.signed_at),
            str(signature.method),
            signature.content_hash,
            _h(signature.attestation),
            _h(signature.unable_reason),
        ]
    )
    # A BinaryField reads back as memoryview on PostgreSQL.
    if signature.image is not None:
        message += f"|image:{hashlib.sha256(bytes(signature.image)).hexdigest()}"
    return message


def legacy_signature_message(signature: VersionSignature) -> str:
    message = (
        f"signature|{signature.version_id}|{signature.role}|{signature.user_id}|{signature.name}"
        f"|{_instant(signature.signed_at)}|{signature.method}|{signature.content_hash}"
    )
    if signature.image is not None:
        message += f"|image:{hashlib.sha256(bytes(signature.image)).hexdigest()}"
    return message


def manifest_message(plan_id: int, client_id: Any, rows: Iterable[tuple[Any, Any, str]]) -> str:
    listed = ",".join(f"{v}:{r}:{s}" for v, r, s in sorted(rows, key=lambda x: (x[0], x[1])))
    return f"manifest|{plan_id}|{client_id}|{listed}"


def plan_manifest_message(plan: Plan) -> str:
    rows = VersionSignature.objects.filter(version__plan=plan).values_list(
        "version_id", "role", "seal"
    )
    return manifest_message(plan.pk, plan.client_id, rows)


def seal(message: str) -> str:
    return salted_hmac(_SALT, message, secret=settings.SECRET_KEY, algorithm="sha256").hexdigest()


def sealed(message: str, value: str) -> bool:
    return any(
        hmac.compare_digest(
            salted_hmac(_SALT, message, secret=key, algorithm="sha256").hexdigest(), value
        )
        for key in _keys()
    )


_sealed = sealed  # the old private name


def reseal_manifest(plan_id: int) -> None:
    """Rewrites the plan's signature manifest after a signature row is added."""
    plan = Plan.objects.get(pk=plan_id)
    Plan.objects.filter(pk=plan_id).update(signature_manifest=seal(plan_manifest_message(plan)))


def signature_is_valid(signature: VersionSignature, version: PlanVersion) -> bool:
    """A signature row counts only if its seal holds and it signed this version's content
    (the co-sign queue and the pages ask this, not merely whether a row exists)."""
    return (
        signature.version_id == version.pk
        and signature.content_hash == version.content_hash
        and sealed(signature_message(signature), signature.seal)
    )


def _manifest_problems(plan: Plan) -> list[str]:
    has_rows = VersionSignature.objects.filter(version__plan=plan).exists()
    if not plan.signature_manifest and not has_rows:
        return []
    if not sealed(plan_manifest_message(plan), plan.signature_manifest):
        return [
            "the plan's list of signatures does not match its seal: a signature was deleted, "
            "copied or added outside txplan, or the plan was moved to another client"
        ]
    return []


def check(version: PlanVersion, *, manifest: bool = True) -> list[str]:
    """Problems found with a version's integrity; empty when it is intact."""
    problems: list[str] = []
    try:
        actual = content_hash(parse_plan(version.document))
    except (PlanDocumentError, TypeError, ValueError, AttributeError):
        problems.append("the stored document is not a valid plan: it was changed outside txplan")
        actual = None
    if actual is not None and actual != version.content_hash:
        problems.append("the stored document does not match its content hash")
    signatures = list(version.signatures.all())
    # A version that was ever signed keeps a seal, a signing time and its clinician's
    # signature; any of them on a "draft" means its status was changed behind txplan's back.
    looks_signed = bool(version.seal or version.signed_at or signatures)
    if version.status not in (VersionStatus.SIGNED, VersionStatus.DRAFT):
        problems.append(f"the version's status {version.status!r} is not one txplan writes")
    if version.is_signed or looks_signed:
        if not version.is_signed:
            problems.append("the version was signed but its status now says draft")
        if not sealed(version_message(version), version.seal):
            problems.append("the version's seal does not match: it was changed after signing")
        if not any(s.role == SignerRole.CLINICIAN for s in signatures):
            problems.append("the clinician's signature is missing")
    elif PlanVersion.objects.filter(parent_id=version.pk).exists():
        problems.append("a later version was amended from this one, so it must be signed")
    for signature in signatures:
        if signature.content_hash != version.content_hash:
            problems.append(f"the {signature.role} signature was given to different content")
        if not sealed(signature_message(signature), signature.seal):
            problems.append(f"the {signature.role} signature's seal does not match")
    if manifest:
        # Read afresh: the manifest changes whenever a signature is added.
        problems += _manifest_problems(Plan.objects.get(pk=version.plan_id))
    return problems


def verify(version: PlanVersion) -> PlanVersion:
    """The version, or IntegrityFailure: for the API and exports, which never serve a
    version that fails the check."""
    problems = check(version)
    if problems:
        raise IntegrityFailure(version, problems)
    return version


@dataclass(frozen=True)
class Finding:
    plan_id: int
    number: int | None  # None: a problem of the plan as a whole
    problem: str


def check_plan(plan: Plan) -> Iterator[Finding]:
    for problem in _manifest_problems(plan):
        yield Finding(plan.pk, None, problem)
    versions = list(plan.versions.all().prefetch_related("signatures"))
    if not versions:
        yield Finding(plan.pk, None, "the plan has no versions: one was deleted outside txplan")
    for version in versions:
        version.plan = plan
        for problem in check(version, manifest=False):
            yield Finding(plan.pk, version.number, problem)
    numbers = sorted(v.number for v in versions)
    if numbers and numbers != list(range(1, len(numbers) + 1)):
        yield Finding(plan.pk, None, f"version numbers {numbers} have a gap: one was deleted")


def check_all() -> Iterator[Finding]:
    """Every plan, version and signature in the database."""
    for plan in Plan.objects.order_by("pk").iterator(chunk_size=200):
        yield from check_plan(plan)
    orphans = VersionSignature.objects.exclude(version__in=PlanVersion.objects.all())
    for signature in orphans:
        yield Finding(0, None, f"signature {signature.pk} belongs to no version")
