"""The only writers of plans, versions and signatures.

Keyword-only, atomic, preconditions checked; failures raise ``ActionError`` (or a subclass)
naming the field. Time is passed in (``at``) so tests and the demo decide it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from pydantic import ValidationError

from txplan.core.audit import audit_plan
from txplan.core.audit.findings import Finding, Severity
from txplan.core.document import (
    PlanDocumentError,
    content_hash,
    errors_from,
    parse_plan,
    to_data,
)
from txplan.core.drafting import Draft, DraftError, DraftRequest, draft_with_notes
from txplan.core.plan import Plan as PlanDocument
from txplan.core.plan import SignatureMethod, SignerRole
from txplan.web.accounts.models import User
from txplan.web.clients.access import can_write_clinical
from txplan.web.clients.models import Client
from txplan.web.errors import ActionError, EditConflict, NotAllowed, VersionLocked
from txplan.web.plans import integrity, signature_png
from txplan.web.plans.export import export_document
from txplan.web.plans.facts import plan_facts
from txplan.web.plans.models import (
    Plan,
    PlanVersion,
    VersionReason,
    VersionSignature,
    VersionStatus,
)
from txplan.web.plans.review import requires_cosignature

CLINICIAN_ATTESTATION = (
    "I developed this plan with the client and attest that it reflects my assessment and the "
    "treatment I will provide."
)
SUPERVISOR_ATTESTATION = "I have reviewed this plan and approve it as the supervising clinician."


def _document(document: PlanDocument | dict[str, Any]) -> PlanDocument:
    if not isinstance(document, PlanDocument):
        try:
            document = parse_plan(document)
        except PlanDocumentError as exc:
            raise ActionError(str(exc), field="document") from None
    where = _null_character(to_data(document), "")
    if where is not None:
        # PostgreSQL cannot store U+0000 in text or JSON; SQLite could, so refuse it on both.
        raise ActionError(
            "contains a null character (U+0000); remove it", field=where or "document"
        )
    return document


def _null_character(value: Any, path: str) -> str | None:
    """The path of the first string holding U+0000, if any."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _null_character(item, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _null_character(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None


@transaction.atomic
def create_plan(
    *,
    client: Client,
    by: User,
    document: PlanDocument | dict[str, Any],
    title: str = "Treatment plan",
    reason: VersionReason = VersionReason.INITIAL,
    note: str = "",
) -> PlanVersion:
    """A new plan with its first (draft) version."""
    if by.practice_id != client.practice_id:
        raise NotAllowed("works in another practice", field="by")
    if not can_write_clinical(by, client):
        raise NotAllowed("only the client's treating clinician writes a plan", field="by")
    if not title.strip():
        raise ActionError("must not be empty", field="title")
    doc = _document(document)
    plan = Plan.objects.create(client=client, title=title.strip(), created_by=by)
    return PlanVersion.objects.create(
        plan=plan,
        number=1,
        reason=reason,
        change_note=note,
        document=to_data(doc),
        content_hash=content_hash(doc),
        created_by=by,
    )


@transaction.atomic
def save_draft(
    *, version: PlanVersion, by: User, document: PlanDocument | dict[str, Any], lock: int
) -> PlanVersion:
    """Saves a draft's document. ``lock`` is the value the editor loaded; if someone saved in
    between, EditConflict carries both documents so nothing is lost."""
    current = (
        PlanVersion.objects.select_for_update().select_related("plan__client").get(pk=version.pk)
    )
    if not can_write_clinical(by, current.plan.client):
        raise NotAllowed("only the client's treating clinician edits the plan", field="by")
    if current.is_signed:
        raise VersionLocked(f"version {current.number} is signed; amend it to make changes")
    doc = _document(document)
    if doc.signatures:
        # Signatures are rows made by signing, co-signing and the client's agreement; a
        # document that brings its own would show signatures that never happened.
        raise ActionError(
            "a draft carries no signatures: signing adds them; remove the signatures list",
            field="signatures",
        )
    if current.lock != lock:
        raise EditConflict(
            "this draft was saved by someone else after you opened it; compare both texts",
            theirs=current.document,
            yours=to_data(doc),
        )
    current.document = to_data(doc)
    current.content_hash = content_hash(doc)
    current.lock += 1
    current.save()
    return current


