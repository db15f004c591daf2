"""Clients, their diagnoses, the practice's payers and discharges.

Every fixture and the demo practice are synthetic. Only ``actions.py`` writes these.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from txplan.web.errors import VersionLocked


class Payer(models.Model):
    """A payer the practice bills (an insurer, a programme, self-pay): the list intake picks
    from, so one payer is not spelled three ways."""

    practice = models.ForeignKey(
        "accounts.Practice", on_delete=models.PROTECT, related_name="payers"
    )
    name = models.CharField(max_length=120)
    # An inactive payer stays on the clients who have it but is no longer offered at intake.
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "name"], name="payer_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    X = "x", "X (unspecified or another sex on legal documents)"
    UNKNOWN = "unknown", "Not recorded"  # not asked yet, or the client declined


class Client(models.Model):
    practice = models.ForeignKey("accounts.Practice", on_delete=models.PROTECT)
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="clients"
    )
    # Legal name (claims, letters) and the name the client goes by (the page, the session).
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    preferred_name = models.CharField(max_length=80, blank=True)
    pronouns = models.CharField(max_length=40, blank=True)
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    date_of_birth = models.DateField(null=True, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    record_number = models.CharField(max_length=40, blank=True)
    # The date of the intake assessment: plans are due within N days of it.
    intake_date = models.DateField()
    payer = models.ForeignKey(
        Payer, on_delete=models.PROTECT, null=True, blank=True, related_name="clients"
    )
    # The payer's required review interval; falls back to the practice default.
    review_days = models.PositiveSmallIntegerField(null=True, blank=True)
    # A minor's parent or legal guardian: who agrees to the plan in the client's place.
    guardian_name = models.CharField(max_length=160, blank=True)
    guardian_relationship = models.CharField(max_length=60, blank=True)
    guardian_phone = models.CharField(max_length=40, blank=True)
    guardian_email = models.EmailField(blank=True)
    # Set when a discharge is signed: the client leaves the active caseload (still searchable).
    discharged_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "record_number"],
                condition=~models.Q(record_number=""),
                name="client_record_number_unique_in_practice",
            )
        ]
        indexes = [
            models.Index(
                fields=["practice", "last_name", "first_name"], name="client_practice_name_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def called(self) -> str:
        """The name to address the client by: the preferred name where there is one."""
        return self.preferred_name or self.first_name


class CurrentDiagnoses(models.Manager["ClientDiagnosis"]):
    """Diagnoses not resolved. The default manager, so ``client.diagnoses`` (what a new plan
    and the drafter start from) never carries a resolved one; history is ``with_history``."""

    def get_queryset(self) -> models.QuerySet[ClientDiagnosis]:
        return super().get_queryset().filter(resolved_on__isnull=True)


class ClientDiagnosis(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="diagnoses")
    code = models.CharField(max_length=10)
    description = models.CharField(max_length=300)
    primary = models.BooleanField(default=False)
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Resolved diagnoses stay on the record as history; a code may be added again later.
    resolved_on = models.DateField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    was_primary = models.BooleanField(default=False)  # primary when it was resolved

    objects = CurrentDiagnoses()
    with_history = models.Manager()  # noqa: DJ012 (the default manager must come first)

    class Meta:
        ordering = ["-primary", "code"]
        base_manager_name = "with_history"
        constraints = [
            models.UniqueConstraint(
                fields=["client", "code"],
                condition=models.Q(resolved_on__isnull=True),
                name="client_current_diagnosis_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"


class DischargeReason(models.TextChoices):
    GOALS_MET = "goals_met", "Treatment goals met"  # planned ending
    STEP_DOWN = "step_down", "Stepped down or transferred to other care"
    REFERRED = "referred", "Referred to a higher level of care"
    CLIENT_CHOICE = "client_choice", "Client chose to end treatment"
    NO_CONTACT = "no_contact", "Lost contact (no response to outreach)"
    MOVED = "moved", "Moved away or payer coverage ended"
    OTHER = "other", "Other (see details)"


class Discharge(models.Model):
    """The end of an episode of care: why, a summary drafted from the plan and the measures,
    signed by the treating clinician. Signing closes the client's plans (``closed_plans``) and
    takes the client off the active caseload. A signed discharge is frozen."""

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="discharges")
    discharged_on = models.DateField()
    reason = models.CharField(max_length=20, choices=DischargeReason.choices)
    reason_detail = models.TextField(blank=True)
    # The summary. ``objectives``: [{"id", "text", "goal", "outcome": met|not_met|partly_met|
    # discontinued, "evidence"}]; ``scores``: [{"instrument", "name", "first", "first_on",
    # "last", "last_on", "band", "change"}], computed from the recorded measures.
    course = models.TextField(blank=True, help_text="Course of treatment, in a few sentences.")
    objectives = models.JSONField(default=list, blank=True)
    scores = models.JSONField(default=list, blank=True)
    recommendations = models.TextField(blank=True)
    closed_plans = models.ManyToManyField("plans.Plan", blank=True, related_name="discharges")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-discharged_on", "-pk"]
        constraints = [
            # One discharge in progress (unsigned) per client at a time.
            models.UniqueConstraint(
                fields=["client"],
                condition=models.Q(signed_at__isnull=True),
                name="one_open_discharge_per_client",
            )
        ]

    def __str__(self) -> str:
        return f"Discharge of {self.client} on {self.discharged_on}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Read the stored row, so an in-memory change cannot unlock a signed summary.
        if self.pk and Discharge.objects.filter(pk=self.pk, signed_at__isnull=False).exists():
            raise VersionLocked("a signed discharge summary cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.pk and Discharge.objects.filter(pk=self.pk, signed_at__isnull=False).exists():
            raise VersionLocked("a signed discharge summary cannot be deleted")
        return super().delete(*args, **kwargs)

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None
