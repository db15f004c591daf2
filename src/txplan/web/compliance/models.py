"""Compliance records: the audit trail (a hash chain), emergency access grants, amendment
requests and the accounting of disclosures. ``actions.py`` is the only writer.

Audit events carry ids and short labels, never clinical text.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    LOGIN = "login", "Logged in"
    LOGIN_FAILED = "login_failed", "Failed login"
    LOGOUT = "logout", "Logged out"
    TIMEOUT = "timeout", "Logged out after inactivity"
    MFA_ENROLLED = "mfa_enrolled", "Second factor set up"
    MFA_VERIFIED = "mfa_verified", "Second factor accepted"
    MFA_FAILED = "mfa_failed", "Second factor refused"
    MFA_RECOVERY_USED = "mfa_recovery", "Recovery code used"
    MFA_RESET = "mfa_reset", "Second factor removed"
    PASSWORD_CHANGED = "password_changed", "Password changed"
    ACCOUNT_UNLOCKED = "account_unlocked", "Account unlocked"
    USER_CHANGED = "user_changed", "User or role changed"
    PRACTICE_CHANGED = "practice_changed", "Practice security settings changed"
    PHI_VIEW = "phi_view", "Viewed a record"
    RECORD_CREATED = "record_created", "Created a record"
    RECORD_CHANGED = "record_changed", "Changed a record"
    RECORD_DELETED = "record_deleted", "Deleted a record"
    ADMIN_VIEW = "admin_view", "Admin page viewed"
    ADMIN_EDIT = "admin_edit", "Admin change"
    EXPORT = "export", "Exported"
    PRINT = "print", "Printed"
    SIGN_WRONG_PASSWORD = "sign_wrong_password", "Signing refused: wrong password"
    EMERGENCY_ACCESS = "emergency_access", "Emergency access granted"
    AMENDMENT_REQUESTED = "amendment_requested", "Amendment requested"
    AMENDMENT_DECIDED = "amendment_decided", "Amendment decided"
    AUDIT_REPORT = "audit_report", "Audit report exported"


class AuditEvent(models.Model):
    """One entry of the audit trail. ``entry_hash`` is an HMAC over the previous entry's hash
    and this entry's fields, so editing, removing or reordering an entry breaks the chain
    (``chain.verify_chain``)."""

    at = models.DateTimeField(db_index=True)
    # Kept as plain values as well as the link: the trail must survive a renamed or removed user.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    username = models.CharField(max_length=150, blank=True)
    practice_id_at = models.BigIntegerField(null=True, blank=True, db_index=True)
    action = models.CharField(max_length=30, choices=Action.choices, db_index=True)
    client_id_at = models.BigIntegerField(null=True, blank=True, db_index=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=60, blank=True)
    detail = models.CharField(max_length=300, blank=True)
    ip = models.CharField(max_length=45, blank=True)
    emergency = models.BooleanField(default=False)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action}"


class ChainHead(models.Model):
    """The single row that serialises appends and remembers the last hash and the count, so
    cutting entries off the end is detected too."""

    last_hash = models.CharField(max_length=64, default="0" * 64)
    count = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.count} entries, last {self.last_hash[:12]}"


class EmergencyGrant(models.Model):
    """Break-glass: a time-limited right to see one client outside one's caseload."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="emergency_grants"
    )
    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="emergency_grants"
    )
    reason = models.TextField()
    starts_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"emergency access {self.user_id} → client {self.client_id}"


class AmendmentStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    DENIED = "denied", "Denied"


class AmendmentRequest(models.Model):
    """A client's request to amend their record (HIPAA §164.526) and its decision."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="amendment_requests"
    )
    received_on = models.DateField()
    requested_by = models.CharField(max_length=200, help_text="The client or their guardian.")
    request = models.TextField(help_text="What the client asks to change, and why.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=AmendmentStatus.choices, default=AmendmentStatus.PENDING
    )
    decision_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    resulting_version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"amendment request {self.pk} ({self.status})"


class Disclosure(models.Model):
    """One export or print of a client's record: who received it and why (§164.528)."""

    class Kind(models.TextChoices):
        EXPORT = "export", "Export (JSON)"
        PRINT = "print", "Print"

    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    recipient = models.CharField(max_length=200)
    purpose = models.CharField(max_length=300)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} of client {self.client_id} to {self.recipient}"