def blocking_errors(version: PlanVersion, today: date) -> list[Finding]:
    """The audit errors that stand in the way of signing ``version`` on ``today``.

    The plan is judged as it will be once signed (``draft=False``): a draft's audit softens
    some findings that are errors in a signed plan, e.g. a placeholder left for the clinician.
    Missing signatures are what signing and the steps after it supply, so they never block;
    nor does a minor's missing guardian signature (PLAN_MINOR_NO_GUARDIAN), given after it.
    """
    findings = audit_plan(
        parse_plan(export_document(version, check=False)),
        today,
        requires_cosignature=requires_cosignature(version),
        draft=False,
        facts=plan_facts(version),
    )
    return [
        f
        for f in findings
        if f.severity is Severity.ERROR
        and not f.code.startswith("SIG_MISSING")
        and f.code != "PLAN_MINOR_NO_GUARDIAN"
    ]


def _seal_signature(signature: VersionSignature) -> VersionSignature:
    signature.seal = integrity.seal(integrity.signature_message(signature))
    signature.save()
    integrity.reseal_manifest(signature.version.plan_id)
    return signature


@transaction.atomic
def sign_version(
    *,
    version: PlanVersion,
    by: User,
    at: datetime,
    attestation: str = CLINICIAN_ATTESTATION,
    override_reason: str = "",
) -> PlanVersion:
    """The treating clinician signs: the version is frozen and sealed.

    The caller has authenticated ``by`` for this act (the web form re-checks the password).
    A version the audit still finds errors in (as of the signing day) is signed only with an
    ``override_reason``, kept with the version; without errors a reason is not stored, so the
    plan page never shows an override that did not happen.
    """
    current = (
        PlanVersion.objects.select_for_update().select_related("plan__client").get(pk=version.pk)
    )
    if current.is_signed:
        raise VersionLocked(f"version {current.number} is already signed")
    if current.plan.client.clinician_id != by.pk:
        raise NotAllowed("only the client's treating clinician signs the plan", field="by")
    if not attestation.strip():
        raise ActionError("must not be empty", field="attestation")
    doc = _document(current.document)
    errors = blocking_errors(current, timezone.localdate(at))
    if errors and not override_reason.strip():
        codes = ", ".join(dict.fromkeys(f.code for f in errors))
        raise ActionError(
            f"the audit finds {len(errors)} error{'s' if len(errors) != 1 else ''} ({codes}); "
            "fix them, or state why the plan is signed as it is",
            field="override_reason",
        )
    current.content_hash = content_hash(doc)
    current.status = VersionStatus.SIGNED
    current.signed_at = at
    current.override_reason = override_reason.strip() if errors else ""
    current.seal = integrity.seal(integrity.version_message(current))
    current.save()  # the last save this row will ever take
    _seal_signature(
        VersionSignature(
            version=current,
            role=SignerRole.CLINICIAN,
            user=by,
            name=by.get_full_name() or by.username,
            credentials=by.credentials,
            signed_at=at,
            method=SignatureMethod.PASSWORD,
            attestation=attestation.strip(),
            content_hash=current.content_hash,
        )
    )
    return current


