"""Practices and the people who work in them."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Practice(models.Model):
    name = models.CharField(max_length=200)
    # Days between plan reviews when the payer sets nothing stricter.
    default_review_days = models.PositiveSmallIntegerField(default=90)
    # Every user must pass a second factor (administrators always must).
    mfa_required = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CLINICIAN = "clinician", "Clinician"  # sees and writes plans for their own caseload
    SUPERVISOR = "supervisor", "Supervisor"  # also sees and co-signs their supervisees' plans
    ADMIN = "admin", "Administrator"  # runs the practice: sees every client of the practice


class User(AbstractUser):
    practice = models.ForeignKey(
        Practice, on_delete=models.PROTECT, null=True, related_name="users"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CLINICIAN)
    credentials = models.CharField(max_length=60, blank=True, help_text="e.g. LPC, LCSW, PhD")
    # An associate (pre-licensed) clinician has a supervisor who co-signs their plans.
    supervisor = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="supervisees"
    )

    @property
    def is_associate(self) -> bool:
        return self.supervisor_id is not None

    def display_name(self) -> str:
        name = self.get_full_name() or self.username
        return f"{name}, {self.credentials}" if self.credentials else name
