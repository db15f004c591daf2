"""The only writers of compliance records: audit entries (appended to the hash chain),
emergency grants, amendment requests, disclosures, the practice's MFA rule, account unlocks
and second-factor devices."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from txplan.web.accounts.models import Practice, Role, User
from txplan.web.clients.models import Client
from txplan.web.compliance import chain
from txplan.web.compliance.context import client_ip, current_request
from txplan.web.compliance.models import (
    Action,
    AmendmentRequest,
    AmendmentStatus,
    AuditEvent,
    ChainHead,
    Disclosure,
    EmergencyGrant,
)
from txplan.web.errors import ActionError, NotAllowed
from txplan.web.plans.models import PlanVersion

RECOVERY_CODES = 10
MIN_REASON = 10


def _user_of(request: Any) -> User | None:
    user = getattr(request, "user", None)
    return user if isinstance(user, User) else None


def record(
    action: Action | str,
    *,
    user: User | None = None,
    username: str | None = None,
    client_id: int | None = None,
    object_type: str = "",
    object_id: object = "",
    detail: str = "",
    at: datetime | None = None,
) -> AuditEvent:
    """Append one entry to the audit trail. The acting user and address default to the
    request being served. ``detail`` is a short label: never clinical text."""
    request = current_request.get()
    if user is None:
        user = _user_of(request)
    now = at or timezone.now()
    now = now.replace(microsecond=now.microsecond // 1000 * 1000)
    emergency = False
    if user is not None and client_id is not None and user.role != Role.ADMIN:
        emergency = (
            EmergencyGrant.objects.filter(
                user=user, client_id=client_id, starts_at__lte=now, expires_at__gt=now
            ).exists()
            and not Client.objects.filter(pk=client_id, clinician=user).exists()
        )
    event = AuditEvent(
        at=now,
        user=user,
        username=(username if username is not None else (user.username if user else ""))[:150],
        practice_id_at=user.practice_id if user else None,
        action=str(action),
        client_id_at=client_id,
        object_type=object_type[:60],
        object_id=str(object_id)[:60],
        detail=detail[:300],
        ip=client_ip(request),
        emergency=emergency,
    )
    if event.practice_id_at is None and username:
        event.practice_id_at = (
            User.objects.filter(username=username).values_list("practice_id", flat=True).first()
        )
    with transaction.atomic():
        head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
        event.prev_hash = head.last_hash
        event.entry_hash = chain.compute(head.last_hash, chain.entry_fields(event))
        event.save()
        head.last_hash = event.entry_hash
        head.count += 1
        head.save(update_fields=["last_hash", "count"])
    return event


# --- emergency access -------------------------------------------------------------------


def emergency_minutes() -> int:
    return int(getattr(settings, "TXPLAN_EMERGENCY_MINUTES", 60))


@transaction.atomic
def grant_emergency_access(*, user: User, client: Client, reason: str) -> EmergencyGrant:
    """Break-glass: ``user`` may see ``client`` for a limited time. The reason is required and
    the grant is shown to the practice administrator."""
    reason = reason.strip()
    if client.practice_id != user.practice_id:
        raise NotAllowed("is not a client of your practice", field="record_number")
    if user.role == Role.ADMIN:
        raise ActionError("administrators already see every client of the practice")
    if len(reason) < MIN_REASON:
        raise ActionError(f"must say why, in at least {MIN_REASON} characters", field="reason")
    now = timezone.now()
    grant = EmergencyGrant.objects.create(
        user=user,
        client=client,
        reason=reason,
        starts_at=now,
        expires_at=now + timedelta(minutes=emergency_minutes()),
    )
    record(
        Action.EMERGENCY_ACCESS,
        user=user,
        client_id=client.pk,
        object_type="emergencygrant",
        object_id=grant.pk,
        detail=f"until {timezone.localtime(grant.expires_at):%Y-%m-%d %H:%M}",
    )
    return grant


@transaction.atomic
def review_emergency_grant(*, grant: EmergencyGrant, by: User) -> EmergencyGrant:
    if by.role != Role.ADMIN or by.practice_id != grant.client.practice_id:
        raise NotAllowed("only the practice administrator reviews emergency access")
    grant.reviewed_by = by
    grant.reviewed_at = timezone.now()
    grant.save(update_fields=["reviewed_by", "reviewed_at"])
    return grant


# --- amendments -------------------------------------------------------------------------


def _may_record_for(user: User, client: Client) -> bool:
    same = user.practice_id == client.practice_id
    return same and (client.clinician_id == user.pk or user.role == Role.ADMIN)


@transaction.atomic
def record_amendment_request(
    *, client: Client, by: User, received_on: date, requested_by: str, request: str
) -> AmendmentRequest:
    if not _may_record_for(by, client):
        raise NotAllowed("only the treating clinician or an administrator records requests")
    if not requested_by.strip():
        raise ActionError(
            "must name who asked (the client or their guardian)", field="requested_by"
        )
    if not request.strip():
        raise ActionError("must say what the client asks to change", field="request")
    if received_on > timezone.localdate():
        raise ActionError("cannot be in the future", field="received_on")
    amendment = AmendmentRequest.objects.create(
        client=client,
        received_on=received_on,
        requested_by=requested_by.strip(),
        request=request.strip(),
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    record(
        Action.AMENDMENT_REQUESTED,
        user=by,
        client_id=client.pk,
        object_type="amendmentrequest",
        object_id=amendment.pk,
    )
    return amendment


@transaction.atomic
def decide_amendment(
    *,
    amendment: AmendmentRequest,
    by: User,
    accepted: bool,
    reason: str,
    version: PlanVersion | None = None,
) -> AmendmentRequest:
    """Accept (linking the plan version that makes the change) or deny (with a reason the
    client is given). The treating clinician decides: it is clinical content."""
    amendment = AmendmentRequest.objects.select_for_update().get(pk=amendment.pk)
    if amendment.client.clinician_id != by.pk:
        raise NotAllowed("only the treating clinician decides an amendment request")
    if amendment.status != AmendmentStatus.PENDING:
        raise ActionError("this request was already decided", field="decision")
    reason = reason.strip()
    if accepted:
        if version is None:
            raise ActionError(
                "must name the plan version that makes the change (amend the plan first)",
                field="version",
            )
        if version.plan.client_id != amendment.client_id:
            raise ActionError("must be a version of this client's plan", field="version")
    elif not reason:
        raise ActionError("must say why the request is denied", field="reason")
    amendment.status = AmendmentStatus.ACCEPTED if accepted else AmendmentStatus.DENIED
    amendment.decision_reason = reason
    amendment.decided_by = by
    amendment.decided_at = timezone.now()
    amendment.resulting_version = version if accepted else None
    amendment.save()
    record(
        Action.AMENDMENT_DECIDED,
        user=by,
        client_id=amendment.client_id,
        object_type="amendmentrequest",
        object_id=amendment.pk,
        detail=amendment.status,
    )
    return amendment


# --- disclosures ------------------------------------------------------------------------


@transaction.atomic
def record_disclosure(
    *,
    version: PlanVersion,
    by: User,
    kind: str,
    recipient: str,
    purpose: str,
) -> Disclosure:
    if kind not in Disclosure.Kind.values:
        raise ActionError("must be an export or a print", field="kind")
    if not recipient.strip():
        raise ActionError("must name who receives the record", field="recipient")
    if not purpose.strip():
        raise ActionError("must say why the record is disclosed", field="purpose")
    disclosure = Disclosure.objects.create(
        client_id=version.plan.client_id,
        version=version,
        kind=kind,
        recipient=recipient.strip()[:200],
        purpose=purpose.strip()[:300],
        by=by,
        at=timezone.now(),
    )
    record(
        Action.EXPORT if kind == Disclosure.Kind.EXPORT else Action.PRINT,
        user=by,
        client_id=version.plan.client_id,
        object_type="planversion",
        object_id=version.pk,
        detail=f"disclosure {disclosure.pk}",
    )
    return disclosure


# --- practice settings and accounts -----------------------------------------------------


@transaction.atomic
def set_practice_mfa(*, practice: Practice, by: User, required: bool) -> Practice:
    if by.role != Role.ADMIN or by.practice_id != practice.pk:
        raise NotAllowed("only the practice administrator changes this")
    practice.mfa_required = required
    practice.save(update_fields=["mfa_required"])
    record(
        Action.PRACTICE_CHANGED,
        user=by,
        object_type="practice",
        object_id=practice.pk,
        detail=f"mfa_required={required}",
    )
    return practice


def _same_practice_admin(by: User, user: User) -> None:
    if by.role != Role.ADMIN or by.practice_id is None or by.practice_id != user.practice_id:
        raise NotAllowed("only an administrator of the same practice does this")


def unlock_account(*, user: User, by: User) -> int:
    """Clear the failed-login lockout of ``user`` (django-axes). The failed logins stay in
    the audit trail."""
    from axes.utils import reset

    _same_practice_admin(by, user)
    removed = reset(username=user.username)
    record(
        Action.ACCOUNT_UNLOCKED,
        user=by,
        object_type="user",
        object_id=user.pk,
        detail=f"unlocked {user.username}",
    )
    return removed


def reset_second_factor(*, user: User, by: User) -> None:
    """An administrator removes a user's authenticator and recovery codes (a lost phone);
    the user sets up a new one at their next login."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _same_practice_admin(by, user)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        record(
            Action.MFA_RESET,
            user=by,
            object_type="user",
            object_id=user.pk,
            detail=f"second factor removed for {user.username}",
        )


def start_totp(*, user: User) -> Any:
    """A new, unconfirmed authenticator for ``user`` (an earlier unconfirmed one is dropped)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def confirm_totp(*, user: User, device: Any, token: str) -> list[str]:
    """Confirm the authenticator with a code from it; returns fresh recovery codes (shown once)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if device.user_id != user.pk or device.confirmed:
        raise NotAllowed("this authenticator is not waiting for confirmation")
    if not device.verify_token(token.replace(" ", "")):
        raise ActionError("is not the code your app shows now; try the next one", field="token")
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save()
    codes = new_recovery_codes(user=user)
    record(Action.MFA_ENROLLED, user=user, object_type="user", object_id=user.pk)
    return codes


def new_recovery_codes(*, user: User) -> list[str]:
    """Replace the user's recovery codes with new single-use ones."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name="Recovery codes", defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        for code in codes:
            device.token_set.create(token=code)
    return codes


def record_wrong_signing_password(version: PlanVersion) -> AuditEvent:
    """A signature (or co-signature, or agreement) refused because the password was wrong."""
    return record(
        Action.SIGN_WRONG_PASSWORD,
        client_id=version.plan.client_id,
        object_type="planversion",
        object_id=version.pk,
    )