@transaction.atomic
def cosign_version(
    *, version: PlanVersion, by: User, at: datetime, attestation: str = SUPERVISOR_ATTESTATION
) -> VersionSignature:
    """The associate's supervisor co-signs a signed version.

    The caller has authenticated ``by`` for this act (the web form re-checks the password).
    """
    # Read the stored row under a lock: the caller's object may be stale, and two co-sign
    # clicks at once should give one signature and one clear refusal.
    version = (
        PlanVersion.objects.select_for_update()
        .select_related("plan__client__clinician")
        .get(pk=version.pk)
    )
    clinician = version.plan.client.clinician
    if clinician.supervisor_id != by.pk:
        raise NotAllowed("only the clinician's supervisor co-signs", field="by")
    if not version.is_signed:
        raise ActionError("the treating clinician must sign first", field="version")
    if version.signatures.filter(role=SignerRole.SUPERVISOR).exists():
        raise ActionError("this version is already co-signed", field="version")
    if not attestation.strip():
        raise ActionError("must not be empty", field="attestation")
    return _seal_signature(
        VersionSignature(
            version=version,
            role=SignerRole.SUPERVISOR,
            user=by,
            name=by.get_full_name() or by.username,
            credentials=by.credentials,
            signed_at=at,
            method=SignatureMethod.PASSWORD,
            attestation=attestation,
            content_hash=version.content_hash,
        )
    )


@transaction.atomic
def record_client_signature(
    *,
    version: PlanVersion,
    by: User,
    name: str,
    at: datetime,
    method: SignatureMethod,
    attestation: str,
    role: SignerRole = SignerRole.CLIENT,
    unable_reason: str = "",
    image: bytes | None = None,
) -> VersionSignature:
    """The client's (or guardian's) agreement, or the documented reason it was not obtained.

    Recorded by the treating clinician, who is with the client. ``method`` is how: ``drawn``
    (``image`` holds the PNG from the signature pad, checked and re-encoded here),
    ``typed_verbal`` (a typed name; the attestation says the client agreed verbally, and
    when) or ``unable`` (``unable_reason`` says why, and what was tried).
    """
    version = (
        PlanVersion.objects.select_for_update().select_related("plan__client").get(pk=version.pk)
    )
    if version.plan.client.clinician_id != by.pk:
        raise NotAllowed("only the treating clinician records the client's agreement", field="by")
    if role not in (SignerRole.CLIENT, SignerRole.GUARDIAN):
        raise ActionError("must be client or guardian", field="role")
    if method not in _CLIENT_METHODS:
        allowed = ", ".join(m.value for m in _CLIENT_METHODS)
        raise ActionError(f"must be one of {allowed}", field="method")
    method = SignatureMethod(method)  # a plain string from a form compares by identity below
    if not version.is_signed or version.signed_at is None:
        raise ActionError("the clinician signs first, then the client agrees", field="version")
    if at < version.signed_at:
        raise ActionError("cannot be before the clinician signed", field="at")
    if not name.strip():
        raise ActionError("must not be empty", field="name")
    if method is SignatureMethod.UNABLE and not unable_reason.strip():
        raise ActionError("say why the signature could not be obtained", field="unable_reason")
    if method is SignatureMethod.DRAWN and not image:
        raise ActionError("draw the signature on the pad", field="image")
    if method is not SignatureMethod.DRAWN and image is not None:
        raise ActionError("only a drawn signature has an image", field="image")
    if version.signatures.filter(role__in=[SignerRole.CLIENT, SignerRole.GUARDIAN]).exists():
        raise ActionError("the client's agreement is already recorded", field="version")
    return _seal_signature(
        VersionSignature(
            version=version,
            role=role,
            user=by,
            name=name.strip(),
            signed_at=at,
            method=method,
            attestation=attestation.strip(),
            unable_reason=unable_reason.strip() if method is SignatureMethod.UNABLE else "",
            image=signature_png.clean_png(image) if image else None,
            content_hash=version.content_hash,
        )
    )


# How a client or guardian can agree here; a password is for staff, "imported" for files.
_CLIENT_METHODS = (SignatureMethod.DRAWN, SignatureMethod.TYPED_VERBAL, SignatureMethod.UNABLE)


@transaction.atomic
def amend_version(
    *, version: PlanVersion, by: User, reason: VersionReason = VersionReason.AMENDMENT, note: str
) -> PlanVersion:
    """A new draft from a signed version; the element ids carry over so notes and measures
    keep pointing at the same objectives."""
    if not version.is_signed:
        raise ActionError(
            "only a signed version is amended; edit the draft instead", field="version"
        )
    if not note.strip():
        raise ActionError("say why the plan is changing", field="note")
    plan = Plan.objects.select_for_update().select_related("client").get(pk=version.plan_id)
    if not can_write_clinical(by, plan.client):
        raise NotAllowed("only the client's treating clinician amends the plan", field="by")
    open_draft = plan.versions.filter(status=VersionStatus.DRAFT).first()
    if open_draft:
        raise ActionError(f"version {open_draft.number} is already an open draft", field="version")
    doc = _document(version.document).model_copy(update={"signatures": []})
    number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    return PlanVersion.objects.create(
        plan=plan,
        number=number,
        reason=reason,
        change_note=note.strip(),
        parent=version,
        document=to_data(doc),
        content_hash=content_hash(doc),
        created_by=by,
    )


def _age_on(born: date | None, on: date) -> int | None:
    """Whole years of age on ``on``: the drafter picks child, adolescent or adult variants."""
    if born is None or born > on:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@transaction.atomic
def draft_new_plan(
    *,
    client: Client,
    by: User,
    presenting_problem: str,
    start: date,
    review_days: int,
    approach: str = "",
    strengths: list[str] | None = None,
    client_words: str = "",
    note: str = "",
) -> tuple[PlanVersion, Draft]:
    """A new plan whose first version is drafted from the library and the client's diagnoses.

    Nothing is signed: the draft opens as an unsigned version for the clinician to edit.
    ``note`` is added to the version's change note (e.g. why a second active plan).
    """
    if not can_write_clinical(by, client):
        raise NotAllowed("only the client's treating clinician writes a plan", field="by")
    codes = list(client.diagnoses.values_list("code", flat=True))
    if not codes:
        raise ActionError("add a diagnosis to the client before drafting", field="diagnoses")
    if not presenting_problem.strip():
        raise ActionError("describe the presenting problem", field="presenting_problem")
    try:
        request = DraftRequest(
            diagnoses=codes,
            presenting_problem=presenting_problem,
            approach=approach or None,
            strengths=[s for s in (strengths or []) if s.strip()],
            client_words=client_words or None,
            review_days=review_days,
            start=start,
            client_name=client.first_name,
            age=_age_on(client.date_of_birth, start),
        )
    except ValidationError as exc:
        # Every problem, each with its field: "strengths[0]: is too long (at most 300 …)".
        problems = errors_from(exc)
        raise ActionError(
            "; ".join(str(p) for p in problems), field=problems[0].path.split("[")[0]
        ) from None
    try:
        draft = draft_with_notes(request)
    except DraftError as exc:
        raise ActionError(str(exc), field=exc.field) from None
    chosen = ", ".join(r.area_name for r in draft.reasons if r.chosen)
    version = create_plan(
        client=client,
        by=by,
        document=draft.plan,
        note=f"Drafted from the library ({chosen}); to be individualised by the clinician."
        + (f" {note.strip()}" if note.strip() else ""),
    )
    version.draft_notes = draft_notes(draft)
    version.save(update_fields=["draft_notes"])
    return version, draft


def draft_notes(draft: Draft) -> dict[str, Any]:
    """The drafter's reasons, warnings and to-supply list, as kept with the drafted version."""
    return {
        "reasons": [
            {
                "area_id": r.area_id,
                "area_name": r.area_name,
                "basis": r.basis.value,
                "chosen": r.chosen,
                "explanation": r.explanation,
            }
            for r in draft.reasons
        ],
        "warnings": list(draft.warnings),
        "to_supply": list(draft.to_supply),
    }
